import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createControlDir, fitsSocketLimit, removeControlDir } from '../../../client/src/remote/controlDir';
import { expandConfigPath, sshCommandArgs } from '../../../client/src/remote/sshOptions';

function option(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length - 1; i += 1) {
    if (args[i] === '-o' && args[i + 1].startsWith(`${name}=`)) return args[i + 1].slice(name.length + 1);
  }
  return undefined;
}

describe('ssh argument vector', () => {
  const target = { name: 'node02', host: '192.168.56.12', port: 2222 };

  test('batch mode, timeout, strict keys, sharing; spec user and port; -- before the host', () => {
    const args = sshCommandArgs({ settings: { configFile: '/etc/x.conf', connectTimeoutSec: 4 }, target, user: 'admin', controlPath: '/tmp/d/%C' }, 'true');
    assert.deepEqual(args.slice(0, 2), ['-F', '/etc/x.conf']);
    assert.equal(option(args, 'BatchMode'), 'yes');
    assert.equal(option(args, 'ConnectTimeout'), '4');
    assert.equal(option(args, 'StrictHostKeyChecking'), 'yes');
    assert.equal(option(args, 'ControlMaster'), 'auto');
    assert.equal(option(args, 'ControlPath'), '/tmp/d/%C');
    assert.ok(Number(option(args, 'ControlPersist')) > 0);
    assert.deepEqual(args.slice(args.indexOf('-l'), args.indexOf('-l') + 4), ['-l', 'admin', '-p', '2222']);
    assert.deepEqual(args.slice(-4), ['-T', '--', '192.168.56.12', 'true']);
  });

  test('accept-new only when asked; never "no"; sharing off without a socket path', () => {
    const args = sshCommandArgs({ settings: { hostKeyPolicy: 'accept-new' }, target, user: 'root' }, 'true');
    assert.equal(option(args, 'StrictHostKeyChecking'), 'accept-new');
    assert.equal(option(args, 'ControlPath'), 'none');
    assert.ok(!args.includes('-F'));
  });

  test('~ in a config path is the home from the password database', () => {
    assert.equal(expandConfigPath('~/.ssh/alt'), `${userInfo().homedir}/.ssh/alt`);
    assert.equal(expandConfigPath('/abs/file'), '/abs/file');
  });
});

describe('socket directory', () => {
  test('private, short enough, and gone after removal', () => {
    const dir = createControlDir() ?? assert.fail('sharing is available on Linux');
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.ok(dir.length + 1 + 40 + 17 <= 103);
    removeControlDir(dir);
    assert.throws(() => statSync(dir));
  });

  test('a temp dir too long for socket paths falls back to /tmp; none on Windows', () => {
    const long = `/var/folders/${'x'.repeat(60)}/T`;
    assert.equal(fitsSocketLimit(long), false);
    const dir = createControlDir(long) ?? assert.fail('falls back');
    assert.ok(dir.startsWith('/tmp/stash-ha-'));
    removeControlDir(dir);
    assert.equal(createControlDir(undefined, 'win32'), undefined);
  });
});
