import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unknownNode } from '../../../server/src/services/validators/unknownNode';
import { applyFix, lines, runValidators } from '../helpers';
import { HEAD, RESOURCES } from './stashSpec';

describe('unknown-node', () => {
  test('a location naming no node: did-you-mean and a fix', () => {
    const text = HEAD + RESOURCES + lines('constraints:', '  location:', '    - { resource: stash_res, node: node1, score: 50 }');
    const [d, ...rest] = runValidators(text, [unknownNode]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'unknown-node');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 22);
    assert.equal(d.text, 'node1');
    assert.equal(d.message, "The location constraint names node 'node1', which is not under nodes. Did you mean 'node01'?");
    assert.ok(applyFix(text, d.fixes![0]).includes('{ resource: stash_res, node: node01, score: 50 }'));
  });

  test('a name far from every node lists the nodes', () => {
    const text = HEAD + lines('constraints:', '  location:', '    - resource: x', '      node: elsewhere');
    const [d] = runValidators(text, [unknownNode]);
    assert.equal(d.line, 8);
    assert.equal(d.text, 'elsewhere');
    assert.match(d.message, /Declare it under nodes, or use one of: node01, node02\.$/);
    assert.equal(d.fixes, undefined);
  });

  test('near miss: a declared node, and a resource named like a node is not a node reference', () => {
    const text = HEAD + lines('constraints:', '  location:', '    - { resource: node3, node: node02 }');
    assert.deepEqual(runValidators(text, [unknownNode]), []);
  });
});
