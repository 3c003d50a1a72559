/**
 * Starts the Stash HA language server for `stash-cluster` documents and keeps it told
 * what it may read: the workspace's trust and the `stashHa.metadataPaths` setting go
 * in the initialization options and, when either changes, in a
 * `workspace/didChangeConfiguration` notification. A watcher reports changed
 * `*.metadata.xml` files so the server re-reads them.
 */
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { StashHaSettings } from '../../../server/src';

export const LANGUAGE_ID = 'stash-cluster';

/** The settings as the server expects them, read now. */
export function currentSettings(): StashHaSettings {
  const config = vscode.workspace.getConfiguration('stashHa');
  return { metadataPaths: config.get<string[]>('metadataPaths', []), trusted: vscode.workspace.isTrusted };
}

/** Creates and starts the client; everything it registers goes into `context.subscriptions`. */
export async function startSpecClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.metadata.xml');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID, scheme: 'file' }, { language: LANGUAGE_ID, scheme: 'untitled' }],
    synchronize: { fileEvents: watcher },
    initializationOptions: currentSettings(),
  };
  const client = new LanguageClient('stashHa', 'Stash HA Language Server', serverOptions, clientOptions);
  context.subscriptions.push(client);

  const sendSettings = (): void => {
    if (client.isRunning()) {
      void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { stashHa: currentSettings() } });
    }
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('stashHa.metadataPaths')) sendSettings(); }),
    vscode.workspace.onDidGrantWorkspaceTrust(sendSettings),
  );
  await client.start();
  return client;
}
