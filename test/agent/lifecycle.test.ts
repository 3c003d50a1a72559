// agent/stash through a normal life against the stand-in, under dash and bash:
// start waits through STARTING until RUNNING (shown by the order of the stand-in's
// own log, not by how long start took), runs Stash as stash_user with its
// home variable set, start and stop are idempotent, monitor tells running from
// stopped, and a probe of a stopped Stash says so quietly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { AgentResult, processAlive, processEnv, processesMentioning, processUid, Sandbox, Shell, waitFor } from './sandbox';

const OCF_NOT_RUNNING = 7;

async function status(url: string): Promise<string> {
  const r = await fetch(url);
  return `${r.status} ${((await r.json()) as { state: string }).state}`;
}

function assertQuiet(r: AgentResult): void {
  assert.deepEqual(r.reasons, [], r.stderr);
  assert.doesNotMatch(r.stderr, /ERROR|WARN/, r.stderr);
}

function serverPids(box: Sandbox): number[] {
  return processesMentioning(box.root).filter((pid) => processEnv(pid).has('STASH_HOME') || processEnv(pid).has('BITBUCKET_HOME'))
    .filter((pid) => processUid(pid) === box.uid);
}

for (const shell of ['dash', 'bash'] as Shell[]) {
  describe(`agent/stash life under ${shell}`, () => {
    let box: Sandbox;
    before(async () => { box = await Sandbox.create({ startingSeconds: 0 }); });
    after(() => box.cleanup());

    test('a probe of a stopped Stash says not running, and nothing else', async () => {
      const r = await box.probe({ shell });
      assert.equal(r.code, OCF_NOT_RUNNING, r.stderr);
      assertQuiet(r);
    });

    test('start returns only once Stash reports RUNNING, having passed through STARTING (503)', async () => {
      // The stand-in says STARTING while the flag is there, and logs each answer before sending it.
      box.flag('starting');
      let returned = false;
      const start = box.run('start', { shell }).finally(() => { returned = true; });
      const askedTwice = await waitFor(() => box.statusAnswers().filter((a) => a === 'STARTING 503').length >= 2, 60_000);
      assert.ok(askedTwice, `the agent asked again after hearing STARTING; answers: ${box.statusAnswers().join(', ')}`);
      assert.equal(returned, false, 'start has not returned while Stash says STARTING');
      box.flag('starting', false);
      const r = await start;
      const answered = box.statusAnswers();
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.reasons, []);
      assert.equal(answered.at(-1), 'RUNNING 200', `start returned after Stash answered RUNNING; answers: ${answered.join(', ')}`);
      assert.deepEqual([...new Set(answered)], ['STARTING 503', 'RUNNING 200'], 'STARTING, then RUNNING, nothing else');
      assert.equal(await status(box.statusUrl), '200 RUNNING');
    });

    test('Stash runs as stash_user, not root, with STASH_HOME set to stash_home', () => {
      const pid = box.serverPid();
      assert.ok(pid !== undefined && processAlive(pid), 'the PID file names a live process');
      assert.equal(processUid(pid), box.uid);
      assert.equal(processEnv(pid).get('STASH_HOME'), box.home);
    });

    test('monitor and a probe say running', async () => {
      for (const r of [await box.monitor({ shell }), await box.probe({ shell })]) {
        assert.equal(r.code, 0, r.stderr);
        assertQuiet(r);
      }
    });

    test('a second start succeeds at once and starts no second Stash', async () => {
      const before = box.serverPid();
      const answers = box.statusAnswers().length;
      const r = await box.run('start', { shell });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /Stash is already running/);
      assert.doesNotMatch(r.stderr, /starting Stash:/, 'the start script is not run again');
      assert.deepEqual(box.statusAnswers().slice(answers), ['RUNNING 200'], 'one look at the status page, no waiting');
      assert.equal(box.serverPid(), before);
      assert.deepEqual(serverPids(box), [before]);
    });

    test('stop ends Stash and clears its PID file', async () => {
      const pid = box.serverPid();
      assert.ok(pid !== undefined);
      const r = await box.run('stop', { shell });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.reasons, []);
      assert.equal(processAlive(pid), false);
      assert.equal(existsSync(box.pidFile()), false);
      assert.deepEqual(processesMentioning(box.root), []);
    });

    test('then monitor says not running with a reason, and a probe says it quietly', async () => {
      const monitor = await box.monitor({ shell });
      assert.equal(monitor.code, OCF_NOT_RUNNING);
      assert.equal(monitor.reasons.length, 1, monitor.stderr);
      const probe = await box.probe({ shell });
      assert.equal(probe.code, OCF_NOT_RUNNING);
      assertQuiet(probe);
    });

    test('a second stop succeeds', async () => {
      const r = await box.run('stop', { shell });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.reasons, []);
    });
  });
}

describe('agent/stash with a Bitbucket Server installation', () => {
  let box: Sandbox;
  before(async () => { box = await Sandbox.create({ flavour: 'bitbucket', startingSeconds: 1 }); });
  after(() => box.cleanup());

  test('runs bin/start-bitbucket.sh with BITBUCKET_HOME and finds home/log/bitbucket.pid', async () => {
    const start = await box.run('start');
    assert.equal(start.code, 0, start.stderr);
    assert.equal(box.pidFile(), join(box.home, 'log/bitbucket.pid'));
    const pid = box.serverPid();
    assert.ok(pid !== undefined && processAlive(pid));
    assert.equal(processEnv(pid).get('BITBUCKET_HOME'), box.home);
    assert.equal(processUid(pid), box.uid);
    assert.equal((await box.monitor()).code, 0);
    const stop = await box.run('stop');
    assert.equal(stop.code, 0, stop.stderr);
    assert.equal(processAlive(pid), false);
    assert.equal((await box.monitor()).code, OCF_NOT_RUNNING);
  });
});

describe('agent/stash on a system without runuser', () => {
  let box: Sandbox;
  before(async () => {
    box = await Sandbox.create({
      startingSeconds: 1,
      editAgent: (text) => {
        assert.ok(text.includes('if have_binary runuser; then'));
        return text.replace('if have_binary runuser; then', 'if false; then');
      },
    });
  });
  after(() => box.cleanup());

  test('runs the scripts as stash_user through su, with STASH_HOME set', async () => {
    const start = await box.run('start');
    assert.equal(start.code, 0, start.stderr);
    const pid = box.serverPid();
    assert.ok(pid !== undefined && processAlive(pid));
    assert.equal(processUid(pid), box.uid);
    assert.equal(processEnv(pid).get('STASH_HOME'), box.home);
    const stop = await box.run('stop');
    assert.equal(stop.code, 0, stop.stderr);
    assert.doesNotMatch(stop.stderr, /sending TERM/, 'the stop script itself stopped Stash');
    assert.equal(processAlive(pid), false);
  });
});

describe('agent/stash with pid_file set', () => {
  let box: Sandbox;
  before(async () => { box = await Sandbox.create({ startingSeconds: 0 }); });
  after(() => box.cleanup());

  test('looks for the process only in the PID file it names', async () => {
    const start = await box.run('start');
    assert.equal(start.code, 0, start.stderr);
    const elsewhere = join(box.root, 'stash.pid');
    symlinkSync(box.pidFile(), elsewhere);
    assert.equal((await box.monitor({ params: { pid_file: elsewhere } })).code, 0);
    const missing = await box.monitor({ params: { pid_file: join(box.root, 'no-such.pid') } });
    assert.equal(missing.code, OCF_NOT_RUNNING, missing.stderr);
    assert.equal((await box.run('stop', { params: { pid_file: elsewhere } })).code, 0);
    assert.equal(box.serverPid(), undefined);
  });
});
