import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stonithDisabled } from '../../../server/src/services/validators/stonithDisabled';
import { lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes: { n1: { address: a } }', 'properties:'];

describe('stonith-disabled', () => {
  test('stonith-enabled: false, on the value', () => {
    const [d, ...rest] = runValidators(lines(...HEAD, '  stonith-enabled: false'), [stonithDisabled]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'stonith-disabled');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 4);
    assert.equal(d.text, 'false');
    assert.match(d.message, /^Fencing is off \(stonith-enabled: false\): without fencing a split brain can start Stash on both nodes/);
  });

  test('fencing-enabled and every false word, through an alias too', () => {
    for (const word of ['no', 'off', '0', 'n', 'FALSE', '"false"']) {
      const [d] = runValidators(lines(...HEAD, `  fencing-enabled: ${word}`), [stonithDisabled]);
      assert.equal(d?.text, word, word);
    }
    const text = lines('x-off: &off false', ...HEAD, '  stonith-enabled: *off');
    const [d] = runValidators(text, [stonithDisabled]);
    assert.equal(d.line, 5);
    assert.equal(d.text, '*off');
  });

  test('near miss: fencing on, a value that is no boolean (bad-property-value), another property false', () => {
    const text = lines(...HEAD, '  stonith-enabled: true', '  fencing-enabled: maybe', '  maintenance-mode: false');
    assert.deepEqual(runValidators(text, [stonithDisabled]), []);
  });
});
