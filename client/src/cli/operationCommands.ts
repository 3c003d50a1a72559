/**
 * The cluster-changing subcommands of `stash-ha`: failover, standby, unstandby,
 * cleanup, enable, disable, clear and deploy-agent. Each parses its arguments,
 * runs one library operation over one connection and prints its report; the
 * exit status tells scripts what happened (README.md in this folder).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliIo, UsageError } from '../../../server/src/cli/io';
import { deployAgent } from '../cluster/deployAgent';
import { failover } from '../cluster/failover';
import { OperationReport } from '../cluster/operationReport';
import { cleanupResource, clearResource, setEnabled, setStandby } from '../cluster/simpleOps';
import { ClusterConnection } from '../cluster/clusterConnection';
import {
  CliDeps, COMMON_HELP, CommonOptions, defaultCliDeps, EXIT_FAILED, EXIT_HOST_KEY, EXIT_OK, EXIT_UNREACHABLE,
  EXIT_USAGE, parseOptions, printReport, withCluster,
} from './clusterCli';

type Run = (connection: ClusterConnection, options: CommonOptions, deps: CliDeps) => Promise<OperationReport>;

function command(usage: string, about: string, positionals: number, run: (p: readonly string[]) => Run, ownHelp = '') {
  const help = `Usage: stash-ha ${usage}\n\n${about}\n\nOptions:\n${ownHelp}${COMMON_HELP}\n  --format text|json       output format (default text)\n\n` +
    'Exit status: 0 done, 1 refused by a pre-flight check or failed, 2 usage error, 3 a node could not be reached, 4 a host key was refused.\n';
  return async (args: readonly string[], io: CliIo, deps: CliDeps = defaultCliDeps()): Promise<number> => {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(help);
      return EXIT_OK;
    }
    const options = parseOptions(args, ['node']);
    if (options.positionals.length !== positionals) throw new UsageError(`usage: stash-ha ${usage}`);
    const [spec, ...rest] = options.positionals;
    return withCluster(spec, options, io, deps, async (connection) => printReport(await run(rest)(connection, options, deps), options, io));
  };
}

const seconds = (o: CommonOptions): number | undefined => (o.timeoutSec === undefined ? undefined : o.timeoutSec * 1000);

export const failoverCommand = command('failover [OPTIONS] SPEC RESOURCE NODE',
  'Moves RESOURCE (with its group and whatever must run with it) to NODE after a pre-flight check, the way the\n' +
  "installed pcs does it right, then verifies it runs there and no move constraint is left.", 3,
  ([resource, node]) => (c, o, d) => failover(c, { resource, node, ...(seconds(o) ? { timeoutMs: seconds(o) } : {}) }, d.clock),
  '  --timeout SEC            how long the move may take, verification included (default 300)\n');

export const standbyCommand = command('standby [OPTIONS] SPEC NODE', 'Puts NODE in standby: it keeps running but hosts no resources.', 2,
  ([node]) => (c, _o, d) => setStandby(c, node, true, d.clock));

export const unstandbyCommand = command('unstandby [OPTIONS] SPEC NODE', 'Takes NODE out of standby.', 2,
  ([node]) => (c, _o, d) => setStandby(c, node, false, d.clock));

export const cleanupCommand = command('cleanup [OPTIONS] SPEC RESOURCE', "Clears RESOURCE's failed operations and fail counts (on --node NODE only, if given).", 2,
  ([resource]) => (c, o, d) => cleanupResource(c, resource, d.clock, o.extra.node), '  --node NODE              clean up on this node only\n');

export const enableCommand = command('enable [OPTIONS] SPEC RESOURCE', 'Lets the cluster start RESOURCE (target-role Started).', 2,
  ([resource]) => (c, _o, d) => setEnabled(c, resource, true, d.clock));

export const disableCommand = command('disable [OPTIONS] SPEC RESOURCE', 'Stops RESOURCE and keeps it stopped (target-role Stopped).', 2,
  ([resource]) => (c, _o, d) => setEnabled(c, resource, false, d.clock));

export const clearCommand = command('clear [OPTIONS] SPEC RESOURCE', 'Removes the move/ban constraints of RESOURCE (on --node NODE only, if given).', 2,
  ([resource]) => (c, o, d) => clearResource(c, resource, d.clock, o.extra.node), '  --node NODE              clear only the constraint naming this node\n');

export const DEPLOY_HELP = `Usage: stash-ha deploy-agent [OPTIONS] SPEC

Installs the Stash agent as /usr/lib/ocf/resource.d/heartbeat/stash on every node of SPEC in
parallel (sha256-checked, atomic, the old one kept as stash.previous), then checks that
crm_resource --show-metadata ocf:heartbeat:stash answers with its meta-data. A node
that fails keeps its previous agent.

Options:
  --agent FILE             the agent to install (default: the one shipped with stash-ha)
${COMMON_HELP}
  --format text|json       output format (default text)

Exit status: 0 installed everywhere, 1 failed on some node, 2 usage error or unreadable
agent, 3 some node could not be reached, 4 a host key was refused.
`;

/** The agent shipped with stash-ha: agent/stash in the package, found from this file upwards. */
export function shippedAgentPath(from = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'agent', 'stash');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export async function deployAgentCommand(args: readonly string[], io: CliIo, deps: CliDeps = defaultCliDeps()): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(DEPLOY_HELP);
    return EXIT_OK;
  }
  const options = parseOptions(args, ['agent']);
  if (options.positionals.length !== 1) throw new UsageError('usage: stash-ha deploy-agent [OPTIONS] SPEC');
  const agentPath = options.extra.agent ?? shippedAgentPath();
  let agent: Buffer;
  try {
    if (agentPath === undefined) throw new Error('no agent/stash next to stash-ha; pass --agent FILE');
    agent = readFileSync(agentPath);
  } catch (error) {
    io.err(`stash-ha: cannot read the agent: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  return withCluster(options.positionals[0], options, io, deps, async (connection) => {
    const report = await deployAgent(connection, agent, deps.clock);
    if (options.format === 'json') io.out(`${JSON.stringify({ ...report, elapsedMs: Math.round(report.elapsedMs) }, null, 2)}\n`);
    else {
      for (const n of report.nodes) {
        const line = `${n.node}: ${n.ok ? 'ok' : `FAILED at ${n.step}`}: ${n.message} (${(n.durationMs / 1000).toFixed(1)} s)\n`;
        if (n.ok) io.out(line);
        else io.err(line);
      }
      io.out(`deploy-agent: ${report.nodes.filter((n) => n.ok).length} of ${report.nodes.length} nodes in ${(report.elapsedMs / 1000).toFixed(1)} s (sha256 ${report.sha256})\n`);
    }
    if (report.ok) return EXIT_OK;
    const failed = report.nodes.filter((n) => !n.ok);
    if (failed.some((n) => n.failureKind === 'host-key-unknown' || n.failureKind === 'host-key-changed')) return EXIT_HOST_KEY;
    if (failed.every((n) => n.step === 'ssh')) return EXIT_UNREACHABLE;
    return EXIT_FAILED;
  });
}
