// The status reader on what Pacemaker 2.0.5 (Debian 11) and 3.0.0 (Debian 13)
// really write, captured from the lab running those releases (cluster.sh up 3
// bullseye / trixie; Stash, the VIP colocated and ordered, a promotable Stateful
// clone; then on 2.0.5 a pcs 0.10 move, which leaves cli-prefer-stash): so a
// regression in reading either shows without root. test/cluster-matrix checks the
// same against the live releases.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CloneStatus } from '../../../client/src/cluster/snapshot';
import { allPrimitives, findResource } from '../../../client/src/cluster/snapshotQueries';
import { snapshotOf } from './snapshots';

function roles(s: ReturnType<typeof snapshotOf>): string[] {
  const clone = findResource(s, 'st-clone') as CloneStatus;
  return clone.instances.flatMap((i) => (i.kind === 'primitive' ? [`${i.role}@${i.nodes.join('+')}`] : [])).sort();
}

describe('crm_mon of other releases (captured)', () => {
  test("2.0.5: agents in the old ocf:: form and roles as Master/Slave are read in the product's words", () => {
    const s = snapshotOf('pacemaker-2.0.5-healthy.xml', 'pacemaker-2.0.5-healthy.constraints.xml');
    assert.match(s.pacemakerVersion, /^2\.0\.5/);
    assert.deepEqual(allPrimitives(s.resources).filter((p) => p.parent === undefined).map((p) => [p.id, p.agent, p.role, p.nodes]),
      [['stash', 'ocf:heartbeat:stash', 'Started', ['node01']], ['vip', 'ocf:heartbeat:IPaddr2', 'Started', ['node01']]]);
    assert.equal((findResource(s, 'st-clone') as CloneStatus).promotable, true);
    assert.deepEqual(roles(s), ['Promoted@node02', 'Unpromoted@node01', 'Unpromoted@node03']);
    assert.deepEqual(allPrimitives(s.resources).filter((p) => p.id === 'st').map((p) => p.agent), Array(3).fill('ocf:pacemaker:Stateful'));
    assert.deepEqual(s.constraints.colocations.map((c) => [c.resource, c.withResource, c.score]), [['vip', 'stash', 'INFINITY']]);
    assert.deepEqual(s.constraints.orders.map((o) => [o.first, o.then]), [['stash', 'vip']]);
    assert.deepEqual(s.leftovers, []);
  });

  test('2.0.5 after pcs 0.10 moved stash: the cli-prefer it leaves (with role="Started") is a leftover', () => {
    const s = snapshotOf('pacemaker-2.0.5-cli-prefer.xml', 'pacemaker-2.0.5-cli-prefer.constraints.xml');
    assert.deepEqual(s.leftovers.map((l) => [l.kind, l.resource, l.node]), [['prefer', 'stash', 'node02']]);
    assert.deepEqual(allPrimitives(s.resources).filter((p) => p.id === 'stash' || p.id === 'vip').map((p) => [p.id, p.nodes]),
      [['stash', ['node02']], ['vip', ['node02']]]);
  });

  test('3.0.0: the new forms, and the same snapshot', () => {
    const s = snapshotOf('pacemaker-3.0.0-healthy.xml', 'pacemaker-3.0.0-healthy.constraints.xml');
    assert.match(s.pacemakerVersion, /^3\.0\.0/);
    assert.deepEqual(allPrimitives(s.resources).filter((p) => p.parent === undefined).map((p) => [p.id, p.agent, p.role]),
      [['stash', 'ocf:heartbeat:stash', 'Started'], ['vip', 'ocf:heartbeat:IPaddr2', 'Started']]);
    assert.deepEqual(roles(s), ['Promoted@node03', 'Unpromoted@node01', 'Unpromoted@node02']);
    assert.deepEqual(s.nodes.map((n) => [n.name, n.state]), [['node01', 'online'], ['node02', 'online'], ['node03', 'online']]);
    assert.equal(s.quorum, true);
    assert.equal(s.options.stonithEnabled, false);
    assert.deepEqual(s.constraints.colocations.map((c) => [c.resource, c.withResource, c.score]), [['vip', 'stash', 'INFINITY']]);
  });
});
