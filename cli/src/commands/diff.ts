/**
 * `stash-ha diff SPEC`: how the live cluster differs from what the spec states (one
 * ssh round trip: the CIB and corosync's nodes), grouped as text or as the
 * contract's JSON records. Exit status 0 in sync, 1 differences.
 */
import { buildModel, desiredCluster, diffClusters, inSync, liveVersionMismatch } from '../../../server/src';
import { readLive } from '../../../client/src/cluster/liveQuery';
import { outcomeOfFailure } from '../../../client/src/cluster/operationReport';
import { clusterFromDesired } from '../../../client/src/cluster/specCluster';
import { CLUSTER_OPTIONS, readSpecText, wantsJson, withSpecCluster } from '../clusterRun';
import { CliCommand } from '../command';
import { CLUSTER_EXITS, EXIT, exitOf } from '../exitStatus';
import { countText, differencesJson, differencesText } from './diffText';

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'show how the live cluster differs from a spec',
  positional: { names: ['SPEC'] },
  description: 'Reads the live cluster from the first reachable node of SPEC (one ssh round trip: the CIB and\n' +
    "corosync's node list) and prints how it differs from what SPEC states, grouped by resource,\n" +
    'constraint and property: + added (in the spec, not live), ~ changed (live → spec), - live-only,\n' +
    '! what the spec format cannot say; leftover move/ban constraints apart. Values are compared\n' +
    'normalised (15 and 15s, yes and true are one value); meta attributes, operations, properties\n' +
    'and defaults only for the keys the spec has.',
  options: CLUSTER_OPTIONS,
  notes: '--format json prints one array of { kind, path, live, spec, line }: kind is add, change, live-only,\n' +
    'unsupported or leftover; path names the place in the spec\'s terms (resources.stash_res.meta.\n' +
    'migration-threshold); live and spec are the values as written (null where absent); line is the\n' +
    "spec's 1-based line (null for what only the live cluster has).",
  exits: { ...CLUSTER_EXITS, [EXIT.ok]: 'in sync', [EXIT.failed]: 'differences, a stated pacemaker the cluster does not run, or the cluster could not be read' },

  async run(args, io, deps) {
    const path = args.positionals[0];
    const text = await readSpecText(path, io);
    if (text === undefined) return EXIT.usage;
    const spec = desiredCluster(buildModel(text));
    return withSpecCluster(clusterFromDesired(spec), path, args, io, deps, async (connection) => {
      const answer = await readLive(connection);
      if (!answer.ok) {
        io.err(`stash-ha: diff: cannot read the live cluster: ${answer.error}\n`);
        return answer.failure ? exitOf(outcomeOfFailure(answer.failure)) : EXIT.failed;
      }
      const diffs = diffClusters(spec, answer.live);
      const mismatch = liveVersionMismatch(spec, answer.live);
      if (mismatch) io.err(`stash-ha: diff: ${path}: version-mismatch: ${mismatch.message}\n`);
      const synced = inSync(diffs) && mismatch === undefined;
      if (wantsJson(args)) {
        io.out(`${JSON.stringify(differencesJson(diffs, text), null, 2)}\n`);
      } else {
        io.out(differencesText(diffs, spec, answer.live.desired, text));
        const counts = countText(diffs);
        io.out(synced
          ? `${path}: the live cluster (read from ${answer.node}) is in sync with the spec${counts ? `; ${counts}` : ''}\n`
          : `${path}: ${[counts, ...(mismatch ? [`the cluster runs Pacemaker ${mismatch.live}, the spec states ${mismatch.stated}`] : [])].filter(Boolean).join('; ')} (live cluster read from ${answer.node})\n`);
      }
      return synced ? EXIT.ok : EXIT.failed;
    });
  },
};
