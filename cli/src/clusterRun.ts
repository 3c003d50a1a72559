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
import { clusterFromSpec, SpecCluster } from '../../client/src/cluster/specCluster';
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

/** The same without --format, for the subcommands whose output is a file's text (import, fetch-metadata). */
export const SSH_OPTIONS: readonly OptionSpec[] = CLUSTER_OPTIONS.filter((o) => o.name !== 'format');

/** Whether the run wants JSON. */
export function wantsJson(args: ParsedArgs): boolean {
  return args.value('format') === 'json';
}

/** A logger writing to standard error, for --verbose. */
export function stderrLogger(io: CliIo): Logger {
  return { info: (m) => io.err(`${m}\n`), warn: (m) => io.err(`warning: ${m}\n`) };
}

/** The spec's text, or undefined after saying why it cannot be read (the caller exits 2). */
export async function readSpecText(specPath: string, io: CliIo): Promise<string | undefined> {
  try {
    return await io.readText(specPath);
  } catch (error) {
    io.err(`stash-ha: cannot read ${specPath}: ${readFailureReason(error)}\n`);
    return undefined;
  }
}

/**
 * Reads the spec and opens the cluster it describes; runs `body` and always
 * closes the connection, also when the run is interrupted. A spec that cannot be
 * read or has no usable node is a usage error (exit 2).
 */
export async function withCluster(specPath: string, args: ParsedArgs, io: CliIo, deps: CliDeps,
  body: (connection: ClusterConnection, clusterName?: string) => Promise<number>): Promise<number> {
  const text = await readSpecText(specPath, io);
  if (text === undefined) return EXIT.usage;
  return withSpecCluster(clusterFromSpec(buildModel(text)), specPath, args, io, deps, body);
}

/**
 * Opens a cluster given as its nodes (a spec's, or the one host `import` is told)
 * with the shared options and runs `body` as withCluster does; `label` names it in
 * messages. No usable node is a usage error (exit 2).
 */
export async function withSpecCluster(spec: SpecCluster, label: string, args: ParsedArgs, io: CliIo, deps: CliDeps,
  body: (connection: ClusterConnection, clusterName?: string) => Promise<number>): Promise<number> {
  for (const p of spec.problems) io.err(`stash-ha: ${label}: ${p}\n`);
  const sshConfig = args.value('ssh-config');
  const connectMs = args.ms('connect-timeout');
  const opened = openCluster(spec, {
    ...(sshConfig !== undefined ? { configFile: sshConfig } : {}),
    hostKeyPolicy: args.flag('accept-new-host-keys') ? 'accept-new' : 'strict',
    ...(connectMs !== undefined ? { connectTimeoutSec: connectMs / 1000 } : {}),
  }, { runner: deps.runner, clock: deps.clock, logger: args.flag('verbose') ? stderrLogger(io) : silentLogger });
  if (!opened.ok) {
    io.err(`stash-ha: ${label}: ${opened.error}\n`);
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
