import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unknownResource } from '../../../server/src/services/validators/unknownResource';
import { applyFix, lines, runValidators } from '../helpers';
import { HEAD, RESOURCES } from './stashSpec';

describe('unknown-resource', () => {
  test('a constraint naming no resource: did-you-mean and a fix replacing it in place', () => {
    const text = HEAD + RESOURCES + lines('constraints:', '  colocation:', '    - { resource: stash_vip, with: stash_ress }');
    const [d, ...rest] = runValidators(text, [unknownResource]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'unknown-resource');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 22);
    assert.equal(d.text, 'stash_ress');
    assert.equal(d.message, "The colocation constraint's 'with' is 'stash_ress', which is no resource or group. Did you mean 'stash_res'?");
    assert.equal(d.fixes?.length, 1);
    const fixed = applyFix(text, d.fixes[0]);
    assert.ok(fixed.endsWith('    - { resource: stash_vip, with: stash_res }\n'));
    assert.deepEqual(runValidators(fixed, [unknownResource]), []);
  });

  test('a group member naming no resource, quoted: the fix keeps the quotes', () => {
    const text = HEAD + RESOURCES + lines('groups:', '  g:', '    - stash_fs', '    - "stash_vipp"');
    const [d] = runValidators(text, [unknownResource]);
    assert.equal(d.line, 23);
    assert.equal(d.text, '"stash_vipp"');
    assert.match(d.message, /^Group g lists 'stash_vipp', which is not a resource of this spec\. Did you mean 'stash_vip'\?$/);
    assert.ok(applyFix(text, d.fixes![0]).endsWith('    - "stash_vip"\n'));
  });

  test('every constraint field is checked; a name with no near match gets advice and no fix', () => {
    const text = HEAD + RESOURCES + lines(
      'constraints:',
      '  order:',
      '    - { first: mystery, then: stash_res }',
      '  location:',
      '    - { resource: stash_fss, node: node01, score: 100 }',
    );
    const found = runValidators(text, [unknownResource]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[22, 'mystery'], [24, 'stash_fss']]);
    assert.match(found[0].message, /'first' is 'mystery', which is no resource or group\. Name a resource or group declared in this spec\.$/);
    assert.equal(found[0].fixes, undefined);
  });

  test('a reference through an alias points at the alias and offers no fix there', () => {
    const text = HEAD + RESOURCES + lines('x-target: &t stash_ress', 'constraints:', '  colocation:', '    - { resource: stash_vip, with: *t }');
    const [d] = runValidators(text, [unknownResource]);
    assert.equal(d.line, 23);
    assert.equal(d.text, '*t');
    assert.equal(d.fixes, undefined);
  });

  test('near miss: groups, resources and clones named correctly, and a group named in a constraint', () => {
    const text = HEAD + RESOURCES + lines(
      '  web: { agent: ocf:pacemaker:Dummy, clone: {} }',
      'groups:',
      '  g: [stash_fs, stash_res]',
      'constraints:',
      '  colocation:',
      '    - { resource: stash_vip, with: g }',
      '    - { resource: web, with: g, score: -INFINITY }',
      '  order:',
      '    - { first: g, then: stash_vip }',
      '  location:',
      '    - { resource: g, node: nowhere }',
    );
    assert.deepEqual(runValidators(text, [unknownResource]), []);
  });

  test('pcs\'s id for a clone: says how a spec names clones, and offers the resource', () => {
    const text = HEAD + RESOURCES.replace('    agent: ocf:pacemaker:Dummy\n', '    agent: ocf:pacemaker:Dummy\n    clone: {}\n')
      + lines('constraints:', '  order:', '    - { first: dummy-clone, then: stash_res }');
    const [d, ...rest] = runValidators(text, [unknownResource]);
    assert.equal(rest.length, 0);
    assert.equal(d.text, 'dummy-clone');
    assert.match(d.message, /'dummy-clone', which is what pcs calls the clone of dummy; a spec names a clone by its resource's id\. Did you mean 'dummy'\?/);
    assert.equal(applyFix(text, d.fixes![0]).includes('{ first: dummy, then: stash_res }'), true);
  });
});
