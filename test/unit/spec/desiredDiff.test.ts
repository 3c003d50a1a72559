// The comparison rules of spec-format.md ("The live cluster"), on CIBs captured from
// the lab: every normalisation of the vocabulary makes two spellings one value (and
// a near miss is exactly one difference, with its path, both texts and the spec's
// line); what the spec states is what is compared.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diffClusters, Difference, inSync, LineIndex } from '../../../server/src';
import { specHead } from '../../seedCluster';
import { FIXTURE_LAB, liveOf, SEED_SPEC, SHAPES_SPEC, specOf } from './cibFixtures';

/** The values fixture's cluster in the spellings a spec would use; every line has another spelling live. */
const VALUES_SPEC = [
  ...specHead(FIXTURE_LAB),
  'properties:',
  '  fencing-enabled: false',
  '  no-quorum-policy: ignore',
  '  cluster-recheck-interval: 300s',
  'resource-defaults:',
  '  resource-stickiness: INFINITY',
  'resources:',
  '  stash_res:',
  '    agent: ocf:heartbeat:stash',
  '    params: { stash_home: /srv/shared/stash-home, stash_inst: /srv/stash, stash_user: stash }',
  '    ops:',
  '      monitor: { interval: 15, timeout: 30s }',
  '      start: { interval: 0s, timeout: 240 }',
  '    meta:',
  '      migration-threshold: INFINITY',
  '      target-role: Started',
  '      is-managed: true',
  '      resource-stickiness: 100',
  '      priority: 5',
  '      failure-timeout: 1h',
  '      allow-migrate: yes',
  '  stash_vip:',
  '    agent: ocf:heartbeat:IPaddr2',
  '    params: { cidr_netmask: 24, ip: 10.213.88.100, nic: eth0 }',
  '    ops:',
  '      monitor: { interval: 30s, timeout: 20000ms, on-fail: restart, enabled: true, start-delay: 1000ms, record-pending: no }',
  '    meta:',
  '      multiple-active: stop_start',
  'constraints:',
  '  colocation:',
  '    - { resource: stash_vip, with: stash_res }',
  '    - { resource: stash_res, with: stash_vip, score: +100, role: Unpromoted, with-role: Promoted }',
  '  order:',
  '    - { first: stash_res, then: stash_vip, symmetrical: true }',
  '  location:',
  '    - { resource: stash_vip, node: node03, score: -infinity }',
  '',
].join('\n');

/** What the same cluster says live, in the CIB's own words, for each spec line above. */
const NEAR_MISSES: readonly { what: string; from: string; to: string; path: string; live: string | null }[] = [
  { what: 'a duration without a unit (15000ms live)', from: 'interval: 15,', to: 'interval: 16,', path: 'resources.stash_res.ops.monitor.interval', live: '15000ms' },
  { what: 'a duration in seconds against one without a unit', from: 'timeout: 30s }', to: 'timeout: 31s }', path: 'resources.stash_res.ops.monitor.timeout', live: '30' },
  { what: 'a duration against minutes', from: 'timeout: 240 }', to: 'timeout: 241 }', path: 'resources.stash_res.ops.start.timeout', live: '4min' },
  { what: 'INFINITY against +INFINITY', from: 'migration-threshold: INFINITY', to: 'migration-threshold: 3', path: 'resources.stash_res.meta.migration-threshold', live: '+INFINITY' },
  { what: 'a role word in another case', from: 'target-role: Started', to: 'target-role: Stopped', path: 'resources.stash_res.meta.target-role', live: 'started' },
  { what: 'true against yes', from: 'is-managed: true', to: 'is-managed: false', path: 'resources.stash_res.meta.is-managed', live: 'yes' },
  { what: 'a score against +100', from: 'resource-stickiness: 100', to: 'resource-stickiness: 101', path: 'resources.stash_res.meta.resource-stickiness', live: '+100' },
  { what: 'an integer against +05', from: 'priority: 5', to: 'priority: 6', path: 'resources.stash_res.meta.priority', live: '+05' },
  { what: 'hours against ISO 8601', from: 'failure-timeout: 1h', to: 'failure-timeout: 2h', path: 'resources.stash_res.meta.failure-timeout', live: 'PT1H' },
  { what: 'yes against on', from: 'allow-migrate: yes', to: 'allow-migrate: no', path: 'resources.stash_res.meta.allow-migrate', live: 'on' },
  { what: 'a meta word in another case', from: 'multiple-active: stop_start', to: 'multiple-active: block', path: 'resources.stash_vip.meta.multiple-active', live: 'Stop_Start' },
  { what: "a property's other name (stonith-enabled: no live)", from: 'fencing-enabled: false', to: 'fencing-enabled: true', path: 'properties.fencing-enabled', live: 'no' },
  { what: 'a property word in another case', from: 'no-quorum-policy: ignore', to: 'no-quorum-policy: stop', path: 'properties.no-quorum-policy', live: 'Ignore' },
  { what: 'seconds against minutes', from: 'cluster-recheck-interval: 300s', to: 'cluster-recheck-interval: 301s', path: 'properties.cluster-recheck-interval', live: '5min' },
  { what: 'INFINITY against 1000000', from: 'resource-stickiness: INFINITY', to: 'resource-stickiness: 999', path: 'resource-defaults.resource-stickiness', live: '1000000' },
  { what: 'seconds against ISO 8601 (PT30S)', from: 'interval: 30s, timeout: 20000ms', to: 'interval: 31s, timeout: 20000ms', path: 'resources.stash_vip.ops.monitor.interval', live: 'PT30S' },
  { what: 'milliseconds against seconds', from: 'timeout: 20000ms', to: 'timeout: 20001ms', path: 'resources.stash_vip.ops.monitor.timeout', live: '20s' },
  { what: 'true against 1', from: ', enabled: true,', to: ', enabled: false,', path: 'resources.stash_vip.ops.monitor.enabled', live: '1' },
  { what: 'no against false', from: 'record-pending: no', to: 'record-pending: yes', path: 'resources.stash_vip.ops.monitor.record-pending', live: 'false' },
  { what: 'ms against s in an option', from: 'start-delay: 1000ms', to: 'start-delay: 2s', path: 'resources.stash_vip.ops.monitor.start-delay', live: '1s' },
  { what: 'a param (params compare as text)', from: 'nic: eth0', to: 'nic: eth1', path: 'resources.stash_vip.params.nic', live: 'eth0' },
  { what: 'an omitted score (INFINITY) against +INFINITY', from: '{ resource: stash_vip, with: stash_res }', to: '{ resource: stash_vip, with: stash_res, score: 99 }', path: 'constraints.colocation[0].score', live: '+INFINITY' },
  { what: 'Promoted against Master', from: 'with-role: Promoted', to: 'with-role: Unpromoted', path: 'constraints.colocation[1].with-role', live: 'Master' },
  { what: 'Unpromoted against Slave', from: 'role: Unpromoted,', to: 'role: Promoted,', path: 'constraints.colocation[1].role', live: 'Slave' },
  { what: '+100 against 100', from: 'score: +100', to: 'score: +101', path: 'constraints.colocation[1].score', live: '100' },
  { what: 'true against 1 in an order', from: 'symmetrical: true', to: 'symmetrical: false', path: 'constraints.order[0].symmetrical', live: '1' },
  { what: '-infinity against -INFINITY', from: 'score: -infinity', to: 'score: -100', path: 'constraints.location[0].score', live: '-INFINITY' },
];

function comparable(diffs: readonly Difference[]): string[] {
  return diffs.map((d) => `${d.kind} ${d.path}: ${d.live} -> ${d.spec}`);
}

/** The 1-based line of a difference's span in `text`. */
function lineOf(text: string, d: Difference): number | undefined {
  return d.span ? new LineIndex(text).positionAt(d.span.start).line + 1 : undefined;
}

describe('the comparison of a spec with a live cluster', () => {
  test('every spelling Pacemaker takes for a value is no difference', () => {
    assert.deepEqual(comparable(diffClusters(specOf(VALUES_SPEC), liveOf('values'))), []);
  });

  for (const miss of NEAR_MISSES) {
    test(`a near miss is one difference: ${miss.what}`, () => {
      assert.ok(VALUES_SPEC.includes(miss.from), miss.from);
      const text = VALUES_SPEC.replace(miss.from, miss.to);
      const diffs = diffClusters(specOf(text), liveOf('values'));
      assert.equal(diffs.length, 1, comparable(diffs).join('\n'));
      const [d] = diffs;
      assert.deepEqual([d.kind, d.path, d.live], ['change', miss.path, miss.live]);
      const line = text.split('\n').findIndex((l) => l.includes(miss.to)) + 1;
      assert.equal(lineOf(text, d), line, `the spec line of ${miss.path}`);
      assert.ok(d.spec !== null && text.includes(d.spec), `the spec side is the spec's text: ${d.spec}`);
    });
  }

  test("the seed's spec is in sync with the cluster the seed's commands built", () => {
    const diffs = diffClusters(specOf(SEED_SPEC), liveOf('seed'));
    assert.deepEqual(comparable(diffs), []);
    assert.equal(inSync(diffs), true);
  });

  test("params are the definition: one live and not in the spec differs; meta, ops and what pcs made do not", () => {
    const text = SEED_SPEC.replace('cidr_netmask: 24, ip: 10.213.88.100, nic: eth0', 'cidr_netmask: 24, ip: 10.213.88.100')
      .replace('    meta: { migration-threshold: 1 }\n', '').replace('      start: { timeout: 240s }\n', '');
    const diffs = diffClusters(specOf(text), liveOf('seed'));
    assert.deepEqual(comparable(diffs), ['change resources.stash_vip.params.nic: eth0 -> null']);
    assert.equal(lineOf(text, diffs[0]), text.split('\n').indexOf('  stash_vip:') + 1);
    // An empty param is unset, as pcs takes it.
    assert.deepEqual(comparable(diffClusters(specOf(text.replace('ip: 10.213.88.100 }', 'ip: 10.213.88.100, nic: "" }')), liveOf('seed'))),
      ['change resources.stash_vip.params.nic: eth0 -> null']);
  });

  test('a resource, group or constraint on one side only is added or live-only; leftovers and unsupported parts are listed apart', () => {
    const text = SEED_SPEC.replace('  stash_vip:\n', '  extra:\n    agent: ocf:pacemaker:Dummy\n  stash_vip:\n')
      .replace('    - { first: stash_res, then: stash_vip }\n', '    - { first: stash_res, then: stash_vip }\n  location:\n    - { resource: extra, node: node01, score: 10 }\n');
    assert.deepEqual(comparable(diffClusters(specOf(text), liveOf('seed'))), [
      'add resources.extra: null -> ocf:pacemaker:Dummy',
      'add constraints.location[0]: null -> extra on node01 (10)',
    ]);
    const shapes = diffClusters(specOf(SEED_SPEC), liveOf('shapes'));
    assert.deepEqual(comparable(shapes.filter((d) => d.kind === 'live-only')), [
      'live-only resources.drbd: ocf:pacemaker:Stateful (promotable) -> null',
      'live-only resources.fs: ocf:heartbeat:Filesystem -> null',
      'live-only resources.web: ocf:pacemaker:Dummy -> null',
      'live-only resources.probe: ocf:pacemaker:ping (clone) -> null',
      'live-only groups.stack: fs, web -> null',
      'live-only constraints.colocation.colocation-stack-drbd-clone-INFINITY: stack with drbd (INFINITY) -> null',
      'live-only constraints.colocation.colocation-stash_res-probe-clone-200: stash_res with probe (200) -> null',
      'live-only constraints.order.order-drbd-clone-stack-Optional: promote drbd then start stack -> null',
      'live-only constraints.order.order-stash_vip-web-Serialize: stop stash_vip then stop web -> null',
      'live-only constraints.location.location-stack-node01-50: stack on node01 (50) -> null',
      'live-only constraints.location.location-stash_res-node03--INFINITY: stash_res on node03 (-INFINITY) -> null',
    ]);
    const leftovers = diffClusters(specOf(SEED_SPEC), liveOf('leftovers'));
    assert.deepEqual(comparable(leftovers), [
      'leftover constraints.location.cli-prefer-stash_res: stash_res prefers node02 (INFINITY) -> null',
      'leftover constraints.location.cli-ban-stash_vip-on-node03: stash_vip avoids node03 (-INFINITY) -> null',
    ]);
    assert.equal(inSync(leftovers), true, 'leftovers are listed, not counted');
    const unsupported = diffClusters(specOf(SEED_SPEC), liveOf('unsupported'));
    assert.equal(unsupported.filter((d) => d.kind === 'unsupported').length, liveOf('unsupported').unsupported.length);
    assert.deepEqual(comparable(unsupported.filter((d) => d.kind !== 'unsupported')), [
      'live-only resources.a1: ocf:pacemaker:Dummy -> null',
      'live-only resources.a2: ocf:pacemaker:Dummy -> null',
    ]);
  });

  test('clones, promotable clones with their roles in either name, groups and constraints on clones compare as the spec names them', () => {
    const shapesSpec = SHAPES_SPEC;
    assert.deepEqual(comparable(diffClusters(specOf(shapesSpec), liveOf('shapes'))), []);
    const changes: [string, string, string][] = [
      ['{ interval: 31s, role: Slave }', '{ interval: 32s, role: Slave }', 'change resources.drbd.ops.monitor[1].interval: 31s -> 32s'],
      ['promotable: { promoted-max: 1,', 'clone: { promoted-max: 1,', 'change resources.drbd.clone: promotable -> clone'],
      ['clone-node-max: 1, notify: true', 'clone-node-max: 1, notify: false', 'change resources.drbd.promotable.notify: true -> false'],
      ['stack: [fs, web]', 'stack: [web, fs]', 'change groups.stack: fs, web -> web, fs'],
      ['then-action: start, kind: Optional', 'then-action: start, kind: Mandatory', 'change constraints.order[0].kind: Optional -> Mandatory'],
      ['agent: ocf:pacemaker:ping', 'agent: ocf:heartbeat:ping', 'change resources.probe.agent: ocf:pacemaker:ping -> ocf:heartbeat:ping'],
      ['OCF_CHECK_LEVEL: 10', 'OCF_CHECK_LEVEL: 20', 'change resources.web.ops.monitor.OCF_CHECK_LEVEL: 10 -> 20'],
      ['      monitor: { interval: 20s, timeout: 40s, OCF_CHECK_LEVEL: 10 }', '      monitor: { interval: 20s, timeout: 40s, OCF_CHECK_LEVEL: 10 }\n      notify: { timeout: 5s }',
        'change resources.web.ops.notify: null -> timeout=5s'],
    ];
    for (const [from, to, expected] of changes) {
      assert.ok(shapesSpec.includes(from), from);
      assert.deepEqual(comparable(diffClusters(specOf(shapesSpec.replace(from, to)), liveOf('shapes'))), [expected], from);
    }
  });

  test("nodes and the cluster's name are compared, with the command to run by hand", () => {
    const text = SEED_SPEC.replace('cluster: stashlab', 'cluster: other').replace('  node03: { address: 10.213.88.13 }\n', '  node04: { address: 10.213.88.14 }\n')
      .replace('node02: { address: 10.213.88.12 }', 'node02: { address: 10.213.88.22 }');
    const diffs = diffClusters(specOf(text), liveOf('seed'));
    assert.deepEqual(comparable(diffs), [
      'change cluster: stashlab -> other',
      'change nodes.node02.address: 10.213.88.12 -> 10.213.88.22',
      'add nodes.node04: null -> 10.213.88.14',
      'live-only nodes.node03: 10.213.88.13 -> null',
    ]);
    assert.deepEqual(diffs.map((d) => d.hint !== undefined), [true, true, true, true]);
    assert.equal(diffs.find((d) => d.path === 'nodes.node04')?.hint, 'pcs cluster node add node04 addr=10.213.88.14');
  });
});
