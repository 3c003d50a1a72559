// The sshd tests' throw-away account can be made again and again: a second run, a run
// after one that crashed before removing it (the account left, or only its group),
// and a removal of an account already gone all work. Needs root and useradd.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { throwAwayUser } from './testSshd';

const NAME = 'stashhatestidem';
const entry = (database: 'passwd' | 'group'): string | undefined => {
  const r = spawnSync('getent', [database, NAME], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
};
const notRoot = process.getuid?.() !== 0 ? 'needs root' : false;

describe('the throw-away test account', { skip: notRoot }, () => {
  after(() => {
    spawnSync('userdel', ['--force', NAME]);
    spawnSync('groupdel', [NAME]);
  });

  test('made twice, the second time over the first, it is the same account', () => {
    const first = throwAwayUser(NAME);
    const made = entry('passwd');
    assert.match(made ?? '', new RegExp(`^${NAME}:x:\\d+:\\d+::/nonexistent:/bin/sh$`));
    const second = throwAwayUser(NAME);
    assert.equal(entry('passwd'), made);
    second.remove();
    assert.equal(entry('passwd'), undefined);
    first.remove();
    assert.equal(entry('passwd'), undefined, 'removing it again is no error');
  });

  test('an account a crashed run left with another shell is put right', () => {
    assert.equal(spawnSync('useradd', ['--system', '--shell', '/usr/sbin/nologin', NAME]).status, 0);
    const user = throwAwayUser(NAME);
    assert.match(entry('passwd') ?? '', /:\/nonexistent:\/bin\/sh$/);
    user.remove();
    assert.equal(entry('passwd'), undefined);
  });

  test('a group a crashed run left without its user becomes the account\'s group', () => {
    assert.equal(spawnSync('groupadd', ['--system', NAME]).status, 0);
    const gid = entry('group')?.split(':')[2];
    const user = throwAwayUser(NAME);
    assert.equal(entry('passwd')?.split(':')[3], gid);
    user.remove();
    assert.equal(entry('passwd'), undefined);
  });
});
