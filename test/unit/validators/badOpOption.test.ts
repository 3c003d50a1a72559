import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badOpOption } from '../../../server/src/services/validators/badOpOption';
import { applyFix, lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes: { n1: { address: a } }', 'resources:', '  r:', '    agent: ocf:pacemaker:Dummy', '    ops:'];

describe('bad-op-option', () => {
  test('a misspelt operation key: did-you-mean and a fix', () => {
    const text = lines(...HEAD, '      monitor: { interval: 10s, timeuot: 20s }');
    const [d, ...rest] = runValidators(text, [badOpOption]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'bad-op-option');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 7);
    assert.equal(d.text, 'timeuot');
    assert.equal(d.message, "Unknown operation option 'timeuot' in operation 'monitor' of resource 'r'. Did you mean 'timeout'?");
    assert.equal(applyFix(text, d.fixes![0]), lines(...HEAD, '      monitor: { interval: 10s, timeout: 20s }'));
  });

  test('values of the wrong kind: on-fail, role, enabled, record-pending, OCF_CHECK_LEVEL', () => {
    const text = lines(...HEAD, '      monitor:', '        on-fail: reboot', '        role: Primary', '        enabled: maybe',
      '        record-pending: 2', '        OCF_CHECK_LEVEL: deep');
    const found = runValidators(text, [badOpOption]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[8, 'reboot'], [9, 'Primary'], [10, 'maybe'], [11, '2'], [12, 'deep']]);
    assert.equal(found[0].message, "Operation option 'on-fail' in operation 'monitor' of resource 'r' is 'reboot': expected one of ignore, block, stop, restart, standby, fence, demote.");
    assert.match(found[3].message, /expected true or false\.$/);
    assert.match(found[4].message, /expected an integer ≥ 0\.$/);
  });

  test('op-defaults: an unknown key with no close match lists the known ones', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'op-defaults:', '  frequency: 10s');
    const [d] = runValidators(text, [badOpOption]);
    assert.equal(d.line, 4);
    assert.equal(d.text, 'frequency');
    assert.match(d.message, /^Unknown operation option 'frequency' in 'op-defaults'\. Known operation options: interval, timeout, /);
  });

  test('near miss: every key with good values; Master and Slave accepted as deprecated', () => {
    const text = lines(...HEAD, '      monitor:',
      '        - { interval: 10s, timeout: 20s, start-delay: 0, interval-origin: 0, on-fail: restart, role: Master }',
      '        - { interval: 11s, role: Slave, enabled: off, record-pending: yes, OCF_CHECK_LEVEL: 10 }',
      '      start: { on-fail: fence, role: Started, enabled: 1 }', 'op-defaults: { on-fail: demote, record-pending: true }');
    assert.deepEqual(runValidators(text, [badOpOption]), []);
  });
});
