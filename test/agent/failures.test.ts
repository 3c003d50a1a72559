// agent/stash when Stash misbehaves, each state driven through the stand-in's
// control files: ERROR while the process lives, a server that stops answering,
// a process that dies (while starting and while running), a start that never
// reaches RUNNING, and stop scripts that hang, with and without a server that
// ignores TERM. Every failure must come back from the agent itself with its
// reason (a code, not the kill of the runner's guard against a hang), and leave
// no process behind. What came first is read from the stand-in's own log and the
// agent's, never from how long an action took.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { AgentResult, processAlive, processesMentioning, Sandbox, Shell, waitFor } from './sandbox';

const OCF_ERR_GENERIC = 1;
const OCF_NOT_RUNNING = 7;

let boxes: Sandbox[] = [];
afterEach(() => {
  boxes.forEach((b) => b.cleanup());
  boxes = [];
});

async function running(options: { startingSeconds?: number; stoppingSeconds?: number } = {}): Promise<Sandbox> {
  const box = await Sandbox.create({ startingSeconds: options.startingSeconds ?? 0, stoppingSeconds: options.stoppingSeconds });
  boxes.push(box);
  const start = await box.run('start');
  assert.equal(start.code, 0, start.stderr);
  return box;
}

/**
 * The agent's stop says when it sends TERM ("still runs after Ns"): that plan, from
 * the agent's own arithmetic, must leave room inside the stop timeout.
 */
function assertTermPlannedWithin(r: AgentResult, timeoutSeconds: number): void {
  const m = /still runs after (\d+)s; sending TERM/.exec(r.stderr);
  assert.ok(m, `TERM was sent: ${r.stderr}`);
  assert.ok(Number(m[1]) < timeoutSeconds, `TERM planned after ${m[1]} s of a ${timeoutSeconds} s stop timeout`);
}

function assertReason(r: AgentResult, pattern: RegExp): void {
  assert.equal(r.reasons.length, 1, r.stderr);
  assert.match(r.reasons[0], pattern);
}

describe('monitor of a misbehaving Stash', () => {
  test('ERROR while the process lives is a failure (1), for a monitor and a probe', async () => {
    const box = await running();
    box.flag('error');
    for (const r of [await box.monitor(), await box.probe()]) {
      assert.equal(r.code, OCF_ERR_GENERIC, r.stderr);
      assertReason(r, /reports state ERROR/);
    }
    box.flag('error', false);
    assert.equal((await box.monitor()).code, 0);
  });

  test('a process that does not answer is a failure (1), reported by the agent itself', async () => {
    const box = await running();
    box.flag('mute');
    const r = await box.monitor({ timeoutMs: 6000 });
    assert.equal(r.code, OCF_ERR_GENERIC, r.stderr);
    assertReason(r, /does not answer/);
    box.flag('mute', false);
  });

  test('MAINTENANCE and FIRST_RUN count as running', async () => {
    const box = await running();
    for (const flag of ['maintenance', 'first-run']) {
      box.flag(flag);
      const r = await box.monitor();
      assert.equal(r.code, 0, `${flag}: ${r.stderr}`);
      box.flag(flag, false);
    }
  });

  test('a process that died leaves a stale PID file: not running (7), and start recovers', async () => {
    const box = await running();
    const pid = box.serverPid();
    assert.ok(pid !== undefined);
    box.flag('crash');
    assert.ok(await waitFor(() => !processAlive(pid), 5000), 'the stand-in did not crash');
    box.flag('crash', false);
    assert.ok(existsSync(box.pidFile()), 'the PID file outlives the process, as after a JVM crash');
    const monitor = await box.monitor();
    assert.equal(monitor.code, OCF_NOT_RUNNING, monitor.stderr);
    const start = await box.run('start');
    assert.equal(start.code, 0, start.stderr);
    assert.notEqual(box.serverPid(), pid);
    assert.equal((await box.monitor()).code, 0);
  });
});

describe('the stand-in\'s one-shot crash', () => {
  test('crash-once kills the process once and removes its own file, so the next start runs', async () => {
    const box = await running();
    const pid = box.serverPid();
    assert.ok(pid !== undefined);
    box.flag('crash-once');
    assert.ok(await waitFor(() => !processAlive(pid), 5000), 'the stand-in did not crash');
    assert.equal(existsSync(join(box.home, 'standin-control', 'crash-once')), false, 'the flag is gone with the crash');
    assert.equal((await box.monitor()).code, OCF_NOT_RUNNING);
    const start = await box.run('start');
    assert.equal(start.code, 0, `the restart is not crashed again: ${start.stderr}`);
    assert.equal((await box.monitor()).code, 0);
  });
});

describe('start of a Stash that cannot come up', () => {
  test('fails clearly (1) when the process dies while starting', async () => {
    const box = await Sandbox.create({ startingSeconds: 30 });
    boxes.push(box);
    box.flag('crash');
    const r = await box.run('start', { timeoutMs: 60_000 });
    assert.equal(r.code, OCF_ERR_GENERIC, r.stderr);
    assertReason(r, /exited while starting/);
  });

  test('fails (1) as soon as Stash reports ERROR', async () => {
    const box = await Sandbox.create({ startingSeconds: 1 });
    boxes.push(box);
    box.flag('error');
    const r = await box.run('start', { timeoutMs: 60_000 });
    assert.equal(r.code, OCF_ERR_GENERIC, r.stderr);
    assertReason(r, /reports ERROR/);
    assert.deepEqual(box.statusAnswers(), ['ERROR 500'], 'start returned at the first ERROR, without asking again');
    box.flag('error', false);
    assert.equal((await box.run('stop')).code, 0);
  });

  test('gives up (1) before its timeout when Stash stays STARTING', async () => {
    const box = await Sandbox.create({ startingSeconds: 600 });
    boxes.push(box);
    const r = await box.run('start', { timeoutMs: 8000 });
    assert.equal(r.code, OCF_ERR_GENERIC, r.stderr);
    assertReason(r, /did not report RUNNING within 8s \(last: STARTING\)/);
    assert.ok(box.statusAnswers().every((a) => a === 'STARTING 503'), box.statusAnswers().join(', '));
    assert.equal((await box.run('stop')).code, 0);
  });
});

for (const shell of ['dash', 'bash'] as Shell[]) {
  describe(`stop with a hanging stop script under ${shell}`, () => {
    test('sends TERM and ends the script, at the time the agent planned within the stop timeout', async () => {
      const box = await running();
      const pid = box.serverPid();
      assert.ok(pid !== undefined);
      box.flag('stop-hangs');
      const r = await box.run('stop', { shell, timeoutMs: 10_000 });
      assert.equal(r.code, 0, r.stderr);
      assertTermPlannedWithin(r, 10);
      assert.doesNotMatch(r.stderr, /sending KILL/);
      assert.equal(processAlive(pid), false);
      assert.deepEqual(processesMentioning(box.root), [], 'the hung stop script is gone too');
      assert.equal(existsSync(box.pidFile()), false);
    });

    test('sends KILL when Stash ignores TERM, after the TERM it planned within the stop timeout', async () => {
      const box = await running();
      const pid = box.serverPid();
      assert.ok(pid !== undefined);
      box.flag('stop-hangs');
      box.flag('ignore-term');
      const r = await box.run('stop', { shell, timeoutMs: 10_000 });
      assert.equal(r.code, 0, r.stderr);
      assertTermPlannedWithin(r, 10);
      assert.ok(r.stderr.indexOf('sending KILL') > r.stderr.indexOf('sending TERM'), `KILL after TERM: ${r.stderr}`);
      assert.equal(processAlive(pid), false);
      assert.deepEqual(processesMentioning(box.root), []);
    });
  });
}

describe('stop without a usable installation', () => {
  test('stops a running Stash with signals when the stop script is gone (and succeeds)', async () => {
    const box = await running();
    const pid = box.serverPid();
    assert.ok(pid !== undefined);
    chmodSync(join(box.inst, 'bin/stop-stash.sh'), 0o644);
    const r = await box.run('stop', { timeoutMs: 10_000 });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(processAlive(pid), false);
  });
});
