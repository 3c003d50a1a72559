import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badNodeName, badResourceId, isValidId, printable } from '../../../../server/src/spec/vocabulary';

describe('vocabulary: names', () => {
  test('ids', () => {
    for (const id of ['a', '_a', 'stash_res', 'a.b-c_1']) assert.ok(isValidId(id), id);
    for (const id of ['', '1a', '-a', '.a', 'a b', 'a/b', 'a:b', 'ä']) assert.ok(!isValidId(id), id);
  });

  test('why a resource id or node name is refused, in one printable line', () => {
    assert.equal(badResourceId('stash_res'), undefined);
    assert.equal(badResourceId('--force'), "'--force' is not a valid resource id (a letter or _ first, then letters, digits, _ . -)");
    assert.equal(badNodeName('node_01'), undefined);
    assert.equal(badNodeName('-n\nx'), "'-n\\nx' is not a valid node name");
    assert.equal(printable('a"b\tc'), 'a\\"b\\tc');
  });
});
