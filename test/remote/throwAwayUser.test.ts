// The sshd tests' throw-away account can be made again and again: a second run, a run
// after one that crashed before removing it (the account left, or only its group),
// and a removal of an account already gone all work. Needs root and useradd. The
// databases are copies under a scratch prefix (useradd --prefix): rewriting the system's
// /etc/passwd while lab nodes run would detach the passwd their namespaces mount over it.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throwAwayUser } from './testSshd';

const NAME = 'stashhatestidem';
const ROOT = mkdtempSync(join(tmpdir(), 'stash-ha-users-'));
mkdirSync(join(ROOT, 'etc'));
for (const file of ['passwd', 'group', 'shadow', 'gshadow', 'login.defs']) copyFileSync(join('/etc', file), join(ROOT, 'etc', file));
const entry = (database: 'passwd' | 'group'): string | undefined =>
  readFileSync(join(ROOT, 'etc', database), 'utf8').split('\n').find((line) => line.split(':')[0] === NAME);
const inPrefix = ['--prefix', ROOT];
const notRoot = process.getuid?.() !== 0 ? 'needs root' : false;

describe('the throw-away test account', { skip: notRoot }, () => {
  after(() => rmSync(ROOT, { recursive: true, force: true }));

  test('made twice, the second time over the first, it is the same account', () => {
    const first = throwAwayUser(NAME, ROOT);
    const made = entry('passwd');
    assert.match(made ?? '', new RegExp(`^${NAME}:x:\\d+:\\d+::/nonexistent:/bin/sh$`));
    const second = throwAwayUser(NAME, ROOT);
    assert.equal(entry('passwd'), made);
    second.remove();
    assert.equal(entry('passwd'), undefined);
    first.remove();
    assert.equal(entry('passwd'), undefined, 'removing it again is no error');
  });

  test('an account a crashed run left with another shell is put right', () => {
    assert.equal(spawnSync('useradd', [...inPrefix, '--system', '--shell', '/usr/sbin/nologin', NAME]).status, 0);
    const user = throwAwayUser(NAME, ROOT);
    assert.match(entry('passwd') ?? '', /:\/nonexistent:\/bin\/sh$/);
    user.remove();
    assert.equal(entry('passwd'), undefined);
  });

  test('a group a crashed run left without its user becomes the account\'s group', () => {
    assert.equal(spawnSync('groupadd', [...inPrefix, '--system', NAME]).status, 0);
    const gid = entry('group')?.split(':')[2];
    const user = throwAwayUser(NAME, ROOT);
    assert.equal(entry('passwd')?.split(':')[3], gid);
    user.remove();
    assert.equal(entry('passwd'), undefined);
  });
});
