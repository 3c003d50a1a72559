// Pre-flight and the colocation chain on snapshots from captured (2.1.5) and
// schema-written (1.1) crm_mon output; the pcs 0.9 argv from pcs's documentation,
// since no Debian release has Pacemaker 1.1 or pcs 0.9 (0.10 and 0.12 run for real
// in test/cluster-matrix).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planMove } from '../../../client/src/cluster/colocation';
import { preflightFailover } from '../../../client/src/cluster/preflight';
import { cleanupArgv, moveArgv, standbyArgv } from '../../../client/src/cluster/pcsArgv';
import { compareVersions } from '../../../client/src/cluster/pcsProfile';
import { LAB_CONSTRAINTS, snapshotOf } from './snapshots';

function problems(p: ReturnType<typeof preflightFailover>): string {
  return p.ok ? '' : p.problems.join('\n');
}

describe('colocation chain', () => {
  test('asking for the VIP moves Stash, and both must arrive', () => {
    const s = snapshotOf('pacemaker-2.1.5-healthy.xml', LAB_CONSTRAINTS);
    assert.deepEqual(planMove(s, 'vip'), { ok: true, move: 'stash', together: ['stash', 'vip'] });
    assert.deepEqual(planMove(s, 'stash'), { ok: true, move: 'stash', together: ['stash', 'vip'] });
  });

  test('a group member stands for its group; a chain is followed to its end', () => {
    const s = snapshotOf('pacemaker-2.1.5-healthy.xml', `<constraints>
      <rsc_colocation id="c1" rsc="vip" with-rsc="stash" score="INFINITY"/>
      <rsc_colocation id="c2" rsc="stash" with-rsc="tools-a" score="INFINITY"/>
      <rsc_colocation id="c3" rsc="vip" with-rsc="probe-clone" score="INFINITY"/>
      <rsc_colocation id="c4" rsc="tools" with-rsc="vip" score="500"/></constraints>`);
    assert.deepEqual(planMove(s, 'vip'), { ok: true, move: 'tools', together: ['stash', 'tools', 'vip'] });
  });

  test('two different anchors are refused; a clone cannot be failed over', () => {
    const s = snapshotOf('pacemaker-2.1.5-healthy.xml', `<constraints>
      <rsc_colocation id="c1" rsc="vip" with-rsc="stash" score="INFINITY"/>
      <rsc_colocation id="c2" rsc="vip" with-rsc="tools" score="INFINITY"/></constraints>`);
    const p = planMove(s, 'vip');
    assert.match(p.ok ? '' : p.problem, /colocated with 'stash' and 'tools'/);
    assert.equal(planMove(s, 'probe-clone').ok, false);
    assert.equal(planMove(s, 'probe').ok, false);
    assert.equal(planMove(s, 'nope').ok, false);
  });

  test('1.1: the group colocated with the DRBD master moves itself (Pacemaker promotes DRBD where it goes)', () => {
    const s = snapshotOf('pacemaker-1.1-healthy.xml', 'pacemaker-1.1-failed.constraints.xml');
    assert.deepEqual(planMove(s, 'stash_res'), { ok: true, move: 'stash_group', together: ['stash_group'] });
  });
});

describe('pre-flight', () => {
  test('a healthy move passes', () => {
    const p = preflightFailover(snapshotOf('pacemaker-2.1.5-healthy.xml', LAB_CONSTRAINTS), 'vip', 'node02');
    assert.deepEqual(p, { ok: true, move: 'stash', together: ['stash', 'vip'], alreadyThere: false });
  });

  test('already there: nothing to do', () => {
    const p = preflightFailover(snapshotOf('pacemaker-2.1.5-healthy.xml', LAB_CONSTRAINTS), 'stash', 'node01');
    assert.equal(p.ok && p.alreadyThere, true);
  });

  test('target in standby, offline, or unknown', () => {
    assert.match(problems(preflightFailover(snapshotOf('pacemaker-2.1.5-standby.xml', LAB_CONSTRAINTS), 'stash', 'node01')), /node01 is standby/);
    assert.match(problems(preflightFailover(snapshotOf('pacemaker-2.1.5-offline.xml', LAB_CONSTRAINTS), 'stash', 'node02')), /node02 is offline/);
    assert.match(problems(preflightFailover(snapshotOf('pacemaker-2.1.5-healthy.xml'), 'stash', 'node09')), /no node 'node09' \(nodes: node01, node02, node03\)/);
  });

  test('fail-count at migration-threshold on the target', () => {
    const text = problems(preflightFailover(snapshotOf('pacemaker-2.1.5-failed.xml', LAB_CONSTRAINTS), 'stash', 'node01'));
    assert.match(text, /stash has failed 1 time\(s\) on node01, at its migration-threshold of 1; clean it up first \(pcs resource cleanup stash\)/);
  });

  test('a ban on the target, no quorum, unclean nodes (1.1)', () => {
    const banned = problems(preflightFailover(snapshotOf('pacemaker-1.1-failed.xml', 'pacemaker-1.1-failed.constraints.xml'), 'stash_res', 'stash1'));
    assert.match(banned, /stash_vip is banned from stash1 by constraint cli-ban-stash_vip-on-stash1 \(clear it with: pcs resource clear stash_vip stash1\)/);
    assert.match(banned, /stash_vip is not managed/);
    assert.match(banned, /stash_vip is disabled/);
    const lost = problems(preflightFailover(snapshotOf('pacemaker-1.1-offline.xml'), 'stash_group', 'stash1'));
    assert.match(lost, /stash1 is unclean/);
    assert.match(lost, /no quorum/);
  });

  test("another resource's leftover cli-prefer would pull against the move", () => {
    const s = snapshotOf('pacemaker-2.1.5-healthy.xml', LAB_CONSTRAINTS.replace('</constraints>',
      '<rsc_location id="cli-prefer-vip" rsc="vip" role="Started" node="node03" score="INFINITY"/></constraints>'));
    assert.match(problems(preflightFailover(s, 'stash', 'node02')), /vip is pinned to node03 by cli-prefer-vip/);
  });
});

describe('pcs commands by version', () => {
  test('move: 0.11 waits and clears itself; 0.9/0.10 only move', () => {
    assert.deepEqual(moveArgv('0.11.5', 'stash', 'node02', 300), ['pcs', 'resource', 'move', 'stash', 'node02', '--wait=300']);
    assert.deepEqual(moveArgv('0.10.8', 'stash', 'node02', 300), ['pcs', 'resource', 'move', 'stash', 'node02']);
    assert.deepEqual(moveArgv('0.9.169', 'stash', 'node02', 300), ['pcs', 'resource', 'move', 'stash', 'node02']);
  });

  test('standby and cleanup moved between 0.9 and 0.10', () => {
    assert.deepEqual(standbyArgv('0.9.169', 'n1', true), ['pcs', 'cluster', 'standby', 'n1']);
    assert.deepEqual(standbyArgv('0.10.1', 'n1', false), ['pcs', 'node', 'unstandby', 'n1']);
    assert.deepEqual(cleanupArgv('0.9.169', 'r', 'n1'), ['pcs', 'resource', 'cleanup', 'r', '--node', 'n1']);
    assert.deepEqual(cleanupArgv('0.11.5', 'r', 'n1'), ['pcs', 'resource', 'cleanup', 'r', 'node=n1']);
  });

  test('versions compare numerically', () => {
    assert.ok(compareVersions('0.10.1', '0.9.169') > 0);
    assert.ok(compareVersions('0.11', '0.11.0') === 0);
  });
});
