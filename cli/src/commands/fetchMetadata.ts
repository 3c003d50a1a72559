/**
 * `stash-ha fetch-metadata SPEC`: the meta-data of every agent SPEC uses, as the
 * cluster's nodes have it (`crm_resource --show-metadata`, one round trip), written as
 * workspace meta-data files (`DIR/<standard>.<provider>.<type>.metadata.xml`) that the
 * checker then reads. Stash's agent is asked of every node and compared with the one
 * bundled with stash-ha. An agent a node does not have makes the exit status 1.
 */
import { dirname, join } from 'node:path';
import { agentDifferences, builtinAgents, buildModel, desiredCluster, loadMetadataFile, metadataFileName, STASH_AGENT } from '../../../server/src';
import { fetchAgentMetadata, fetchFromEveryNode } from '../../../client/src/cluster/agentMetadata';
import { ClusterConnection } from '../../../client/src/cluster/clusterConnection';
import { outcomeOfFailure } from '../../../client/src/cluster/operationReport';
import { clusterFromDesired } from '../../../client/src/cluster/specCluster';
import { readSpecText, SSH_OPTIONS, withSpecCluster } from '../clusterRun';
import { CliCommand } from '../command';
import { CLUSTER_EXITS, EXIT, exitOf } from '../exitStatus';
import { CliIo, readFailureReason } from '../io';

/** Says, node by node, whether the nodes' Stash agent is the bundled one. */
async function compareStash(connection: ClusterConnection, io: CliIo): Promise<void> {
  const bundled = builtinAgents().agents.find((a) => a.name === STASH_AGENT);
  if (bundled === undefined) return;
  const same: string[] = [];
  for (const outcome of await fetchFromEveryNode(connection, STASH_AGENT)) {
    if (!outcome.ok) {
      io.err(`stash-ha: fetch-metadata: ${outcome.error}\n`);
      continue;
    }
    const answer = outcome.agents[0];
    if (!answer.ok) {
      io.out(`${outcome.node}: has no ${STASH_AGENT} (stash-ha deploy-agent installs it)\n`);
      continue;
    }
    const theirs = loadMetadataFile(metadataFileName(STASH_AGENT), answer.xml);
    const differences = theirs.ok ? agentDifferences(bundled, theirs.agent) : [`its meta-data cannot be read: ${theirs.error.message}`];
    if (differences.length === 0) same.push(outcome.node);
    else io.out(`${outcome.node}: ${STASH_AGENT} differs from the agent bundled with stash-ha: ${differences.join('; ')} (stash-ha deploy-agent installs the bundled one)\n`);
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
      const fetched = await fetchAgentMetadata(connection, agents);
      if (!fetched.ok) {
        io.err(`stash-ha: fetch-metadata: ${fetched.error}\n`);
        return fetched.failure ? exitOf(outcomeOfFailure(fetched.failure)) : EXIT.failed;
      }
      let missing = 0;
      for (const a of fetched.agents) {
        if (!a.ok) {
          missing += 1;
          io.err(`stash-ha: fetch-metadata: ${a.error}\n`);
          continue;
        }
        const file = join(dir, metadataFileName(a.agent));
        const parsed = loadMetadataFile(file, a.xml);
        if (!parsed.ok) {
          missing += 1;
          io.err(`stash-ha: fetch-metadata: ${a.node} answered for ${a.agent} with meta-data that cannot be used: ${parsed.error.message}\n`);
          continue;
        }
        try {
          await io.writeText(file, a.xml);
        } catch (error) {
          io.err(`stash-ha: fetch-metadata: cannot write ${file}: ${readFailureReason(error)}\n`);
          return EXIT.usage;
        }
        io.out(`wrote ${file} (${a.agent} from ${a.node}: ${parsed.agent.parameters.length} parameters)\n`);
      }
      if (agents.includes(STASH_AGENT)) await compareStash(connection, io);
      return missing > 0 ? EXIT.failed : EXIT.ok;
    });
  },
};
