/**
 * Everything the commands ask or tell the user, behind one interface: the real
 * one shows VS Code's modals, quick picks and notifications; the extension-host
 * tests replace it (through the extension's exported API) with one that answers
 * as a test says. The end-to-end test clicks the real dialogs.
 */
import * as vscode from 'vscode';
import { hostKeyQuestion } from '../feedback/hostKeyQuestion';
export { oneAtATime } from '../feedback/hostKeyQuestion';
import { UnknownHostKeyPrompt } from '../remote/sshOptions';

export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly value: T;
}

export type Confirmation = 'yes' | 'always' | undefined;

export interface Ui {
  /**
   * A modal naming what will happen; `always` also means "don't ask again for this
   * cluster", offered unless `once` (for what must be asked every time, as apply).
   */
  confirm(message: string, detail: string, action: string, once?: boolean): Promise<Confirmation>;
  /** A modal saying why nothing was done. */
  refused(message: string, problems: readonly string[]): Promise<void>;
  pick<T>(items: readonly PickItem<T>[], placeholder: string): Promise<T | undefined>;
  /** Whether to trust a node's unknown host key (recorded as ssh's accept-new does). */
  trustHostKey(prompt: UnknownHostKeyPrompt): Promise<boolean>;
  /** A line of text, checked as it is typed (`validate` says what is wrong, or undefined); undefined when cancelled. */
  ask(prompt: string, placeholder: string, validate: (value: string) => string | undefined): Promise<string | undefined>;
  /** Where to save a new file, starting at `suggested`; undefined when cancelled. */
  saveTo(suggested: vscode.Uri, title: string): Promise<vscode.Uri | undefined>;
  info(message: string): void;
  /** An error notification with a "Show Output" button. */
  error(message: string, showOutput: () => void): void;
}

export const vscodeUi: Ui = {
  async confirm(message, detail, action, once) {
    const always = `${action}, Don't Ask Again for This Cluster`;
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action, ...(once ? [] : [always]));
    return choice === action ? 'yes' : choice === always ? 'always' : undefined;
  },
  async refused(message, problems) {
    await vscode.window.showErrorMessage(message, { modal: true, detail: problems.map((p) => `• ${p}`).join('\n') });
  },
  async pick(items, placeholder) {
    const chosen = await vscode.window.showQuickPick(items.map((i) => ({ label: i.label, description: i.description, item: i })), { placeHolder: placeholder });
    return chosen?.item.value;
  },
  async trustHostKey(p) {
    const trust = 'Trust This Key';
    const { message, detail } = hostKeyQuestion(p);
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, trust);
    return choice === trust;
  },
  ask(prompt, placeholder, validate) {
    return Promise.resolve(vscode.window.showInputBox({ prompt, placeHolder: placeholder, ignoreFocusOut: true, validateInput: (v) => validate(v.trim()) }))
      .then((v) => v?.trim());
  },
  async saveTo(suggested, title) {
    return vscode.window.showSaveDialog({ defaultUri: suggested, title, filters: { 'Cluster spec': ['cluster.yaml', 'yaml'] } });
  },
  info(message) {
    void vscode.window.showInformationMessage(message);
  },
  error(message, showOutput) {
    void vscode.window.showErrorMessage(message, 'Show Output').then((c) => { if (c) showOutput(); });
  },
};
