/**
 * One cluster as the editor holds it: the spec file it comes from, the
 * connection opened for it (lazily, with openCluster, kept warm between
 * refreshes), the last snapshot or the last failure, and the operations run on
 * it. Knows nothing of VS Code: the registry feeds it text and settings, the
 * explorer reads `view()`. A refresh never throws; it records what went wrong.
 */
import { buildModel, desiredCluster } from '../../../server/src';
import { ClusterConnection, LiveRead } from '../cluster/clusterConnection';
import { ClusterDeps, ClusterSettings, openCluster } from '../cluster/openCluster';
import { OperationReport, outcomeOfAttempts } from '../cluster/operationReport';
import { OperationInput, OperationRow, runOperation } from '../cluster/operations';
import { ClusterSnapshot } from '../cluster/snapshot';
import { clusterFromDesired, SpecCluster } from '../cluster/specCluster';
import { sshOptionArgs } from '../remote/sshOptions';
import { ClusterState, ClusterView, DesiredView } from '../explorer/treeModel';
import { failureHint } from './failureHint';
import { desiredView } from './desiredView';

export interface SessionOptions {
  /** Whether remote commands may run at all (VS Code's workspace trust). */
  readonly trusted: boolean;
  readonly settings: ClusterSettings;
  readonly deps: ClusterDeps;
}

export class ClusterSession {
  private spec: SpecCluster;
  private desired: DesiredView;
  private connection?: ClusterConnection;
  private state: ClusterState;
  private snapshot?: ClusterSnapshot;
  private error?: { message: string; hint: string };
  private refreshing?: Promise<void>;
  private busy = 0;

  constructor(
    readonly key: string,
    readonly specLabel: string,
    text: string,
    private options: SessionOptions,
    private readonly onChange: () => void,
  ) {
    const desired = desiredCluster(buildModel(text));
    this.spec = clusterFromDesired(desired);
    this.desired = desiredView(desired);
    this.state = this.restingState();
  }

  /** The cluster's name: the spec's `cluster`, else the file. */
  get name(): string {
    return this.spec.name ?? this.specLabel;
  }

  get nodeNames(): readonly string[] {
    return this.spec.nodes.map((n) => n.name);
  }

  get lastSnapshot(): ClusterSnapshot | undefined {
    return this.snapshot;
  }

  /** Whether an operation is running: auto-refresh waits for it. */
  get isBusy(): boolean {
    return this.busy > 0;
  }

  private restingState(): ClusterState {
    if (!this.options.trusted) return 'untrusted';
    if (this.spec.nodes.length === 0) return 'no-nodes';
    return 'not-connected';
  }

  view(): ClusterView {
    return {
      key: this.key, name: this.name, specLabel: this.specLabel, state: this.state, desired: this.desired,
      ...(this.state === 'connected' && this.snapshot ? { snapshot: this.snapshot } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** The spec changed on disk or in the editor: a new node list means a new connection. */
  async updateSpec(text: string): Promise<void> {
    const desired = desiredCluster(buildModel(text));
    const spec = clusterFromDesired(desired);
    const sameNodes = JSON.stringify(spec.nodes) === JSON.stringify(this.spec.nodes) &&
      JSON.stringify(spec.stashProbes) === JSON.stringify(this.spec.stashProbes);
    this.spec = spec;
    this.desired = desiredView(desired);
    if (!sameNodes) await this.disconnect();
    this.onChange();
  }

  /** Trust or settings changed: connections made under the old ones are closed. */
  async updateOptions(options: SessionOptions): Promise<void> {
    this.options = options;
    await this.disconnect();
    this.onChange();
  }

  /** Closes the connection; the tree falls back to the spec. */
  async disconnect(): Promise<void> {
    const c = this.connection;
    this.connection = undefined;
    this.snapshot = undefined;
    this.error = undefined;
    this.state = this.restingState();
    await c?.close();
  }

  /**
   * The live cluster as the last refresh read it (each status query brings the CIB
   * and corosync's nodes along), while the tree shows that refresh; undefined
   * before the first, after a failed one and when disconnected.
   */
  live(): LiveRead | undefined {
    return this.state === 'connected' ? this.connection?.live() : undefined;
  }

  /**
   * Runs `body` on the session's connection (opened if need be), counted as an
   * operation so auto-refresh waits; a snapshot it hands back replaces the tree's.
   * A string when no command may run (untrusted, no usable node).
   */
  async withConnection<T>(body: (connection: ClusterConnection) => Promise<T & { readonly snapshot?: ClusterSnapshot }>): Promise<T | string> {
    const connection = this.open();
    if (typeof connection === 'string') return connection;
    this.busy += 1;
    try {
      const result = await body(connection);
      if (result.snapshot && connection === this.connection) {
        this.snapshot = result.snapshot;
        this.state = 'connected';
        this.error = undefined;
      }
      this.onChange();
      return result;
    } finally {
      this.busy -= 1;
    }
  }

  private open(): ClusterConnection | string {
    if (!this.options.trusted) return 'the workspace is not trusted, so no command runs on the cluster';
    if (this.connection) return this.connection;
    const opened = openCluster(this.spec, this.options.settings, this.options.deps);
    if (!opened.ok) return opened.error;
    this.connection = opened.connection;
    return opened.connection;
  }

  /** One status query; concurrent calls share it. */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => { this.refreshing = undefined; });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const connection = this.open();
    if (typeof connection === 'string') {
      this.state = this.restingState();
      this.onChange();
      return;
    }
    if (this.state !== 'connected') {
      this.state = 'connecting';
      this.onChange();
    }
    const status = await connection.status();
    if (connection !== this.connection) return; // disconnected meanwhile
    if (status.ok) {
      this.snapshot = status.snapshot;
      this.error = undefined;
      this.state = 'connected';
    } else {
      this.snapshot = undefined;
      this.state = 'failed';
      const failure = status.attempts.find((a) => a.failure)?.failure;
      this.error = { message: status.error.split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' '), hint: failureHint(outcomeOfAttempts(status.attempts), failure) };
    }
    this.onChange();
  }

  /** Runs one operation row; the snapshot in its report (or a fresh one) replaces the tree's. */
  async run(row: OperationRow, input: OperationInput, onStep?: (step: string) => void): Promise<OperationReport> {
    const report = await this.withConnection((connection) => runOperation(row, connection, input, this.options.deps.clock, onStep));
    return typeof report === 'string'
      ? { ok: false, outcome: 'refused', operation: row.id, elapsedMs: 0, steps: [], problems: [report] }
      : report;
  }

  /**
   * The argument vector of an interactive `ssh` to a node, with the same options
   * the cluster commands use (config file, strict host keys, timeouts), but its
   * own login and a terminal.
   */
  terminalArgs(nodeName: string): string[] | string {
    if (!this.options.trusted) return 'the workspace is not trusted, so no ssh runs';
    const node = this.spec.nodes.find((n) => n.name === nodeName);
    if (node === undefined) return `${nodeName} is not a node of ${this.specLabel}`;
    const { statusTimeoutMs: _t, controlDirBase: _c, warmPcsVersion: _w, ...ssh } = this.options.settings;
    return [...sshOptionArgs({ settings: ssh, target: node.target, ...(node.target.user ? { user: node.target.user } : {}) }), '-t', '--', node.target.host];
  }

  dispose(): Promise<void> {
    return this.disconnect();
  }
}
