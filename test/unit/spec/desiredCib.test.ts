// The live cluster read from CIBs captured on the lab (test/fixtures/cib/) into the
// desired-cluster model: what each part becomes, what is left out on purpose, and
// what is listed as unsupported or as a leftover of a move.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readCib } from '../../../server/src';
import { parseCmap, parseCorosyncConf } from '../../../client/src/cluster/liveQuery';
import { cmapText, fixtureText, liveOf } from './cibFixtures';

describe('reading a CIB into the desired cluster', () => {
  test("the seed's cluster: nodes from corosync, properties the admin set, resources, constraints, the version", () => {
    const live = liveOf('seed');
    const d = live.desired;
    assert.equal(d.name?.text, 'stashlab');
    assert.deepEqual(d.nodes.map((n) => [n.name, n.address?.text, n.ssh.host.text]),
      [['node01', '10.213.88.11', '10.213.88.11'], ['node02', '10.213.88.12', '10.213.88.12'], ['node03', '10.213.88.13', '10.213.88.13']]);
    // dc-version, cluster-infrastructure, cluster-name and have-watchdog are Pacemaker's own.
    assert.deepEqual(d.properties.map((p) => [p.name, p.value]), [['stonith-enabled', 'false'], ['dc-deadtime', '5s']]);
    assert.deepEqual(d.resourceDefaults.map((p) => [p.name, p.value]), [['resource-stickiness', '1']]);
    assert.deepEqual(d.resources.map((r) => [r.id, r.agent?.value?.name]), [['stash_res', 'ocf:heartbeat:stash'], ['stash_vip', 'ocf:heartbeat:IPaddr2']]);
    const stash = d.resources[0];
    assert.deepEqual(stash.params.map((p) => [p.name, p.text]),
      [['stash_home', '/srv/shared/stash-home'], ['stash_inst', '/srv/stash'], ['stash_user', 'stash']]);
    assert.deepEqual(stash.ops.map((o) => [o.id, o.action, o.interval?.value, o.timeout?.value]), [
      ['stash_res-monitor-interval-15s', 'monitor', 15_000, undefined],
      ['stash_res-start-interval-0s', 'start', 0, 240_000],
      ['stash_res-stop-interval-0s', 'stop', 0, 120_000],
    ]);
    assert.deepEqual(stash.meta.map((m) => [m.name, m.value, m.text]), [['migration-threshold', '1', '1']]);
    assert.deepEqual(d.constraints.colocations.map((c) => [c.id, c.resource.id, c.with.id, c.score.value]),
      [['colocation-stash_vip-stash_res-INFINITY', 'stash_vip', 'stash_res', 'INFINITY']]);
    assert.deepEqual(d.constraints.orders.map((o) => [o.first.id, o.then.id, o.firstAction?.value, o.thenAction?.value]),
      [['stash_res', 'stash_vip', 'start', 'start']]);
    assert.deepEqual(d.stash.map((s) => [s.resource, s.statusUrl.text]), [['stash_res', 'http://localhost:7990/status']]);
    assert.deepEqual(live.version, { adminEpoch: 0, epoch: 12, numUpdates: 8 });
    assert.equal(live.pacemakerVersion, '2.1.5-a3f44794f94');
    assert.deepEqual(live.unsupported, []);
    assert.deepEqual(live.leftovers, []);
    assert.ok(Object.isFrozen(d.resources[0].ops[0]), 'the result is deep-frozen');
  });

  test('values keep the text the CIB has and get the normal form the spec gets', () => {
    const d = liveOf('values').desired;
    const stash = d.resources.find((r) => r.id === 'stash_res');
    const meta = Object.fromEntries((stash?.meta ?? []).map((m) => [m.name, [m.text, m.value]]));
    assert.deepEqual(meta, {
      'migration-threshold': ['+INFINITY', 'INFINITY'], 'target-role': ['started', 'Started'], 'is-managed': ['yes', 'true'],
      'resource-stickiness': ['+100', '100'], priority: ['+05', '5'], 'failure-timeout': ['PT1H', '3600000ms'], 'allow-migrate': ['on', 'true'],
    });
    assert.deepEqual(stash?.ops.map((o) => [o.interval?.text, o.interval?.value, o.timeout?.text, o.timeout?.value]),
      [['15000ms', 15_000, '30', 30_000], ['0', 0, '4min', 240_000], ['0s', 0, '120s', 120_000]]);
    const vip = d.resources.find((r) => r.id === 'stash_vip');
    assert.deepEqual(vip?.meta.map((m) => [m.name, m.value]), [['multiple-active', 'stop_start']]);
    const monitor = vip?.ops[0];
    assert.equal(monitor?.interval?.value, 30_000);
    assert.deepEqual(monitor?.options.map((o) => [o.name, o.text, o.value]),
      [['on-fail', 'restart', 'restart'], ['enabled', '1', 'true'], ['start-delay', '1s', '1000ms'], ['record-pending', 'false', 'false']]);
    assert.deepEqual(d.properties.map((p) => [p.name, p.value]),
      [['stonith-enabled', 'false'], ['dc-deadtime', '5s'], ['no-quorum-policy', 'ignore'], ['cluster-recheck-interval', '300000ms']]);
    assert.deepEqual(d.resourceDefaults.map((p) => [p.name, p.value]), [['resource-stickiness', 'INFINITY']]);
    const [colocation, oldRoles] = d.constraints.colocations;
    assert.deepEqual([colocation.score.text, colocation.score.value], ['+INFINITY', 'INFINITY']);
    assert.deepEqual([oldRoles.role?.text, oldRoles.role?.value, oldRoles.withRole?.text, oldRoles.withRole?.value], ['Slave', 'Unpromoted', 'Master', 'Promoted']);
    const order = d.constraints.orders[0];
    assert.deepEqual([order.kind?.value, order.symmetrical?.text, order.symmetrical?.value], ['Mandatory', '1', 'true']);
    assert.deepEqual(d.constraints.locations.map((l) => [l.resource.id, l.node.id, l.score.value]), [['stash_vip', 'node03', '-INFINITY']]);
  });

  test('clones become the resource with clone options, constraints name them the spec\'s way, groups list members', () => {
    const d = liveOf('shapes').desired;
    const drbd = d.resources.find((r) => r.id === 'drbd');
    assert.equal(drbd?.clone?.kind, 'promotable');
    assert.equal(drbd?.clone?.id, 'drbd-clone');
    assert.deepEqual(drbd?.clone?.options.map((o) => [o.name, o.value]),
      [['clone-max', '2'], ['clone-node-max', '1'], ['notify', 'true'], ['promoted-max', '1'], ['promoted-node-max', '1']]);
    assert.deepEqual(drbd?.ops.filter((o) => o.action === 'monitor').map((o) => [o.interval?.value, o.role?.value]), [[29_000, 'Promoted'], [31_000, 'Unpromoted']]);
    assert.deepEqual(d.resources.find((r) => r.id === 'probe')?.clone?.kind, 'clone');
    assert.deepEqual(d.groups.map((g) => [g.id, g.members.map((m) => m.id)]), [['stack', ['fs', 'web']]]);
    const web = d.resources.find((r) => r.id === 'web');
    assert.deepEqual(web?.ops.find((o) => o.action === 'monitor')?.options.map((o) => [o.name, o.value]), [['OCF_CHECK_LEVEL', '10']]);
    assert.deepEqual(web?.meta.map((m) => [m.name, m.value]), [['target-role', 'Stopped']]);
    assert.deepEqual(d.constraints.colocations.map((c) => [c.resource.id, c.with.id, c.withRole?.value ?? null]),
      [['stash_vip', 'stash_res', null], ['stack', 'drbd', 'Promoted'], ['stash_res', 'probe', null]]);
    assert.deepEqual(d.constraints.orders.map((o) => [o.first.id, o.then.id, o.kind?.value ?? null, o.firstAction?.value, o.symmetrical?.value ?? null]),
      [['stash_res', 'stash_vip', null, 'start', null], ['drbd', 'stack', 'Optional', 'promote', null], ['stash_vip', 'web', 'Serialize', 'stop', 'false']]);
    assert.deepEqual(d.constraints.locations.map((l) => [l.resource.id, l.node.id, l.score.text]), [['stack', 'node01', '50'], ['stash_res', 'node03', '-INFINITY']]);
    assert.deepEqual(d.opDefaults.map((o) => [o.name, o.value]), [['timeout', '45000ms']]);
    assert.deepEqual(liveOf('shapes').unsupported, []);
  });

  test('what the format cannot say is listed, and what stands on it is not read as a resource or constraint', () => {
    const live = liveOf('unsupported');
    assert.deepEqual(live.unsupported.map((u) => u.path).sort(), [
      'nodes.node01.rack', 'nodes.node02.utilization', 'resources.stash_res.utilization', 'resources.shared-clone',
      'resources.box', 'constraints.location.location-stash_res', 'constraints.colocation.colocation_set_a1a2',
      'constraints.order.order-stash_res-shared-clone-mandatory', 'constraints.ticket-site-a-stash_vip',
      'tags.pair', 'alerts.to-file', 'acls.readers',
    ].sort());
    assert.ok(live.unsupported.every((u) => u.what.length > 0));
    const d = live.desired;
    assert.deepEqual(d.resources.map((r) => r.id), ['stash_res', 'stash_vip', 'a1', 'a2']);
    assert.deepEqual(d.groups, []);
    assert.equal(d.constraints.locations.length, 0);
    assert.equal(d.constraints.colocations.length, 1);
    assert.equal(d.constraints.orders.length, 1);
  });

  test('move and ban constraints are leftovers, not constraints', () => {
    const live = liveOf('leftovers');
    assert.deepEqual(live.leftovers, [
      { id: 'cli-prefer-stash_res', kind: 'prefer', resource: 'stash_res', node: 'node02', score: 'INFINITY' },
      { id: 'cli-ban-stash_vip-on-node03', kind: 'ban', resource: 'stash_vip', node: 'node03', score: '-INFINITY' },
    ]);
    assert.deepEqual(live.desired.constraints.locations, []);
    assert.deepEqual(live.unsupported, []);
  });

  test("corosync.conf names the same nodes as corosync-cmapctl; without either the CIB's names stand", () => {
    assert.deepEqual(parseCorosyncConf(fixtureText('corosync-3.1.7.conf')), parseCmap(cmapText()));
    const read = readCib(fixtureText('pacemaker-2.1.5-seed.xml'));
    assert.ok(read.ok);
    assert.deepEqual(read.live.desired.nodes.map((n) => [n.name, n.address, n.ssh.host.text]), [['node01', undefined, 'node01'], ['node02', undefined, 'node02'], ['node03', undefined, 'node03']]);
    const unnamed = readCib(fixtureText('pacemaker-2.1.5-seed.xml'), { nodes: [{ name: '', nodeId: '2', address: '10.0.0.2' }] });
    assert.ok(unnamed.ok);
    assert.deepEqual(unnamed.live.desired.nodes.map((n) => [n.name, n.address?.text]), [['node02', '10.0.0.2']]);
  });

  test('what is not a CIB is an error, not a throw', () => {
    for (const xml of ['', '<cib', '<crm_mon/>', '<cib epoch="1"/>']) {
      const read = readCib(xml);
      assert.equal(read.ok, false, xml);
    }
  });
});
