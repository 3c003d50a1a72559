/** Every subcommand of `stash-ha`, in the order `--help` lists them. */
import { CliCommand } from '../command';
import { lintCommand } from './lint';
import { operationCommands } from './operations';
import { statusCommand } from './status';

export const COMMANDS: readonly CliCommand[] = [lintCommand, statusCommand, ...operationCommands];
