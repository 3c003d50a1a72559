/**
 * The meta-data of agents as a node's cluster reports it (`crm_resource
 * --show-metadata`), for fetch-metadata: every agent asked in one round trip, a
 * fixed `sh -c` script with the agent names as positional arguments; and Stash's
 * agent from every node at once, so a node whose copy differs from the bundled one
 * is named. Each answer says which node gave it; an agent not installed there is an
 * error of that agent, not of the query. `metadataFiles` and `compareStashAgents`
 * are what fetch-metadata (the CLI's and the editor's) make of the answers.
 */
import { agentDifferences, builtinAgents, loadMetadataFile, metadataFileName, STASH_AGENT } from '../../../server/src';
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

/** An agent's meta-data ready to be written as a workspace meta-data file. */
export interface MetadataFile {
  readonly agent: string;
  /** `<standard>.<provider>.<type>.metadata.xml` */
  readonly fileName: string;
  readonly xml: string;
  readonly node: string;
  readonly parameters: number;
}

export type MetadataFiles =
  | { readonly ok: true; readonly node: string; readonly files: readonly MetadataFile[]; readonly problems: readonly string[] }
  | { readonly ok: false; readonly error: string; readonly failure?: RemoteFailure };

/**
 * The meta-data of `agents` from one node (one round trip), each checked to be
 * usable meta-data before it is offered as a file; an agent the node lacks, or
 * answers for with something unreadable, is a problem of that agent. Writes nothing:
 * `stash-ha fetch-metadata` and the editor's quick fix write the files their way.
 */
export async function metadataFiles(connection: ClusterConnection, agents: readonly string[], node?: string): Promise<MetadataFiles> {
  const fetched = await fetchAgentMetadata(connection, agents, node);
  if (!fetched.ok) return { ok: false, error: fetched.error, ...(fetched.failure ? { failure: fetched.failure } : {}) };
  const files: MetadataFile[] = [];
  const problems: string[] = [];
  for (const a of fetched.agents) {
    if (!a.ok) {
      problems.push(a.error);
      continue;
    }
    const fileName = metadataFileName(a.agent);
    const parsed = loadMetadataFile(fileName, a.xml);
    if (!parsed.ok) {
      problems.push(`${a.node} answered for ${a.agent} with meta-data that cannot be used: ${parsed.error.message}`);
      continue;
    }
    files.push({ agent: a.agent, fileName, xml: a.xml, node: a.node, parameters: parsed.agent.parameters.length });
  }
  return { ok: true, node: fetched.node, files, problems };
}

/** How one node's Stash agent compares with the one bundled with stash-ha. */
export type StashAgentComparison =
  | { readonly node: string; readonly kind: 'same' }
  | { readonly node: string; readonly kind: 'differs'; readonly differences: readonly string[] }
  | { readonly node: string; readonly kind: 'missing' }
  | { readonly node: string; readonly kind: 'error'; readonly error: string };

/** Asks every node for Stash's agent at once and holds each answer against the bundled agent. */
export async function compareStashAgents(connection: ClusterConnection): Promise<StashAgentComparison[]> {
  const bundled = builtinAgents().agents.find((a) => a.name === STASH_AGENT);
  if (bundled === undefined) return [];
  return (await fetchFromEveryNode(connection, STASH_AGENT)).map((outcome): StashAgentComparison => {
    const { node } = outcome;
    if (!outcome.ok) return { node, kind: 'error', error: outcome.error };
    const answer = outcome.agents[0];
    if (!answer.ok) return { node, kind: 'missing' };
    const theirs = loadMetadataFile(metadataFileName(STASH_AGENT), answer.xml);
    const differences = theirs.ok ? agentDifferences(bundled, theirs.agent) : [`its meta-data cannot be read: ${theirs.error.message}`];
    return differences.length === 0 ? { node, kind: 'same' } : { node, kind: 'differs', differences };
  });
}
