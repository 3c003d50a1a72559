// crm_mon's XML in both shapes: 2.1.5 captured from the lab cluster
// (test/cluster/capture-fixtures.sh) and 1.1 written from Pacemaker 1.1's schema.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCrmMon } from '../../../client/src/cluster/crmMonXml';
import { allPrimitives, runningOn } from '../../../client/src/cluster/snapshotQueries';
import { CloneStatus, GroupStatus } from '../../../client/src/cluster/snapshot';
import { repoRoot } from '../helpers';

function fixture(name: string): string {
  return readFileSync(join(repoRoot(), 'test/fixtures/crm_mon', name), 'utf8');
}

function parsed(name: string) {
  const r = parseCrmMon(fixture(name));
  if (!r.ok) assert.fail(r.error);
  return r.status;
}

describe('crm_mon --output-as=xml (Pacemaker 2.1.5, captured)', () => {
  test('healthy: summary, three online nodes, DC, quorum', () => {
    const s = parsed('pacemaker-2.1.5-healthy.xml');
    assert.equal(s.format, 'pacemaker-result');
    assert.equal(s.quorum, true);
    assert.equal(s.dc, 'node03');
    assert.match(s.dcVersion ?? '', /^2\.1\.5/);
    assert.equal(s.stack, 'corosync');
    assert.equal(s.options.stonithEnabled, false);
    assert.deepEqual(s.nodes.map((n) => [n.name, n.state, n.isDc]), [['node01', 'online', false], ['node02', 'online', false], ['node03', 'online', true]]);
  });

  test('resources keep crm_mon order, with groups and clone instances', () => {
    const s = parsed('pacemaker-2.1.5-healthy.xml');
    assert.deepEqual(s.resources.map((r) => `${r.kind}:${r.id}`), ['primitive:stash', 'primitive:vip', 'group:tools', 'clone:probe-clone']);
    const stash = s.resources[0];
    assert.ok(stash.kind === 'primitive');
    assert.equal(stash.agent, 'ocf:heartbeat:stash');
    assert.equal(stash.role, 'Started');
    assert.equal(stash.managed, true);
    assert.equal(stash.nodes.length, 1);
    const group = s.resources[2] as GroupStatus;
    assert.deepEqual(group.members.map((m) => [m.id, m.parent, m.agent]), [['tools-a', 'tools', 'ocf:pacemaker:Dummy'], ['tools-b', 'tools', 'ocf:pacemaker:Dummy']]);
    assert.equal(group.disabled, false);
    const clone = s.resources[3] as CloneStatus;
    assert.equal(clone.promotable, false);
    assert.equal(clone.instances.length, 3);
    assert.deepEqual(runningOn(clone).sort(), ['node01', 'node02', 'node03']);
  });

  test('standby: the node is standby and the clone instance there is stopped', () => {
    const s = parsed('pacemaker-2.1.5-standby.xml');
    const node01 = s.nodes.find((n) => n.name === 'node01');
    assert.equal(node01?.standby, true);
    assert.equal(node01?.state, 'standby');
    const clone = s.resources.find((r) => r.kind === 'clone') as CloneStatus;
    assert.equal(clone.instances.filter((i) => i.kind === 'primitive' && i.role === 'Stopped').length, 1);
    assert.ok(allPrimitives(s.resources).filter((p) => p.active).every((p) => !p.nodes.includes('node01')));
  });

  test('offline: a node that is gone', () => {
    const s = parsed('pacemaker-2.1.5-offline.xml');
    const node02 = s.nodes.find((n) => n.name === 'node02');
    assert.deepEqual([node02?.online, node02?.state], [false, 'offline']);
    assert.equal(s.quorum, true);
  });

  test('failed: the monitor failure, its reason, and the fail-count at migration-threshold', () => {
    const s = parsed('pacemaker-2.1.5-failed.xml');
    assert.equal(s.failures.length, 1);
    const f = s.failures[0];
    assert.deepEqual([f.resource, f.node, f.operation, f.intervalMs, f.exitCode, f.exitStatus], ['stash', 'node01', 'monitor', 5000, 7, 'not running']);
    assert.match(f.exitReason, /Stash is not running/);
    assert.deepEqual(s.failCounts.map((c) => [c.resource, c.node, c.failCount, c.migrationThreshold, c.thresholdReached]), [['stash', 'node01', 1, 1, true]]);
  });
});

describe('crm_mon -1 -X -r -f -A -L (Pacemaker 1.1, from the schema)', () => {
  test('healthy: master/slave read as promoted/unpromoted, ocf:: agents normalised', () => {
    const s = parsed('pacemaker-1.1-healthy.xml');
    assert.equal(s.format, 'crm_mon-1.1');
    assert.equal(s.dc, 'stash1');
    assert.equal(s.quorum, true);
    assert.equal(s.options.stonithEnabled, true);
    const drbd = s.resources[0] as CloneStatus;
    assert.equal(drbd.promotable, true);
    assert.deepEqual(drbd.instances.map((i) => i.kind === 'primitive' && [i.role, i.nodes[0], i.agent]), [['Promoted', 'stash1', 'ocf:linbit:drbd'], ['Unpromoted', 'stash2', 'ocf:linbit:drbd']]);
    const group = s.resources[1] as GroupStatus;
    assert.deepEqual(group.members.map((m) => m.agent), ['ocf:heartbeat:Filesystem', 'ocf:heartbeat:IPaddr2', 'ocf:heartbeat:stash']);
    assert.equal(group.managed, true);
    assert.equal(group.disabled, false);
    assert.deepEqual(s.failures, []);
    assert.deepEqual(s.failCounts, []);
  });

  test('failed: failure, fail-count, the ban listed by -L, an unmanaged disabled member', () => {
    const s = parsed('pacemaker-1.1-failed.xml');
    assert.deepEqual(s.failures.map((f) => [f.resource, f.node, f.operation, f.intervalMs, f.exitCode]), [['stash_res', 'stash1', 'monitor', 15000, 1]]);
    assert.deepEqual(s.failCounts.map((c) => [c.resource, c.node, c.failCount, c.migrationThreshold, c.thresholdReached]), [['stash_res', 'stash1', 1, 1, true]]);
    assert.deepEqual(s.bans, [{ id: 'cli-ban-stash_vip-on-stash1', kind: 'ban', resource: 'stash_vip', node: 'stash1', score: '-1000000' }]);
    const vip = allPrimitives(s.resources).find((p) => p.id === 'stash_vip');
    assert.deepEqual([vip?.role, vip?.targetRole, vip?.managed, vip?.active], ['Stopped', 'Stopped', false, false]);
    assert.equal((s.resources[0] as GroupStatus).managed, false);
  });

  test('offline: unclean wins over offline, standby and maintenance, and no quorum', () => {
    const s = parsed('pacemaker-1.1-offline.xml');
    assert.deepEqual(s.nodes.map((n) => n.state), ['unclean', 'online', 'maintenance']);
    assert.equal(s.nodes[2].standby, true);
    assert.equal(s.quorum, false);
    assert.ok(allPrimitives(s.resources).every((p) => p.role === 'Stopped'));
  });
});

describe('what is not a status', () => {
  test('crm_mon reporting an error in its XML', () => {
    const r = parseCrmMon('<pacemaker-result api-version="2.25" request="crm_mon --output-as=xml"><status code="102" message="Not connected"><errors><error>crm_mon: Error: cluster is not available on this node</error></errors></status></pacemaker-result>');
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error, /Not connected.*cluster is not available/);
  });

  test('truncated, empty or foreign XML', () => {
    const healthy = fixture('pacemaker-2.1.5-healthy.xml');
    for (const text of [healthy.slice(0, healthy.length / 2), '', '<html></html>', 'Error: crm_mon not found']) {
      assert.equal(parseCrmMon(text).ok, false, text.slice(0, 40));
    }
  });
});
