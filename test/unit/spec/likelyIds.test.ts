import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cloneBase, COMPARISON_BUDGET, likelyName } from '../../../server/src/spec/likelyIds';
import { buildModel } from '../../../server/src/spec/model';
import { lines } from '../helpers';

const SPEC = lines(
  'cluster: c',
  'nodes: { node01: { address: a }, node02: { address: b } }',
  'resources:',
  '  stash_res: { agent: ocf:heartbeat:stash }',
  '  stash_fs: { agent: ocf:heartbeat:Filesystem }',
  '  ping: { agent: ocf:pacemaker:ping, clone: {} }',
  'groups:',
  '  web: [stash_fs]',
);

describe('likelyIds', () => {
  test('the declared id a name most likely misspells, by kind', () => {
    const model = buildModel(SPEC);
    assert.equal(likelyName(model, 'any', 'stash_rse'), 'stash_res');
    assert.equal(likelyName(model, 'any', 'STASH_RES'), 'stash_res', 'a case-only difference');
    assert.equal(likelyName(model, 'any', 'wbe'), 'web', 'groups count for constraints');
    assert.equal(likelyName(model, 'resource', 'wbe'), undefined, 'but not for group members');
    assert.equal(likelyName(model, 'node', 'node03'), 'node01');
    assert.equal(likelyName(model, 'any', 'backup'), undefined);
  });

  test('pcs\'s names for a clone mean the cloned resource', () => {
    const model = buildModel(SPEC);
    assert.equal(cloneBase(model, 'ping-clone'), 'ping');
    assert.equal(cloneBase(model, 'ping-master'), 'ping');
    assert.equal(cloneBase(model, 'stash_res-clone'), undefined, 'not a clone');
    assert.equal(likelyName(model, 'any', 'ping-clone'), 'ping');
  });

  test('bounded: past the comparison budget only case-only differences are found, so thousands of misses stay linear', () => {
    const ids = 2000;
    const refs = Array.from({ length: 3 * COMPARISON_BUDGET / ids }, (_, i) => `    - { resource: rez_${i}, with: res_${i} }`);
    const model = buildModel(lines('cluster: c', 'nodes: { n: { address: a } }', 'resources:',
      ...Array.from({ length: ids }, (_, i) => `  res_${i}: { agent: ocf:pacemaker:Dummy }`), 'constraints:', '  colocation:', ...refs));
    const answers = refs.map((_, i) => likelyName(model, 'any', `rez_${i}`));
    const budgeted = COMPARISON_BUDGET / ids;
    assert.deepEqual(answers.slice(0, budgeted), Array.from({ length: budgeted }, (_, i) => `res_${i}`));
    assert.ok(answers.slice(budgeted).every((a) => a === undefined));
    assert.equal(likelyName(model, 'any', 'RES_7'), 'res_7', 'a case-only difference is still found');
  });
});
