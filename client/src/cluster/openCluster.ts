/**
 * The one way to open a connection to the cluster a spec describes, shared by
 * the CLI, the extension, the tests and the benchmarks: the spec's nodes and
 * Stash status pages, the ssh settings of the caller (config file, host key
 * policy, timeouts) and what talks to the outside (runner, clock, logger) go in;
 * a ClusterConnection over one private SshSession comes out. The caller owns it
 * and closes it. Nothing here reads files or settings of its own.
 */
import { badHost, badLoginUser, badStatusUrl, parsePort } from '../../../server/src';
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
  /** Learn each node's pcs version in the background after its first status (see ConnectionOptions). */
  readonly warmPcsVersion?: boolean;
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
  /** `refused`: the values that kept it from opening (see refusedValues), when that was the reason. */
  | { readonly ok: false; readonly error: string; readonly refused?: readonly string[] };

/**
 * Why each value of `spec` cannot be sent to a node, by the vocabulary's rules the
 * checker reports by too: what the spec reading marked unsafe, and every target's
 * host, user and port and every status page checked again here, so a SpecCluster
 * built by hand (import's HOST) passes the same rules.
 */
export function refusedValues(spec: SpecCluster): string[] {
  const out = [...(spec.refused ?? [])];
  const check = (what: string, text: string, why: string | undefined): void => {
    if (why !== undefined) out.push(`${what} '${text}' cannot be used: ${why}`);
  };
  for (const { name, target } of spec.nodes) {
    check(`node ${name}: host`, target.host, badHost(target.host));
    if (target.user !== undefined) check(`node ${name}: user`, target.user, badLoginUser(target.user));
    if (target.port !== undefined) check(`node ${name}: port`, String(target.port), parsePort(String(target.port)) === undefined ? 'it is no port number' : undefined);
  }
  for (const probe of spec.stashProbes) check(`resource ${probe.resource}: status_url`, probe.url, badStatusUrl(probe.url));
  return [...new Set(out)];
}

/**
 * Opens (lazily: no ssh runs until the first query) a connection to the spec's
 * nodes. Refused when the spec gives no node to connect to, and when it holds a
 * value no command may send (refusedValues): then nothing is started at all.
 */
export function openCluster(spec: SpecCluster, settings: ClusterSettings, deps: ClusterDeps): OpenedCluster {
  const refused = refusedValues(spec);
  if (refused.length > 0) {
    return { ok: false, error: `nothing was sent: these values may not be sent to a node:\n${refused.map((r) => `  ${r}`).join('\n')}`, refused };
  }
  if (spec.nodes.length === 0) return { ok: false, error: 'no node to connect to (the spec needs nodes with an address)' };
  const { statusTimeoutMs, controlDirBase, warmPcsVersion, ...ssh } = settings;
  const logger = deps.logger ?? silentLogger;
  const session = new SshSession(ssh, { runner: deps.runner, clock: deps.clock, logger },
    controlDirBase === undefined ? {} : { controlDirBase });
  const connection = new ClusterConnection(spec.nodes, session, { clock: deps.clock, logger }, {
    stashProbes: spec.stashProbes,
    ...(statusTimeoutMs === undefined ? {} : { statusTimeoutMs }),
    ...(warmPcsVersion === undefined ? {} : { warmPcsVersion }),
    ...(deps.date === undefined ? {} : { date: deps.date }),
  });
  return { ok: true, connection, ...(spec.name === undefined ? {} : { name: spec.name }) };
}
