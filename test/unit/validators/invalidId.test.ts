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

  test('a node name that is not a host name', () => {
    const text = lines('cluster: c', 'nodes:', '  node_01: { address: a }', '  -bad: { address: b }', '  "node 3": { address: c }');
    const found = runValidators(text, [invalidId]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[3, 'node_01'], [4, '-bad'], [5, '"node 3"']]);
    assert.match(found[0].message, /^Node name 'node_01' is not a host name/);
  });

  test('near miss: ids with _, ., - and digits; host names with dots and digits', () => {
    const text = lines('cluster: c', 'nodes:', '  node01.example.com: { address: a }', '  10-0-0-1: { address: b }',
      'resources:', '  _stash.res-1: { agent: ocf:pacemaker:Dummy }', 'groups:', '  Stash_Group-2.a: [_stash.res-1]');
    assert.deepEqual(runValidators(text, [invalidId]), []);
  });
});
