/**
 * `stash-ha status SPEC [--format text|json]`: one snapshot of the cluster the
 * spec describes, from the first of its nodes that answers.
 */
import { CliIo, UsageError } from '../../../server/src/cli/io';
import { outcomeOfAttempts } from '../cluster/operationReport';
import { CliDeps, COMMON_HELP, defaultCliDeps, exitCodeOf, EXIT_OK, parseOptions, withCluster } from './clusterCli';
import { statusText } from './statusText';

export const STATUS_SUMMARY = 'show the cluster a spec describes: nodes, resources, failures, Stash';

const HELP = `Usage: stash-ha status [OPTIONS] SPEC

Asks the first reachable node of SPEC for the cluster's status (one ssh round trip:
crm_mon, the constraints and Stash's status page) and prints it.

Options:
  --format text|json       output format (default text; json is the snapshot)
${COMMON_HELP}

Exit status: 0 status shown, 2 usage error or unreadable spec, 3 no node answered,
4 a host key was refused (see README).
`;

export async function statusCommand(args: readonly string[], io: CliIo, deps: CliDeps = defaultCliDeps()): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return EXIT_OK;
  }
  const options = parseOptions(args);
  if (options.positionals.length !== 1) throw new UsageError('status needs exactly one SPEC file');
  return withCluster(options.positionals[0], options, io, deps, async (connection, clusterName) => {
    const status = await connection.status();
    if (!status.ok) {
      if (options.format === 'json') io.out(`${JSON.stringify({ ok: false, error: status.error }, null, 2)}\n`);
      io.err(`stash-ha: ${status.error}\n`);
      return exitCodeOf(outcomeOfAttempts(status.attempts));
    }
    io.out(options.format === 'json' ? `${JSON.stringify(status.snapshot, null, 2)}\n` : statusText(status.snapshot, clusterName));
    return EXIT_OK;
  });
}
