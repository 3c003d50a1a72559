import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { excessNesting } from '../../../server/src/spec/nesting';
import { buildModel } from '../../../server/src/spec/model';

const REPO = join(__dirname, '..', '..', '..', '..');

describe('excessNesting', () => {
  test('ordinary specs, the examples among them, are never refused', () => {
    const dir = join(REPO, 'examples');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      assert.equal(excessNesting(readFileSync(join(dir, f), 'utf8')), undefined, f);
    }
    assert.equal(excessNesting('a: { b: [1, 2, { c: "[[[[[[" }] }  # [[[[[[\n'), undefined);
  });

  test('flow brackets past the limit: the offset of the first one too deep', () => {
    assert.equal(excessNesting('x: ' + '['.repeat(10), 5), 3 + 4);
    assert.equal(excessNesting('x: ' + '['.repeat(4) + ']'.repeat(4) + '['.repeat(4), 5), undefined);
  });

  test('block indentation and compact sequences count as levels', () => {
    const block = Array.from({ length: 8 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    assert.notEqual(excessNesting(block, 5), undefined);
    assert.notEqual(excessNesting(`${'- '.repeat(8)}x`, 5), undefined);
    assert.equal(excessNesting('a:\n  b:\n    c: 1\nd:\n  e: 1\n', 5), undefined, 'siblings do not add up');
  });

  test('complex keys (`? `) and their values (`: `) count a level each, alone and mixed with `- `', () => {
    assert.notEqual(excessNesting(`${'? '.repeat(8)}a`, 5), undefined);
    assert.notEqual(excessNesting(`${'- ? '.repeat(4)}a`, 5), undefined);
    assert.notEqual(excessNesting(`? a\n${': '.repeat(8)}b`, 5), undefined);
    assert.equal(excessNesting('? a\n: b\n? [x, y]\n: - c\n', 5), undefined, 'a complex key of an ordinary depth passes');
    assert.equal(excessNesting('a: ?b\nc: -1\nd: :e\n', 5), undefined, 'an indicator character without a blank after it opens nothing');
  });

  test('quoted brackets and comments do not count; an apostrophe inside a word opens no quote', () => {
    assert.equal(excessNesting(`x: "${'['.repeat(50)}"\ny: '${'{'.repeat(50)}'\n# ${'['.repeat(50)}\n`, 5), undefined);
    assert.notEqual(excessNesting(`x: it's ${'['.repeat(10)}`, 5), undefined);
  });

  test('the model of a too-deep text (parseYaml refuses it) is empty with one yaml-syntax finding', () => {
    const m = buildModel(`cluster: c\nx: ${'['.repeat(5000)}`);
    assert.equal(m.root, undefined);
    assert.deepEqual(m.yaml.diagnostics.map((d) => d.code), ['yaml-syntax']);
    assert.equal(m.yaml.diagnostics[0].span.start, 'cluster: c\nx: '.length + 99, 'the 100th bracket is level 101');
    assert.ok(buildModel('cluster: c\n').root);
  });
});
