/**
 * Import: a spec of the cluster one host belongs to, read in one round trip (the CIB
 * and corosync's nodes) and written as short as what the admin would have typed
 * (server/src/spec/specWriter.ts), with the meta-data of agents the catalog does not
 * know asked of the node that answered, so pcs's own operations are left out for
 * those too. Shared by `stash-ha import` and the editor's "Import Cluster as Spec…";
 * it takes a connection (opened on the one host) and writes no file.
 */
import {
  AgentInfo, createCatalog, LiveCluster, LiveUnsupported, loadMetadataFile, metadataFileName, SpecDiagnostic, validateText, writeSpec,
} from '../../../server/src';
import { RemoteFailure } from '../remote/sshFailure';
import { SshTarget } from '../remote/sshOptions';
import { fetchAgentMetadata } from './agentMetadata';
import { ClusterConnection } from './clusterConnection';
import { readLive } from './liveQuery';
import { SpecCluster } from './specCluster';

/**
 * Where to connect, from `node01`, `admin@node01`, `admin@10.0.0.1:2222` or
 * `[fe80::1]:22`; a string saying why not for anything else (an option-like word
 * included, so nothing given here can become an ssh option).
 */
export function hostTarget(text: string): SshTarget | string {
  const m = /^(?:([^@\s]+)@)?(\[[^\]\s]+\]|[^:@\s[\]]+)(?::(\d{1,5}))?$/.exec(text);
  const port = m?.[3] === undefined ? undefined : Number(m[3]);
  if (!m || m[2].startsWith('-') || (m[1] ?? '').startsWith('-') || (port !== undefined && (port < 1 || port > 65535))) {
    return `HOST must be an ssh config host or user@host[:port], not '${text}'`;
  }
  const host = m[2].replace(/^\[(.*)\]$/, '$1');
  return { name: text, host, ...(m[1] ? { user: m[1] } : {}), ...(port !== undefined ? { port } : {}) };
}

/** The one-node "cluster" an import connects through: the host as given. */
export function importCluster(label: string, target: SshTarget): SpecCluster {
  return { nodes: [{ name: label, target }], stashProbes: [], problems: [] };
}

export type ImportOutcome =
  | {
    readonly ok: true;
    /** The spec's text. */
    readonly text: string;
    readonly live: LiveCluster;
    /** The node that answered and the host name it reported. */
    readonly node: string;
    readonly host?: string;
    /** What the spec format cannot say (also listed at the top of the text). */
    readonly unsupported: readonly LiveUnsupported[];
    /** Errors the written spec has when checked (none, unless the writer has a bug). */
    readonly errors: readonly SpecDiagnostic[];
  }
  | { readonly ok: false; readonly error: string; readonly failure?: RemoteFailure };

/** The meta-data of agents the catalog does not know, from the node that answered, so pcs's own operations can be left out. */
async function clusterAgents(connection: ClusterConnection, live: LiveCluster, node: string): Promise<AgentInfo[]> {
  const known = createCatalog();
  const unknown = [...new Set(live.desired.resources.flatMap((r) => (r.agent?.value && !known.get(r.agent.value.name) ? [r.agent.value.name] : [])))];
  if (unknown.length === 0) return [];
  const fetched = await fetchAgentMetadata(connection, unknown, node);
  if (!fetched.ok) return [];
  return fetched.agents.flatMap((a) => {
    if (!a.ok) return [];
    const r = loadMetadataFile(metadataFileName(a.agent), a.xml);
    return r.ok ? [r.agent] : [];
  });
}

/**
 * Reads the cluster `target` belongs to through `connection` and writes its spec;
 * `label` is the host as the user gave it (it goes in the spec's header comment).
 */
export async function importSpec(connection: ClusterConnection, label: string, target: SshTarget): Promise<ImportOutcome> {
  const answer = await readLive(connection);
  if (!answer.ok) return { ok: false, error: answer.error, ...(answer.failure ? { failure: answer.failure } : {}) };
  const { live } = answer;
  const catalog = createCatalog(await clusterAgents(connection, live, answer.node));
  const reached = live.desired.nodes.find((n) => n.name === answer.host || n.address?.text === target.host || n.name === target.host);
  const text = writeSpec(live, {
    catalog,
    header: [`Imported by stash-ha import from ${label} (${[answer.host, `Pacemaker ${live.pacemakerVersion ?? 'unknown'}`].filter(Boolean).join(', ')}).`],
    ssh: (node) => ({
      ...(target.user ? { user: target.user } : {}),
      ...(target.port !== undefined && node === reached?.name ? { port: target.port } : {}),
    }),
  });
  const errors = validateText(text, catalog).filter((d) => d.severity === 'error');
  return { ok: true, text, live, node: answer.node, ...(answer.host ? { host: answer.host } : {}), unsupported: live.unsupported, errors };
}
