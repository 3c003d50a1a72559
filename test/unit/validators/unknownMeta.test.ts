import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unknownMeta } from '../../../server/src/services/validators/unknownMeta';
import { applyFix, lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes: { n1: { address: a } }', 'resources:', '  r:', '    agent: ocf:pacemaker:Dummy'];

describe('unknown-meta', () => {
  test('a misspelt meta attribute: warning, did-you-mean and a fix', () => {
    const text = lines(...HEAD, '    meta:', '      migration_threshold: 1');
    const [d, ...rest] = runValidators(text, [unknownMeta]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'unknown-meta');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 7);
    assert.equal(d.text, 'migration_threshold');
    assert.equal(d.message, "Unknown meta attribute 'migration_threshold' in 'meta' of resource 'r'. Did you mean 'migration-threshold'?");
    assert.equal(applyFix(text, d.fixes![0]), lines(...HEAD, '    meta:', '      migration-threshold: 1'));
  });

  test('resource-defaults and clone options', () => {
    const text = lines(...HEAD, '    clone: { clone-maxx: 2, interleave: true }', 'resource-defaults:', '  stickiness: 100');
    const found = runValidators(text, [unknownMeta]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[6, 'clone-maxx'], [8, 'stickiness']]);
    assert.equal(found[0].message, "Unknown clone option 'clone-maxx' in 'clone' of resource 'r'. Did you mean 'clone-max'?");
    assert.match(found[1].message, /^Unknown meta attribute 'stickiness' in 'resource-defaults'\./);
  });

  test('near miss: every known meta attribute and clone option, and x- keys', () => {
    const text = lines(...HEAD,
      '    meta: { migration-threshold: 1, resource-stickiness: 100, priority: 1, target-role: Started, is-managed: true,',
      '      maintenance: false, allow-migrate: false, critical: true, failure-timeout: 60s, multiple-active: block,',
      '      requires: fencing, x-note: mine }',
      '    promotable: { clone-max: 2, clone-node-max: 1, promoted-max: 1, promoted-node-max: 1, notify: true,',
      '      interleave: true, globally-unique: false, ordered: false }');
    assert.deepEqual(runValidators(text, [unknownMeta]), []);
  });
});
