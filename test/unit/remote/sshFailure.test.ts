import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySshFailure, parseServerHostKey } from '../../../client/src/remote/sshFailure';

const ctx = { node: 'node01', endpoint: '10.0.0.11:22', user: 'root', connectTimeoutSec: 10 };

// What OpenSSH 9.2 printed here for each case (captured by hand from `ssh` runs).
const CHANGED = `@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
Someone could be eavesdropping on you right now (man-in-the-middle attack)!
It is also possible that a host key has just been changed.
The fingerprint for the ED25519 key sent by the remote host is
SHA256:Xtoz9lP6EL5+6MRLqZcOjooCPx8E6WtyWzrG0ZmpwBo.
Please contact your system administrator.
Add correct host key in /tmp/sx/known_hosts to get rid of this message.
Offending ED25519 key in /tmp/sx/known_hosts:1
  remove with:
  ssh-keygen -f "/tmp/sx/known_hosts" -R "[127.0.0.1]:22999"
Host key for [127.0.0.1]:22999 has changed and you have requested strict checking.
Host key verification failed.
`;

describe('classifySshFailure', () => {
  test('a changed key: kind, new fingerprint, file and line, the removal command', () => {
    const f = classifySshFailure(255, CHANGED, ctx);
    assert.equal(f?.kind, 'host-key-changed');
    assert.equal(f?.fingerprint, 'SHA256:Xtoz9lP6EL5+6MRLqZcOjooCPx8E6WtyWzrG0ZmpwBo');
    assert.equal(f?.keyType, 'ED25519');
    assert.equal(f?.knownHostsFile, '/tmp/sx/known_hosts');
    assert.equal(f?.knownHostsLine, 1);
    assert.match(f?.message ?? '', /ssh-keygen -f '\/tmp\/sx\/known_hosts' -R '\[127\.0\.0\.1\]:22999'/);
  });

  test('an unknown key', () => {
    const f = classifySshFailure(255, 'No ED25519 host key is known for [127.0.0.1]:22999 and you have requested strict checking.\nHost key verification failed.\n', ctx);
    assert.equal(f?.kind, 'host-key-unknown');
  });

  test('login refused, refused connection, timeout, name resolution', () => {
    assert.equal(classifySshFailure(255, 'root@10.0.0.11: Permission denied (publickey).\n', ctx)?.kind, 'auth-failed');
    const refused = classifySshFailure(255, 'ssh: connect to host 10.0.0.11 port 22: Connection refused\n', ctx);
    assert.equal(refused?.kind, 'unreachable');
    assert.match(refused?.message ?? '', /^node01 \(10\.0\.0\.11:22\): nothing accepts/);
    const timeout = classifySshFailure(255, 'ssh: connect to host 10.0.0.11 port 22: Connection timed out\n', ctx);
    assert.match(timeout?.message ?? '', /no answer within the 10 s connect timeout/);
    assert.equal(classifySshFailure(255, 'Connection timed out during banner exchange\n', ctx)?.kind, 'unreachable');
    assert.match(classifySshFailure(255, 'ssh: Could not resolve hostname nodeX: Name or service not known\n', ctx)?.message ?? '', /does not resolve/);
    assert.equal(classifySshFailure(255, 'ssh: connect to host 10.0.0.11 port 22: No route to host\n', ctx)?.kind, 'unreachable');
  });

  test('sudo wanting a password, and sudo or a tool missing', () => {
    const f = classifySshFailure(1, 'sudo: a password is required\n', { ...ctx, user: 'admin' });
    assert.equal(f?.kind, 'sudo-password');
    assert.match(f?.message ?? '', /admin is not root and sudo wants a password.*NOPASSWD/);
    assert.equal(classifySshFailure(127, 'bash: line 1: sudo: command not found\n', ctx)?.kind, 'sudo-missing');
    const missing = classifySshFailure(127, "env: 'pcs': No such file or directory\n", ctx);
    assert.equal(missing?.kind, 'command-not-found');
    assert.match(missing?.message ?? '', /pcs was not found/);
  });

  test('a remote program that exits 255 or fails on its own is not an ssh failure', () => {
    assert.equal(classifySshFailure(255, 'Error: unable to get cib\n', ctx), undefined);
    assert.equal(classifySshFailure(1, 'Error: resource stash_res does not exist\n', ctx), undefined);
    assert.equal(classifySshFailure(0, '', ctx), undefined);
  });

  test('a connection that broke after login is connection-lost, not "closed before ssh could log in"', () => {
    for (const stderr of ['Connection to 10.0.0.11 closed by remote host.\r\n', 'client_loop: send disconnect: Broken pipe\r\n',
      'Timeout, server 10.0.0.11 not responding.\r\n']) {
      const f = classifySshFailure(255, stderr, ctx);
      assert.equal(f?.kind, 'connection-lost', stderr);
      assert.match(f?.message ?? '', /^node01 \(10\.0\.0\.11:22\): the ssh connection was lost while the command ran \(.*\); it may or may not have finished there/);
    }
    assert.equal(classifySshFailure(255, 'kex_exchange_identification: Connection closed by remote host\r\n', ctx)?.kind, 'unreachable', 'before login it is still unreachable');
    const early = classifySshFailure(255, 'mux_client_request_alive: write packet: Broken pipe\r\n', ctx);
    assert.deepEqual([early?.kind, early?.message], ['unreachable',
      "node01 (10.0.0.11:22): ssh's shared connection ended before the command was sent (mux_client_request_alive: write packet: Broken pipe); nothing ran there."]);
    assert.equal(classifySshFailure(255, 'mux_client_request_session: read from master failed: Broken pipe\r\n', ctx)?.kind, 'connection-lost');
  });

  test('the Server host key line of ssh -v', () => {
    assert.deepEqual(parseServerHostKey('debug1: kex: host key algorithm: ssh-ed25519\ndebug1: Server host key: ssh-ed25519 SHA256:Xtoz9lP6EL5+6MRLqZcOjooCPx8E6WtyWzrG0ZmpwBo\n'),
      { keyType: 'ssh-ed25519', fingerprint: 'SHA256:Xtoz9lP6EL5+6MRLqZcOjooCPx8E6WtyWzrG0ZmpwBo' });
    assert.equal(parseServerHostKey('nothing'), undefined);
  });
});
