// The cluster subcommands as a script sees them: output and exit status, with
// fake nodes standing in for ssh (test/unit/cluster/fakeNodes.ts).
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../cli/src/main';
import { systemClock } from '../../../client/src/remote/processRunner';
import { FakeNode, FakeNodes } from '../cluster/fakeNodes';
import { fixturePath } from '../cluster/snapshots';
import { memoryIo } from './memoryIo';

const SPEC = `cluster: stashlab
nodes:
  node01: { address: node01 }
  node02: { address: node02, ssh: { user: root, port: 22 } }
resources:
  stash: { agent: ocf:heartbeat:stash, params: { stash_user: stash, stash_home: /srv/h, stash_inst: /srv/i, status_url: "http://localhost:7990/status" } }
`;

let fake: FakeNodes | undefined;
afterEach(() => fake?.dispose());

function run(nodes: Record<string, FakeNode>) {
  fake = new FakeNodes(nodes);
  const io = memoryIo({ 'lab.cluster.yaml': SPEC });
  const deps = { runner: fake, clock: systemClock };
  return { io, deps, out: io.stdout, err: io.stderr };
}

describe('stash-ha status', () => {
  test('text: nodes, resources with Stash state, failures, fail counts; exit 0', async () => {
    const t = run({ node01: { crmMonFile: fixturePath('pacemaker-2.1.5-failed.xml') }, node02: { curlBody: '{"state":"RUNNING"}', curlRc: 0 } });
    assert.equal(await main(['status', 'lab.cluster.yaml'], t.io, t.deps), 0, t.err());
    const text = t.out();
    assert.match(text, /^Cluster stashlab: Pacemaker 2\.1\.5, asked node01/);
    assert.match(text, /quorum: yes; DC: node03; fencing disabled/);
    assert.match(text, /stash \(ocf:heartbeat:stash\): Started on node02 {2}Stash: RUNNING/);
    assert.match(text, /group tools\n {4}tools-a/);
    assert.match(text, /stash monitor \(every 5 s\) on node01: not running \(exit 7\)/);
    assert.match(text, /stash on node01: 1 of migration-threshold 1 \(reached/);
  });

  test('json: the snapshot itself', async () => {
    const t = run({ node01: { crmMonFile: fixturePath('pacemaker-2.1.5-healthy.xml'), curlBody: '{"state":"RUNNING"}', curlRc: 0 } });
    assert.equal(await main(['status', '--format', 'json', 'lab.cluster.yaml'], t.io, t.deps), 0);
    const snapshot = JSON.parse(t.out()) as { nodes: unknown[]; stash: { state: string }[]; quorum: boolean };
    assert.equal(snapshot.nodes.length, 3);
    assert.equal(snapshot.quorum, true);
    assert.equal(snapshot.stash[0].state, 'RUNNING');
  });

  test('exit 3 when no node answers, 4 when a host key is refused, 2 for an unreadable spec or bad usage', async () => {
    const down = run({ node01: { down: true }, node02: { down: true } });
    assert.equal(await main(['status', 'lab.cluster.yaml'], down.io, down.deps), 3);
    assert.match(down.err(), /no node answered[\s\S]*node01[\s\S]*node02/);
    fake?.dispose();
    const key = run({ node01: { unknownHostKey: true }, node02: { down: true } });
    assert.equal(await main(['status', 'lab.cluster.yaml'], key.io, key.deps), 4);
    assert.match(key.err(), /unknown host ssh-ed25519 key SHA256:fakefp[\s\S]*--accept-new-host-keys/);
    assert.equal(await main(['status', 'missing.yaml'], key.io, key.deps), 2);
    assert.equal(await main(['status', 'a', 'b'], key.io, key.deps), 2);
    assert.match(key.err(), /stash-ha: status: unexpected argument 'b'\nusage: stash-ha status \[OPTIONS\] SPEC\n/);
    assert.equal(await main(['status', '--format', 'xml', 'a'], key.io, key.deps), 2);
    assert.match(key.err(), /stash-ha: status: --format must be text or json, not 'xml'/);
  });
});

describe('stash-ha failover / cleanup / deploy-agent', () => {
  test('failover refused by pre-flight exits 1 and says why', async () => {
    const t = run({ node01: { crmMonFile: fixturePath('pacemaker-2.1.5-standby.xml') }, node02: {} });
    assert.equal(await main(['failover', 'lab.cluster.yaml', 'stash', 'node01'], t.io, t.deps), 1);
    assert.match(t.err(), /fail over stash to node01: refused[\s\S]*node01 is standby/);
  });

  test('cleanup --format json reports the outcome', async () => {
    const t = run({ node01: { crmMonFile: fixturePath('pacemaker-2.1.5-healthy.xml') } });
    assert.equal(await main(['cleanup', '--format', 'json', 'lab.cluster.yaml', 'nosuch'], t.io, t.deps), 1);
    const report = JSON.parse(t.out()) as { ok: boolean; outcome: string; problems: string[] };
    assert.deepEqual([report.ok, report.outcome, report.problems], [false, 'refused', ["the cluster has no resource 'nosuch'"]]);
  });

  test('deploy-agent with an unreadable agent exits 2; help exits 0', async () => {
    const t = run({ node01: {} });
    assert.equal(await main(['deploy-agent', '--agent', '/nonexistent/stash', 'lab.cluster.yaml'], t.io, t.deps), 2);
    assert.equal(await main(['deploy-agent', '--help'], t.io, t.deps), 0);
    assert.match(t.out(), /Usage: stash-ha deploy-agent/);
  });
});
