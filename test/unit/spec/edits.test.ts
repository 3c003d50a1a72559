import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextEdit } from '../../../server/src/spec/diagnostic';
import { addKeyWithMapping, addToMapping, fillEmptyKey, replaceLiteral, yamlScalar } from '../../../server/src/spec/edits';
import { parseYaml, YMap } from '../../../server/src/spec/yamlTree';

function apply(text: string, edit: TextEdit | undefined): string {
  assert.ok(edit, 'an edit');
  return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
}

/** The mapping at a path of keys from the root. */
function mapAt(text: string, ...path: string[]): YMap {
  let node = parseYaml(text).root;
  for (const key of path) {
    assert.equal(node?.kind, 'map');
    node = node.kind === 'map' ? node.get(key)?.value : undefined;
  }
  assert.ok(node && node.kind === 'map');
  return node;
}

const E = [{ key: 'b', value: '2' }, { key: 'c', value: '' }];

describe('spec edits', () => {
  test('scalars stay plain when they read back the same, else are quoted', () => {
    assert.equal(yamlScalar('/dev/drbd0'), '/dev/drbd0');
    assert.equal(yamlScalar('240s'), '240s');
    assert.equal(yamlScalar(''), '""');
    assert.equal(yamlScalar('a: b'), '"a: b"');
    assert.equal(yamlScalar('#x'), '"#x"');
    assert.equal(yamlScalar('-U 12'), '"-U 12"');
  });

  test('replaceLiteral renames plain and quoted text, never an alias', () => {
    const text = 'a: { stash_hme: 1, "stash_hm": 2, b: *x }';
    assert.equal(apply(text, replaceLiteral(text, { start: 5, end: 14 }, 'stash_hme', 'stash_home')), 'a: { stash_home: 1, "stash_hm": 2, b: *x }');
    assert.equal(apply(text, replaceLiteral(text, { start: 19, end: 29 }, 'stash_hm', 'stash_home')), 'a: { stash_hme: 1, "stash_home": 2, b: *x }');
    assert.equal(replaceLiteral(text, { start: 37, end: 39 }, 'other', 'y'), undefined);
  });

  test('adds to a block mapping at its indentation, after nested and multi-line values', () => {
    const text = 'r:\n  p:\n    a: |\n      one\n      two\n  q: 1\n';
    assert.equal(apply(text, addToMapping(text, mapAt(text, 'r', 'p'), E)), 'r:\n  p:\n    a: |\n      one\n      two\n    b: 2\n    c: ""\n  q: 1\n');
    const noEol = 'p:\n  a: 1  # note';
    assert.equal(apply(noEol, addToMapping(noEol, mapAt(noEol, 'p'), E)), 'p:\n  a: 1  # note\n  b: 2\n  c: ""');
  });

  test('keeps CRLF line ends', () => {
    const text = 'p:\r\n  a: 1\r\nq: 2\r\n';
    assert.equal(apply(text, addToMapping(text, mapAt(text, 'p'), E)), 'p:\r\n  a: 1\r\n  b: 2\r\n  c: ""\r\nq: 2\r\n');
  });

  test('adds to a flow mapping before its brace, with or without a trailing comma, or fills {}', () => {
    const text = 'p: { a: 1 }\nq: { a: 1, }\nr: {}\n';
    assert.equal(apply(text, addToMapping(text, mapAt(text, 'p'), E)), 'p: { a: 1, b: 2, c: "" }\nq: { a: 1, }\nr: {}\n');
    assert.equal(apply(text, addToMapping(text, mapAt(text, 'q'), E)), 'p: { a: 1 }\nq: { a: 1, b: 2, c: "" }\nr: {}\n');
    assert.equal(apply(text, addToMapping(text, mapAt(text, 'r'), E)), 'p: { a: 1 }\nq: { a: 1, }\nr: { b: 2, c: "" }\n');
  });

  test('never edits a mapping reached through an alias', () => {
    const text = 'x: &m { a: 1 }\np: *m\n';
    assert.equal(addToMapping(text, mapAt(text, 'p'), E), undefined);
    assert.equal(addKeyWithMapping(text, mapAt(text, 'p'), 'k', E), undefined);
  });

  test('fills an empty key, after a comment on its line', () => {
    const text = 'r:\n  params:  # later\n  z: 1\n';
    const pair = mapAt(text, 'r').get('params');
    assert.ok(pair);
    assert.equal(apply(text, fillEmptyKey(text, pair, E)), 'r:\n  params:  # later\n    b: 2\n    c: ""\n  z: 1\n');
  });

  test('adds a key holding a mapping, block or flow', () => {
    const block = 'r:\n  agent: x\n';
    assert.equal(apply(block, addKeyWithMapping(block, mapAt(block, 'r'), 'params', E)), 'r:\n  agent: x\n  params:\n    b: 2\n    c: ""\n');
    const flow = 'r: { agent: x }\n';
    assert.equal(apply(flow, addKeyWithMapping(flow, mapAt(flow, 'r'), 'params', E)), 'r: { agent: x, params: { b: 2, c: "" } }\n');
  });
});
