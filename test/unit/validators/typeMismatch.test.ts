import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { typeMismatch } from '../../../server/src/services/validators/typeMismatch';
import { lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }'];

describe('type-mismatch', () => {
  test('a list where a mapping goes', () => {
    const text = lines('cluster: c', 'nodes:', '  - n1', '  - n2');
    const [d, ...rest] = runValidators(text, [typeMismatch]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'type-mismatch');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 3);
    assert.equal(d.text, '- n1\n  - n2\n');
    assert.equal(d.message, "'nodes' must be a mapping of node names to their settings, not a list: write its entries as 'key: value' lines, without '- '.");
  });

  test('a mapping where a single value goes, and a scalar where a list goes', () => {
    const text = lines(...HEAD, 'resources:', '  r1:', '    agent: { type: Dummy }', 'groups:', '  g1: r1');
    const found = runValidators(text, [typeMismatch]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[6, '{ type: Dummy }'], [8, 'r1']]);
    assert.match(found[0].message, /^'agent' of resource 'r1' must be a single value, not a mapping/);
    assert.match(found[1].message, /^Group 'g1' must be a list, not the value 'r1': write each item/);
  });

  test('SSH port: not an integer, or out of 1–65535', () => {
    for (const [port, shown] of [['22.5', '22.5'], ['"2222"', '"2222"'], ['0', '0'], ['65536', '65536'], ['ssh', 'ssh']]) {
      const text = lines('cluster: c', 'nodes:', `  n1: { address: a, ssh: { port: ${port} } }`);
      const [d] = runValidators(text, [typeMismatch]);
      assert.equal(d?.text, shown, port);
      assert.equal(d.line, 3);
      assert.match(d.message, /^'port' of 'ssh' of node 'n1' is '.*': expected an integer from 1 to 65535\.$/);
    }
  });

  test('SSH port: written in decimal digits, as ssh reads it; YAML\'s hex and octal integers are refused', () => {
    for (const port of ['0x8ae', '0o4256', '0x16']) {
      const text = lines('cluster: c', 'nodes:', `  n1: { address: a, ssh: { port: ${port} } }`);
      const found = runValidators(text, [typeMismatch]);
      assert.deepEqual(found.map((d) => [d.line, d.text]), [[3, port]], port);
      assert.match(found[0].message, /^'port' of 'ssh' of node 'n1' is '.*': expected an integer from 1 to 65535\.$/);
    }
    assert.deepEqual(runValidators(lines('cluster: c', 'nodes:', '  n1: { address: a, ssh: { port: 2222 } }'), [typeMismatch]), []);
  });

  test('hosts and users ssh is told: none that ssh would read as an option or that holds a blank, a quote or a control character', () => {
    const text = lines('cluster: c', 'nodes:',
      '  n1: { address: -oProxyCommand=x }',
      '  n2: { address: 10.0.0.2, ssh: { host: "n2;reboot", user: -oProxyCommand=y } }',
      '  n3: { address: "10.0.0.3 ", ssh: { user: "ad min" } }',
      '  n4: { address: fe80::4%eth0, ssh: { host: n4.example.com, user: jdoe@corp.example.com } }');
    const found = runValidators(text, [typeMismatch]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[3, '-oProxyCommand=x'], [4, '"n2;reboot"'], [4, '-oProxyCommand=y'], [5, '"10.0.0.3 "'], [5, '"ad min"']]);
    assert.match(found[0].message, /^'address' of node 'n1' is '-oProxyCommand=x': expected a host name or IP address \(letters, digits, '\.', '-' and '_', not starting with '-' or '\.'; an IPv6 address in colon-hex form\)\.$/);
    assert.match(found[2].message, /^'user' of 'ssh' of node 'n2' is '-oProxyCommand=y': expected a user name/);
  });

  test('an invalid order kind, role or action, with did-you-mean and a fix', () => {
    const text = lines(...HEAD, 'constraints:', '  order:', '    - { first: a, then: b, kind: mandatory, then-action: begin }',
      '  colocation:', '    - { resource: a, with: b, with-role: Leader }');
    const found = runValidators(text, [typeMismatch]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[6, 'mandatory'], [6, 'begin'], [8, 'Leader']]);
    assert.equal(found[0].message, "'kind' of order constraint 1 is 'mandatory': expected one of Mandatory, Optional, Serialize. Did you mean 'Mandatory'?");
    assert.equal(found[0].fixes?.[0].edits[0].newText, 'Mandatory');
    assert.match(found[2].message, /^'with-role' of colocation constraint 1 is 'Leader': expected one of Started, Stopped, Promoted, Unpromoted\./);
  });

  test('ops: a scalar operation, a list item that is not a mapping, a list attribute value', () => {
    const text = lines(...HEAD, 'resources:', '  r1:', '    agent: ocf:pacemaker:Dummy', '    ops:',
      '      start: 60s', '      monitor: [ 10s ]', '    meta: { target-role: [Started] }');
    const found = runValidators(text, [typeMismatch]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[8, '60s'], [9, '10s'], [10, '[Started]']]);
    assert.match(found[0].message, /^Operation 'start' of resource 'r1' must be a mapping of operation options, not the value '60s'/);
    assert.match(found[1].message, /^Operation 'monitor' #1 of resource 'r1' must be a mapping/);
    assert.match(found[2].message, /^Meta attribute 'target-role' in 'meta' of resource 'r1' must be a single value, not a list/);
  });

  test('a parameter value that is a list or a mapping', () => {
    const text = lines(...HEAD, 'resources:', '  v:', '    agent: ocf:heartbeat:IPaddr2', '    params: { ip: [10.0.0.1], nic: { a: 1 } }');
    const found = runValidators(text, [typeMismatch]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[7, '[10.0.0.1]'], [7, '{ a: 1 }']]);
    assert.match(found[0].message, /^Parameter 'ip' of resource 'v' must be a single value, not a list/);
  });

  test('a document that is not a mapping', () => {
    const [d] = runValidators('- cluster: c\n', [typeMismatch]);
    assert.equal(d.line, 1);
    assert.match(d.message, /^The spec must be a mapping, not a list/);
  });

  test('near miss: both op shapes, flow and block styles, empty optional values, deprecated roles', () => {
    const text = lines(...HEAD.slice(0, 2), '  n1: { address: 10.0.0.1, ssh: { port: 2222 } }', 'resources:', '  r1:',
      '    agent: ocf:pacemaker:Dummy', '    meta:', '    ops:', '      start: { timeout: 20s }',
      '      monitor:', '        - { interval: 10s, role: Promoted }', '        - { interval: 11s, role: Slave }',
      '      stop:', 'constraints:', '  order: [ { first: a, then: b, kind: Serialize, symmetrical: "no" } ]',
      '  colocation: [ { resource: a, with: b, with-role: Master } ]', '  location:');
    assert.deepEqual(runValidators(text, [typeMismatch]), []);
  });
});
