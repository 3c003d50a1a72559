// A stash-ha killed with SIGKILL (or a crash) cannot close its ssh masters: they
// stay logged in to the node for ControlPersist, and their private socket folder
// stays in TMPDIR. The next stash-ha ends those masters and removes the folder at
// its start. Real processes throughout: the built CLI, the system ssh, a real sshd
// whose sessions hang (ForceCommand) so the first run is killed mid-command.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../cluster/waitFor';
import { hasSocket, processesNaming, runStashHa } from '../cli/stashHaProcess';
import { freePort, TestSshd } from './testSshd';

describe('ssh masters of a killed stash-ha', { timeout: 180_000 }, () => {
  let sshd: TestSshd;
  let tmp: string;
  before(async () => {
    sshd = await TestSshd.start({ forceCommand: 'sleep 60' });
    sshd.trustHostKey();
    tmp = mkdtempSync('/tmp/shm-');
  });
  after(async () => {
    await sshd?.dispose();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('are ended, and their socket folder removed, when the next stash-ha starts', async () => {
    const hung = join(tmp, 'hung.cluster.yaml');
    writeFileSync(hung, `cluster: c\nnodes:\n  n1: { address: 127.0.0.1, ssh: { port: ${sshd.port} } }\n`);
    const runs = join(tmp, 'runs');
    let child: ChildProcess | undefined;
    let ended = '';
    const first = runStashHa(['status', '--ssh-config', sshd.sshConfig, hung], runs, { onSpawn: (c) => { child = c; } });
    void first.then((r) => { ended = `the first run ended: exit ${String(r.code)}: ${r.stderr}`; });
    const up = await waitFor('the first run\'s ssh master', 60_000, () => Promise.resolve(
      hasSocket(runs) ? { done: true as const, value: true } : { done: false as const, seen: ended || readdirSync(runs).join(' ') }), 100);
    assert.ok(up);
    child?.kill('SIGKILL');
    const killed = await first;
    assert.equal(killed.signal, 'SIGKILL');
    assert.ok(killed.leftovers.some((l) => / in TMPDIR$/.test(l)), `the folder is left: ${killed.leftovers.join('\n')}`);
    assert.ok(killed.leftovers.some((l) => /\[mux\]/.test(l)), `the master lives on: ${killed.leftovers.join('\n')}`);

    // The next run reaches nothing (a port where nobody listens), but starts by cleaning up.
    const down = join(tmp, 'down.cluster.yaml');
    writeFileSync(down, `cluster: c\nnodes:\n  n1: { address: 127.0.0.1, ssh: { port: ${await freePort()} } }\n`);
    const second = await runStashHa(['status', '--ssh-config', sshd.sshConfig, '--verbose', down], runs);
    assert.equal(second.code, 3, second.stderr);
    assert.match(second.stderr, /removed \/tmp\/shm-\w+\/runs\/stash-ha-\w+, left by stash-ha process \d+ which is gone, after ending its 1 ssh master\(s\)/);
    const gone = await waitFor('no process naming the run folder', 30_000, () => {
      const left = processesNaming(runs);
      return Promise.resolve(left.length === 0 ? { done: true as const, value: true } : { done: false as const, seen: left.join('\n') });
    }, 100);
    assert.ok(gone);
    assert.deepEqual(readdirSync(runs), [], 'no socket folder is left');
  });
});
