// The status query end to end without a cluster: the real remote script runs in
// a local shell against stub tools that print captured crm_mon output (see
// fakeNodes.ts). Covers the node order, fall-over, the version probe and its
// cache, the 1.1 form, Stash's status page on the right node, immutability.
// Pacemaker 1.1 is a fixture written from its schema (no Debian release has it);
// 2.0.5 and 3.0.0 answer for real in test/cluster-matrix.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ClusterConnection, ConnectionOptions } from '../../../client/src/cluster/clusterConnection';
import { MemoryLogger } from '../../../client/src/remote/logger';
import { systemClock } from '../../../client/src/remote/processRunner';
import { SshSession } from '../../../client/src/remote/sshSession';
import { waitFor } from '../../cluster/waitFor';
import { repoRoot } from '../helpers';
import { FakeNode, FakeNodes } from './fakeNodes';

const fx = (name: string): string => join(repoRoot(), 'test/fixtures/crm_mon', name);
const RUNNING = '{"state":"RUNNING"}';
let fakes: FakeNodes | undefined;
let connection: ClusterConnection | undefined;

// The hedge (asking the next node when the first is slow) is far off unless a test is about it,
// so a loaded machine cannot make a slow stub look like a dead node.
function connect(nodes: Record<string, FakeNode>, probes?: { resource: string; url: string }[], hedgeMs = 600_000,
  extra: ConnectionOptions = {}): { fake: FakeNodes; conn: ClusterConnection } {
  const fake = new FakeNodes(nodes);
  const deps = { runner: fake, clock: systemClock, logger: new MemoryLogger() };
  const session = new SshSession({ controlPersistSec: 0 }, deps);
  const conn = new ClusterConnection(Object.keys(nodes).map((name) => ({ name, target: { name, host: name } })), session, deps,
    { date: () => new Date('2026-11-25T13:00:00Z'), hedgeMs, ...(probes ? { stashProbes: probes } : {}), ...extra });
  fakes = fake;
  connection = conn;
  return { fake, conn };
}

afterEach(async () => {
  await connection?.close();
  fakes?.dispose();
});

describe('ClusterConnection.status', () => {
  test('a node that does not answer is not waited for: the next node is asked as well, and its answer is taken', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const healthy = { crmMonFile: fx('pacemaker-2.1.5-healthy.xml') };
    const { fake, conn } = connect({ node01: { ...healthy, gate }, node02: healthy }, undefined, 50);
    try {
      const r = await conn.status();
      if (!r.ok) assert.fail(r.error);
      assert.equal(r.snapshot.queriedNode, 'node02');
      assert.deepEqual(fake.calls, ['node01', 'node02']);
      assert.ok(r.snapshot.warnings.includes('node01 (node01): no answer within 0.05 s, so the status was taken from node02'), r.snapshot.warnings.join('\n'));
      // node02 answered, so it is asked first next time; Stash (on node01 in this answer) is not asked on the silent node.
      assert.equal(conn.order()[0].name, 'node02');
      assert.deepEqual(r.snapshot.stash.map((x) => [x.node, x.error]), [['node01', 'node01 did not answer the status query, so its Stash was not asked']]);
    } finally {
      release();
    }
  });

  test('a slow first node that still answers first is not called slow: the node asked after it was only a backup', async () => {
    let releaseFirst: () => void = () => undefined;
    let releaseBackup: () => void = () => undefined;
    const first = new Promise<void>((resolve) => { releaseFirst = resolve; });
    const backup = new Promise<void>((resolve) => { releaseBackup = resolve; });
    const healthy = { crmMonFile: fx('pacemaker-2.1.5-healthy.xml'), curlBody: RUNNING, curlRc: 0 };
    const { fake, conn } = connect({ node01: { ...healthy, gate: first }, node02: { ...healthy, gate: backup } }, undefined, 50);
    try {
      const pending = conn.status();
      // node01 answers only once the hedge has asked node02, which has not answered yet.
      await waitFor('node02 asked as a backup', 10_000, () => Promise.resolve(fake.calls.includes('node02') ? { done: true, value: true } : { done: false, seen: fake.calls.join(',') }));
      releaseFirst();
      const r = await pending;
      if (!r.ok) assert.fail(r.error);
      assert.equal(r.snapshot.queriedNode, 'node01');
      assert.deepEqual(r.snapshot.warnings, []);
      assert.equal(conn.order()[0].name, 'node01');
    } finally {
      releaseFirst();
      releaseBackup();
    }
  });

  test("while a person is asked about the first node's host key, the hedge asks no other node: one prompt at a time", async () => {
    const fake = new FakeNodes({ node01: { unknownHostKey: true }, node02: { crmMonFile: fx('pacemaker-2.1.5-healthy.xml') } });
    fakes = fake;
    const deps = { runner: fake, clock: systemClock, logger: new MemoryLogger() };
    const prompts: string[] = [];
    let answer: (yes: boolean) => void = () => undefined;
    const session = new SshSession({
      controlPersistSec: 0, hostKeyPolicy: 'strict',
      onUnknownHostKey: (p) => {
        prompts.push(p.node);
        return new Promise<boolean>((resolve) => { answer = resolve; });
      },
    }, deps);
    // The hedge's timers, fired by the test: each time the hedge's time runs out, it is as if 1.5 s had passed.
    const timers: { fire: () => void; live: boolean }[] = [];
    const conn = new ClusterConnection(['node01', 'node02'].map((name) => ({ name, target: { name, host: name } })), session, deps, {
      hedgeMs: 1_500,
      hedgeTimer: (_ms, fire) => {
        const t = { fire, live: true };
        timers.push(t);
        return () => { t.live = false; };
      },
    });
    connection = conn;
    const pending = conn.status();
    await waitFor('the host key prompt for node01', 10_000, () => Promise.resolve(prompts.length > 0 ? { done: true, value: true } : { done: false, seen: fake.calls.join(',') }));
    for (let i = 0; i < 3; i++) {
      const armed = (await waitFor('the hedge timer armed again', 10_000, () => {
        const t = timers.find((x) => x.live);
        return Promise.resolve(t ? { done: true, value: t } : { done: false, seen: `${timers.length} timers` });
      })).value;
      armed.live = false;
      armed.fire();
    }
    await waitFor('the hedge timer armed after the third firing', 10_000, () => Promise.resolve(timers.some((x) => x.live) ? { done: true, value: true } : { done: false, seen: `${timers.length} timers` }));
    assert.deepEqual([...new Set(fake.calls)], ['node01'], 'the hedge ran out three times while the prompt was open, and node02 was not asked');
    assert.deepEqual(prompts, ['node01']);
    answer(false);
    const r = await pending;
    if (!r.ok) assert.fail(r.error);
    assert.equal(r.snapshot.queriedNode, 'node02', 'refused: the next node is asked at once');
    assert.equal(r.attempts[0].failure?.kind, 'host-key-unknown');
  });

  test('one query: nodes, resources, constraints, and Stash RUNNING on the node asked', async () => {
    const healthy = { crmMonFile: fx('pacemaker-2.1.5-healthy.xml'), curlBody: RUNNING, curlRc: 0 };
    const { fake, conn } = connect({ node01: healthy, node02: healthy });
    const r = await conn.status();
    if (!r.ok) assert.fail(r.error);
    assert.deepEqual(fake.calls, ['node01']);
    const s = r.snapshot;
    assert.equal(s.queriedNode, 'node01');
    assert.equal(s.pacemakerVersion, '2.1.5');
    assert.equal(s.takenAt, '2026-11-25T13:00:00.000Z');
    assert.equal(s.nodes.length, 3);
    assert.deepEqual(s.stash, [{ resource: 'stash', url: 'http://localhost:7990/status', node: 'node01', state: 'RUNNING', httpStatus: 200 }]);
    assert.deepEqual(s.leftovers, []);
    assert.deepEqual(s.warnings, []);
  });

  test('Pacemaker 2 answers the first (probing) query as it does every later one', async () => {
    const { fake, conn } = connect({ node01: { crmMonFile: fx('pacemaker-2.1.5-healthy.xml') } });
    assert.ok((await conn.status()).ok);
    assert.ok((await conn.status()).ok);
    assert.deepEqual(fake.logged('node01', 'crm_mon'), ['--output-as=xml', '--output-as=xml']);
    assert.equal(conn.pacemakerVersion('node01'), '2.1.5');
  });

  test('Pacemaker 1.1 refuses --output-as once, then gets crm_mon -1 -X -r -f -A -L directly', async () => {
    const { fake, conn } = connect({
      stash1: { version: 'Pacemaker 1.1.23-1.el7_9.1', crmMonFile: fx('pacemaker-1.1-failed.xml'), constraintsFile: fx('pacemaker-1.1-failed.constraints.xml') },
    });
    const r = await conn.status();
    if (!r.ok) assert.fail(r.error);
    assert.deepEqual(fake.logged('stash1', 'crm_mon'), ['--output-as=xml', '-1 -X -r -f -A -L']);
    assert.equal(r.snapshot.pacemakerVersion, '1.1.23');
    assert.ok((await conn.status()).ok);
    assert.deepEqual(fake.logged('stash1', 'crm_mon').slice(2), ['-1 -X -r -f -A -L']);
    assert.deepEqual(r.snapshot.leftovers.map((l) => l.id), ['cli-ban-stash_vip-on-stash1']);
    assert.deepEqual(r.snapshot.constraints.colocations.map((c) => c.withResource), ['stash_drbd-master']);
  });

  test('Stash running elsewhere: its node is asked for the status page, and asked first next time', async () => {
    const failed = { crmMonFile: fx('pacemaker-2.1.5-failed.xml'), constraintsFile: fx('pacemaker-2.1.5-cli-prefer.constraints.xml') };
    const { fake, conn } = connect({ node01: failed, node02: { ...failed, curlBody: '{"state":"STARTING"}', curlRc: 0 }, node03: failed });
    const r = await conn.status();
    if (!r.ok) assert.fail(r.error);
    assert.deepEqual(fake.calls, ['node01', 'node02']);
    assert.deepEqual(r.snapshot.stash.map((s) => [s.node, s.state]), [['node02', 'STARTING']]);
    assert.deepEqual(r.snapshot.leftovers.map((l) => [l.kind, l.resource, l.node]), [['prefer', 'stash', 'node03']]);
    assert.ok(Object.isFrozen(r.snapshot) && Object.isFrozen(r.snapshot.stash[0]));
    assert.ok((await conn.status()).ok);
    assert.deepEqual(fake.calls, ['node01', 'node02', 'node02'], 'then one query, to the node running Stash');
  });

  test('a node that is down is skipped with a warning; when none answers, every reason is given', async () => {
    const { fake, conn } = connect({ node01: { down: true }, node02: { crmMonFile: fx('pacemaker-2.1.5-offline.xml') } });
    const r = await conn.status();
    if (!r.ok) assert.fail(r.error);
    assert.equal(r.snapshot.queriedNode, 'node02');
    assert.match(r.snapshot.warnings[0], /node01 \(node01:22\): nothing accepts ssh connections/);
    assert.deepEqual(r.attempts.map((a) => [a.node, a.failure?.kind]), [['node01', 'unreachable'], ['node02', undefined]]);
    // Stash runs on node01 by this answer; node01 just failed the status query, so it is not asked again.
    assert.match(r.snapshot.stash[0].error ?? '', /node01 did not answer the status query/);
    assert.deepEqual(fake.calls, ['node01', 'node02']);
    fake.nodes.node02.down = true;
    const none = await conn.status();
    assert.equal(none.ok, false);
    assert.match(none.ok ? '' : none.error, /no node answered[\s\S]*node02 \(node02:22\)[\s\S]*node01 \(node01:22\)/);
  });

  test('a node whose Pacemaker is not running is skipped for one that answers', async () => {
    const { conn } = connect({
      node01: { crmMonFile: '/dev/null', crmMonRc: 102 },
      node02: { crmMonFile: fx('pacemaker-2.1.5-healthy.xml') },
    });
    const r = await conn.status();
    if (!r.ok) assert.fail(r.error);
    assert.equal(r.snapshot.queriedNode, 'node02');
    assert.match(r.snapshot.warnings[0], /node01: crm_mon exited 102/);
  });

  test('the whole CIB and corosync\'s nodes come with every status: live() reads them once, into the spec\'s type', async () => {
    const cib = (name: string) => join(repoRoot(), 'test/fixtures/cib', name);
    const node = { crmMonFile: fx('pacemaker-2.1.5-healthy.xml'), constraintsFile: cib('pacemaker-2.1.5-seed.xml'), cmapFile: cib('corosync-3.1.7-cmap.txt') };
    const { fake, conn } = connect({ node01: node, node02: node });
    assert.equal(conn.live(), undefined, 'nothing read before the first status');
    const r = await conn.status();
    if (!r.ok) assert.fail(r.error);
    const read = conn.live();
    assert.ok(read?.answer.ok, JSON.stringify(read));
    assert.equal(read.takenAt, r.snapshot.takenAt);
    assert.equal(read.answer.node, 'node01');
    assert.deepEqual(read.answer.live.desired.resources.map((x) => x.id), ['stash_res', 'stash_vip']);
    assert.deepEqual(read.answer.live.desired.nodes.map((n) => [n.name, n.address?.text]),
      [['node01', '10.213.88.11'], ['node02', '10.213.88.12'], ['node03', '10.213.88.13']]);
    assert.equal(conn.live(), read, 'read once, then the same value until the next status');
    assert.deepEqual(fake.calls, ['node01'], 'one round trip for the tree and the comparison');
    await conn.status();
    assert.notEqual(conn.live(), read, 'the next status brings a new read');
  });

  test('a constraints-only answer (or a CIB that is not one) keeps the tree and says why the comparison cannot be made', async () => {
    const { conn } = connect({ node01: { crmMonFile: fx('pacemaker-2.1.5-healthy.xml'), constraintsFile: fx('pacemaker-2.1.5-cli-prefer.constraints.xml') } });
    const r = await conn.status();
    if (!r.ok) assert.fail(r.error);
    assert.ok(r.snapshot.leftovers.length > 0, 'the constraints are still read for the tree');
    const read = conn.live();
    assert.equal(read?.answer.ok, false);
    assert.match(read.answer.ok ? '' : read.answer.error, /^node01: /);
  });

  test('a snapshot cannot be changed by its readers', async () => {
    const { conn } = connect({ node01: { crmMonFile: fx('pacemaker-2.1.5-healthy.xml'), curlBody: RUNNING, curlRc: 0 } });
    const r = await conn.status();
    if (!r.ok) assert.fail(r.error);
    const s = r.snapshot;
    assert.throws(() => { (s as { quorum: boolean }).quorum = false; }, TypeError);
    assert.throws(() => { (s.nodes as unknown as unknown[]).push(1); }, TypeError);
    assert.throws(() => { (s.nodes[0] as { online: boolean }).online = false; }, TypeError);
  });
});

describe('ClusterConnection.pcsVersion', () => {
  const healthy = { crmMonFile: fx('pacemaker-2.1.5-healthy.xml'), pcsVersion: '0.10.8' };

  test('asked once per node: callers asking at the same time share one pcs --version', async () => {
    const { fake, conn } = connect({ node01: healthy });
    const answers = await Promise.all([conn.pcsVersion('node01'), conn.pcsVersion('node01')]);
    assert.deepEqual(answers.map((a) => a.version), ['0.10.8', '0.10.8']);
    assert.equal((await conn.pcsVersion('node01')).version, '0.10.8');
    assert.deepEqual(fake.logged('node01', 'pcs'), ['--version']);
  });

  test('warmPcsVersion: the node that answered a status is asked its pcs version in the background, once', async () => {
    const { fake, conn } = connect({ node01: healthy, node02: healthy }, undefined, 600_000, { warmPcsVersion: true });
    const r = await conn.status();
    if (!r.ok) assert.fail(r.error);
    await waitFor('pcs --version asked on node01 after its status', 30_000, () => Promise.resolve(
      fake.logged('node01', 'pcs').length > 0 ? { done: true, value: true } : { done: false, seen: 'no pcs call yet' }), 10);
    assert.equal((await conn.pcsVersion()).version, '0.10.8', 'the operation finds it known');
    const again = await conn.status();
    if (!again.ok) assert.fail(again.error);
    assert.equal((await conn.pcsVersion()).version, '0.10.8');
    assert.deepEqual(fake.logged('node01', 'pcs'), ['--version']);
    assert.deepEqual(fake.logged('node02', 'pcs'), [], 'a node not asked for the status is not asked for pcs either');
  });

  test('near miss: without warmPcsVersion a status asks nothing of pcs', async () => {
    const { fake, conn } = connect({ node01: healthy });
    const r = await conn.status();
    if (!r.ok) assert.fail(r.error);
    await conn.status();
    assert.deepEqual(fake.logged('node01', 'pcs'), []);
  });
});
