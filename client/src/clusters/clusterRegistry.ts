/**
 * Every cluster spec of the workspace (`*.cluster.yaml`, `*.cluster.yml`), one
 * ClusterSession each: found at start, followed through file events, told when
 * the workspace is trusted or a setting changes. Refreshes them all in parallel
 * on demand, and every `stashHa.refreshInterval` seconds while the Clusters view
 * is visible. Remote commands run only in a trusted workspace.
 */
import * as vscode from 'vscode';
import { ClusterSettings } from '../cluster/openCluster';
import { Clock, ProcessRunner } from '../remote/processRunner';
import { UnknownHostKeyPrompt } from '../remote/sshOptions';
import { OutputLog } from '../feedback/output';
import { readSettings } from '../settings';
import { ClusterSession, SessionOptions } from './clusterSession';

export const SPEC_GLOB = '**/*.cluster.{yaml,yml}';

export interface RegistryDeps {
  readonly runner: ProcessRunner;
  readonly clock: Clock;
  readonly log: OutputLog;
  /** Asks the user whether to trust a node's unknown host key. */
  readonly askHostKey: (prompt: UnknownHostKeyPrompt) => Promise<boolean>;
}

export class ClusterRegistry implements vscode.Disposable {
  private readonly sessions = new Map<string, ClusterSession>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer?: ReturnType<typeof setTimeout>;
  private visible = false;
  private closed = false;
  private loading: Promise<void>;

  constructor(private readonly deps: RegistryDeps) {
    const watcher = vscode.workspace.createFileSystemWatcher(SPEC_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.load(uri)),
      watcher.onDidChange((uri) => void this.load(uri)),
      watcher.onDidDelete((uri) => void this.remove(uri)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.optionsChanged()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('stashHa')) void this.optionsChanged();
      }),
    );
    this.loading = this.scan();
  }

  /** Resolves once the workspace's specs have been read. */
  ready(): Promise<void> {
    return this.loading;
  }

  all(): ClusterSession[] {
    return [...this.sessions.values()].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
  }

  get(key: string): ClusterSession | undefined {
    return this.sessions.get(key);
  }

  private async scan(): Promise<void> {
    const uris = await vscode.workspace.findFiles(SPEC_GLOB, '**/node_modules/**');
    await Promise.all(uris.map((u) => this.load(u)));
    this.changed.fire();
  }

  /** How a connection for `uri` (a spec, or the workspace for an import) is opened: the settings, trust and what talks to the outside. */
  sessionOptions(uri?: vscode.Uri): SessionOptions {
    const s = readSettings(uri);
    const settings: ClusterSettings = {
      ...(s.sshConfigFile ? { configFile: s.sshConfigFile } : {}),
      connectTimeoutSec: s.connectTimeoutSec,
      hostKeyPolicy: 'strict',
      onUnknownHostKey: (p) => this.deps.askHostKey(p),
      // The view's connections stay open, so a failover need not wait for `pcs --version`.
      warmPcsVersion: true,
    };
    return { trusted: vscode.workspace.isTrusted, settings, deps: { runner: this.deps.runner, clock: this.deps.clock, logger: this.deps.log } };
  }

  private async load(uri: vscode.Uri): Promise<void> {
    if (this.closed) return;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      this.deps.log.warn(`cannot read ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    // A file event that arrives after close() (a save just before the extension unloads) opens nothing.
    if (this.closed) return;
    const key = uri.toString();
    const existing = this.sessions.get(key);
    if (existing) {
      await existing.updateSpec(text);
      return;
    }
    this.sessions.set(key, new ClusterSession(key, vscode.workspace.asRelativePath(uri), text, this.sessionOptions(uri), () => this.changed.fire()));
    this.changed.fire();
  }

  private async remove(uri: vscode.Uri): Promise<void> {
    const s = this.sessions.get(uri.toString());
    if (!s) return;
    this.sessions.delete(uri.toString());
    this.changed.fire();
    await s.dispose();
  }

  private async optionsChanged(): Promise<void> {
    await Promise.all(this.all().map((s) => s.updateOptions(this.sessionOptions(vscode.Uri.parse(s.key)))));
    this.reschedule();
  }

  /** Refreshes every cluster in parallel (or one); sessions busy with an operation are left alone. */
  async refresh(key?: string): Promise<void> {
    await this.loading;
    const targets = key ? [this.sessions.get(key)].filter((s) => s !== undefined) : this.all();
    await Promise.all(targets.filter((s) => !s.isBusy).map((s) => s.refresh()));
  }

  /** The Clusters view became visible or hidden: auto-refresh runs only while it is visible. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.reschedule();
    if (visible && vscode.workspace.isTrusted) void this.refresh();
  }

  private reschedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const seconds = readSettings().refreshIntervalSec;
    if (!this.visible || seconds <= 0 || !vscode.workspace.isTrusted) return;
    this.timer = setTimeout(() => {
      void this.refresh().finally(() => this.reschedule());
    }, seconds * 1000);
  }

  /**
   * Ends every cluster's shared ssh connections (`ssh -O exit`) and waits for them,
   * so none outlives the editor by its ControlPersist; from then on file events open
   * no session. Safe to call twice.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.visible = false;
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(sessions.map((s) => s.dispose()));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.close();
  }
}
