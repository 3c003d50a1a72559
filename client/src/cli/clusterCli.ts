/**
 * What the cluster subcommands of `stash-ha` share: their options (`--ssh-config`,
 * `--accept-new-host-keys`, `--connect-timeout`, `--verbose`), reading the spec,
 * opening one ssh session and cluster connection for the run (and closing it),
 * and the exit statuses scripts rely on (README.md in this folder).
 */
import { CliIo, UsageError } from '../../../server/src/cli/io';
import { buildModel } from '../../../server/src/spec/model';
import { ClusterConnection } from '../cluster/clusterConnection';
import { OperationReport, OutcomeKind } from '../cluster/operationReport';
import { clusterFromSpec } from '../cluster/specCluster';
import { Logger, silentLogger } from '../remote/logger';
import { Clock, ProcessRunner, spawnRunner, systemClock } from '../remote/processRunner';
import { SshSession } from '../remote/sshSession';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNREACHABLE = 3;
export const EXIT_HOST_KEY = 4;

/** Arranges for `cleanup` to run before an interrupt ends the process; returns what stops the arrangement. */
export type InterruptHook = (cleanup: () => Promise<void>) => () => void;

/** What a cluster subcommand gets from outside besides its streams; tests pass recordings. */
export interface CliDeps {
  readonly runner: ProcessRunner;
  readonly clock: Clock;
  /** Absent: signals end the process at once, leaving ssh masters running until ControlPersist ends them. */
  readonly onInterrupt?: InterruptHook;
}

const INTERRUPTS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Ctrl-C (or SIGTERM, SIGHUP) still ends the process by that signal, so the shell
 * sees 130 and the like, but only after `cleanup` has closed the ssh masters and
 * removed their socket directory. A second signal during cleanup ends it at once.
 */
export const processInterrupts: InterruptHook = (cleanup) => {
  const stop = (): void => { for (const s of INTERRUPTS) process.off(s, onSignal); };
  function onSignal(signal: NodeJS.Signals): void {
    stop();
    void cleanup().catch(() => undefined).finally(() => process.kill(process.pid, signal));
  }
  for (const s of INTERRUPTS) process.on(s, onSignal);
  return stop;
};

export function defaultCliDeps(): CliDeps {
  return { runner: spawnRunner(), clock: systemClock, onInterrupt: processInterrupts };
}

export interface CommonOptions {
  readonly sshConfig?: string;
  readonly acceptNewHostKeys: boolean;
  readonly connectTimeoutSec?: number;
  readonly verbose: boolean;
  readonly format: 'text' | 'json';
  readonly timeoutSec?: number;
  /** Options a command declared for itself (`--agent FILE` → agent). */
  readonly extra: Readonly<Record<string, string>>;
  readonly positionals: readonly string[];
}

export const COMMON_HELP = [
  '  --ssh-config FILE        use FILE instead of ~/.ssh/config (ssh -F)',
  '  --accept-new-host-keys   trust host keys not seen before (a changed key is always refused)',
  '  --connect-timeout SEC    ssh connect timeout (default 10)',
  '  --verbose                log every remote command to standard error',
].join('\n');

/** Parses the common options and the command's own `--name VALUE` options; throws UsageError. */
export function parseOptions(args: readonly string[], own: readonly string[] = []): CommonOptions {
  const positionals: string[] = [];
  const extra: Record<string, string> = {};
  let sshConfig: string | undefined;
  let connectTimeoutSec: number | undefined;
  let timeoutSec: number | undefined;
  let acceptNewHostKeys = false;
  let verbose = false;
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = (): string => {
      const v = args[i + 1];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      i += 1;
      return v;
    };
    const seconds = (): number => {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${arg} needs a number of seconds`);
      return n;
    };
    if (arg === '--') { positionals.push(...args.slice(i + 1)); break; }
    if (arg === '--ssh-config') sshConfig = value();
    else if (arg === '--accept-new-host-keys') acceptNewHostKeys = true;
    else if (arg === '--connect-timeout') connectTimeoutSec = seconds();
    else if (arg === '--timeout') timeoutSec = seconds();
    else if (arg === '--verbose' || arg === '-v') verbose = true;
    else if (arg === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not '${f}'`);
      format = f;
    } else if (arg.startsWith('--') && own.includes(arg.slice(2))) extra[arg.slice(2)] = value();
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
    else positionals.push(arg);
  }
  return {
    ...(sshConfig !== undefined ? { sshConfig } : {}), acceptNewHostKeys,
    ...(connectTimeoutSec !== undefined ? { connectTimeoutSec } : {}), verbose, format,
    ...(timeoutSec !== undefined ? { timeoutSec } : {}), extra, positionals,
  };
}

/** A logger writing to standard error, for --verbose. */
export function stderrLogger(io: CliIo): Logger {
  return { info: (m) => io.err(`${m}\n`), warn: (m) => io.err(`warning: ${m}\n`) };
}

/**
 * Reads the spec and opens a connection to its nodes; runs `body` and always
 * closes the connection, also when the run is interrupted. A spec that cannot be read or has no usable node is a
 * usage error (exit 2).
 */
export async function withCluster(specPath: string, options: CommonOptions, io: CliIo, deps: CliDeps,
  body: (connection: ClusterConnection, clusterName?: string) => Promise<number>): Promise<number> {
  let text: string;
  try {
    text = await io.readText(specPath);
  } catch (error) {
    io.err(`stash-ha: cannot read ${specPath}: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  const spec = clusterFromSpec(buildModel(text));
  for (const p of spec.problems) io.err(`stash-ha: ${specPath}: ${p}\n`);
  if (spec.nodes.length === 0) {
    io.err(`stash-ha: ${specPath}: no node to connect to (the spec needs nodes with an address)\n`);
    return EXIT_USAGE;
  }
  const logger = options.verbose ? stderrLogger(io) : silentLogger;
  const session = new SshSession({
    ...(options.sshConfig !== undefined ? { configFile: options.sshConfig } : {}),
    hostKeyPolicy: options.acceptNewHostKeys ? 'accept-new' : 'strict',
    ...(options.connectTimeoutSec !== undefined ? { connectTimeoutSec: options.connectTimeoutSec } : {}),
  }, { runner: deps.runner, clock: deps.clock, logger });
  const connection = new ClusterConnection(spec.nodes, session, { clock: deps.clock, logger }, { stashProbes: spec.stashProbes });
  const stopInterrupts = deps.onInterrupt?.(() => {
    io.err('stash-ha: interrupted: closing the ssh connections; a cluster change already sent may go on or stop half way ' +
      '(status shows a leftover move constraint, clear removes it)\n');
    return connection.close();
  });
  try {
    return await body(connection, spec.name);
  } finally {
    stopInterrupts?.();
    await connection.close();
  }
}

export function exitCodeOf(outcome: OutcomeKind): number {
  switch (outcome) {
    case 'done': return EXIT_OK;
    case 'unreachable': return EXIT_UNREACHABLE;
    case 'host-key': return EXIT_HOST_KEY;
    default: return EXIT_FAILED;
  }
}

/** Prints an operation's report (text or JSON) and returns its exit status. */
export function printReport(report: OperationReport, options: CommonOptions, io: CliIo): number {
  if (options.format === 'json') {
    const { snapshot, ...rest } = report;
    io.out(`${JSON.stringify({ ...rest, elapsedMs: Math.round(report.elapsedMs), ...(snapshot ? { snapshot } : {}) }, null, 2)}\n`);
  } else {
    if (options.verbose) for (const s of report.steps) io.err(`  ${s}\n`);
    const secs = (report.elapsedMs / 1000).toFixed(1);
    if (report.ok) io.out(`${report.operation}: done in ${secs} s\n`);
    else io.err(`stash-ha: ${report.operation}: ${report.outcome === 'refused' ? 'refused' : 'failed'} after ${secs} s\n${report.problems.map((p) => `  ${p}\n`).join('')}`);
  }
  return exitCodeOf(report.outcome);
}
