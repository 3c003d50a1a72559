// deploy-agent keeps the real previous agent as stash.previous when two spec
// nodes are one machine: grouped by where ssh reaches them (hostname and port
// once the ssh config is applied), the machine gets one install; and where that
// cannot be seen (two host names for one machine, two runs), an agent already in
// place with the same sha256 is left alone instead of becoming the "previous" one.
// The install script runs for real in a local sh per fake node (fakeNodes.ts).
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterConnection } from '../../../client/src/cluster/clusterConnection';
import { deployAgent } from '../../../client/src/cluster/deployAgent';
import { MemoryLogger } from '../../../client/src/remote/logger';
import { systemClock } from '../../../client/src/remote/processRunner';
import { SshSession } from '../../../client/src/remote/sshSession';
import { repoRoot } from '../helpers';
import { FakeNodes } from './fakeNodes';

const agent = readFileSync(join(repoRoot(), 'agent/stash'));
const old = Buffer.from(agent.toString('utf8').replace('version="1.0"', 'version="0.9"'));
const dir = 'ocf/heartbeat';

let open: { fake: FakeNodes; conn: ClusterConnection } | undefined;
afterEach(async () => {
  await open?.conn.close();
  open?.fake.dispose();
  open = undefined;
});

/** A connection whose spec nodes reach the given ssh hosts. */
function connect(nodes: Record<string, string>): { fake: FakeNodes; conn: ClusterConnection } {
  const fake = new FakeNodes(Object.fromEntries([...new Set(Object.values(nodes))].map((h) => [h, {}])));
  const logger = new MemoryLogger();
  const session = new SshSession({}, { runner: fake, clock: systemClock, logger });
  const conn = new ClusterConnection(Object.entries(nodes).map(([name, host]) => ({ name, target: { name, host } })), session, { clock: systemClock, logger });
  open = { fake, conn };
  return open;
}

describe('deploy-agent to spec nodes that are one machine', () => {
  test('one install through the first of them, both reported, and the previous agent is the one that was there', async () => {
    const { fake, conn } = connect({ node01: 'machine', node02: 'machine', node03: 'other' });
    assert.equal((await deployAgent(conn, old, systemClock, { agentDir: dir })).ok, true);
    fake.calls.length = 0;
    const report = await deployAgent(conn, agent, systemClock, { agentDir: dir });
    assert.equal(report.ok, true, JSON.stringify(report.nodes));
    assert.deepEqual(fake.calls.filter((h) => h === 'machine'), ['machine'], 'the machine got one install');
    assert.deepEqual(report.nodes.map((n) => [n.node, n.ok, n.step]), [['node01', true, 'installed'], ['node02', true, 'installed'], ['node03', true, 'installed']]);
    assert.match(report.nodes[1].message, /through node01: node02 is the same machine, machine:22, so it was installed once/);
    const installed = join(fake.home('machine'), dir, 'stash');
    assert.deepEqual(readFileSync(installed), agent);
    assert.deepEqual(readFileSync(`${installed}.previous`), old, 'stash.previous is the agent that was there before');
    assert.deepEqual(readdirSync(join(fake.home('machine'), dir)).sort(), ['stash', 'stash.previous']);
  });

  test('the same agent deployed again (a second name for the machine, or a second run) leaves stash.previous alone', async () => {
    const { fake, conn } = connect({ node01: 'machine' });
    for (const a of [old, agent]) assert.equal((await deployAgent(conn, a, systemClock, { agentDir: dir })).ok, true);
    const again = await deployAgent(conn, agent, systemClock, { agentDir: dir });
    assert.deepEqual(again.nodes.map((n) => [n.ok, n.step]), [[true, 'installed']]);
    assert.match(again.nodes[0].message, /^already installed \(the same sha256\)/);
    const installed = join(fake.home('machine'), dir, 'stash');
    assert.deepEqual(readFileSync(`${installed}.previous`), old, 'the real previous agent is kept');
    assert.deepEqual(readdirSync(join(fake.home('machine'), dir)).sort(), ['stash', 'stash.previous'], 'no temp file left');
  });
});
