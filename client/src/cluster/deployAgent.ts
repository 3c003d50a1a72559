/**
 * Puts the Stash agent on every node at once. Per node, one ssh round trip
 * carries the agent on standard input to a script that writes it to a temp file
 * beside the target, checks its sha256, makes it executable, keeps the current
 * agent as `stash.previous` and renames the new one into place (atomic: Pacemaker
 * never runs a half-written agent), then prints what `crm_resource
 * --show-metadata ocf:heartbeat:stash` answers. That answer must match the
 * meta-data in the agent we sent; if it does not, the node gets its previous
 * agent back. A node that fails keeps (or gets back) what it had.
 *
 * Spec nodes that reach one machine (the same hostname and port once the ssh
 * config is applied) are installed once: run twice at the same time, the second
 * run would keep the first one's new agent as `stash.previous`. Where that cannot
 * be seen (two names for one machine), the script still keeps the real previous:
 * an agent already in place with the same sha256 is left alone (and never made
 * the previous one), and every temp name is made by mktemp, so two runs never
 * share one.
 */
import { createHash } from 'node:crypto';
import { STASH_AGENT } from '../../../server/src';
import { Clock } from '../remote/processRunner';
import { RemoteResult, shellScript } from '../remote/remoteCommand';
import { ClusterConnection } from './clusterConnection';
import { newMarker } from './statusQuery';

export const AGENT_DIR = '/usr/lib/ocf/resource.d/heartbeat';
export const AGENT_PATH = `${AGENT_DIR}/stash`;

const INSTALL = [
  'm=$1; want=$2; dir=$3; dest=$dir/stash',
  '[ -d "$dir" ] || { echo "$dir does not exist: is resource-agents installed?" >&2; exit 20; }',
  'tmp=$(mktemp "$dir/.stash.XXXXXX") || exit 21',
  'prev=$tmp',
  'trap \'rm -f "$tmp" "$prev"\' EXIT',
  'cat > "$tmp" || { echo "could not write $tmp" >&2; exit 22; }',
  'got=$(sha256sum "$tmp") || exit 23',
  'got=${got%% *}',
  '[ "$got" = "$want" ] || { echo "checksum mismatch: received $got, sent $want" >&2; exit 23; }',
  'chmod 755 "$tmp" || exit 24',
  'cur=; if [ -f "$dest" ]; then cur=$(sha256sum "$dest") || exit 25; cur=${cur%% *}; fi',
  'if [ "$cur" = "$want" ]; then printf \'%s unchanged\\n\' "$m"',
  'else',
  '  if [ -n "$cur" ]; then',
  '    prev=$(mktemp "$dir/.stash.previous.XXXXXX") || exit 25',
  '    cp -p "$dest" "$prev" && mv -f "$prev" "$dest.previous" || exit 25',
  '  fi',
  '  mv -f "$tmp" "$dest" || exit 26',
  'fi',
  'printf \'%s metadata\\n\' "$m"',
  `crm_resource --show-metadata ${STASH_AGENT}`,
  'printf \'\\n%s rc %s\\n\' "$m" "$?"',
].join('\n');

const RESTORE = [
  'dir=$1; dest=$dir/stash',
  'if [ -f "$dest.previous" ]; then',
  '  r=$(mktemp "$dir/.stash.restore.XXXXXX") || exit 1',
  '  cp -p "$dest.previous" "$r" && mv -f "$r" "$dest" || { rm -f "$r"; exit 1; }',
  'else rm -f "$dest"; fi',
].join('\n');

/** ssh failures after which the install certainly did not start. */
const NOT_SENT = new Set(['unreachable', 'auth-failed', 'host-key-unknown', 'host-key-changed', 'ssh-config', 'ssh-missing', 'invalid-argument']);

const STEP_OF_EXIT: Readonly<Record<number, string>> = {
  20: 'agent directory missing', 21: 'temp file', 22: 'upload', 23: 'checksum', 24: 'chmod', 25: 'keeping the previous agent', 26: 'rename into place',
};

export interface NodeDeploy {
  readonly node: string;
  readonly ok: boolean;
  /** Where it stopped: ssh, upload, checksum, …, metadata; or installed. */
  readonly step: string;
  readonly message: string;
  readonly durationMs: number;
  /** True when the new agent was installed, failed its check, and the previous one was put back. */
  readonly rolledBack?: boolean;
  /** For step `ssh`: the kind of ssh failure (unreachable, host-key-changed, …). */
  readonly failureKind?: string;
}

export interface DeployReport {
  readonly ok: boolean;
  readonly sha256: string;
  readonly elapsedMs: number;
  readonly nodes: readonly NodeDeploy[];
}

/** The meta-data XML inside an agent's text: from `<?xml` to `</resource-agent>`. */
export function metadataOf(agentText: string): string | undefined {
  const start = agentText.indexOf('<?xml');
  const end = agentText.indexOf('</resource-agent>', start);
  return start < 0 || end < 0 ? undefined : agentText.slice(start, end + '</resource-agent>'.length);
}

/** Meta-data compared line by line, ignoring trailing blanks and surrounding empty lines. */
export function sameMetadata(a: string, b: string): boolean {
  const norm = (t: string): string => t.split('\n').map((l) => l.trimEnd()).join('\n').trim();
  return norm(a) === norm(b);
}

async function deployOne(connection: ClusterConnection, node: string, agent: Buffer, sha256: string, ours: string, clock: Clock, dir: string): Promise<NodeDeploy> {
  const started = clock.now();
  const took = (): number => clock.now() - started;
  const marker = newMarker();
  const result = await connection.run({ ...shellScript(INSTALL, [marker, sha256, dir], `install agent (${agent.length} bytes, sha256 ${sha256.slice(0, 12)}…)`), stdin: agent, timeoutMs: 120_000 }, node);
  if (result.failure) {
    // Cut off half way, the node still holds a whole agent: the new one goes in place by one rename.
    const cut = result.failure.kind === 'connection-lost' || result.failure.kind === 'timeout';
    const agentThere = cut ? '; the agent there is whole either way: the previous one, or the new one (it is put in place by one rename); run deploy-agent again to be sure which'
      : NOT_SENT.has(result.failure.kind) ? '; nothing was sent there, so its agent is untouched' : '';
    return { node, ok: false, step: 'ssh', failureKind: result.failure.kind, message: `${result.failure.message.replace(/\.$/, '')}${agentThere}`, durationMs: took() };
  }
  if (result.exitCode !== 0) {
    const step = STEP_OF_EXIT[result.exitCode] ?? `exit ${result.exitCode}`;
    return { node, ok: false, step, message: `${step} failed: ${lastLines(result)}; the previous agent is untouched`, durationMs: took() };
  }
  const section = result.stdout.split(`${marker} metadata\n`)[1] ?? '';
  const rc = new RegExp(`\\n${marker} rc (\\d+)\\n?$`).exec(section);
  const theirs = rc ? section.slice(0, rc.index) : section;
  const problem = rc === null ? 'crm_resource gave no answer'
    : rc[1] !== '0' ? `crm_resource --show-metadata exited ${rc[1]}: ${lastLines(result) || theirs.trim().split('\n').pop()}`
      : sameMetadata(theirs, ours) ? undefined : 'crm_resource --show-metadata answers other meta-data than the agent sent';
  const unchanged = result.stdout.includes(`${marker} unchanged\n`);
  if (problem === undefined) {
    return { node, ok: true, step: 'installed', message: `${unchanged ? 'already installed (the same sha256)' : 'installed'} at ${AGENT_PATH}, meta-data checked`, durationMs: took() };
  }
  if (unchanged) {
    return { node, ok: false, step: 'metadata', durationMs: took(), message: `${problem}; the agent there was already this one, so nothing was changed` };
  }
  const restore = await connection.run(shellScript(RESTORE, [dir], 'restore the previous agent'), node);
  const restored = !restore.failure && restore.exitCode === 0;
  return {
    node, ok: false, step: 'metadata', rolledBack: restored, durationMs: took(),
    message: `${problem}; ${restored ? 'the previous agent was put back' : `putting the previous agent back FAILED: ${describe(restore)}`}`,
  };
}

function lastLines(result: RemoteResult): string {
  return result.stderr.trim().split('\n').slice(-3).join(' / ');
}

function describe(result: RemoteResult): string {
  return result.failure?.message ?? `exit ${result.exitCode}: ${lastLines(result)}`;
}

export interface DeployOptions {
  /** Only these nodes (default: every node of the connection). */
  readonly nodes?: readonly string[];
  /** The agent directory on the nodes (default /usr/lib/ocf/resource.d/heartbeat; tests use another). */
  readonly agentDir?: string;
  /** Told as each node finishes (a progress notification counts them). */
  readonly onNode?: (result: NodeDeploy) => void;
}

/** Deploys `agent` (the file's bytes) to the nodes in parallel. */
export async function deployAgent(connection: ClusterConnection, agent: Buffer, clock: Clock, options: DeployOptions = {}): Promise<DeployReport> {
  const nodes = options.nodes;
  const started = clock.now();
  const sha256 = createHash('sha256').update(agent).digest('hex');
  const ours = metadataOf(agent.toString('utf8'));
  const names = nodes ?? connection.nodes.map((n) => n.name);
  if (ours === undefined) {
    return { ok: false, sha256, elapsedMs: 0, nodes: names.map((node) => ({ node, ok: false, step: 'agent', message: 'the agent file has no meta-data XML (<?xml … </resource-agent>); nothing was sent', durationMs: 0 })) };
  }
  // Nodes that are one machine once the ssh config is applied get one install, by the first of them.
  const endpoints = await Promise.all(names.map((node) => connection.endpoint(node)));
  const groups = new Map<string, string[]>();
  names.forEach((node, i) => {
    const key = endpoints[i] ?? `node ${node}`;
    groups.set(key, [...(groups.get(key) ?? []), node]);
  });
  const byNode = new Map<string, NodeDeploy>();
  await Promise.all([...groups].map(async ([endpoint, [first, ...same]]) => {
    const result = await deployOne(connection, first, agent, sha256, ours, clock, options.agentDir ?? AGENT_DIR);
    byNode.set(first, result);
    options.onNode?.(result);
    for (const node of same) {
      const shared = { ...result, node, message: `${result.message} (through ${first}: ${node} is the same machine, ${endpoint}, so it was installed once)` };
      byNode.set(node, shared);
      options.onNode?.(shared);
    }
  }));
  const results = names.map((node) => byNode.get(node) as NodeDeploy);
  return { ok: results.every((r) => r.ok), sha256, elapsedMs: clock.now() - started, nodes: results };
}
