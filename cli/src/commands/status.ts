/**
 * `stash-ha status SPEC`: one snapshot of the cluster the spec describes, from the
 * first of its nodes that answers, as text laid out like `pcs status` or as JSON.
 */
import { outcomeOfAttempts } from '../../../client/src/cluster/operationReport';
import { CLUSTER_OPTIONS, wantsJson, withCluster } from '../clusterRun';
import { CliCommand } from '../command';
import { EXIT, exitOf } from '../exitStatus';
import { statusText } from './statusText';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'show the cluster a spec describes: nodes, resources, failures, Stash',
  positional: { names: ['SPEC'] },
  description: 'Asks the first reachable node of SPEC for the cluster\'s status (one ssh round trip:\n' +
    "crm_mon, the constraints and Stash's status page) and prints it; --format json prints the snapshot.",
  options: CLUSTER_OPTIONS,
  exits: {
    [EXIT.ok]: 'status shown', [EXIT.usage]: 'usage error or unreadable spec', [EXIT.unreachable]: 'no node answered',
    [EXIT.hostKey]: 'a host key was refused',
  },

  run(args, io, deps) {
    const json = wantsJson(args);
    return withCluster(args.positionals[0], args, io, deps, async (connection, clusterName) => {
      const status = await connection.status();
      if (!status.ok) {
        if (json) io.out(`${JSON.stringify({ ok: false, error: status.error }, null, 2)}\n`);
        io.err(`stash-ha: ${status.error}\n`);
        return exitOf(outcomeOfAttempts(status.attempts));
      }
      io.out(json ? `${JSON.stringify(status.snapshot, null, 2)}\n` : statusText(status.snapshot, clusterName));
      return EXIT.ok;
    });
  },
};
