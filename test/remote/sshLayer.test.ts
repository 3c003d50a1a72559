// The SSH layer against a real sshd on loopback: quoting of hostile words, host
// key policy (unknown, accepted, changed), connection sharing, sudo, PATH and the
// errors a person sees. Needs root and /usr/sbin/sshd; no cluster.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryLogger } from '../../client/src/remote/logger';
import { spawnRunner, systemClock } from '../../client/src/remote/processRunner';
import { REMOTE_PATH, shellScript, succeeded } from '../../client/src/remote/remoteCommand';
import { RemoteDeps } from '../../client/src/remote/sshHost';
import { SshSettings, SshTarget, UnknownHostKeyPrompt } from '../../client/src/remote/sshOptions';
import { SshSession } from '../../client/src/remote/sshSession';
import { TestSshd, unprivilegedUser } from './testSshd';

const HOSTILE = [
  'plain', 'with space', "it's", 'a"b', ';', 'x; touch /tmp/stash-ha-pwned', '$(touch /tmp/stash-ha-pwned)',
  '`touch /tmp/stash-ha-pwned`', 'line1\nline2', '-n', '--', '', '*', '~', '$HOME', 'back\\slash', '\ttab',
  'if', 'x=y', '!', '#hash', 'ünïcödé', '{a,b}', '&&', '|', '>out', "'", "''", '\'"\'"', '-e\\n', ' ',
];

function deps(logger = new MemoryLogger()): RemoteDeps & { logger: MemoryLogger } {
  return { runner: spawnRunner(), clock: systemClock, logger };
}

describe('SSH layer against a real sshd', () => {
  let sshd: TestSshd;
  let user: { name: string; remove(): void };
  const sessions: SshSession[] = [];
  const session = (settings: Partial<SshSettings> = {}, logger = new MemoryLogger()): SshSession => {
    const s = new SshSession({ configFile: sshd.sshConfig, connectTimeoutSec: 5, ...settings }, deps(logger));
    sessions.push(s);
    return s;
  };
  const node: SshTarget = { name: 'node01', host: 'testnode' };

  before(async () => {
    user = unprivilegedUser();
    sshd = await TestSshd.start({ extraUser: user.name });
  });
  after(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await sshd.dispose();
    user.remove();
  });

  describe('with a trusted host key', () => {
    before(() => sshd.trustHostKey());

    test('hostile words arrive exactly as given, through printf and through a script argument', async () => {
      const s = session();
      const expected = HOSTILE.map((w) => `${w}\n`).join('');
      const direct = await s.exec(node, { argv: ['printf', '%s\\n', ...HOSTILE] });
      assert.equal(direct.failure, undefined, direct.stderr);
      assert.equal(direct.stdout, expected);
      const viaScript = await s.exec(node, shellScript('printf "%s\\n" "$@"', HOSTILE));
      assert.equal(viaScript.stdout, expected);
      assert.equal(existsSync('/tmp/stash-ha-pwned'), false);
    });

    test('a program name with spaces and quotes is one word, not a command line', async () => {
      const r = await session().exec(node, { argv: ['no such; touch /tmp/stash-ha-pwned'] });
      assert.equal(r.failure?.kind, 'command-not-found');
      assert.equal(existsSync('/tmp/stash-ha-pwned'), false);
    });

    test('results, not exceptions: exit code, stdout, stderr and duration of a failing command', async () => {
      const r = await session().exec(node, shellScript('echo out; echo err >&2; exit 3'));
      assert.deepEqual([r.exitCode, r.stdout, r.stderr, r.failure], [3, 'out\n', 'err\n', undefined]);
      assert.ok(r.durationMs > 0);
    });

    test('standard input reaches the command and is never logged', async () => {
      const logger = new MemoryLogger();
      const secret = 'agent body 6f1c2e\n';
      const r = await session({}, logger).exec(node, { argv: ['sha256sum'], stdin: secret });
      assert.match(r.stdout, /^[0-9a-f]{64} {2}-\n$/);
      assert.ok(logger.lines.some((l) => l.startsWith('[node01] $ ') && l.includes('PATH=') && l.endsWith(' sha256sum')), logger.lines.join('\n'));
      assert.ok(logger.lines.some((l) => /exit 0 in \d+ ms/.test(l)));
      assert.ok(!logger.lines.join('\n').includes('6f1c2e'));
    });

    test('connection sharing: five commands, one login; without it, five', async () => {
      const shared = session();
      const before1 = sshd.logins();
      for (let i = 0; i < 5; i += 1) assert.ok(succeeded(await shared.exec(node, { argv: ['true'] })));
      assert.equal(sshd.logins() - before1, 1);

      const unshared = session({ controlPersistSec: 0 });
      const before2 = sshd.logins();
      for (let i = 0; i < 5; i += 1) assert.ok(succeeded(await unshared.exec(node, { argv: ['true'] })));
      assert.equal(sshd.logins() - before2, 5);
    });

    test('the socket directory is private, and close() ends the master and removes it', async () => {
      const s = session();
      assert.ok(succeeded(await s.exec(node, { argv: ['true'] })));
      const dir = s.socketDirectory ?? assert.fail('connections are shared by default');
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      const sockets = readdirSync(dir);
      assert.equal(sockets.length, 1);
      assert.ok(statSync(join(dir, sockets[0])).isSocket());
      assert.ok(join(dir, sockets[0]).length < 104, 'fits the socket path limit');
      await s.close();
      assert.equal(existsSync(dir), false);
      const again = session();
      const before3 = sshd.logins();
      assert.ok(succeeded(await again.exec(node, { argv: ['true'] })));
      assert.equal(sshd.logins() - before3, 1, 'a closed session does not leave a master that others reuse');
    });

    test('tools in /usr/sbin are found when the login PATH lacks it', async () => {
      const s = session();
      const plain = { name: 'node01', host: 'testnode', user: user.name };
      const path = await s.exec(plain, { argv: ['sh', '-c', 'echo "$PATH"'], asRoot: false });
      assert.equal(path.stdout.trim(), REMOTE_PATH);
      const raw = await spawnRunner().run('ssh', ['-F', sshd.sshConfig, '-o', 'BatchMode=yes', '-l', user.name, 'testnode', 'echo $PATH']);
      assert.ok(!raw.stdout.split(':').includes('/usr/sbin'), `the login PATH lacks /usr/sbin: ${raw.stdout}`);
      const r = await s.exec(plain, { argv: ['crm_mon', '--version'], asRoot: false });
      assert.equal(r.failure, undefined, r.stderr);
      assert.match(r.stdout, /^Pacemaker \d/);
    });

    test('a command that does not exist is a clear failure', async () => {
      const r = await session().exec(node, { argv: ['stash-ha-no-such-tool', '--x'] });
      assert.equal(r.failure?.kind, 'command-not-found');
      assert.match(r.failure?.message ?? '', /stash-ha-no-such-tool was not found/);
    });

    test('a non-root user goes through sudo -n, which fails clearly when it wants a password', async () => {
      const s = session();
      const target = { name: 'node02', host: 'testnode', user: user.name };
      // Had sudo waited for a password, the command deadline would end it: kind 'timeout'.
      const r = await s.exec(target, { argv: ['id', '-u'], timeoutMs: 30_000 });
      assert.equal(r.failure?.kind, 'sudo-password', 'sudo -n never waits for a password');
      assert.match(r.failure?.message ?? '', new RegExp(`${user.name} is not root and sudo wants a password`));
      const plain = await s.exec(target, { argv: ['id', '-un'], asRoot: false });
      assert.equal(plain.stdout.trim(), user.name);
    });

    test('the login user comes from the spec, then the ssh config, then root', async () => {
      const s = session();
      assert.equal((await s.exec(node, { argv: ['id', '-un'] })).stdout.trim(), 'root');
      const withUser = join(sshd.dir, 'ssh_config_user');
      writeFileSync(withUser, `Host testnode\n  User ${user.name}\n${readFileSync(sshd.sshConfig, 'utf8')}`);
      // The first command does not wait for ssh -G: the node itself decides that this user needs sudo.
      const first = await session({ configFile: withUser }).exec(node, { argv: ['id', '-u'] });
      assert.equal(first.failure?.kind, 'sudo-password');
      assert.match(first.failure?.message ?? '', new RegExp(`${user.name} is not root`));
      const configured = session({ configFile: withUser });
      assert.equal((await configured.exec(node, { argv: ['id', '-un'], asRoot: false })).stdout.trim(), user.name);
      const spec = await configured.exec({ ...node, user: 'root' }, { argv: ['id', '-un'] });
      assert.equal(spec.stdout.trim(), 'root');
    });

    test('a broken ssh config file is reported as such', async () => {
      const bad = join(sshd.dir, 'ssh_config_bad');
      writeFileSync(bad, 'Host *\n  NoSuchOption yes\n');
      const r = await session({ configFile: bad }).exec(node, { argv: ['true'] });
      assert.equal(r.failure?.kind, 'ssh-config');
      const missing = await session({ configFile: join(sshd.dir, 'nope') }).exec(node, { argv: ['true'] });
      assert.equal(missing.failure?.kind, 'ssh-config');
    });
  });

  describe('host keys', () => {
    test('an unknown key is refused with its fingerprint, and nothing runs', async () => {
      sshd.forgetHostKeys();
      const marker = join(sshd.dir, 'ran');
      const r = await session().exec(node, { argv: ['touch', marker] });
      assert.equal(r.failure?.kind, 'host-key-unknown');
      assert.equal(r.failure?.fingerprint, sshd.hostKeyFingerprint);
      assert.ok(r.failure?.message.includes(sshd.hostKeyFingerprint));
      assert.match(r.failure?.message ?? '', /--accept-new-host-keys/);
      assert.equal(existsSync(marker), false);
    });

    test('the callback sees the fingerprint; no keeps refusing, yes records the key and runs', async () => {
      sshd.forgetHostKeys();
      const asked: UnknownHostKeyPrompt[] = [];
      const no = await session({ onUnknownHostKey: (k) => { asked.push(k); return Promise.resolve(false); } })
        .exec(node, { argv: ['true'] });
      assert.equal(no.failure?.kind, 'host-key-unknown');
      assert.equal(asked[0]?.fingerprint, sshd.hostKeyFingerprint);
      assert.equal(existsSync(sshd.knownHosts) && readFileSync(sshd.knownHosts, 'utf8').length > 0, false);

      const yes = session({ onUnknownHostKey: (k) => { asked.push(k); return Promise.resolve(true); } });
      const [a, b] = await Promise.all([yes.exec(node, { argv: ['echo', 'a'] }), yes.exec(node, { argv: ['echo', 'b'] })]);
      assert.deepEqual([a.stdout, b.stdout], ['a\n', 'b\n']);
      assert.equal(asked.length, 2, 'two concurrent commands share one question');
      const later = await session().exec(node, { argv: ['true'] });
      assert.ok(succeeded(later), 'the accepted key is in known_hosts for strict sessions too');
    });

    test('accept-new learns an unknown key without asking', async () => {
      sshd.forgetHostKeys();
      const r = await session({ hostKeyPolicy: 'accept-new' }).exec(node, { argv: ['echo', 'ok'] });
      assert.equal(r.stdout, 'ok\n');
      assert.equal(r.stderr, '', 'the "Permanently added" notice is not passed on as command output');
      assert.ok(readFileSync(sshd.knownHosts, 'utf8').includes(sshd.knownHostsName));
    });

    test('a changed key is refused even under accept-new, with the new fingerprint and how to fix it', async () => {
      sshd.trustHostKey();
      assert.ok(succeeded(await session().exec(node, { argv: ['true'] })));
      await sshd.changeHostKey();
      let asked = 0;
      for (const policy of ['strict', 'accept-new'] as const) {
        const marker = join(sshd.dir, `ran-${policy}`);
        const r = await session({ hostKeyPolicy: policy, onUnknownHostKey: () => { asked += 1; return Promise.resolve(true); } })
          .exec(node, { argv: ['touch', marker] });
        assert.equal(r.failure?.kind, 'host-key-changed', r.stderr);
        assert.equal(r.failure?.fingerprint, sshd.hostKeyFingerprint);
        assert.equal(r.failure?.knownHostsFile, sshd.knownHosts);
        assert.match(r.failure?.message ?? '', /CHANGED.*never accepted automatically.*ssh-keygen -f/s);
        assert.equal(existsSync(marker), false);
      }
      assert.equal(asked, 0, 'a changed key is never put to the user as a new one');
      sshd.trustHostKey();
    });
  });
});
