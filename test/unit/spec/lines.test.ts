import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/spec/lines';

describe('LineIndex', () => {
  test('LF, CRLF and a lone CR end lines; positions and offsets convert both ways', () => {
    const lines = new LineIndex('ab\ncd\r\nef\rgh');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual([0, 2, 3, 5, 7, 9, 10, 12].map((o) => lines.positionAt(o)), [
      { line: 0, character: 0 }, { line: 0, character: 2 }, { line: 1, character: 0 }, { line: 1, character: 2 },
      { line: 2, character: 0 }, { line: 2, character: 2 }, { line: 3, character: 0 }, { line: 3, character: 2 }]);
    assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineText(l)), ['ab', 'cd', 'ef', 'gh']);
    assert.equal(lines.offsetAt({ line: 2, character: 1 }), 8);
  });

  test('an offset between the \\r and \\n of a CRLF is the end of its line, never a column past it', () => {
    const lines = new LineIndex('  colocation:\r\n- x\r\n');
    assert.deepEqual(lines.positionAt(14), { line: 0, character: 13 }, 'a span covering the \\r ends at the line end');
    assert.deepEqual(lines.positionAt(19), { line: 1, character: 3 });
    assert.deepEqual(lines.positionAt(20), { line: 2, character: 0 });
  });
});
