import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unknownProperty } from '../../../server/src/services/validators/unknownProperty';
import { applyFix, lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes: { n1: { address: a } }', 'properties:'];

describe('unknown-property', () => {
  test('a misspelt property: warning, did-you-mean and a fix', () => {
    const text = lines(...HEAD, '  no-quorum-polcy: ignore');
    const [d, ...rest] = runValidators(text, [unknownProperty]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'unknown-property');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 4);
    assert.equal(d.text, 'no-quorum-polcy');
    assert.equal(d.message, "Unknown cluster property 'no-quorum-polcy' in 'properties'. Did you mean 'no-quorum-policy'?");
    assert.equal(applyFix(text, d.fixes![0]), lines(...HEAD, '  no-quorum-policy: ignore'));
  });

  test('a property with no close match lists the known ones', () => {
    const [d] = runValidators(lines(...HEAD, '  dc-deadline: 20s'), [unknownProperty]);
    assert.equal(d.text, 'dc-deadline');
    assert.match(d.message, /^Unknown cluster property 'dc-deadline' in 'properties'\. Known cluster properties: stonith-enabled, fencing-enabled, /);
  });

  test('near miss: both stonith-enabled and fencing-enabled, and every other listed property', () => {
    const text = lines(...HEAD, '  stonith-enabled: true', '  fencing-enabled: true', '  symmetric-cluster: true',
      '  maintenance-mode: false', '  start-failure-is-fatal: true', '  stop-all-resources: false', '  no-quorum-policy: stop',
      '  stonith-timeout: 60s', '  cluster-recheck-interval: 15min', '  shutdown-lock: false', '  shutdown-lock-limit: 0',
      '  placement-strategy: default', '  x-note: ours');
    assert.deepEqual(runValidators(text, [unknownProperty]), []);
  });
});
