/**
 * The one way to open a connection to the cluster a spec describes, shared by
 * the CLI, the extension, the tests and the benchmarks: the spec's nodes and
 * Stash status pages, the ssh settings of the caller (config file, host key
 * policy, timeouts) and what talks to the outside (runner, clock, logger) go in;
 * a ClusterConnection over one private SshSession comes out. The caller owns it
 * and closes it. Nothing here reads files or settings of its own.
 */
import { Logger, silentLogger } from '../remote/logger';
import { Clock, ProcessRunner } from '../remote/processRunner';
import { SshSettings } from '../remote/sshOptions';
import { SshSession } from '../remote/sshSession';
import { ClusterConnection } from './clusterConnection';
import { SpecCluster } from './specCluster';

/** How the caller wants the nodes reached; every field optional, the SSH layer's defaults apply. */
export interface ClusterSettings extends SshSettings {
  /** Deadline of one status query to one node. */
  readonly statusTimeoutMs?: number;
  /** Where the private socket directory is created (default: the OS temp directory). */
  readonly controlDirBase?: string;
}

/** What talks to the outside; tests pass recordings or the real thing. */
export interface ClusterDeps {
  readonly runner: ProcessRunner;
  readonly clock: Clock;
  readonly logger?: Logger;
  /** Wall-clock time for snapshots (tests pass a fixed one). */
  readonly date?: () => Date;
}

export type OpenedCluster =
  | { readonly ok: true; readonly connection: ClusterConnection; readonly name?: string }
  | { readonly ok: false; readonly error: string };

/**
 * Opens (lazily: no ssh runs until the first query) a connection to the spec's
 * nodes. Refused only when the spec gives no node to connect to.
 */
export function openCluster(spec: SpecCluster, settings: ClusterSettings, deps: ClusterDeps): OpenedCluster {
  if (spec.nodes.length === 0) return { ok: false, error: 'no node to connect to (the spec needs nodes with an address)' };
  const { statusTimeoutMs, controlDirBase, ...ssh } = settings;
  const logger = deps.logger ?? silentLogger;
  const session = new SshSession(ssh, { runner: deps.runner, clock: deps.clock, logger },
    controlDirBase === undefined ? {} : { controlDirBase });
  const connection = new ClusterConnection(spec.nodes, session, { clock: deps.clock, logger }, {
    stashProbes: spec.stashProbes,
    ...(statusTimeoutMs === undefined ? {} : { statusTimeoutMs }),
    ...(deps.date === undefined ? {} : { date: deps.date }),
  });
  return { ok: true, connection, ...(spec.name === undefined ? {} : { name: spec.name }) };
}
