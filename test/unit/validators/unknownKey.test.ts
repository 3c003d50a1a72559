import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unknownKey } from '../../../server/src/services/validators/unknownKey';
import { applyFix, lines, runValidators } from '../helpers';

describe('unknown-key', () => {
  test('a misspelt top-level key: did-you-mean and a fix that renames it', () => {
    const text = lines('cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', 'resouces: {}');
    const [d, ...rest] = runValidators(text, [unknownKey]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'unknown-key');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 4);
    assert.equal(d.text, 'resouces');
    assert.equal(d.message, "Unknown key 'resouces' at the top level. Did you mean 'resources'?");
    assert.equal(applyFix(text, d.fixes![0]), lines('cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', 'resources: {}'));
  });

  test('a key with no close match names the keys that are allowed there', () => {
    const text = lines('cluster: c', 'nodes:', '  n1:', '    address: 10.0.0.1', '    zone: b');
    const [d] = runValidators(text, [unknownKey]);
    assert.equal(d.line, 5);
    assert.equal(d.text, 'zone');
    assert.match(d.message, /^Unknown key 'zone' in node 'n1'\. Known keys here: address, ssh;/);
    assert.equal(d.fixes, undefined);
  });

  test('nested mappings: a resource key and an ssh key', () => {
    const text = lines(
      'cluster: c',
      'nodes:',
      '  n1: { address: 10.0.0.1, ssh: { usr: admin } }',
      'resources:',
      '  r1:',
      '    agent: ocf:pacemaker:Dummy',
      '    parms: { fake: x }',
    );
    const found = runValidators(text, [unknownKey]);
    assert.deepEqual(found.map((d) => [d.line, d.text, d.message]), [
      [3, 'usr', "Unknown key 'usr' in 'ssh' of node 'n1'. Did you mean 'user'?"],
      [7, 'parms', "Unknown key 'parms' in resource 'r1'. Did you mean 'params'?"],
    ]);
  });

  test('clone and promotable together: the later one', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'resources:', '  d:',
      '    agent: ocf:linbit:drbd', '    clone: {}', '    promotable: {}');
    const [d] = runValidators(text, [unknownKey]);
    assert.equal(d.line, 7);
    assert.equal(d.text, 'promotable');
    assert.match(d.message, /'promotable' and 'clone' cannot both be set in resource 'd'/);
  });

  test('a key reached through an alias points at the alias and offers no fix', () => {
    const text = lines('x-tmpl: &tmpl { agent: ocf:pacemaker:Dummy, parms: {} }', 'cluster: c',
      'nodes: { n1: { address: a } }', 'resources:', '  r1: *tmpl');
    const [d] = runValidators(text, [unknownKey]);
    assert.equal(d.line, 5);
    assert.equal(d.text, '*tmpl');
    assert.equal(d.fixes, undefined);
  });

  test('near miss: x- keys at the top level and in format mappings, ids, params and ops are free', () => {
    const text = lines(
      'x-defaults: &d { interval: 10s }',
      'cluster: c',
      'nodes:',
      '  anything-goes: { address: a, x-rack: 4, ssh: { x-note: hi } }',
      'resources:',
      '  r1:',
      '    agent: ocf:pacemaker:Dummy',
      '    x-owner: ops team',
      '    params: { whatever: 1 }',
      '    ops: { custom-action: *d }',
      'constraints:',
      '  x-comment: none',
      '  order: [ { first: r1, then: r1, x-why: test } ]',
    );
    assert.deepEqual(runValidators(text, [unknownKey]), []);
  });
});
