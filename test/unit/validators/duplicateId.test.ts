import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { duplicateId } from '../../../server/src/services/validators/duplicateId';
import { lines, runValidators } from '../helpers';

describe('duplicate-id', () => {
  test('a group id equal to a resource id: at the group, the later occurrence', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'resources:', '  stash: { agent: ocf:pacemaker:Dummy }',
      'groups:', '  stash: [stash]');
    const [d, ...rest] = runValidators(text, [duplicateId]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'duplicate-id');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 6);
    assert.equal(d.text, 'stash');
    assert.equal(d.message, "Group id 'stash' is already a resource id: resources and groups share one id space. Rename the group.");
  });

  test('groups written before resources: at the resource, the later occurrence', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'groups:', '  g: [x]', 'resources:',
      '  g: { agent: ocf:pacemaker:Dummy }');
    const [d] = runValidators(text, [duplicateId]);
    assert.equal(d.line, 6);
    assert.match(d.message, /^Resource id 'g' is already a group id/);
  });

  test('near miss: ids differing only in case are different ids', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'resources:', '  stash: { agent: ocf:pacemaker:Dummy }',
      'groups:', '  Stash: [stash]');
    assert.deepEqual(runValidators(text, [duplicateId]), []);
  });
});
