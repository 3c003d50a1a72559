// A command whose ssh connection breaks while it runs fails as `connection-lost`,
// saying the command may or may not have finished, never as a plain "exit 255":
// with connection sharing the client of a killed master exits 255 without a word,
// so the layer asks the master (ssh -O check) before calling it the command's own
// exit code. A command that really exits 255 with a live master stays a result.
// Real sshd and ssh; the master is killed by its pid.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { MemoryLogger } from '../../client/src/remote/logger';
import { spawnRunner, systemClock } from '../../client/src/remote/processRunner';
import { SshSession } from '../../client/src/remote/sshSession';
import { waitFor } from '../cluster/waitFor';
import { TestSshd } from './testSshd';

/** Local processes whose command line holds `text`. */
function processesWith(text: string): number[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(text) ? [Number(p)] : [];
    } catch {
      return [];
    }
  });
}

/** A sleep of this run's own length, so another run's command is never taken for it. */
const SLEEP = `30.${process.pid}`;

/** Whether a process runs exactly `sleep SLEEP`. */
function remoteSleep(): boolean {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).some((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8') === `sleep\u0000${SLEEP}\u0000`;
    } catch {
      return false;
    }
  });
}

describe('a connection lost while a command runs', { timeout: 120_000 }, () => {
  let sshd: TestSshd;
  const sessions: SshSession[] = [];
  before(async () => {
    sshd = await TestSshd.start();
    sshd.trustHostKey();
  });
  after(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await sshd?.dispose();
  });
  const session = (): SshSession => {
    const s = new SshSession({ configFile: sshd.sshConfig, connectTimeoutSec: 5 }, { runner: spawnRunner(), clock: systemClock, logger: new MemoryLogger() });
    sessions.push(s);
    return s;
  };

  test('the shared master killed mid-command: connection-lost, with what that means', async () => {
    const s = session();
    const target = { name: 'n1', host: 'testnode' };
    assert.equal((await s.exec(target, { argv: ['true'] })).exitCode, 0);
    const dir = s.socketDirectory ?? assert.fail('connections are shared');
    const running = s.exec(target, { argv: ['sleep', SLEEP] });
    // The remote side runs on this machine: wait for the command itself (argv exactly `sleep SLEEP`), not the local client.
    await waitFor('the command under way', 30_000, () => Promise.resolve(
      remoteSleep() ? { done: true as const, value: true } : { done: false as const, seen: 'not yet' }), 20);
    for (const pid of processesWith(`${dir}/`).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('[mux]'))) process.kill(pid, 'SIGKILL');
    const r = await running;
    assert.equal(r.failure?.kind, 'connection-lost', JSON.stringify(r));
    assert.match(r.failure.message, /^n1 \(.*\): the ssh connection was lost while the command ran \(its shared master connection ended\); it may or may not have finished there/);
    assert.equal((await s.exec(target, { argv: ['true'] })).exitCode, 0, 'the next command gets a new master');
  });

  test('a command that exits 255 by itself, with its master alive, is its own result', async () => {
    const r = await session().exec({ name: 'n1', host: 'testnode' }, { argv: ['sh', '-c', 'exit 255'] });
    assert.deepEqual([r.exitCode, r.failure], [255, undefined]);
  });
});
