import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { invalidId } from '../../../server/src/services/validators/invalidId';
import { lines, runValidators } from '../helpers';

describe('invalid-id', () => {
  test('a resource id and a group id that break the id rule', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'resources:', '  1vip: { agent: ocf:pacemaker:Dummy }',
      '  "my res": { agent: ocf:pacemaker:Dummy }', 'groups:', '  g/1: [a]');
    const found = runValidators(text, [invalidId]);
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.line, d.text]), [
      ['invalid-id', 'error', 4, '1vip'],
      ['invalid-id', 'error', 5, '"my res"'],
      ['invalid-id', 'error', 7, 'g/1'],
    ]);
    assert.equal(found[0].message, "Resource id '1vip' is not a valid id: an id starts with a letter or '_' and holds only letters, digits, '_', '.' and '-'. Rename it.");
    assert.match(found[2].message, /^Group id 'g\/1' is not a valid id/);
  });

  test('a node name the cluster commands cannot pass as one word', () => {
    const text = lines('cluster: c', 'nodes:', '  -bad: { address: b }', '  "node 3": { address: c }');
    const found = runValidators(text, [invalidId]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[3, '-bad'], [4, '"node 3"']]);
    assert.match(found[0].message, /^Node name '-bad' cannot be used: .*a leading '-' reads as an option/);
  });

  test('near miss: ids with _, ., - and digits; node names with dots, digits and _ (pcs accepts node_01)', () => {
    const text = lines('cluster: c', 'nodes:', '  node01.example.com: { address: a }', '  10-0-0-1: { address: b }', '  node_01: { address: c }',
      'resources:', '  _stash.res-1: { agent: ocf:pacemaker:Dummy }', 'groups:', '  Stash_Group-2.a: [_stash.res-1]');
    assert.deepEqual(runValidators(text, [invalidId]), []);
  });
});
