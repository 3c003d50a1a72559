import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../../server/src/spec/model';
import { runsWith } from '../../../server/src/spec/runsWith';
import { lines } from '../helpers';

const RESOURCES = lines(
  'cluster: c',
  'nodes: { n1: { address: 10.0.0.1 } }',
  'resources:',
  '  a: { agent: ocf:pacemaker:Dummy }',
  '  b: { agent: ocf:pacemaker:Dummy }',
  '  c: { agent: ocf:pacemaker:Dummy }',
  '  d: { agent: ocf:pacemaker:Dummy }',
  '  e: { agent: ocf:pacemaker:Dummy, clone: {} }',
);

function relation(rest: string) {
  return runsWith(buildModel(RESOURCES + rest));
}

describe('runsWith', () => {
  test('every id runs with itself, and unrelated ids do not run together', () => {
    const r = relation('');
    assert.ok(r.together('a', 'a'));
    assert.ok(r.together('nothing', 'nothing'));
    assert.ok(!r.together('a', 'b'));
  });

  test('a colocation without a score joins both ways, and chains are followed', () => {
    const r = relation(lines(
      'constraints:',
      '  colocation:',
      '    - { resource: a, with: b }',
      '    - { resource: c, with: b, score: INFINITY }',
      '    - { resource: d, with: c, score: +INFINITY }',
    ));
    for (const [x, y] of [['a', 'b'], ['b', 'a'], ['a', 'c'], ['d', 'a'], ['c', 'd']]) assert.ok(r.together(x, y), `${x} with ${y}`);
    assert.ok(!r.together('a', 'e'));
  });

  test('-INFINITY and finite scores do not join', () => {
    const r = relation(lines(
      'constraints:',
      '  colocation:',
      '    - { resource: a, with: b, score: -INFINITY }',
      '    - { resource: a, with: c, score: 500 }',
    ));
    assert.ok(!r.together('a', 'b'));
    assert.ok(!r.together('a', 'c'));
  });

  test('a score that does not parse, or is empty, joins: bad-score reports it once, the relation does not repeat it', () => {
    const r = relation(lines(
      'constraints:',
      '  colocation:',
      '    - { resource: a, with: b, score: INFINTY }',
      '    - { resource: c, with: d, score: }',
    ));
    assert.ok(r.together('a', 'b'));
    assert.ok(r.together('c', 'd'));
    assert.ok(!r.together('a', 'c'));
  });

  test('a misspelt name in a constraint or group stands for the id it most likely means; pcs\'s x-clone for x', () => {
    const r = relation(lines(
      'groups:',
      '  g: [A]',
      'constraints:',
      '  colocation:',
      '    - { resource: bb, with: c }',
      '    - { resource: e-clone, with: d }',
      '    - { resource: zzz, with: a }',
    ));
    assert.ok(r.together('g', 'a'), 'A is a');
    assert.ok(r.together('b', 'c'), 'bb is b');
    assert.ok(r.together('e', 'd'), 'e-clone is the clone e');
    assert.ok(!r.together('zzz', 'b') && r.together('zzz', 'a'), 'a name close to nothing stays itself');
  });

  test('a group joins its members, and a constraint naming the group joins them all', () => {
    const r = relation(lines(
      'groups:',
      '  g: [a, b]',
      'constraints:',
      '  colocation:',
      '    - { resource: c, with: g }',
    ));
    assert.ok(r.together('a', 'b'));
    assert.ok(r.together('c', 'a'));
    assert.ok(r.together('b', 'c'));
    assert.ok(r.together('g', 'c'));
    assert.ok(!r.together('d', 'a'));
  });

  test('a clone is named by its resource id and joins like any resource', () => {
    const r = relation(lines('constraints:', '  colocation:', '    - { resource: a, with: e }'));
    assert.ok(r.together('e', 'a'));
  });

  test('constraints reached through an alias count', () => {
    const r = relation(lines(
      'x-pair: &pair { resource: a, with: d }',
      'constraints:',
      '  colocation: [ *pair ]',
    ));
    assert.ok(r.together('a', 'd'));
  });

  test('setOf is equal exactly for ids that run together', () => {
    const r = relation(lines('groups:', '  g: [a, b]'));
    assert.equal(r.setOf('a'), r.setOf('b'));
    assert.notEqual(r.setOf('a'), r.setOf('c'));
    assert.equal(r.setOf('unknown'), 'unknown');
  });

  test('it is computed once per model', () => {
    const model = buildModel(RESOURCES);
    assert.equal(runsWith(model), runsWith(model));
  });

  test('a chain of 10,000 colocations joins its two ends', () => {
    const rows = ['cluster: c', 'nodes: { n1: { address: 10.0.0.1 } }', 'constraints:', '  colocation:'];
    const n = 10_000;
    for (let i = 0; i < n; i++) rows.push(`    - { resource: r${i + 1}, with: r${i} }`);
    const model = buildModel(lines(...rows));
    const r = runsWith(model);
    assert.ok(r.together('r0', `r${n}`));
    assert.ok(r.together(`r${n >> 1}`, 'r1'));
  });
});
