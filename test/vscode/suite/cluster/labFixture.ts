/**
 * What the cluster tests in the extension host share: the real lab cluster the
 * launcher brought up (named by STASH_HA_TEST_LAB, see test/vscode/stashLab.ts),
 * crm_mon read on its nodes over the lab's own ssh config as the oracle, the
 * extension's API (the registry, the explorer, setUi), a scripted Ui that answers
 * the commands' prompts and records what they asked and told, and the Clusters
 * tree read through the TreeDataProvider the way VS Code reads it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StashHaApi } from '../../../../client/src/extension';
import type { Confirmation, PickItem, Ui } from '../../../../client/src/commands/ui';
import type { UnknownHostKeyPrompt } from '../../../../client/src/remote/sshOptions';
import type { ClusterSession } from '../../../../client/src/clusters/clusterSession';
import type { TreeNode } from '../../../../client/src/explorer/treeModel';
import type { LabCluster } from '../../../cluster/labCluster';
import { LAB_ENV, LAB_SPEC_FILE, labFromEnv } from '../../stashLab';
import { activeExtension, workspaceFile } from '../fixtures';

export { LAB_SPEC_FILE };

/** The lab the launcher brought up; fails the test with what to do when there is none. */
export function lab(): LabCluster {
  const found = labFromEnv();
  assert.ok(found, `${LAB_ENV} is not set: run the suite through test/vscode/realCluster.test.ts (npm run test:vscode) or ` +
    'scripts/test-vscode-electron.mjs, which bring up the lab cluster and name it to the extension host');
  return found;
}

/** The extension's API, once it is active. */
export async function stashHa(): Promise<StashHaApi> {
  const api = (await activeExtension()).exports as StashHaApi | undefined;
  assert.ok(api && typeof api.setUi === 'function', 'the extension\'s activate() returned no StashHaApi');
  await api.registry.ready();
  return api;
}

/** The session of the lab's spec in the workspace. */
export async function labSession(api: StashHaApi): Promise<ClusterSession> {
  await api.registry.ready();
  const key = workspaceFile(LAB_SPEC_FILE).toString();
  const session = api.registry.get(key);
  assert.ok(session, `no cluster for ${key} among ${api.registry.all().map((s) => s.key).join(', ')}`);
  return session;
}

/** One item as VS Code shows it (getTreeItem), with the element the commands receive. */
export interface ShownItem {
  readonly node: TreeNode;
  readonly label: string;
  readonly description: string;
  readonly contextValue: string;
  readonly children: readonly ShownItem[];
}

function labelOf(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : l?.label ?? '';
}

function show(api: StashHaApi, node: TreeNode): ShownItem {
  const item = api.explorer.getTreeItem(node);
  return {
    node, label: labelOf(item), description: typeof item.description === 'string' ? item.description : '',
    contextValue: item.contextValue ?? '', children: api.explorer.getChildren(node).map((c) => show(api, c)),
  };
}

/** The cluster's item and everything beneath it, read through the explorer. */
export function shownTree(api: StashHaApi, key: string): ShownItem {
  const root = api.explorer.getChildren().find((n) => n.id === key);
  assert.ok(root, `the Clusters view has no item for ${key}: ${api.explorer.getChildren().map((n) => n.id).join(', ')}`);
  return show(api, root);
}

/** The child labelled `label`; fails naming the labels there are. */
export function child(item: ShownItem, label: string): ShownItem {
  const found = item.children.find((c) => c.label === label);
  assert.ok(found, `'${item.label}' has no child '${label}': ${item.children.map((c) => c.label).join(', ')}`);
  return found;
}

/** What a command asked and told, and how the scripted Ui answers. */
export class ScriptedUi implements Ui {
  readonly confirms: { message: string; detail: string; action: string; once: boolean }[] = [];
  readonly asks: { prompt: string; error?: string }[] = [];
  readonly saves: { suggested: string; title: string }[] = [];
  readonly refusals: { message: string; problems: readonly string[] }[] = [];
  readonly picks: { placeholder: string; labels: string[] }[] = [];
  readonly hostKeys: UnknownHostKeyPrompt[] = [];
  readonly infos: string[] = [];
  readonly errors: string[] = [];
  /** The answer to every confirmation. */
  confirmAnswer: Confirmation = 'yes';
  /** Chooses from a quick pick by label; undefined cancels. */
  pickAnswer: (labels: readonly string[], placeholder: string) => string | undefined = () => undefined;
  /** The answer to an unknown host key. */
  trustAnswer = false;
  /** What is typed into an input box (checked by its validation, as VS Code does); undefined cancels. */
  askAnswer: string | undefined;
  /** The file chosen in a save dialog; undefined cancels. */
  saveAnswer: vscode.Uri | undefined;

  confirm(message: string, detail: string, action: string, once?: boolean): Promise<Confirmation> {
    this.confirms.push({ message, detail, action, once: once === true });
    return Promise.resolve(this.confirmAnswer);
  }

  ask(prompt: string, _placeholder: string, validate: (value: string) => string | undefined): Promise<string | undefined> {
    const error = this.askAnswer === undefined ? undefined : validate(this.askAnswer);
    this.asks.push({ prompt, ...(error ? { error } : {}) });
    // VS Code does not accept a value its validation rejects: the person can only cancel.
    return Promise.resolve(error ? undefined : this.askAnswer);
  }

  saveTo(suggested: vscode.Uri, title: string): Promise<vscode.Uri | undefined> {
    this.saves.push({ suggested: suggested.toString(), title });
    return Promise.resolve(this.saveAnswer);
  }

  refused(message: string, problems: readonly string[]): Promise<void> {
    this.refusals.push({ message, problems });
    return Promise.resolve();
  }

  pick<T>(items: readonly PickItem<T>[], placeholder: string): Promise<T | undefined> {
    const labels = items.map((i) => i.label);
    this.picks.push({ placeholder, labels });
    const chosen = this.pickAnswer(labels, placeholder);
    return Promise.resolve(items.find((i) => i.label === chosen)?.value);
  }

  trustHostKey(prompt: UnknownHostKeyPrompt): Promise<boolean> {
    this.hostKeys.push(prompt);
    return Promise.resolve(this.trustAnswer);
  }

  info(message: string): void {
    this.infos.push(message);
  }

  error(message: string): void {
    this.errors.push(message);
  }

  /** Everything it was asked and told, for a failure message. */
  transcript(): string {
    return JSON.stringify({ confirms: this.confirms, asks: this.asks, saves: this.saves, refusals: this.refusals, picks: this.picks, hostKeys: this.hostKeys, infos: this.infos, errors: this.errors });
  }
}

/** Sets a stashHa setting in the workspace and resolves once the extension has been told. */
export async function setSetting(name: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('stashHa');
  if (JSON.stringify(config.inspect(name)?.workspaceValue) === JSON.stringify(value)) return;
  const told = new Promise<void>((resolve) => {
    const s = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`stashHa.${name}`)) {
        s.dispose();
        resolve();
      }
    });
  });
  await config.update(name, value, vscode.ConfigurationTarget.Workspace);
  await told;
}
