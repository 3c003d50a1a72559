/**
 * Runs the built `stash-ha` (dist/cli.js) as a real, asynchronous process with an
 * argv array, as a user or a CI job would, while a lab cluster keeps running in
 * the same test process. Each run gets a private TMPDIR, so the test can prove
 * that a finished command left no ssh connection-sharing socket or ssh master
 * process behind. Test-only.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from './cliProcess';

/** A finished `stash-ha` run. */
export interface StashHaRun {
  readonly code: number | null;
  /** The signal that ended it, if one did. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  /** Sockets or directories still in the run's TMPDIR, and live processes naming it. */
  readonly leftovers: readonly string[];
}

/**
 * Live processes whose command line names a path inside `dir` (matched with its
 * trailing slash, so a sibling run's TMPDIR `…/t2` is not taken for `…/t`).
 */
export function processesNaming(dir: string): string[] {
  const text = `${dir.replace(/\/+$/, '')}/`;
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    if (cmdline.includes(text)) found.push(`process ${pid}: ${cmdline}`);
  }
  return found;
}

/** How to run it: a deadline after which it is killed, and a look at the process while it runs. */
export interface RunOptions {
  readonly timeoutMs?: number;
  readonly onSpawn?: (child: ChildProcess) => void;
}

/** Whether a control socket directory under `dir` holds a socket (not just its owner file): an ssh master is up. */
export function hasSocket(dir: string): boolean {
  return readdirSync(dir).some((sub) => {
    try {
      return readdirSync(join(dir, sub), { withFileTypes: true }).some((e) => e.isSocket());
    } catch {
      return false;
    }
  });
}

/**
 * Runs `node dist/cli.js ARGS…` with TMPDIR set to `tmpDir` (created if missing;
 * keep it short, ssh's socket paths are limited) and kills it after the timeout (180 s).
 */
export function runStashHa(args: readonly string[], tmpDir: string, options: RunOptions = {}): Promise<StashHaRun> {
  mkdirSync(tmpDir, { recursive: true });
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, TMPDIR: tmpDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    options.onSpawn?.(child);
    child.on('error', (error) => { clearTimeout(timer); fail(error); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      const leftovers = [...readdirSync(tmpDir).map((f) => `${join(tmpDir, f)} in TMPDIR`), ...processesNaming(tmpDir)];
      done({ code, signal, stdout, stderr, seconds, leftovers });
    });
  });
}

/** The whole run, for an assertion message. */
export function describeRun(args: readonly string[], run: StashHaRun): string {
  return `stash-ha ${args.join(' ')} → ${run.signal ?? `exit ${String(run.code)}`} in ${run.seconds.toFixed(1)} s\n` +
    `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
}
