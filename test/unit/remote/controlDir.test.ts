import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createControlDir, ownerFile, removeControlDir, staleControlDirs } from '../../../client/src/remote/controlDir';

/** A process id that no process has now: a child that has exited and been reaped. */
function deadPid(): number {
  const r = spawnSync('sh', ['-c', 'echo $$']);
  return Number(r.stdout.toString().trim());
}

describe('socket directories left by a stash-ha that is gone', () => {
  let base: string;
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  test('a directory names its owner; only those whose owner is gone are stale', () => {
    base = mkdtempSync('/tmp/scd-');
    const mine = createControlDir(base);
    assert.ok(mine);
    const [pid, ticks] = readFileSync(ownerFile(mine), 'utf8').trim().split(' ');
    assert.equal(Number(pid), process.pid);
    assert.match(ticks, /^\d+$/, 'the start time on Linux');
    assert.deepEqual(staleControlDirs(base), [], 'this process is alive');

    const gone = createControlDir(base);
    const reused = createControlDir(base);
    assert.ok(gone && reused);
    writeFileSync(ownerFile(gone), `${deadPid()} 12345\n`);
    writeFileSync(ownerFile(reused), `${process.pid} 1\n`, 'utf8'); // this pid, another start time: a reused id
    assert.deepEqual(staleControlDirs(base).map((s) => s.dir).sort(), [gone, reused].sort());
    removeControlDir(gone);
    assert.equal(existsSync(gone) || existsSync(ownerFile(gone)), false, 'removal takes the owner file too');
  });

  test('never a directory without an owner file, not private, a link, or named otherwise', () => {
    base = mkdtempSync('/tmp/scd-');
    const noOwner = join(base, 'stash-ha-aaaaaa');
    mkdirSync(noOwner, { mode: 0o700 });
    const open = createControlDir(base);
    assert.ok(open);
    writeFileSync(ownerFile(open), `${deadPid()} 1\n`);
    chmodSync(open, 0o755);
    const target = createControlDir(base);
    assert.ok(target);
    writeFileSync(ownerFile(target), `${deadPid()} 1\n`);
    const link = join(base, 'stash-ha-linked'); // named like one, but a link to one
    symlinkSync(target, link);
    const other = join(base, 'other-bbbbbb');
    mkdirSync(other, { mode: 0o700 });
    writeFileSync(ownerFile(other), `${deadPid()} 1\n`);
    assert.deepEqual(staleControlDirs(base).map((s) => s.dir), [target], 'only the real, private, owned directory');
  });
});
