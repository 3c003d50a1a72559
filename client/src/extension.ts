/**
 * The Stash HA extension: starts the cluster-spec language client. Only wiring here;
 * each feature lives in a module named for what it does.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { startSpecClient } from './language/specClient';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = await startSpecClient(context);
}

/** Stops the server cleanly (shutdown, then exit) before VS Code unloads the extension. */
export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
