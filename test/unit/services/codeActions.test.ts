import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions } from '../../../server/src/services/codeActions';
import { diag, SpecDiagnostic } from '../../../server/src/spec/diagnostic';

const typo: SpecDiagnostic = diag('unknown-param', { start: 10, end: 20 }, 'typo', [
  { title: 'Rename to other', edits: [{ span: { start: 10, end: 20 }, newText: 'other' }] },
  { title: 'Rename to right', edits: [{ span: { start: 10, end: 20 }, newText: 'right' }], preferred: true },
]);
const far: SpecDiagnostic = diag('missing-param', { start: 100, end: 110 }, 'missing', [
  { title: 'Add it', edits: [{ span: { start: 111, end: 111 }, newText: 'x: ' }], preferred: true },
]);
const noFix: SpecDiagnostic = diag('stonith-disabled', { start: 12, end: 14 }, 'no fix');

describe('codeActions', () => {
  test('fixes of the diagnostics touching the range, preferred first', () => {
    const actions = codeActions([typo, far, noFix], { start: 15, end: 15 });
    assert.deepEqual(actions.map((a) => a.title), ['Rename to right', 'Rename to other']);
    assert.equal(actions[0].preferred, true);
    assert.equal(actions[1].preferred, false);
    assert.equal(actions[0].diagnostic, typo);
  });

  test('a range at the edge of a diagnostic still counts; one beside it does not', () => {
    assert.equal(codeActions([far], { start: 110, end: 110 }).length, 1);
    assert.equal(codeActions([far], { start: 111, end: 115 }).length, 0);
  });

  test('when the editor names the diagnostics, only theirs are offered', () => {
    const actions = codeActions([typo, far], { start: 0, end: 200 }, (d) => d.code === 'missing-param');
    assert.deepEqual(actions.map((a) => a.title), ['Add it']);
  });
});
