/**
 * Entry of the `stash-ha` command: finds the subcommand named in argv, parses its
 * arguments with the one parser against what the subcommand declares, and runs
 * it; a usage error becomes exit status 2 with the same wording for every
 * subcommand. The subcommands live in commands/, one module per subcommand or
 * family; this file only dispatches.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPositionals, parseCommandArgs, UsageError } from './args';
import { CliCommand, CliDeps, processDeps } from './command';
import { COMMANDS } from './commands';
import { EXIT } from './exitStatus';
import { helpText, usageLine } from './help';
import { CliIo, processIo, terminalSafe } from './io';

function version(): string {
  try {
    // The bundle lives in dist/, next to the package's manifest.
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Usage: stash-ha COMMAND [OPTIONS] [ARGS...]', '', 'Commands:', ...rows, '',
    'Run `stash-ha COMMAND --help` for the options of a command.', ''].join('\n');
}

async function runCommand(command: CliCommand, args: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const wantsHelp = args.some((a) => a === '--help' || a === '-h');
  try {
    const parsed = parseCommandArgs(args, command.options);
    if (parsed.flag('help')) {
      io.out(helpText(command));
      return EXIT.ok;
    }
    checkPositionals(parsed.positionals, command.positional);
    return await command.run(parsed, terminalSafe(io), deps);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (wantsHelp && !args.includes('--')) {
      io.out(helpText(command));
      return EXIT.ok;
    }
    io.err(`stash-ha: ${command.name}: ${err.message}\nusage: ${usageLine(command)}\n` +
      `Run \`stash-ha ${command.name} --help\` for the options.\n`);
    return EXIT.usage;
  }
}

/** Runs one invocation of `stash-ha` and returns its exit status. */
export async function main(argv: readonly string[], io: CliIo, deps: CliDeps = processDeps()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.out(`stash-ha ${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`stash-ha: ${name === undefined ? 'no command given' : `unknown command '${name}'`}\n${overview()}`);
    return EXIT.usage;
  }
  return runCommand(command, rest, io, deps);
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
      process.exitCode = EXIT.usage;
    },
  );
}
