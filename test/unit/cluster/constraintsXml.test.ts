// The constraints reader on `cibadmin --query --scope constraints` output: 2.1.5
// captured from the lab, 1.1 written from Pacemaker 1.1's schema (no Debian release
// has Pacemaker 1.1 or pcs 0.9, so fixtures are their only source); 2.0.5 and 3.0.0
// are read for real by test/cluster-matrix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leftoverConstraints, parseConstraints } from '../../../client/src/cluster/constraintsXml';
import { repoRoot } from '../helpers';

function fixture(name: string): string {
  return readFileSync(join(repoRoot(), 'test/fixtures/crm_mon', name), 'utf8');
}

describe('cibadmin --query --scope constraints', () => {
  test('2.1.5 after a move: colocation, order and the cli-prefer leftover', () => {
    const r = parseConstraints(fixture('pacemaker-2.1.5-cli-prefer.constraints.xml'));
    if (!r.ok) assert.fail(r.error);
    assert.deepEqual(r.constraints.colocations.map((c) => [c.resource, c.withResource, c.score]), [['vip', 'stash', 'INFINITY']]);
    assert.deepEqual(r.constraints.orders.map((o) => [o.first, o.then]), [['stash', 'vip']]);
    assert.deepEqual(leftoverConstraints(r.constraints), [{ id: 'cli-prefer-stash', kind: 'prefer', resource: 'stash', node: 'node03', score: 'INFINITY' }]);
  });

  test('1.1: a colocation with a role and a cli-ban leftover', () => {
    const r = parseConstraints(fixture('pacemaker-1.1-failed.constraints.xml'));
    if (!r.ok) assert.fail(r.error);
    assert.deepEqual(r.constraints.colocations[0], {
      id: 'colocation-stash_group-stash_drbd-master-INFINITY', resource: 'stash_group', withResource: 'stash_drbd-master',
      score: 'INFINITY', withRole: 'Master',
    });
    assert.deepEqual(leftoverConstraints(r.constraints).map((l) => [l.kind, l.resource, l.node]), [['ban', 'stash_vip', 'stash1']]);
  });

  test('rules, sets, empty sections and a whole CIB', () => {
    const r = parseConstraints(`<cib><configuration><constraints>
      <rsc_location id="loc-rule" rsc="stash"><rule id="r1" score="-INFINITY"><expression id="e1" attribute="#uname" operation="eq" value="node09"/></rule></rsc_location>
      <rsc_colocation id="set-1" score="INFINITY"><resource_set id="s1"><resource_ref id="a"/><resource_ref id="b"/></resource_set></rsc_colocation>
    </constraints></configuration></cib>`);
    if (!r.ok) assert.fail(r.error);
    assert.equal(r.constraints.locations[0].hasRule, true);
    assert.deepEqual(r.constraints.setConstraintIds, ['set-1']);
    assert.deepEqual(leftoverConstraints(r.constraints), []);
    const empty = parseConstraints('<constraints/>');
    assert.ok(empty.ok && empty.constraints.locations.length === 0);
    assert.equal(parseConstraints('<resources/>').ok, false);
  });
});
