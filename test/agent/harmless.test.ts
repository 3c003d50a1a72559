// agent/stash runs as root on a cluster node, so it must not harm the node when
// what it relies on turns hostile: a temp file it cannot create, a PID file that
// is a FIFO (or another non-regular file) in a directory stash_user can write
// to, and a PID file that names another process while a stop is under way.
// Each case is driven for real: mktemp fails by a TMPDIR that does not exist, in
// a private mount namespace whose /dev is the test's own, so even the old agent's
// `rm -f /dev/null` could only hit that copy; the FIFO is made with mkfifo; the
// other process is a real process of stash_user.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive, processesMentioning, Sandbox, Shell, waitFor } from './sandbox';

const OCF_ERR_GENERIC = 1;
const OCF_NOT_RUNNING = 7;

let boxes: Sandbox[] = [];
let strays: ChildProcess[] = [];
afterEach(() => {
  for (const p of strays) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  strays = [];
  boxes.forEach((b) => b.cleanup());
  boxes = [];
});

async function running(): Promise<Sandbox> {
  const box = await Sandbox.create({ startingSeconds: 0 });
  boxes.push(box);
  const start = await box.run('start');
  assert.equal(start.code, 0, start.stderr);
  return box;
}

/**
 * Runs the agent in a private mount namespace whose /dev is a fresh tmpfs holding
 * the few device nodes and links a shell needs, then prints whether /dev/null is
 * still a character device there.
 */
const PRIVATE_DEV = [
  'set -e',
  'mount -t tmpfs -o mode=755 stash-test-dev /dev',
  'mknod -m 666 /dev/null c 1 3; mknod -m 666 /dev/zero c 1 5; mknod -m 444 /dev/urandom c 1 9',
  'ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr',
  'set +e',
  '"$@"; rc=$?',
  'if [ -c /dev/null ]; then echo "dev-null: a character device"; else echo "dev-null: GONE"; fi',
  'exit "$rc"',
].join('\n');
const IN_PRIVATE_DEV = ['unshare', '--mount', '--propagation', 'private', '--fork', '--kill-child', 'sh', '-c', PRIVATE_DEV, 'sh'];

for (const shell of ['dash', 'bash'] as Shell[]) {
  describe(`agent/stash under ${shell} harms nothing when`, () => {
    test('mktemp fails during stop: the stop works and /dev/null is not removed', async () => {
      const box = await running();
      const pid = box.serverPid();
      assert.ok(pid !== undefined);
      const r = await box.run('stop', { shell, env: { TMPDIR: join(box.root, 'no-such-dir') }, wrapper: IN_PRIVATE_DEV });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^dev-null: a character device$/m, `${r.stdout}\n${r.stderr}`);
      assert.match(r.stderr, /cannot create a temporary file; the output of stop-stash\.sh is not logged/);
      assert.equal(processAlive(pid), false, 'Stash was stopped all the same');
    });

    test('the PID file is a FIFO: monitor and stop end at once, naming it, instead of blocking on the read', async () => {
      const box = await running();
      const pid = box.serverPid();
      assert.ok(pid !== undefined);
      rmSync(box.pidFile());
      execFileSync('mkfifo', ['-m', '644', box.pidFile()]);
      const monitor = await box.monitor({ shell });
      assert.equal(monitor.code, OCF_NOT_RUNNING, `the agent itself answered (not the runner's kill): ${monitor.stderr}`);
      assert.match(monitor.stderr, new RegExp(`PID file ${box.pidFile()} is not a regular file; not read`));
      const stop = await box.run('stop', { shell, timeoutMs: 20_000 });
      assert.equal(stop.code, 0, `the agent itself answered (not the runner's kill): ${stop.stderr}`);
      assert.match(stop.stderr, /is not a regular file; not read/);
      assert.match(stop.stderr, /removing stale PID file/, 'the FIFO is cleared away for the next start');
    });

    test('the PID file names another process during stop: neither it nor the first one gets TERM or KILL', async () => {
      const box = await running();
      const first = box.serverPid();
      assert.ok(first !== undefined);
      // Another process of stash_user, which the PID file will name once the stop has begun.
      const other = spawn('sleep', ['600'], { uid: box.uid, gid: Number(execFileSync('id', ['-g', box.user], { encoding: 'utf8' }).trim()), stdio: 'ignore' });
      strays.push(other);
      assert.ok(other.pid !== undefined);
      box.flag('stop-hangs');
      const stopping = box.run('stop', { shell, timeoutMs: 12_000 });
      const scriptRuns = await waitFor(() => processesMentioning(join(box.inst, 'bin/stop-stash.sh')).length > 0, 10_000);
      assert.ok(scriptRuns, 'the stop script started');
      writeFileSync(box.pidFile(), `${other.pid}\n`);
      const r = await stopping;
      assert.equal(r.code, OCF_ERR_GENERIC, r.stderr);
      assert.deepEqual(r.reasons, [`the PID file now names process ${other.pid}, not ${first} which this stop began with; it was not signalled`]);
      assert.doesNotMatch(r.stderr, /sending TERM|sending KILL/);
      assert.equal(processAlive(first), true, 'the process stop began with got no signal once the PID file named another');
      assert.equal(processAlive(other.pid), true, 'the process the PID file names now got no signal');
      assert.deepEqual(processesMentioning(join(box.inst, 'bin/stop-stash.sh')), [], 'the hung stop script was ended');
    });
  });
}

describe('a normal stop still signals the process it began with', () => {
  test('the stop script hangs: TERM goes to Stash, whose PID file still names it', async () => {
    const box = await running();
    const pid = box.serverPid();
    assert.ok(pid !== undefined);
    box.flag('stop-hangs');
    const r = await box.run('stop', { timeoutMs: 10_000 });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`Stash \\(pid ${pid}\\) still runs after \\d+s; sending TERM`));
    assert.equal(processAlive(pid), false);
  });
});
