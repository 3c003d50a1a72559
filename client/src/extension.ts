/**
 * The Stash HA extension: the cluster-spec language client, the Clusters view,
 * its commands and the status bar. Only wiring here; each feature lives in a
 * module named for what it does. `activate` returns a small API the
 * extension-host tests use to answer prompts and read the tree.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { spawnRunner, systemClock } from './remote/processRunner';
import { ClusterRegistry } from './clusters/clusterRegistry';
import { agentToDeploy } from './commands/agentSource';
import { registerClusterCommands } from './commands/clusterCommands';
import { CommandContext, registerOperationCommands } from './commands/operationCommands';
import { oneAtATime, Ui, vscodeUi } from './commands/ui';
import { ClusterExplorer } from './explorer/clusterExplorer';
import { OutputLog } from './feedback/output';
import { StatusBar } from './feedback/statusBar';
import { startSpecClient } from './language/specClient';
import { registerLiveCommands } from './live/liveCommands';
import { LiveSpecs } from './live/liveSpecs';

let client: LanguageClient | undefined;
let clusters: ClusterRegistry | undefined;

export interface StashHaApi {
  readonly registry: ClusterRegistry;
  readonly explorer: ClusterExplorer;
  /** The spec held against the live cluster: CodeLens, live-drift diagnostics, the diff editor's live side. */
  readonly live: LiveSpecs;
  /** Replaces what the commands ask and tell (tests); undefined restores VS Code's own dialogs. */
  setUi(ui: Ui | undefined): void;
}

export async function activate(context: vscode.ExtensionContext): Promise<StashHaApi> {
  let ui: Ui = vscodeUi;
  const log = new OutputLog();
  const registry = new ClusterRegistry({ runner: spawnRunner(), clock: systemClock, log, askHostKey: oneAtATime((p) => ui.trustHostKey(p)) });
  clusters = registry;
  const explorer = new ClusterExplorer(registry);
  const view = vscode.window.createTreeView('stashHa.clusters', { treeDataProvider: explorer, showCollapseAll: true });
  const ctx: CommandContext = { registry, log, ui: () => ui, state: context.workspaceState, agent: () => agentToDeploy(context.extensionUri) };
  const live = new LiveSpecs(registry);
  context.subscriptions.push(
    log, registry, explorer, view, new StatusBar(registry), live,
    view.onDidChangeVisibility((e) => registry.setVisible(e.visible)),
    ...registerOperationCommands(ctx),
    ...registerClusterCommands(ctx),
    ...registerLiveCommands(ctx, live),
  );
  registry.setVisible(view.visible);
  client = await startSpecClient(context);
  return { registry, explorer, live, setUi: (u) => { ui = u ?? vscodeUi; } };
}

/** Stops the server cleanly (shutdown, then exit) and ends the clusters' ssh connections before VS Code unloads the extension. */
export async function deactivate(): Promise<void> {
  await Promise.all([client?.stop(), clusters?.close()]);
}
