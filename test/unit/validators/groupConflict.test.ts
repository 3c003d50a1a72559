import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { groupConflict } from '../../../server/src/services/validators/groupConflict';
import { lines, runValidators } from '../helpers';
import { HEAD, RESOURCES } from './stashSpec';

const CLONED = lines('  web:', '    agent: ocf:pacemaker:Dummy', '    promotable: { promoted-max: 1 }');

describe('group-conflict', () => {
  test('a resource in two groups: at the later occurrence', () => {
    const text = HEAD + RESOURCES + lines('groups:', '  g1: [stash_fs, stash_res]', '  g2:', '    - stash_vip', '    - stash_fs');
    const [d, ...rest] = runValidators(text, [groupConflict]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'group-conflict');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 24);
    assert.equal(d.text, 'stash_fs');
    assert.match(d.message, /^stash_fs is already in group g1: a resource can be in one group only\./);
  });

  test('a clone or promotable resource inside a group', () => {
    const text = HEAD + RESOURCES + CLONED + lines('groups:', '  g: [stash_fs, web]');
    const [d, ...rest] = runValidators(text, [groupConflict]);
    assert.equal(rest.length, 0);
    assert.equal(d.line, 24);
    assert.equal(d.text, 'web');
    assert.match(d.message, /^web is promotable and cannot be a member of group g/);
  });

  test('a group inside a group, and a resource listed twice in one group', () => {
    const text = HEAD + RESOURCES + lines('groups:', '  inner: [stash_fs]', '  outer: [inner, stash_res, stash_res]');
    const found = runValidators(text, [groupConflict]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[22, 'inner'], [22, 'stash_res']]);
    assert.match(found[0].message, /groups cannot be nested/);
    assert.match(found[1].message, /listed twice in group outer/);
    assert.equal(text.slice(found[1].span.start - 11, found[1].span.start), 'stash_res, ');
  });

  test('the same members reached through an alias: at the alias', () => {
    const text = HEAD + RESOURCES + lines('groups:', '  g1: &members [stash_fs, stash_res]', '  g2: *members');
    const found = runValidators(text, [groupConflict]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[22, '*members'], [22, '*members']]);
  });

  test('near miss: distinct groups, and a clone colocated with a group rather than in it', () => {
    const text = HEAD + RESOURCES + CLONED + lines(
      'groups:', '  g1: [stash_fs, stash_res]', '  g2: [stash_vip, dummy]',
      'constraints:', '  colocation:', '    - { resource: g1, with: web, with-role: Promoted }');
    assert.deepEqual(runValidators(text, [groupConflict]), []);
  });
});
