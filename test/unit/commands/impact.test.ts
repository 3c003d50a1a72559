// What a confirmation says before an operation runs: read from the tree's snapshot.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { operation } from '../../../client/src/cluster/operations';
import { impactOf } from '../../../client/src/commands/impact';
import { LAB_CONSTRAINTS, snapshotOf } from '../cluster/snapshots';

describe('impactOf', () => {
  const healthy = snapshotOf('pacemaker-2.1.5-healthy.xml', LAB_CONSTRAINTS);

  test('fail over names everything that moves, from where to where', () => {
    const i = impactOf(operation('failover'), { resource: 'vip', node: 'node02' }, healthy);
    assert.equal(i.kind, 'confirm');
    assert.equal(i.message, 'stash and vip will move from node01 to node02.');
  });

  test('a fail over the pre-flight refuses says why; one to where it runs already does nothing', () => {
    const standby = snapshotOf('pacemaker-2.1.5-standby.xml', LAB_CONSTRAINTS);
    const refused = impactOf(operation('failover'), { resource: 'stash', node: 'node01' }, standby);
    assert.equal(refused.kind, 'refused');
    assert.ok(refused.kind === 'refused' && refused.problems.some((p) => /node01 is standby/.test(p)));
    assert.deepEqual(impactOf(operation('failover'), { resource: 'stash', node: 'node01' }, healthy),
      { kind: 'nothing', message: 'stash and vip already run on node01.' });
  });

  test('standby names what leaves the node; disable names where it runs', () => {
    assert.match(impactOf(operation('standby'), { node: 'node01' }, healthy).message, /^node01 goes into standby: stash, vip.* will move off it\.$/);
    assert.equal(impactOf(operation('disable'), { resource: 'stash' }, healthy).message, 'stash will stop and stay stopped (it runs on node01).');
  });
});
