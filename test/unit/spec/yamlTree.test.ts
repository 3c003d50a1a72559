import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { scalarText } from '../../../server/src/spec/model';
import { MAX_SPEC_LENGTH, parseYaml, YMap, YNode } from '../../../server/src/spec/yamlTree';
import { lines } from '../helpers';

function map(node: YNode | undefined): YMap {
  assert.equal(node?.kind, 'map');
  return node;
}

function textAt(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

describe('yamlTree', () => {
  test('an alias resolves to its anchor, with the alias span on every node below it', () => {
    const text = lines('a: &x { k: 1, deep: [ v ] }', 'b: *x');
    const root = map(parseYaml(text).root);
    const b = map(root.get('b')?.value);
    assert.equal(textAt(text, b.span), '*x');
    assert.equal(scalarText(b.get('k')?.value), '1');
    assert.equal(textAt(text, b.get('k')!.keySpan), '*x');
    const deep = b.get('deep')!.value;
    assert.ok(deep.kind === 'seq');
    assert.equal(textAt(text, deep.items[0].span), '*x');
    assert.equal(textAt(text, map(root.get('a')?.value).get('k')!.keySpan), 'k');
  });

  test('<< merges: explicit keys win, the first of a list of merges wins over later ones', () => {
    const text = lines('x-a: &a { p: a, q: a }', 'x-b: &b { p: b, q: b, r: b }', 'm:', '  q: own', '  <<: [ *a, *b ]');
    const parsed = parseYaml(text);
    assert.deepEqual(parsed.diagnostics, []);
    const m = map(map(parsed.root).get('m')?.value);
    const values = m.pairs.map((p) => [p.key, scalarText(p.value), p.merged]);
    assert.deepEqual(values, [['q', 'own', false], ['p', 'a', true], ['r', 'b', true]]);
    assert.equal(textAt(text, m.get('p')!.keySpan), '*a', 'each alias of a merge list at its own place');
    assert.equal(textAt(text, m.get('r')!.keySpan), '*b');
  });

  test('a single << merge of one alias', () => {
    const text = lines('base: &base { agent: ocf:pacemaker:Dummy, meta: { priority: 1 } }', 'r:', '  <<: *base', '  meta: { priority: 2 }');
    const r = map(map(parseYaml(text).root).get('r')?.value);
    assert.equal(r.get('agent')?.merged, true);
    assert.equal(textAt(text, r.get('agent')!.keySpan), '*base');
    const meta = map(r.get('meta')?.value);
    assert.equal(scalarText(meta.get('priority')?.value), '2');
  });

  test('a duplicate key: reported at the later occurrence, the first one kept', () => {
    const text = lines('resources:', '  r1: { agent: a }', '  r2: { agent: b }', '  r1: { agent: c }');
    const parsed = parseYaml(text);
    assert.equal(parsed.diagnostics.length, 1);
    const [d] = parsed.diagnostics;
    assert.equal(d.code, 'duplicate-key');
    assert.equal(d.span.start, text.lastIndexOf('r1'));
    assert.equal(textAt(text, d.span), 'r1');
    const resources = map(map(parsed.root).get('resources')?.value);
    assert.deepEqual(resources.pairs.map((p) => p.key), ['r1', 'r2']);
    assert.equal(scalarText(map(resources.get('r1')?.value).get('agent')?.value), 'a');
  });

  test('a duplicate key inside an anchor is reported once, not at each alias', () => {
    const text = lines('x: &x { k: 1, k: 2 }', 'a: *x', 'b: *x');
    const dups = parseYaml(text).diagnostics.filter((d) => d.code === 'duplicate-key');
    assert.equal(dups.length, 1);
    assert.equal(dups[0].span.start, text.indexOf('k: 2'));
  });

  test('billion laughs: expansion stops at a bound with a yaml-syntax diagnostic', () => {
    const rows = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) rows.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    const parsed = parseYaml(lines(...rows));
    assert.ok(parsed.diagnostics.some((d) => d.code === 'yaml-syntax' && /Aliases expand to more than [\d,]+ nodes/.test(d.message)));
  });

  test('an unknown alias and a recursive alias do not throw', () => {
    const parsed = parseYaml(lines('a: *nowhere', 'b: &b [ *b ]'));
    assert.ok(parsed.diagnostics.some((d) => d.code === 'yaml-syntax'));
  });

  test('malformed YAML never throws and always says where', () => {
    const inputs = ['{', 'a: [', ': :', '- a\nb: c', 'a:\n\t- b', 'a: "unclosed', '? [a]: b', '<<: 5', 'a: !!binary x',
      '%YAML 9.9\n---\na: 1', '---\na: 1\n---\nb: 2', '\u0000\u0001', 'a: b: c', '&a [*a]', 'a: &x\n  <<: *x'];
    for (const input of inputs) {
      const parsed = parseYaml(input);
      for (const d of parsed.diagnostics) {
        assert.ok(d.span.start >= 0 && d.span.end <= input.length && d.span.start <= d.span.end, JSON.stringify(input));
      }
    }
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = 'ab:- \n{}[],&*<!|>"\'#?\t1';
    for (let i = 0; i < 400; i++) {
      const input = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      assert.doesNotThrow(() => parseYaml(input), JSON.stringify(input));
    }
  });

  test('syntax errors: one per line, each with a fix; an open quote at its opening quote; a misaligned entry at the entry', () => {
    const open = lines('a: 1', 'b: "abc', 'c: 2');
    const [quote, ...none] = parseYaml(open).diagnostics;
    assert.equal(none.length, 0);
    assert.equal(textAt(open, quote.span), '"abc');
    assert.match(quote.message, /^YAML syntax: Missing closing "quote\. Close the quote/);
    const misaligned = lines('a:', '  b: 1', '', ' c: 2');
    const [indent] = parseYaml(misaligned).diagnostics;
    assert.equal(textAt(misaligned, indent.span), 'c');
    assert.match(indent.message, /Line it up with the other entries/);
    const twice = lines('a: b: c');
    assert.equal(parseYaml(twice).diagnostics.length, 1);
  });

  test('once the parser has left the document, one finding, not one per line that follows', () => {
    const text = lines('cluster: c', ']', 'nodes: {}', 'resources: {}', 'groups: {}');
    const found = parseYaml(text).diagnostics;
    assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
    assert.match(found[0].message, /From here on the text is outside the spec/);
  });

  test('an alias used as a key stands for its anchored scalar; an unknown one is one finding', () => {
    const text = lines('&k a: 1', '*k : 2', '*nope : 3', 'm:', '  <<: *missing', '  x: 1');
    const parsed = parseYaml(text);
    assert.deepEqual(parsed.diagnostics.map((d) => [d.code, textAt(text, d.span)]), [
      ['duplicate-key', '*k'], ['yaml-syntax', '*nope'], ['yaml-syntax', '*missing']]);
  });

  test('an alias\'s range is the alias alone, even where the parser ran on past it', () => {
    const text = lines('r:', '  x: 1', '<<: *a    p:', '      q: 1');
    const alias = parseYaml(text).diagnostics.find((d) => /Unknown alias/.test(d.message));
    assert.equal(alias && textAt(text, alias.span), '*a');
  });

  test('a mapping or list used as a key is one type-mismatch finding at the key, and only its pair is left out', () => {
    for (const [text, key, kind] of [
      [lines('{<<: 1}: v', 'b: 2'), '{<<: 1}', 'mapping'],
      [lines('[a, b]: v', 'b: 2'), '[a, b]', 'list'],
      [lines('? { a: 1 }', ': v', 'b: 2'), '{ a: 1 }', 'mapping'],
      [lines('x-m: &m { a: 1 }', '*m : v', 'b: 2'), '*m', 'mapping'],
    ] as const) {
      const parsed = parseYaml(text);
      assert.deepEqual(parsed.diagnostics.map((d) => [d.code, textAt(text, d.span)]), [['type-mismatch', key]], text);
      assert.match(parsed.diagnostics[0].message, new RegExp(`^This key is a ${kind}, so the entry is not checked\\. A key must be a single value`));
      assert.deepEqual(map(parsed.root).pairs.map((p) => p.key).filter((k) => k !== 'x-m'), ['b'], text);
    }
  });

  test('nested complex keys stay small: 28 levels of `? ` give one finding, not a key serialised 2^28 times', () => {
    const parsed = parseYaml(`${'? '.repeat(28)}a: b\n`);
    assert.equal(parsed.diagnostics.length, 1);
    assert.ok(JSON.stringify(parsed).length < 2000, `${JSON.stringify(parsed).length} characters`);
  });

  test('a chain of aliases nesting past the limit: one finding, and the resolved tree stops at the limit', () => {
    // 50 anchors, each a list 90 levels deep holding the one before: 4,500 levels once resolved.
    const rows = ['x-0: &a0 [v]'];
    for (let i = 1; i < 50; i++) rows.push(`x-${i}: &a${i} ${'['.repeat(90)}*a${i - 1}${']'.repeat(90)}`);
    const text = lines(...rows);
    const parsed = parseYaml(text);
    assert.deepEqual(parsed.diagnostics.map((d) => d.code), ['yaml-syntax']);
    assert.match(parsed.diagnostics[0].message, /^Through its aliases this nests deeper than 100 levels; what lies deeper is not checked/);
    const depth = (n: YNode): number => n.kind === 'seq' ? 1 + Math.max(0, ...n.items.map(depth))
      : n.kind === 'map' ? 1 + Math.max(0, ...n.pairs.map((p) => depth(p.value))) : 0;
    assert.ok(parsed.root && depth(parsed.root) <= 102, `depth ${parsed.root && depth(parsed.root)}`);
  });

  test('a text longer than 1 MiB is one yaml-syntax finding on its first line and is not parsed; 1 MiB itself is checked', () => {
    const head = 'cluster: c\nx-big: ';
    const over = parseYaml(head + 'a'.repeat(MAX_SPEC_LENGTH + 1 - head.length));
    assert.equal(over.root, undefined);
    assert.deepEqual(over.diagnostics.map((d) => [d.code, d.span]), [['yaml-syntax', { start: 0, end: 'cluster: c'.length }]]);
    assert.match(over.diagnostics[0].message, /^This document is 1,048,577 characters long, more than the 1,048,576 \(1 MiB\) a spec may have, so it is not checked\./);
    const at = parseYaml(head + 'a'.repeat(MAX_SPEC_LENGTH - head.length));
    assert.deepEqual(at.diagnostics, []);
    assert.equal(map(at.root).get('cluster')?.value.kind, 'scalar');
  });
});
