/**
 * Text from the cluster (pcs's stderr, crm_mon's words, node names, Stash's status
 * page) on its way to a person: control characters other than line breaks and tabs
 * are dropped, so remote output cannot move the cursor, retitle or recolour a
 * terminal or a log. Part of the cluster library (no vscode), so the CLI's output
 * and the extension's output channel strip the same way.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}
