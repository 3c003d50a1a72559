import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lineItemProbe, MARK, probe } from '../../../server/src/services/completionProbe';

const at = (textWithCaret: string): ReturnType<typeof probe> & { original: string } => {
  const offset = textWithCaret.indexOf('|');
  const original = textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1);
  return { ...probe(original, offset), original };
};

describe('completion probe', () => {
  test('an empty line becomes a placeholder key', () => {
    const p = at('a:\n  |\n');
    assert.equal(p.kind, 'key');
    assert.equal(p.text, `a:\n  ${MARK}:\n`);
    assert.deepEqual(p.word, { start: 5, end: 5 });
  });

  test('a half-typed key gets its colon', () => {
    const p = at('a:\n  ke|\n');
    assert.equal(p.text, 'a:\n  ke:\n');
    assert.equal(p.prefix, 'ke');
    assert.deepEqual(p.word, { start: 5, end: 7 });
  });

  test('an existing key is left alone', () => {
    const p = at('a:\n  k|ey: 1\n');
    assert.equal(p.text, p.original);
    assert.equal(p.keyHasColon, true);
  });

  test('values: after a colon with and without a space, and agent strings with colons', () => {
    assert.equal(at('agent: |').text, `agent: ${MARK}`);
    const tight = at('agent:|');
    assert.equal(tight.text, `agent: ${MARK}`);
    assert.equal(tight.at, 'agent:'.length + 1);
    const agent = at('agent: ocf:heart|beat');
    assert.equal(agent.kind, 'value');
    assert.deepEqual(agent.word, { start: 7, end: 20 });
  });

  test('flow positions and list items', () => {
    assert.equal(at('x: { a: 1, | }').kind, 'flow');
    assert.equal(at('x: [a, |]').text, `x: [a, ${MARK}]`);
    assert.equal(at('x:\n  - |').kind, 'item');
  });

  test('a new line under "- " items at their column also reads as a new item; elsewhere it does not', () => {
    const item = (textWithCaret: string): ReturnType<typeof lineItemProbe> => {
      const offset = textWithCaret.indexOf('|');
      return lineItemProbe(textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1), offset);
    };
    const p = item('x:\n  - a: 1\n    b: 2\n  # note\n\n  co|\n');
    assert.equal(p?.kind, 'line');
    assert.equal(p?.text, 'x:\n  - a: 1\n    b: 2\n  # note\n\n  - co\n');
    const co = 'x:\n  - a: 1\n    b: 2\n  # note\n\n  '.length;
    assert.deepEqual(p?.word, { start: co, end: co + 2 }, 'the word in the original text');
    assert.equal(item('x:\n  - a\n  |\n')?.text, `x:\n  - a\n  - ${MARK}\n`);
    assert.equal(item('x:\n  - a\n    |\n'), undefined, 'deeper than the items');
    assert.equal(item('x:\n  - a\n|\n'), undefined, 'shallower: a key of the mapping around');
    assert.equal(item('x:\n  y: 1\n  |\n'), undefined, 'under a key');
    assert.equal(item('x:\n  - a\n  k|: 1\n'), undefined, 'a key already written');
  });
});
