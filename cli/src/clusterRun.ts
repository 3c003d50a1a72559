/**
 * What the cluster subcommands of `stash-ha` share: their common options
 * (`--ssh-config`, `--accept-new-host-keys`, `--connect-timeout`, `--verbose`,
 * `--format`), reading the spec, opening the cluster for the run with
 * openCluster (the same way the extension and the tests do) and closing it,
 * also when the run is interrupted.
 */
import { buildModel } from '../../server/src';
import { ClusterConnection } from '../../client/src/cluster/clusterConnection';
import { openCluster } from '../../client/src/cluster/openCluster';
import { clusterFromSpec } from '../../client/src/cluster/specCluster';
import { Logger, silentLogger } from '../../client/src/remote/logger';
import { HELP_OPTION, OptionSpec, ParsedArgs } from './args';
import { CliDeps } from './command';
import { EXIT } from './exitStatus';
import { CliIo, readFailureReason } from './io';

/** The options every cluster subcommand takes, after its own. */
export const CLUSTER_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', value: 'FORMAT', choices: ['text', 'json'], help: 'output format (default text)' },
  { name: 'ssh-config', value: 'FILE', help: 'use FILE instead of ~/.ssh/config (ssh -F)' },
  { name: 'accept-new-host-keys', help: 'trust host keys not seen before (a changed key is always refused)' },
  { name: 'connect-timeout', value: 'SEC', seconds: true, help: 'ssh connect timeout (default 10)' },
  { name: 'verbose', short: 'v', help: 'log every remote command to standard error' },
  HELP_OPTION,
];

/** Whether the run wants JSON. */
export function wantsJson(args: ParsedArgs): boolean {
  return args.value('format') === 'json';
}

/** A logger writing to standard error, for --verbose. */
export function stderrLogger(io: CliIo): Logger {
  return { info: (m) => io.err(`${m}\n`), warn: (m) => io.err(`warning: ${m}\n`) };
}

/**
 * Reads the spec and opens the cluster it describes; runs `body` and always
 * closes the connection, also when the run is interrupted. A spec that cannot be
 * read or has no usable node is a usage error (exit 2).
 */
export async function withCluster(specPath: string, args: ParsedArgs, io: CliIo, deps: CliDeps,
  body: (connection: ClusterConnection, clusterName?: string) => Promise<number>): Promise<number> {
  let text: string;
  try {
    text = await io.readText(specPath);
  } catch (error) {
    io.err(`stash-ha: cannot read ${specPath}: ${readFailureReason(error)}\n`);
    return EXIT.usage;
  }
  const spec = clusterFromSpec(buildModel(text));
  for (const p of spec.problems) io.err(`stash-ha: ${specPath}: ${p}\n`);
  const sshConfig = args.value('ssh-config');
  const connectMs = args.ms('connect-timeout');
  const opened = openCluster(spec, {
    ...(sshConfig !== undefined ? { configFile: sshConfig } : {}),
    hostKeyPolicy: args.flag('accept-new-host-keys') ? 'accept-new' : 'strict',
    ...(connectMs !== undefined ? { connectTimeoutSec: connectMs / 1000 } : {}),
  }, { runner: deps.runner, clock: deps.clock, logger: args.flag('verbose') ? stderrLogger(io) : silentLogger });
  if (!opened.ok) {
    io.err(`stash-ha: ${specPath}: ${opened.error}\n`);
    return EXIT.usage;
  }
  const { connection } = opened;
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
