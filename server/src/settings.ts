/**
 * The settings the extension sends the language server (initialization options and
 * `workspace/didChangeConfiguration`). Shared with client/ through the public entry
 * (index.ts), so both sides agree on one shape.
 */

/** What the client tells the server; shared with client/src so both agree. */
export interface StashHaSettings {
  /** Extra OCF meta-data XML files, absolute or relative to a workspace folder. */
  readonly metadataPaths: readonly string[];
  /** `vscode.workspace.isTrusted`. */
  readonly trusted: boolean;
}
