// What scripts/test.mjs and scripts/testRepeat.mjs share: building what the tests
// drive (dist/ by esbuild, out/ by tsc -b, after removing every compiled file whose
// source is gone, so a deleted or moved source's old test never runs), choosing the
// compiled test files, and one
// run of node's test runner with deadlines. It does not decide what a run's result
// means; the callers do.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The longest one test may take. Node 20's runner applies it to each test file as a
 * whole too, so it must exceed the longest file: the real-cluster files allow their
 * suites 15 minutes. A test or suite with a timeout of its own keeps that one.
 */
export const TEST_TIMEOUT_MS = 20 * 60_000;

/** The longest a whole run may take before it is killed (CI's limit is 90 minutes). */
export const RUN_DEADLINE_MS = 60 * 60_000;

function runOrExit(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** What tsc writes for one source file: the source is the same path under the repository, ending in .ts. */
const COMPILED = /\.(d\.ts\.map|d\.ts|js\.map|js)$/;

/**
 * Removes the files under out/ whose TypeScript source no longer exists (tsc -b never
 * does). Each project compiles `P/x.ts` to `out/P/x.js`, so the source of
 * `out/P/x.js` is `P/x.ts`. Only those files go, not out/ as a whole: others may be
 * running tests from the same out/ at this moment (wiping it made a concurrent run
 * lose test files it had yet to load).
 */
export function pruneStale(dir = join(root, 'out')) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      pruneStale(p);
      continue;
    }
    if (!COMPILED.test(name)) continue;
    const source = join(root, relative(join(root, 'out'), p)).replace(COMPILED, '.ts');
    if (!existsSync(source)) rmSync(p, { force: true });
  }
}

/** Builds dist/, removes stale compiled files and compiles the TypeScript projects to out/; exits on failure. */
export function buildAll() {
  runOrExit(process.execPath, ['scripts/build.mjs']);
  pruneStale();
  runOrExit(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b']);
}

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

/** The compiled test files whose path contains one of `filters` (all of them without filters), sorted. */
export function testFiles(filters) {
  return find(join(root, 'out/test')).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s))).sort();
}

/**
 * Runs node's test runner over `files` in a process group of its own, killed (with
 * everything it started) if it is not done within `deadlineMs`. With `capture` the
 * output is collected instead of shown. Resolves with { code, signal, timedOut, output }.
 */
export function runNodeTest(files, { capture = false, deadlineMs = RUN_DEADLINE_MS } = {}) {
  const args = ['--test', '--test-reporter=spec', `--test-timeout=${TEST_TIMEOUT_MS}`, ...files];
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  const chunks = [];
  child.stdout?.on('data', (c) => chunks.push(c));
  child.stderr?.on('data', (c) => chunks.push(c));
  const killGroup = (signal) => {
    try { process.kill(-child.pid, signal); } catch { /* the group has already gone */ }
  };
  const forward = (signal) => () => killGroup(signal);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  let timedOut = false;
  let hardKill;
  const watchdog = setTimeout(() => {
    timedOut = true;
    killGroup('SIGTERM');
    hardKill = setTimeout(() => killGroup('SIGKILL'), 10_000);
  }, deadlineMs);
  return new Promise((resolve) => {
    let exited;
    let lingering;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(watchdog);
      clearTimeout(hardKill);
      clearTimeout(lingering);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve({ ...exited, timedOut, output: Buffer.concat(chunks).toString() });
    };
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      // A process the tests started and left behind may hold the output pipes open.
      lingering = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish();
      }, 5000);
    });
    child.on('close', () => { if (exited) finish(); });
  });
}
