import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { vipNotColocated } from '../../../server/src/services/validators/vipNotColocated';
import { buildModel } from '../../../server/src/spec/model';
import { applyFix, lines, runValidators } from '../helpers';
import { HEAD, RESOURCES, TIED } from './stashSpec';

const MESSAGE = 'stash_vip does not run with any Stash resource: clients would reach a node without Stash. ' +
  'Add a colocation { resource: stash_vip, with: stash_res, score: INFINITY }.';

/** Applies the preferred fix and checks that the result parses cleanly and no longer warns. */
function fixAndRecheck(text: string): string {
  const [d] = runValidators(text, [vipNotColocated]);
  assert.equal(d?.code, 'vip-not-colocated');
  const fix = d.fixes?.find((f) => f.preferred);
  assert.ok(fix, 'a preferred fix');
  const fixed = applyFix(text, fix);
  assert.deepEqual(buildModel(fixed).yaml.diagnostics, []);
  assert.deepEqual(runValidators(fixed, [vipNotColocated]), []);
  return fixed;
}

describe('vip-not-colocated', () => {
  test('an address that runs with no Stash resource: on its id, with a fix creating the constraints', () => {
    const text = HEAD + RESOURCES;
    const [d, ...rest] = runValidators(text, [vipNotColocated]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'vip-not-colocated');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 9);
    assert.equal(d.text, 'stash_vip');
    assert.equal(d.message, MESSAGE);
    assert.equal(d.fixes?.[0].title, 'Colocate stash_vip with stash_res (INFINITY)');
    const fixed = fixAndRecheck(text);
    assert.ok(fixed.endsWith('constraints:\n  colocation:\n    - { resource: stash_vip, with: stash_res, score: INFINITY }\n'), fixed);
  });

  test('-INFINITY and finite scores do not tie the address to Stash', () => {
    for (const score of ['-INFINITY', '1000', '-1']) {
      const text = HEAD + RESOURCES + lines('constraints:', '  colocation:', `    - { resource: stash_vip, with: stash_res, score: ${score} }`);
      const found = runValidators(text, [vipNotColocated]);
      assert.deepEqual(found.map((d) => [d.line, d.text]), [[9, 'stash_vip']], score);
    }
  });

  test('the fix appends to an existing list of block constraints in block style', () => {
    const text = HEAD + RESOURCES + lines('constraints:', '  colocation:', '    - resource: stash_res', '      with: stash_fs');
    const fixed = fixAndRecheck(text);
    assert.ok(fixed.endsWith('    - resource: stash_vip\n      with: stash_res\n      score: INFINITY\n'), fixed);
  });

  test('the fix adds colocation next to an existing order list, at a 4-space indentation', () => {
    const text = (HEAD + RESOURCES).replace(/^( +)/gm, (s) => s + s) +
      lines('constraints:', '    order:', '        - { first: stash_fs, then: stash_res }');
    const fixed = fixAndRecheck(text);
    assert.ok(fixed.endsWith('    order:\n        - { first: stash_fs, then: stash_res }\n    colocation:\n        - { resource: stash_vip, with: stash_res, score: INFINITY }\n'), fixed);
  });

  test('the fix writes into flow constraints, and keeps CRLF', () => {
    const text = (HEAD + RESOURCES + lines('constraints: { order: [ { first: stash_fs, then: stash_res } ] }')).replace(/\n/g, '\r\n');
    const fixed = fixAndRecheck(text);
    assert.ok(fixed.includes('constraints: { order: [ { first: stash_fs, then: stash_res } ], colocation: [ { resource: stash_vip, with: stash_res, score: INFINITY } ] }\r\n'));
  });

  test('one fix per Stash resource, the first preferred', () => {
    const text = HEAD + RESOURCES + lines('  stash_two:', '    agent: ocf:heartbeat:stash');
    const [d] = runValidators(text, [vipNotColocated]);
    assert.deepEqual(d.fixes?.map((f) => [f.title, f.preferred]), [
      ['Colocate stash_vip with stash_res (INFINITY)', true],
      ['Colocate stash_vip with stash_two (INFINITY)', false],
    ]);
  });

  test('near miss: the classic cluster, tied directly', () => {
    assert.deepEqual(runValidators(HEAD + RESOURCES + TIED, [vipNotColocated]), []);
  });

  test('near miss: tied through a chain, in the reverse direction, with the default score', () => {
    const text = HEAD + RESOURCES + lines('constraints:', '  colocation:',
      '    - { resource: stash_fs, with: stash_vip }', '    - { resource: stash_res, with: stash_fs, score: +INFINITY }');
    assert.deepEqual(runValidators(text, [vipNotColocated]), []);
  });

  test('near miss: in one group with Stash, or colocated with a group holding Stash', () => {
    assert.deepEqual(runValidators(HEAD + RESOURCES + lines('groups:', '  g: [stash_fs, stash_res, stash_vip]'), [vipNotColocated]), []);
    const text = HEAD + RESOURCES + lines('groups:', '  g: [stash_fs, stash_res]', 'constraints:', '  colocation:', '    - { resource: stash_vip, with: g }');
    assert.deepEqual(runValidators(text, [vipNotColocated]), []);
  });

  test('near miss: an address in a spec without Stash', () => {
    const text = HEAD + lines('resources:', '  vip: { agent: ocf:heartbeat:IPaddr2, params: { ip: 10.0.0.9 } }');
    assert.deepEqual(runValidators(text, [vipNotColocated]), []);
  });

  test('near miss: while a colocation cannot be read (a mapping, a side missing), type-mismatch or missing-field says so alone', () => {
    for (const constraints of ['  colocation: { resource: stash_vip, with: stash_res }', '  colocation:\n    - { resource: stash_vip }',
      '  colocation:\n    - stash_vip with stash_res']) {
      const text = HEAD + RESOURCES + lines('constraints:', constraints);
      assert.deepEqual(runValidators(text, [vipNotColocated]), [], constraints);
    }
  });

  test('near miss: a misspelt name in the colocation is read as the resource it means (unknown-resource reports it)', () => {
    const text = HEAD + RESOURCES + lines('constraints:', '  colocation:', '    - { resource: stash_vpi, with: stash_res }');
    assert.deepEqual(runValidators(text, [vipNotColocated]), []);
  });
});
