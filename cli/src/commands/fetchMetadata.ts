/**
 * `stash-ha fetch-metadata SPEC`: the meta-data of every agent SPEC uses, as the
 * cluster's nodes have it (`crm_resource --show-metadata`, one round trip), written as
 * workspace meta-data files (`DIR/<standard>.<provider>.<type>.metadata.xml`) that the
 * checker then reads. Stash's agent is asked of every node and compared with the one
 * bundled with stash-ha. An agent a node does not have makes the exit status 1.
 */
import { dirname, join } from 'node:path';
import { buildModel, desiredCluster, STASH_AGENT } from '../../../server/src';
import { compareStashAgents, metadataFiles } from '../../../client/src/cluster/agentMetadata';
import { ClusterConnection } from '../../../client/src/cluster/clusterConnection';
import { outcomeOfFailure } from '../../../client/src/cluster/operationReport';
import { clusterFromDesired } from '../../../client/src/cluster/specCluster';
import { readSpecText, SSH_OPTIONS, withSpecCluster } from '../clusterRun';
import { CliCommand } from '../command';
import { CLUSTER_EXITS, EXIT, exitOf } from '../exitStatus';
import { CliIo, readFailureReason } from '../io';

/** Says, node by node, whether the nodes' Stash agent is the bundled one. */
async function compareStash(connection: ClusterConnection, io: CliIo): Promise<void> {
  const same: string[] = [];
  for (const c of await compareStashAgents(connection)) {
    if (c.kind === 'error') io.err(`stash-ha: fetch-metadata: ${c.error}\n`);
    else if (c.kind === 'missing') io.out(`${c.node}: has no ${STASH_AGENT} (stash-ha deploy-agent installs it)\n`);
    else if (c.kind === 'differs') io.out(`${c.node}: ${STASH_AGENT} differs from the agent bundled with stash-ha: ${c.differences.join('; ')} (stash-ha deploy-agent installs the bundled one)\n`);
    else same.push(c.node);
  }
  if (same.length > 0) io.out(`${same.join(', ')}: ${STASH_AGENT} is the agent bundled with stash-ha\n`);
}

export const fetchMetadataCommand: CliCommand = {
  name: 'fetch-metadata',
  summary: "write the cluster's own agent meta-data as workspace meta-data files",
  positional: { names: ['SPEC'] },
  description: 'Asks a node of SPEC for the meta-data of every agent SPEC uses (crm_resource --show-metadata,\n' +
    'one round trip) and writes each as DIR/<standard>.<provider>.<type>.metadata.xml, which lint and\n' +
    'the editor then read, so params of agents not built in are checked against what the nodes run.\n' +
    `Also asks every node for ${STASH_AGENT} and says where it differs from the bundled agent.`,
  options: [{ name: 'dir', value: 'DIR', help: "where to write the files (default: SPEC's folder)" }, ...SSH_OPTIONS],
  exits: {
    ...CLUSTER_EXITS, [EXIT.ok]: 'written', [EXIT.failed]: 'an agent is not installed on the cluster (the others are written)',
    [EXIT.usage]: 'usage error, unreadable spec or a file that cannot be written',
  },

  async run(args, io, deps) {
    const path = args.positionals[0];
    const text = await readSpecText(path, io);
    if (text === undefined) return EXIT.usage;
    const spec = desiredCluster(buildModel(text));
    const agents = [...new Set(spec.resources.flatMap((r) => (r.agent?.value ? [r.agent.value.name] : [])))];
    const dir = args.value('dir') ?? dirname(path);
    return withSpecCluster(clusterFromDesired(spec), path, args, io, deps, async (connection) => {
      if (agents.length === 0) {
        io.out(`${path}: names no agent, so there is nothing to fetch\n`);
        return EXIT.ok;
      }
      const fetched = await metadataFiles(connection, agents);
      if (!fetched.ok) {
        io.err(`stash-ha: fetch-metadata: ${fetched.error}\n`);
        return fetched.failure ? exitOf(outcomeOfFailure(fetched.failure)) : EXIT.failed;
      }
      for (const p of fetched.problems) io.err(`stash-ha: fetch-metadata: ${p}\n`);
      for (const f of fetched.files) {
        const file = join(dir, f.fileName);
        try {
          await io.writeText(file, f.xml);
        } catch (error) {
          io.err(`stash-ha: fetch-metadata: cannot write ${file}: ${readFailureReason(error)}\n`);
          return EXIT.usage;
        }
        io.out(`wrote ${file} (${f.agent} from ${f.node}: ${f.parameters} parameters)\n`);
      }
      const missing = fetched.problems.length;
      if (agents.includes(STASH_AGENT)) await compareStash(connection, io);
      return missing > 0 ? EXIT.failed : EXIT.ok;
    });
  },
};
