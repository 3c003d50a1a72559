// A node that is down must give a clear error within the connect timeout, not a
// hang: a loopback port where nothing listens (refused at once) and one where a
// socket accepts but never speaks SSH (a host that is half there). Which limit ended
// each attempt shows in the failure's kind and words, not in how long it took.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, Server, Socket } from 'node:net';
import { MemoryLogger } from '../../client/src/remote/logger';
import { spawnRunner, systemClock } from '../../client/src/remote/processRunner';
import { SshSession } from '../../client/src/remote/sshSession';
import { freePort } from './testSshd';

describe('unreachable nodes', { timeout: 120_000 }, () => {
  let silent: Server;
  let silentPort: number;
  const sockets: Socket[] = [];
  const sessions: SshSession[] = [];
  const session = (connectTimeoutSec: number): SshSession => {
    const s = new SshSession({ connectTimeoutSec, configFile: '/dev/null' },
      { runner: spawnRunner(), clock: systemClock, logger: new MemoryLogger() });
    sessions.push(s);
    return s;
  };

  before(async () => {
    silent = createServer((socket) => { sockets.push(socket); });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    silentPort = typeof address === 'object' && address !== null ? address.port : 0;
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
    await Promise.all(sessions.map((s) => s.close()));
  });

  test('nothing listening: refused at once, with what to check', async () => {
    const port = await freePort();
    const r = await session(5).exec({ name: 'node03', host: '127.0.0.1', port }, { argv: ['true'] });
    assert.equal(r.failure?.kind, 'unreachable');
    assert.match(r.failure?.message ?? '', new RegExp(`node03 \\(127\\.0\\.0\\.1:${port}\\): nothing accepts ssh connections`));
    assert.doesNotMatch(r.failure?.message ?? '', /connect timeout/, 'refused, not waited out');
  });

  test('a host that never answers: a timeout error within the connect timeout', async () => {
    const r = await session(2).exec({ name: 'node02', host: '127.0.0.1', port: silentPort }, { argv: ['true'] });
    assert.equal(r.failure?.kind, 'unreachable');
    assert.match(r.failure?.message ?? '', /no answer within the 2 s connect timeout/, 'ended by the connect timeout, not the command deadline');
  });

  test('a per-command deadline stops ssh and says so', async () => {
    const r = await session(30).exec({ name: 'node02', host: '127.0.0.1', port: silentPort }, { argv: ['true'], timeoutMs: 1500 });
    assert.equal(r.failure?.kind, 'timeout');
    assert.match(r.failure?.message ?? '', /node02: no result within 2 s/, 'ended by the command deadline, not the 30 s connect timeout');
  });
});
