/**
 * Runs the built CLI (dist/cli.js) as a real process with an argv array, as a user or
 * a CI job would, and returns its exit status and output.
 */
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** One JSON finding of `stash-ha lint --format json`. */
export interface JsonRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

export function runCli(args: readonly string[], options: { input?: string; cwd?: string; uid?: number; gid?: number; cli?: string } = {}): CliResult {
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  };
  const r = spawnSync(process.execPath, [options.cli ?? CLI, ...args], spawnOptions);
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Runs `lint --format json` and parses its output. */
export function lintJson(args: readonly string[], options: { input?: string; cwd?: string } = {}): CliResult & { records: JsonRecord[] } {
  const r = runCli(['lint', '--format', 'json', ...args], options);
  return { ...r, records: JSON.parse(r.stdout) as JsonRecord[] };
}
