// A key that changed between the prompt and the connection is not kept: ssh has
// just recorded it (accept-new), and the layer removes it again. With HostKeyAlias
// in the ssh config, ssh records keys under the alias, not under HostName and port,
// so that is the name to remove: removing by HostName left the unchecked key
// trusted and could delete an entry the user had for the host's own name. Real
// sshd, real ssh, real known_hosts; the key changes for real (sshd restarted with a
// new host key) while the prompt is open.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryLogger } from '../../client/src/remote/logger';
import { spawnRunner, systemClock } from '../../client/src/remote/processRunner';
import { SshSession } from '../../client/src/remote/sshSession';
import { TestSshd } from './testSshd';

const ALIAS = 'stash-ha-alias-node';

/** Whether known_hosts holds a key for `name` (ssh-keygen -F also finds hashed entries). */
function knows(file: string, name: string): boolean {
  return spawnSync('ssh-keygen', ['-F', name, '-f', file]).status === 0;
}

describe('a host key that changes while the user is asked, under HostKeyAlias', { timeout: 120_000 }, () => {
  let sshd: TestSshd;
  let config: string;
  before(async () => {
    sshd = await TestSshd.start();
    config = join(sshd.dir, 'alias_config');
    writeFileSync(config, [
      'Host aliasnode',
      '  HostName 127.0.0.1',
      `  Port ${sshd.port}`,
      `  HostKeyAlias ${ALIAS}`,
      `  IdentityFile ${sshd.clientKey}`,
      '  IdentitiesOnly yes',
      `  UserKnownHostsFile ${sshd.knownHosts}`,
      '  GlobalKnownHostsFile /dev/null',
      '  UpdateHostKeys no',
      '',
    ].join('\n'));
  });
  after(() => sshd?.dispose());

  test('the key just recorded under the alias is removed, and the entry for the host\'s own name stays', async () => {
    // The user's own entry for the host by its name and port (with the current key), which the alias does not use.
    sshd.trustHostKey();
    const before = readFileSync(sshd.knownHosts, 'utf8');
    const session = new SshSession({
      configFile: config, connectTimeoutSec: 10,
      onUnknownHostKey: async () => {
        await sshd.changeHostKey(); // the node presents another key by the time the user says yes
        return true;
      },
    }, { runner: spawnRunner(), clock: systemClock, logger: new MemoryLogger() });
    try {
      const r = await session.exec({ name: 'n1', host: 'aliasnode' }, { argv: ['true'] });
      assert.equal(r.failure?.kind, 'host-key-changed', JSON.stringify(r));
      assert.match(r.failure.message, /the host key changed between the prompt .* and the connection .*; it was not kept/);
    } finally {
      await session.close();
    }
    assert.equal(knows(sshd.knownHosts, ALIAS), false, `the unchecked key is not trusted under ${ALIAS}:\n${readFileSync(sshd.knownHosts, 'utf8')}`);
    assert.equal(knows(sshd.knownHosts, sshd.knownHostsName), true, 'the entry under the host\'s own name is untouched');
    assert.ok(readFileSync(sshd.knownHosts, 'utf8').includes(before.trim()));
  });

  test('without HostKeyAlias the key recorded under HostName and port is removed', async () => {
    sshd.forgetHostKeys();
    const session = new SshSession({
      configFile: sshd.sshConfig, connectTimeoutSec: 10,
      onUnknownHostKey: async () => { await sshd.changeHostKey(); return true; },
    }, { runner: spawnRunner(), clock: systemClock, logger: new MemoryLogger() });
    try {
      const r = await session.exec({ name: 'n1', host: 'testnode' }, { argv: ['true'] });
      assert.equal(r.failure?.kind, 'host-key-changed', JSON.stringify(r));
    } finally {
      await session.close();
    }
    assert.equal(knows(sshd.knownHosts, sshd.knownHostsName), false);
  });
});
