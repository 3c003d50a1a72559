/**
 * `stash-ha import HOST`: a spec of the cluster HOST belongs to, read in one round
 * trip (the CIB and corosync's nodes) and written as short as what the admin would
 * have typed (server/src/spec/specWriter.ts). HOST is an ssh config host or
 * `user@host[:port]`. What the format cannot say is listed at the top of the spec
 * and on standard error, and makes the exit status 1; the spec is written anyway.
 */
import {
  AgentInfo, createCatalog, LiveCluster, loadMetadataFile, metadataFileName, validateText, writeSpec,
} from '../../../server/src';
import { fetchAgentMetadata } from '../../../client/src/cluster/agentMetadata';
import { ClusterConnection } from '../../../client/src/cluster/clusterConnection';
import { readLive } from '../../../client/src/cluster/liveQuery';
import { outcomeOfFailure } from '../../../client/src/cluster/operationReport';
import { SshTarget } from '../../../client/src/remote/sshOptions';
import { UsageError } from '../args';
import { SSH_OPTIONS, withSpecCluster } from '../clusterRun';
import { CliCommand } from '../command';
import { CLUSTER_EXITS, EXIT, exitOf } from '../exitStatus';
import { readFailureReason } from '../io';

/** `node01`, `admin@node01`, `admin@10.0.0.1:2222`, `[fe80::1]:22`: where to connect. */
export function parseHost(text: string): SshTarget {
  const m = /^(?:([^@\s]+)@)?(\[[^\]\s]+\]|[^:@\s[\]]+)(?::(\d{1,5}))?$/.exec(text);
  const port = m?.[3] === undefined ? undefined : Number(m[3]);
  if (!m || m[2].startsWith('-') || (m[1] ?? '').startsWith('-') || (port !== undefined && (port < 1 || port > 65535))) {
    throw new UsageError(`HOST must be an ssh config host or user@host[:port], not '${text}'`);
  }
  const host = m[2].replace(/^\[(.*)\]$/, '$1');
  return { name: text, host, ...(m[1] ? { user: m[1] } : {}), ...(port !== undefined ? { port } : {}) };
}

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

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'write a spec of a running cluster',
  positional: { names: ['HOST'] },
  description: 'Connects to HOST (an ssh config host, or user@host[:port]), reads the cluster it belongs to (the CIB\n' +
    "and corosync's node list, one round trip) and prints a spec of it, or writes FILE. Operations are\n" +
    'written only where they differ from what pcs creates from the agent\'s meta-data, so a cluster\n' +
    'built by hand comes back as about what was typed; leftover move/ban constraints are skipped.\n' +
    'What the spec format cannot say is listed at the top of the spec and on standard error.',
  options: [
    { name: 'output', short: 'o', value: 'FILE', help: 'write the spec to FILE instead of standard output' },
    { name: 'force', help: 'overwrite FILE if it exists' },
    ...SSH_OPTIONS,
  ],
  exits: {
    ...CLUSTER_EXITS, [EXIT.ok]: 'written', [EXIT.failed]: 'written, but some of the cluster could not be said in a spec (listed); or the cluster could not be read',
    [EXIT.usage]: 'usage error, or FILE exists (without --force) or cannot be written', [EXIT.unreachable]: 'HOST could not be reached',
  },

  async run(args, io, deps) {
    const host = args.positionals[0];
    const target = parseHost(host);
    const output = args.value('output');
    const cluster = { nodes: [{ name: host, target }], stashProbes: [], problems: [] };
    return withSpecCluster(cluster, host, args, io, deps, async (connection) => {
      const answer = await readLive(connection);
      if (!answer.ok) {
        io.err(`stash-ha: import: cannot read the cluster: ${answer.error}\n`);
        return answer.failure ? exitOf(outcomeOfFailure(answer.failure)) : EXIT.failed;
      }
      const { live } = answer;
      const catalog = createCatalog(await clusterAgents(connection, live, answer.node));
      const reached = live.desired.nodes.find((n) => n.name === answer.host || n.address?.text === target.host || n.name === target.host);
      const text = writeSpec(live, {
        catalog,
        header: [`Imported by stash-ha import from ${host} (${[answer.host, `Pacemaker ${live.pacemakerVersion ?? 'unknown'}`].filter(Boolean).join(', ')}).`],
        ssh: (node) => ({
          ...(target.user ? { user: target.user } : {}),
          ...(target.port !== undefined && node === reached?.name ? { port: target.port } : {}),
        }),
      });
      const errors = validateText(text, catalog).filter((d) => d.severity === 'error');
      for (const e of errors) io.err(`stash-ha: import: the spec written has an error (please report it): ${e.code}: ${e.message}\n`);
      if (output === undefined) {
        io.out(text);
      } else {
        try {
          await io.writeText(output, text, { exclusive: !args.flag('force') });
        } catch (error) {
          const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
          io.err(`stash-ha: import: cannot write ${output}: ${readFailureReason(error)}${exists ? ' (--force overwrites it)' : ''}\n`);
          return EXIT.usage;
        }
        io.err(`stash-ha: import: wrote ${output} (${live.desired.resources.length} resources, ${live.desired.nodes.length} nodes)\n`);
      }
      if (live.unsupported.length === 0) return EXIT.ok;
      io.err(`stash-ha: import: the spec format cannot say ${live.unsupported.length} things of this cluster; they are listed at the top of the spec:\n` +
        live.unsupported.map((u) => `  ${u.what} (${u.path})\n`).join(''));
      return EXIT.failed;
    });
  },
};
