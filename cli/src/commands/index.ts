/** Every subcommand of `stash-ha`, in the order `--help` lists them. */
import { CliCommand } from '../command';
import { applyCommand } from './apply';
import { diffCommand } from './diff';
import { exportCommand } from './exportPcs';
import { fetchMetadataCommand } from './fetchMetadata';
import { importCommand } from './importCluster';
import { lintCommand } from './lint';
import { operationCommands } from './operations';
import { statusCommand } from './status';

export const COMMANDS: readonly CliCommand[] = [
  lintCommand, statusCommand, ...operationCommands, importCommand, diffCommand, applyCommand, exportCommand, fetchMetadataCommand,
];
