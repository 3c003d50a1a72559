/**
 * The cluster-changing subcommands of `stash-ha`, one per row of the cluster
 * library's operations table (failover, standby, unstandby, cleanup, enable,
 * disable, clear, deploy-agent): name, summary, help, arguments and options all
 * come from the row. Each run reads the spec, runs the row's operation over one
 * connection and prints its report; the exit status tells scripts what happened.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeployReport, OperationInput, OperationRow, OPERATIONS, runOperation } from '../../../client/src/cluster/operations';
import { OperationReport } from '../../../client/src/cluster/operationReport';
import { OptionSpec, ParsedArgs } from '../args';
import { CLUSTER_OPTIONS, wantsJson, withCluster } from '../clusterRun';
import { CliCommand } from '../command';
import { CLUSTER_EXITS, EXIT, exitOf } from '../exitStatus';
import { CliIo, readFailureReason } from '../io';

/** The command-line option of each optional input a row accepts. */
const INPUT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  timeoutMs: { name: 'timeout', value: 'SEC', seconds: true, help: 'how long the move may take, verification included (default 300)' },
  node: { name: 'node', value: 'NODE', help: 'only on this node' },
  agent: { name: 'agent', value: 'FILE', help: 'the agent to install (default: the one shipped with stash-ha)' },
};

/** The agent shipped with stash-ha: agent/stash in the package, found from this file upwards. */
export function shippedAgentPath(from = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'agent', 'stash');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** Prints a report (text or JSON) and returns its exit status. */
export function printReport(report: OperationReport, args: ParsedArgs, io: CliIo): number {
  if (wantsJson(args)) {
    const { snapshot, ...rest } = report;
    io.out(`${JSON.stringify({ ...rest, elapsedMs: Math.round(report.elapsedMs), ...(snapshot ? { snapshot } : {}) }, null, 2)}\n`);
  } else if (isDeployReport(report)) {
    for (const n of report.nodes) {
      const line = `${n.node}: ${n.ok ? 'ok' : `FAILED at ${n.step}`}: ${n.message} (${secs(n.durationMs)} s)\n`;
      if (n.ok) io.out(line);
      else io.err(line);
    }
    io.out(`deploy-agent: ${report.nodes.filter((n) => n.ok).length} of ${report.nodes.length} nodes in ${secs(report.elapsedMs)} s (sha256 ${report.sha256})\n`);
  } else {
    if (args.flag('verbose')) for (const s of report.steps) io.err(`  ${s}\n`);
    if (report.ok) io.out(`${report.operation}: done in ${secs(report.elapsedMs)} s\n`);
    else io.err(`stash-ha: ${report.operation}: ${report.outcome === 'refused' ? 'refused' : 'failed'} after ${secs(report.elapsedMs)} s\n${report.problems.map((p) => `  ${p}\n`).join('')}`);
  }
  return exitOf(report.outcome);
}

/** The agent to deploy: --agent FILE, else the shipped one; a reason when neither can be read. */
async function readAgent(args: ParsedArgs, io: CliIo): Promise<Uint8Array | string> {
  const path = args.value('agent') ?? shippedAgentPath();
  if (path === undefined) return 'cannot read the agent: no agent/stash next to stash-ha; pass --agent FILE';
  try {
    return await io.readBytes(path);
  } catch (error) {
    return `cannot read the agent ${path}: ${readFailureReason(error)}`;
  }
}

function commandOf(row: OperationRow): CliCommand {
  const own = row.accepts.map((a) => INPUT_OPTIONS[a]);
  return {
    name: row.id,
    summary: row.summary,
    positional: { names: ['SPEC', ...row.requires.map((r) => r.toUpperCase())] },
    description: row.description,
    options: [...own, ...CLUSTER_OPTIONS],
    exits: CLUSTER_EXITS,
    async run(args, io, deps) {
      const [spec, ...names] = args.positionals;
      const input: { -readonly [K in keyof OperationInput]: OperationInput[K] } = {};
      row.requires.forEach((r, i) => { input[r] = names[i]; });
      const node = args.value('node');
      if (row.accepts.includes('node') && node !== undefined) input.node = node;
      const timeoutMs = args.ms('timeout');
      if (timeoutMs !== undefined) input.timeoutMs = timeoutMs;
      if (row.accepts.includes('agent')) {
        const agent = await readAgent(args, io);
        if (typeof agent === 'string') {
          io.err(`stash-ha: ${agent}\n`);
          return EXIT.usage;
        }
        input.agent = agent;
      }
      return withCluster(spec, args, io, deps, async (connection) => printReport(await runOperation(row, connection, input, deps.clock), args, io));
    },
  };
}

/** One subcommand per operation, in the table's order. */
export const operationCommands: readonly CliCommand[] = OPERATIONS.map(commandOf);
