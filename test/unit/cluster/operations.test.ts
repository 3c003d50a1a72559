// Operations end to end against fake nodes (fakeNodes.ts): the remote scripts and
// pcs command lines run in a local shell; stub tools play the cluster, including
// its reaction to a move. The real cluster tests (test/cluster-ops) cover real pcs.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterConnection } from '../../../client/src/cluster/clusterConnection';
import { deployAgent } from '../../../client/src/cluster/deployAgent';
import { failover } from '../../../client/src/cluster/failover';
import { cleanupResource, setStandby } from '../../../client/src/cluster/simpleOps';
import { MemoryLogger } from '../../../client/src/remote/logger';
import { systemClock } from '../../../client/src/remote/processRunner';
import { SshSession } from '../../../client/src/remote/sshSession';
import { repoRoot } from '../helpers';
import { FakeNode, FakeNodes } from './fakeNodes';
import { fixturePath, LAB_CONSTRAINTS } from './snapshots';

let fakes: FakeNodes | undefined;
let connection: ClusterConnection | undefined;

function connect(nodes: Record<string, FakeNode>): { fake: FakeNodes; conn: ClusterConnection } {
  const fake = new FakeNodes(nodes);
  const deps = { runner: fake, clock: systemClock, logger: new MemoryLogger() };
  const conn = new ClusterConnection(Object.keys(nodes).map((name) => ({ name, target: { name, host: name } })),
    new SshSession({ controlPersistSec: 0 }, deps), deps);
  fakes = fake;
  connection = conn;
  return { fake, conn };
}

/** One shared cluster state (crm_mon + constraints files) that pcs stubs change. */
function labState(fake: FakeNodes, crmMon: string, constraints: string): { crm: string; cons: string } {
  const crm = join(fake.dir, 'state-crm_mon.xml');
  const cons = join(fake.dir, 'state-constraints.xml');
  copyFileSync(fixturePath(crmMon), crm);
  writeFileSync(cons, constraints);
  return { crm, cons };
}

afterEach(async () => {
  await connection?.close();
  fakes?.dispose();
});

describe('failover', () => {
  test('pcs 0.11: one move with --wait, then verified; the VIP asked for moves Stash', async () => {
    const { fake, conn } = connect({ node01: {}, node02: {} });
    const { crm, cons } = labState(fake, 'pacemaker-2.1.5-healthy.xml', LAB_CONSTRAINTS);
    for (const n of Object.values(fake.nodes)) Object.assign(n, { crmMonFile: crm, constraintsFile: cons, pcsVersion: '0.11.5', onMove: { crmMon: fixturePath('pacemaker-2.1.5-failed.xml') } });
    const readings: number[] = [];
    const clock = { now: () => { const t = systemClock.now(); readings.push(t); return t; }, sleep: (ms: number) => systemClock.sleep(ms) };
    const report = await failover(conn, { resource: 'vip', node: 'node02' }, clock);
    assert.equal(report.ok, true, report.problems.join('\n'));
    assert.deepEqual(fake.logged('node01', 'pcs'), ['--version', 'resource move stash node02 --wait=300']);
    assert.ok(report.steps.some((s) => /verified: stash, vip Started on node02/.test(s)), report.steps.join('\n'));
    assert.equal(report.elapsedMs, readings[readings.length - 1] - readings[0], 'the report spans its first and last reading of the given clock');
  });

  test('pcs 0.10: move, wait until it runs there, clear, verify no cli-prefer', async () => {
    const { fake, conn } = connect({ node01: {} });
    const { crm, cons } = labState(fake, 'pacemaker-2.1.5-healthy.xml', LAB_CONSTRAINTS);
    const pinned = join(fake.dir, 'pinned.xml');
    writeFileSync(pinned, LAB_CONSTRAINTS.replace('</constraints>', '<rsc_location id="cli-prefer-stash" rsc="stash" role="Started" node="node02" score="INFINITY"/></constraints>'));
    const cleared = join(fake.dir, 'cleared.xml');
    writeFileSync(cleared, LAB_CONSTRAINTS);
    Object.assign(fake.nodes.node01, {
      crmMonFile: crm, constraintsFile: cons, pcsVersion: '0.10.8',
      onMove: { crmMon: fixturePath('pacemaker-2.1.5-failed.xml'), constraints: pinned }, onClear: { constraints: cleared },
    });
    const report = await failover(conn, { resource: 'stash', node: 'node02' }, systemClock);
    assert.equal(report.ok, true, report.problems.join('\n'));
    assert.deepEqual(fake.logged('node01', 'pcs'), ['--version', 'resource move stash node02', 'resource clear stash']);
  });

  test('refused by pre-flight: nothing runs; a hostile name is refused before any command', async () => {
    const { fake, conn } = connect({ node01: {} });
    const { crm, cons } = labState(fake, 'pacemaker-2.1.5-standby.xml', LAB_CONSTRAINTS);
    Object.assign(fake.nodes.node01, { crmMonFile: crm, constraintsFile: cons });
    const standby = await failover(conn, { resource: 'stash', node: 'node01' }, systemClock);
    assert.deepEqual([standby.ok, standby.outcome], [false, 'refused']);
    assert.match(standby.problems.join(), /node01 is standby/);
    const hostile = await failover(conn, { resource: "stash'; touch pwned; '", node: '--force' }, systemClock);
    assert.equal(hostile.outcome, 'refused');
    assert.match(hostile.problems.join('\n'), /not a valid resource id[\s\S]*'--force' is not a valid node name/);
    assert.deepEqual(fake.logged('node01', 'pcs'), []);
    assert.equal(existsSync(join(fake.home('node01'), 'pwned')), false);
  });

  test('a failed move leaves no constraint behind', async () => {
    const { fake, conn } = connect({ node01: {} });
    const pinned = LAB_CONSTRAINTS.replace('</constraints>', '<rsc_location id="cli-prefer-stash" rsc="stash" role="Started" node="node02" score="INFINITY"/></constraints>');
    const { crm, cons } = labState(fake, 'pacemaker-2.1.5-healthy.xml', LAB_CONSTRAINTS);
    const pinnedFile = join(fake.dir, 'pinned.xml');
    writeFileSync(pinnedFile, pinned);
    const clearedFile = join(fake.dir, 'cleared.xml');
    writeFileSync(clearedFile, LAB_CONSTRAINTS);
    Object.assign(fake.nodes.node01, {
      crmMonFile: crm, constraintsFile: cons, pcsRc: 1, pcsOut: 'Error: resource stash would be moved back',
      onMove: { constraints: pinnedFile }, onClear: { constraints: clearedFile },
    });
    const report = await failover(conn, { resource: 'stash', node: 'node02' }, systemClock);
    assert.deepEqual([report.ok, report.outcome], [false, 'failed']);
    assert.match(report.problems.join(), /pcs resource move failed on node01 \(exit 1\): Error: resource stash would be moved back/);
    assert.deepEqual(fake.logged('node01', 'pcs').slice(1), ['resource move stash node02 --wait=300', 'resource clear stash']);
  });
});

describe('standby and cleanup', () => {
  test('standby runs pcs node standby and waits for the flag', async () => {
    const { fake, conn } = connect({ node01: {} });
    const { crm, cons } = labState(fake, 'pacemaker-2.1.5-standby.xml', LAB_CONSTRAINTS);
    Object.assign(fake.nodes.node01, { crmMonFile: crm, constraintsFile: cons });
    const report = await setStandby(conn, 'node01', true, systemClock);
    assert.equal(report.ok, true, report.problems.join());
    assert.deepEqual(fake.logged('node01', 'pcs'), ['--version', 'node standby node01']);
  });

  test('cleanup of a resource the cluster does not have is refused', async () => {
    const { fake, conn } = connect({ node01: { crmMonFile: fixturePath('pacemaker-2.1.5-healthy.xml') } });
    const report = await cleanupResource(conn, 'nosuch', systemClock);
    assert.deepEqual([report.outcome, report.problems], ['refused', ["the cluster has no resource 'nosuch'"]]);
    assert.deepEqual(fake.logged('node01', 'pcs'), []);
  });
});

describe('deploy-agent', () => {
  const agent = readFileSync(join(repoRoot(), 'agent/stash'));
  const dir = 'ocf/heartbeat';

  test('every node in parallel: installed 755, checked, the previous one kept', async () => {
    const { fake, conn } = connect({ node01: {}, node02: {}, node03: {} });
    const old = Buffer.from(agent.toString('utf8').replace('version="1.0"', 'version="0.9"'));
    const first = await deployAgent(conn, old, systemClock, { agentDir: dir });
    assert.equal(first.ok, true, JSON.stringify(first.nodes));
    const report = await deployAgent(conn, agent, systemClock, { agentDir: dir });
    assert.equal(report.ok, true, JSON.stringify(report.nodes));
    for (const node of ['node01', 'node02', 'node03']) {
      const installed = join(fake.home(node), dir, 'stash');
      assert.deepEqual(readFileSync(installed), agent);
      assert.equal(statSync(installed).mode & 0o777, 0o755);
      assert.deepEqual(readFileSync(`${installed}.previous`), old);
      assert.deepEqual(readdirSync(join(fake.home(node), dir)).sort(), ['stash', 'stash.previous'], 'no temp files left');
    }
    assert.match(report.sha256, /^[0-9a-f]{64}$/);
  });

  test('a node down, a corrupted upload, other meta-data: each keeps its previous agent', async () => {
    const { fake, conn } = connect({ node01: {}, node02: {}, node03: {}, node04: {} });
    const old = Buffer.from('#!/bin/sh\n# old agent\n<?xml version="1.0"?><resource-agent name="stash"></resource-agent>\n');
    assert.equal((await deployAgent(conn, old, systemClock, { agentDir: dir })).ok, true);
    fake.nodes.node02.down = true;
    fake.nodes.node03.badChecksum = true;
    fake.nodes.node04.metadata = '<?xml version="1.0"?><resource-agent name="other"></resource-agent>';
    const report = await deployAgent(conn, agent, systemClock, { agentDir: dir });
    assert.equal(report.ok, false);
    assert.deepEqual(report.nodes.map((n) => [n.node, n.ok, n.step]), [['node01', true, 'installed'], ['node02', false, 'ssh'], ['node03', false, 'checksum'], ['node04', false, 'metadata']]);
    assert.equal(report.nodes[3].rolledBack, true);
    assert.match(report.nodes[2].message, /checksum mismatch/);
    for (const node of ['node02', 'node03', 'node04']) {
      assert.deepEqual(readFileSync(join(fake.home(node), dir, 'stash')), old, `${node} keeps its previous agent`);
      assert.ok(readdirSync(join(fake.home(node), dir)).every((f) => !f.startsWith('.stash.')), 'no temp file left');
    }
    assert.deepEqual(readFileSync(join(fake.home('node01'), dir, 'stash')), agent);
  });

  test('an agent without meta-data is not sent anywhere', async () => {
    const { fake, conn } = connect({ node01: {} });
    const report = await deployAgent(conn, Buffer.from('#!/bin/sh\nexit 0\n'), systemClock, { agentDir: dir });
    assert.deepEqual(report.nodes.map((n) => n.step), ['agent']);
    assert.deepEqual(fake.calls, []);
  });
});
