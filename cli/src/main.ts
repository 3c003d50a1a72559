/**
 * Entry of the `stash-ha` command (its own project, since it joins the spec checker
 * of server/ and the cluster library of client/): reads the subcommand from argv and runs it. Each
 * subcommand is one row of COMMANDS, implemented in its own module; this file only
 * dispatches and turns the result into the exit status.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliIo, EXIT_OK, EXIT_USAGE, processIo, UsageError } from '../../server/src/cli/io';
import { LINT_SUMMARY, runLint } from '../../server/src/cli/lint';
import { STATUS_SUMMARY, statusCommand } from '../../client/src/cli/statusCommand';
import {
  cleanupCommand, clearCommand, deployAgentCommand, disableCommand, enableCommand, failoverCommand, standbyCommand,
  unstandbyCommand,
} from '../../client/src/cli/operationCommands';

interface Command {
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  lint: { summary: LINT_SUMMARY, run: runLint },
  status: { summary: STATUS_SUMMARY, run: (a, io) => statusCommand(a, io) },
  failover: { summary: 'move a resource, and what runs with it, to a node (pre-flight, move, verify)', run: (a, io) => failoverCommand(a, io) },
  standby: { summary: 'put a node in standby', run: (a, io) => standbyCommand(a, io) },
  unstandby: { summary: 'take a node out of standby', run: (a, io) => unstandbyCommand(a, io) },
  cleanup: { summary: "clear a resource's failures and fail counts", run: (a, io) => cleanupCommand(a, io) },
  enable: { summary: 'let the cluster start a resource', run: (a, io) => enableCommand(a, io) },
  disable: { summary: 'stop a resource and keep it stopped', run: (a, io) => disableCommand(a, io) },
  clear: { summary: 'remove the move/ban constraints of a resource', run: (a, io) => clearCommand(a, io) },
  'deploy-agent': { summary: 'install the Stash agent on every node, checked, keeping the previous one', run: (a, io) => deployAgentCommand(a, io) },
};

function version(): string {
  try {
    // The bundle lives in dist/, next to the package's manifest.
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['Usage: stash-ha COMMAND [OPTIONS] [ARGS...]', '', 'Commands:', ...rows, '',
    'Run `stash-ha COMMAND --help` for the options of a command.', ''].join('\n');
}

/** Runs one invocation of `stash-ha` and returns its exit status. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-V') {
    io.out(`stash-ha ${version()}\n`);
    return EXIT_OK;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  try {
    if (command === undefined) throw new UsageError(name === undefined ? 'no command given' : `unknown command '${name}'`);
    return await command.run(rest, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`stash-ha: ${err.message}\n${command === undefined ? usage() : `Run \`stash-ha ${name} --help\` for usage.\n`}`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  // A reader that closes the pipe early (`| head`) is not an error of ours.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(process.argv.slice(2), processIo).then(
    (status) => { process.exitCode = status; },
    (err: unknown) => {
      process.stderr.write(`stash-ha: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
