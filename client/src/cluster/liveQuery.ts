/**
 * The live-cluster query: one round trip that reads what `diff`, `apply` and
 * `import` compare a spec with. A fixed `sh -c` script (nothing from a spec is part
 * of its text; the section marker and what to ask arrive as positional arguments)
 * prints the node's name, the whole CIB (`cibadmin --query`), corosync's node list
 * with the ring addresses and the cluster's name (`corosync-cmapctl`, or
 * corosync.conf where that cannot answer) and, when asked, pcs's version (its
 * package's, which needs no Python start; else `pcs --version`). The
 * answer becomes a LiveCluster through the spec engine's CIB reader, so the live
 * cluster and a spec are values of one type. It takes a connection (the
 * extension's warm one, or the CLI's) and opens nothing itself.
 */
import { CorosyncNode, CorosyncView, LiveCluster, readCib } from '../../../server/src';
import { RemoteCommand } from '../remote/remoteCommand';
import { RemoteFailure } from '../remote/sshFailure';
import { ClusterConnection } from './clusterConnection';
import { newMarker, Section, sectionsOf } from './statusQuery';
import { pcsVersionOf } from './pcsProfile';

const SCRIPT = [
  'm=$1; ask_pcs=$2',
  'printf \'%s host\\n\' "$m"',
  'read -r h </proc/sys/kernel/hostname 2>/dev/null || h=$(uname -n); printf \'%s\\n\' "$h"',
  'printf \'%s cib\\n\' "$m"',
  'cibadmin --query',
  'printf \'\\n%s rc %s\\n\' "$m" "$?"',
  'printf \'%s cmap\\n\' "$m"',
  'corosync-cmapctl -b nodelist.node 2>&1; rc=$?',
  'corosync-cmapctl -b totem.cluster_name 2>/dev/null',
  'printf \'\\n%s rc %s\\n\' "$m" "$rc"',
  // Older stacks (or a corosync that is down) cannot answer cmapctl: its configuration file still names the nodes.
  'if [ "$rc" != 0 ]; then',
  '  printf \'%s corosync.conf\\n\' "$m"; cat /etc/corosync/corosync.conf; printf \'\\n%s rc %s\\n\' "$m" "$?"',
  'fi',
  // pcs's version from its package where the package manager knows it: running pcs itself starts Python, seconds on a busy node.
  'if [ "$ask_pcs" = pcs ]; then',
  '  printf \'%s pcs\\n\' "$m"',
  '  v=$(dpkg-query -W -f=\'${Version}\' pcs 2>/dev/null); v=${v#*:}',
  '  case $v in [0-9]*) ;; *) v=$(rpm -q --qf \'%{VERSION}\' pcs 2>/dev/null) ;; esac',
  '  case $v in [0-9]*) printf \'%s\\n\' "$v"; rc=0 ;; *) pcs --version 2>&1; rc=$? ;; esac',
  '  printf \'\\n%s rc %s\\n\' "$m" "$rc"',
  'fi',
].join('\n');

export interface LiveQueryOptions {
  /** Also ask pcs's version (apply needs it; diff does not): the package's, else `pcs --version`. */
  readonly pcsVersion?: boolean;
  /** The node to ask; default: the first that answers. */
  readonly node?: string;
  readonly timeoutMs?: number;
}

/** The command of one live-cluster query; the marker is random, so no output can forge a section line. */
export function liveQuery(options: LiveQueryOptions = {}, marker = newMarker()): { command: RemoteCommand; marker: string } {
  const label = `live cluster query (CIB, corosync's nodes${options.pcsVersion ? ', pcs version' : ''})`;
  return {
    command: { argv: ['sh', '-c', SCRIPT, 'sh', marker, options.pcsVersion ? 'pcs' : '-'], label, timeoutMs: options.timeoutMs ?? 30_000 },
    marker,
  };
}

/** corosync-cmapctl's `nodelist.node.N.KEY (type) = VALUE` lines and `totem.cluster_name`. */
export function parseCmap(text: string): CorosyncView {
  const byIndex = new Map<string, Record<string, string>>();
  let clusterName: string | undefined;
  for (const line of text.split('\n')) {
    const node = /^nodelist\.node\.(\d+)\.([A-Za-z0-9_]+) \([a-z0-9]+\) = (.*)$/.exec(line);
    if (node) byIndex.set(node[1], { ...byIndex.get(node[1]), [node[2]]: node[3] });
    const name = /^totem\.cluster_name \([a-z0-9]+\) = (.*)$/.exec(line);
    if (name) clusterName = name[1];
  }
  return { nodes: [...byIndex.values()].map(corosyncNode), ...(clusterName ? { clusterName } : {}) };
}

function corosyncNode(keys: Record<string, string | undefined>): CorosyncNode {
  const address = keys.ring0_addr;
  return { name: keys.name ?? '', ...(address ? { address } : {}), ...(keys.nodeid ? { nodeId: keys.nodeid } : {}) };
}

/** The nodelist and totem.cluster_name of a corosync.conf (its `key: value` lines inside `name { … }` blocks). */
export function parseCorosyncConf(text: string): CorosyncView {
  const path: string[] = [];
  const nodes: Record<string, string>[] = [];
  let clusterName: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const open = /^([A-Za-z0-9_.-]+)\s*\{$/.exec(line);
    if (open) {
      path.push(open[1]);
      if (path.join('.') === 'nodelist.node') nodes.push({});
      continue;
    }
    if (line === '}') {
      path.pop();
      continue;
    }
    const pair = /^([A-Za-z0-9_.-]+)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    if (path.join('.') === 'nodelist.node') nodes[nodes.length - 1][pair[1]] = pair[2];
    else if (path.join('.') === 'totem' && pair[1] === 'cluster_name') clusterName = pair[2];
  }
  return { nodes: nodes.map(corosyncNode), ...(clusterName ? { clusterName } : {}) };
}

/** What one answer says: the live cluster and what came with it, or why it could not be read. */
export type LiveAnswer =
  | {
    readonly ok: true; readonly live: LiveCluster; readonly corosync?: CorosyncView;
    /** The spec node that answered and the host name it reported. */
    readonly node: string; readonly host?: string; readonly pcsVersion?: string;
  }
  | { readonly ok: false; readonly error: string; readonly node?: string; readonly failure?: RemoteFailure };

function failed(node: string, what: string, section: Section | undefined, stderr: string): LiveAnswer {
  const detail = (section?.body ?? '').trim() || stderr.trim();
  return { ok: false, node, error: `${node}: ${what}${section?.rc === undefined ? ' (no answer)' : ` exited ${section.rc}`}${detail ? `: ${detail.split('\n').slice(-3).join(' / ')}` : ''}` };
}

/** Reads the query's output into a live cluster. */
export function readLiveAnswer(node: string, stdout: string, stderr: string, marker: string): LiveAnswer {
  const sections = sectionsOf(stdout, marker);
  const cib = sections.get('cib');
  if (cib?.rc !== 0) return failed(node, 'cibadmin --query', cib, stderr);
  const cmap = sections.get('cmap');
  const conf = sections.get('corosync.conf');
  const corosync = cmap?.rc === 0 ? parseCmap(cmap.body) : conf?.rc === 0 ? parseCorosyncConf(conf.body) : undefined;
  const read = readCib(cib.body, corosync);
  if (!read.ok) return { ok: false, node, error: `${node}: ${read.error}` };
  const pcs = pcsVersionOf(sections.get('pcs')?.body ?? '');
  const host = sections.get('host')?.body.trim();
  return { ok: true, live: read.live, ...(corosync ? { corosync } : {}), node, ...(host ? { host } : {}), ...(pcs ? { pcsVersion: pcs } : {}) };
}

/**
 * Reads the live cluster through a connection in one round trip, from `options.node`
 * or the first node that can be reached.
 */
export async function readLive(connection: ClusterConnection, options: LiveQueryOptions = {}): Promise<LiveAnswer> {
  const { command, marker } = liveQuery(options);
  const result = await connection.run(command, options.node);
  if (result.failure) return { ok: false, node: result.node, error: result.failure.message, failure: result.failure };
  return readLiveAnswer(result.node, result.stdout, result.stderr, marker);
}
