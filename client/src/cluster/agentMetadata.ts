/**
 * The meta-data of agents as a node's cluster reports it (`crm_resource
 * --show-metadata`), for fetch-metadata: every agent asked in one round trip, a
 * fixed `sh -c` script with the agent names as positional arguments; and Stash's
 * agent from every node at once, so a node whose copy differs from the bundled one
 * is named. Each answer says which node gave it; an agent not installed there is an
 * error of that agent, not of the query.
 */
import { RemoteCommand } from '../remote/remoteCommand';
import { RemoteFailure } from '../remote/sshFailure';
import { ClusterConnection } from './clusterConnection';
import { newMarker, sectionsOf } from './statusQuery';

const SCRIPT = [
  'm=$1; shift; i=0',
  'for a in "$@"; do',
  '  i=$((i + 1)); printf \'%s agent %s\\n\' "$m" "$i"',
  '  crm_resource --show-metadata "$a" 2>&1; printf \'\\n%s rc %s\\n\' "$m" "$?"',
  'done',
].join('\n');

/** One agent's meta-data from one node: its XML, or why there is none. */
export type AgentAnswer =
  | { readonly agent: string; readonly node: string; readonly ok: true; readonly xml: string }
  | { readonly agent: string; readonly node: string; readonly ok: false; readonly error: string };

export type MetadataOutcome =
  | { readonly ok: true; readonly node: string; readonly agents: readonly AgentAnswer[] }
  | { readonly ok: false; readonly node: string; readonly error: string; readonly failure?: RemoteFailure };

export function metadataQuery(agents: readonly string[], marker = newMarker()): { command: RemoteCommand; marker: string } {
  return { command: { argv: ['sh', '-c', SCRIPT, 'sh', marker, ...agents], label: `agent meta-data (${agents.length} agents)`, timeoutMs: 60_000 }, marker };
}

/** Asks one node (default: the first that answers) for the meta-data of `agents`. */
export async function fetchAgentMetadata(connection: ClusterConnection, agents: readonly string[], node?: string): Promise<MetadataOutcome> {
  const { command, marker } = metadataQuery(agents);
  const result = await connection.run(command, node);
  if (result.failure) return { ok: false, node: result.node, error: result.failure.message, failure: result.failure };
  const sections = sectionsOf(result.stdout, marker);
  return {
    ok: true, node: result.node,
    agents: agents.map((agent, i): AgentAnswer => {
      const s = sections.get(`agent ${i + 1}`);
      if (s?.rc === 0 && s.body.trim().startsWith('<')) return { agent, node: result.node, ok: true, xml: `${s.body.trim()}\n` };
      const said = s?.body.trim().split('\n').slice(-2).join(' / ');
      return { agent, node: result.node, ok: false, error: `${result.node}: ${agent}: ${s === undefined ? 'no answer' : said || `crm_resource exited ${s.rc ?? '?'}`}` };
    }),
  };
}

/** The same agent's meta-data from every node of the connection, asked at once. */
export function fetchFromEveryNode(connection: ClusterConnection, agent: string): Promise<MetadataOutcome[]> {
  return Promise.all(connection.nodes.map((n) => fetchAgentMetadata(connection, [agent], n.name)));
}
