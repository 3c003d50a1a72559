import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badPropertyValue } from '../../../server/src/services/validators/badPropertyValue';
import { lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes: { n1: { address: a } }', 'properties:'];

describe('bad-property-value', () => {
  test('a no-quorum-policy outside its values', () => {
    const text = lines(...HEAD, '  no-quorum-policy: ignor');
    const [d, ...rest] = runValidators(text, [badPropertyValue]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'bad-property-value');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 4);
    assert.equal(d.text, 'ignor');
    assert.equal(d.message, "Cluster property 'no-quorum-policy' in 'properties' is 'ignor': expected one of stop, freeze, ignore, demote, suicide. Did you mean 'ignore'?");
  });

  test('booleans and placement-strategy', () => {
    const text = lines(...HEAD, '  stonith-enabled: disabled', '  symmetric-cluster: 2', '  placement-strategy: fair');
    const found = runValidators(text, [badPropertyValue]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[4, 'disabled'], [5, '2'], [6, 'fair']]);
    assert.match(found[0].message, /expected true or false\.$/);
  });

  test('near miss: Pacemaker boolean words and the listed values; durations are not this code', () => {
    const text = lines(...HEAD, '  stonith-enabled: Yes', '  maintenance-mode: off', '  shutdown-lock: 0',
      '  no-quorum-policy: freeze', '  placement-strategy: balanced', '  stonith-timeout: never');
    assert.deepEqual(runValidators(text, [badPropertyValue]), []);
  });
});
