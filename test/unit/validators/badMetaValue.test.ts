import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badMetaValue } from '../../../server/src/services/validators/badMetaValue';
import { lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes: { n1: { address: a } }', 'resources:', '  r:', '    agent: ocf:pacemaker:Dummy'];

describe('bad-meta-value', () => {
  test('a migration-threshold that is not an integer ≥ 0 or INFINITY', () => {
    const text = lines(...HEAD, '    meta:', '      migration-threshold: once');
    const [d, ...rest] = runValidators(text, [badMetaValue]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'bad-meta-value');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 7);
    assert.equal(d.text, 'once');
    assert.equal(d.message, "Meta attribute 'migration-threshold' in 'meta' of resource 'r' is 'once': expected an integer ≥ 0 or INFINITY.");
  });

  test('booleans, enums (with did-you-mean), integers, clone options, resource-defaults', () => {
    const text = lines(...HEAD,
      '    meta: { is-managed: perhaps, target-role: stared, multiple-active: stop_all, priority: high, migration-threshold: -INFINITY }',
      '    clone: { clone-max: two, notify: sure }', 'resource-defaults:', '  requires: quorum-ish');
    const found = runValidators(text, [badMetaValue]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [
      [6, 'perhaps'], [6, 'stared'], [6, 'stop_all'], [6, 'high'], [6, '-INFINITY'], [7, 'two'], [7, 'sure'], [9, 'quorum-ish'],
    ]);
    assert.match(found[1].message, /Did you mean 'Started'\?$/);
    assert.equal(found[1].fixes?.[0].edits[0].newText, 'Started');
    assert.equal(found[5].message, "Clone option 'clone-max' in 'clone' of resource 'r' is 'two': expected an integer ≥ 0.");
  });

  test('a bad value merged in with <<: at the merge alias, with no fix there', () => {
    const text = lines('x-meta: &m { target-role: stared }', ...HEAD, '    meta:', '      <<: *m', '      priority: 1');
    const [d, ...rest] = runValidators(text, [badMetaValue]);
    assert.equal(rest.length, 0);
    assert.equal(d.line, 8);
    assert.equal(d.text, '*m');
    assert.equal(d.fixes, undefined);
  });

  test('near miss: good values in every form Pacemaker accepts', () => {
    const text = lines(...HEAD,
      '    meta: { is-managed: yes, maintenance: off, allow-migrate: "true", critical: 0, migration-threshold: INFINITY,',
      '      priority: -10, target-role: Unpromoted, multiple-active: stop_unexpected, requires: unfencing, failure-timeout: x }',
      '    clone: { clone-max: 2, ordered: no }', 'resource-defaults: { migration-threshold: 0, target-role: Slave }');
    assert.deepEqual(runValidators(text, [badMetaValue]), []);
  });

  test('near miss: fixed words in any case, as Pacemaker compares meta attribute values', () => {
    const text = lines(...HEAD, '    meta: { target-role: started, multiple-active: STOP_ONLY, requires: Fencing }',
      'resource-defaults: { target-role: master }');
    assert.deepEqual(runValidators(text, [badMetaValue]), []);
  });
});
