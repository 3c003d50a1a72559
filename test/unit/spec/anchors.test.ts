import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aliasOrigins } from '../../../server/src/spec/anchors';
import { lines } from '../helpers';

function spanOf(text: string, needle: string, after = 0): { start: number; end: number } {
  const start = text.indexOf(needle, after);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

describe('aliasOrigins', () => {
  test('finds the anchored original of a name used through an alias', () => {
    const text = lines('x-members: &m [a, b]', 'groups:', '  g: *m');
    const found = aliasOrigins(text, [{ span: spanOf(text, '*m'), role: 'ref' }], 'b');
    assert.deepEqual(found, [spanOf(text, 'b]')].map((s) => ({ start: s.start, end: s.start + 1 })));
  });

  test('a chain of aliases far deeper than the stack allows: the search stops at the nesting limit instead of overflowing', () => {
    // 200 anchors, each a list 90 levels deep holding the one before: 18,000 levels through the aliases.
    const rows = ['x-0: &a0 [v]'];
    for (let i = 1; i < 200; i++) rows.push(`x-${i}: &a${i} ${'['.repeat(90)}*a${i - 1}${']'.repeat(90)}`);
    const text = lines(...rows);
    const use = spanOf(text, '*a198');
    assert.deepEqual(aliasOrigins(text, [{ span: use, role: 'ref' }], 'v'), [], 'v lies deeper than the limit');
    assert.deepEqual(aliasOrigins(text, [{ span: use, role: 'key' }], 'v'), []);
    const near = spanOf(text, '*a0');
    assert.deepEqual(aliasOrigins(text, [{ span: near, role: 'ref' }], 'v'), [{ start: text.indexOf('[v]') + 1, end: text.indexOf('[v]') + 2 }]);
  });
});
