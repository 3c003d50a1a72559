import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { definition, documentSymbols, idAt, prepareRename, references, rename, SpecSymbol } from '../../../server/src/services/navigation';
import { TextEdit } from '../../../server/src/spec/diagnostic';
import { buildModel } from '../../../server/src/spec/model';
import { Span } from '../../../server/src/spec/diagnostic';
import { lines } from '../helpers';

const SPEC = lines(
  'cluster: stash',
  'nodes:',
  '  node01: { address: 192.168.56.11 }',
  '  node02: { address: 192.168.56.12 }',
  'properties:',
  '  no-quorum-policy: ignore',
  'resources:',
  '  stash_fs:',
  '    agent: ocf:heartbeat:Filesystem',
  '  stash_vip:',
  '    agent: ocf:heartbeat:IPaddr2',
  '  "stash_res":',
  '    agent: ocf:heartbeat:stash',
  'groups:',
  '  g: [stash_fs, stash_vip]',
  'constraints:',
  '  colocation:',
  '    - { resource: stash_vip, with: stash_res, score: INFINITY }',
  "    - { resource: 'stash_res', with: stash_fs }",
  '  order:',
  '    - { first: stash_fs, then: stash_res }',
  '  location:',
  '    - { resource: g, node: node01, score: 100 }',
);

/** The offset of the `n`th occurrence (0-based) of `needle`, plus `into` characters. */
function offsetOf(text: string, needle: string, n = 0, into = 1): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} #${n}`);
  }
  return at + into;
}

function textsOf(text: string, spans: readonly Span[]): string[] {
  return spans.map((s) => text.slice(s.start, s.end));
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

function renamed(text: string, offset: number, to: string): string {
  const result = rename(buildModel(text), offset, to);
  assert.ok('edits' in result, 'error' in result ? result.error : '');
  return applyEdits(text, result.edits);
}

describe('documentSymbols', () => {
  const model = buildModel(SPEC);
  const symbols = documentSymbols(model);
  const byName = (list: SpecSymbol[], name: string) => list.find((s) => s.name === name)!;

  test('sections in document order, with their entries', () => {
    assert.deepEqual(symbols.map((s) => [s.name, s.kind, s.detail]), [
      ['cluster', 'cluster', 'stash'], ['nodes', 'section', undefined], ['properties', 'section', undefined],
      ['resources', 'section', undefined], ['groups', 'section', undefined], ['constraints', 'section', undefined],
    ]);
    assert.deepEqual(byName(symbols, 'nodes').children.map((s) => [s.name, s.kind, s.detail]),
      [['node01', 'node', '192.168.56.11'], ['node02', 'node', '192.168.56.12']]);
    assert.deepEqual(byName(symbols, 'properties').children.map((s) => [s.name, s.kind, s.detail]), [['no-quorum-policy', 'property', 'ignore']]);
    assert.deepEqual(byName(symbols, 'resources').children.map((s) => [s.name, s.detail]), [
      ['stash_fs', 'ocf:heartbeat:Filesystem'], ['stash_vip', 'ocf:heartbeat:IPaddr2'], ['stash_res', 'ocf:heartbeat:stash'],
    ]);
    const g = byName(symbols, 'groups').children[0];
    assert.deepEqual([g.name, g.kind, g.detail, g.children.map((c) => c.name)], ['g', 'group', 'stash_fs, stash_vip', ['stash_fs', 'stash_vip']]);
  });

  test('constraints described as a person says them', () => {
    const constraints = byName(symbols, 'constraints').children;
    assert.deepEqual(constraints.map((s) => [s.name, s.children.map((c) => c.name)]), [
      ['colocation', ['stash_vip with stash_res (INFINITY)', 'stash_res with stash_fs (INFINITY)']],
      ['order', ['stash_fs then stash_res']],
      ['location', ['g on node01 (100)']],
    ]);
    assert.equal(constraints[0].children[0].kind, 'constraint');
  });

  test('spans: the selection is the name, and every child lies inside its parent', () => {
    const res = byName(byName(symbols, 'resources').children, 'stash_res');
    assert.equal(SPEC.slice(res.selectionSpan.start, res.selectionSpan.end), '"stash_res"');
    assert.equal(SPEC.slice(res.span.start, res.span.end), '"stash_res":\n    agent: ocf:heartbeat:stash');
    const check = (s: SpecSymbol, parent?: SpecSymbol) => {
      assert.ok(s.span.start <= s.selectionSpan.start && s.selectionSpan.end <= s.span.end, s.name);
      if (parent) assert.ok(parent.span.start <= s.span.start && s.span.end <= parent.span.end, `${s.name} in ${parent.name}`);
      for (const c of s.children) check(c, s);
    };
    for (const s of symbols) check(s);
  });

  test('entries reached through aliases and merges still nest inside their parents', () => {
    const text = lines('x-base: &base', '  agent: ocf:pacemaker:Dummy', 'x-more: &more', '  extra: { agent: ocf:pacemaker:Dummy }',
      'x-members: &members [a, extra]', 'resources:', '  <<: *more', '  a: *base', 'groups:', '  g: *members');
    const outline = documentSymbols(buildModel(text));
    const check = (s: SpecSymbol, parent?: SpecSymbol) => {
      assert.ok(s.span.start <= s.selectionSpan.start && s.selectionSpan.end <= s.span.end, s.name);
      if (parent) assert.ok(parent.span.start <= s.span.start && s.span.end <= parent.span.end, `${s.name} in ${parent.name}`);
      for (const c of s.children) check(c, s);
    };
    for (const s of outline) check(s);
    assert.deepEqual(outline.map((s) => [s.name, s.children.map((c) => [c.name, c.detail])]), [
      ['resources', [['a', 'ocf:pacemaker:Dummy'], ['extra', 'ocf:pacemaker:Dummy']]],
      ['groups', [['g', 'a, extra']]],
    ]);
  });

  test('a spec that is not a mapping has no outline, and x- keys are left out', () => {
    assert.deepEqual(documentSymbols(buildModel('- a\n- b\n')), []);
    assert.deepEqual(documentSymbols(buildModel('x-common: &c { a: 1 }\ncluster: c\n')).map((s) => s.name), ['cluster']);
  });
});

describe('idAt and definition', () => {
  const model = buildModel(SPEC);

  test('a reference finds its declaration; resources, groups and nodes', () => {
    const ref = idAt(model, offsetOf(SPEC, 'with: stash_res', 0, 8));
    assert.deepEqual(ref && [ref.id, ref.kind, ref.isDeclaration, SPEC.slice(ref.span.start, ref.span.end)], ['stash_res', 'resource', false, 'stash_res']);
    const def = definition(model, ref!.span.start);
    assert.equal(def && lineOf(SPEC, def.start), 12);
    const node = definition(model, offsetOf(SPEC, 'node: node01', 0, 7));
    assert.equal(node && SPEC.slice(node.start, node.end), 'node01');
    assert.equal(node && lineOf(SPEC, node.start), 3);
    const group = idAt(model, offsetOf(SPEC, 'resource: g,', 0, 10));
    assert.equal(group?.kind, 'group');
    assert.equal(lineOf(SPEC, definition(model, offsetOf(SPEC, 'resource: g,', 0, 10))!.start), 15);
  });

  test('a cursor just after the id counts; a declaration is its own definition', () => {
    const end = offsetOf(SPEC, 'first: stash_fs', 0, 'first: stash_fs'.length);
    assert.equal(idAt(model, end)?.id, 'stash_fs');
    const decl = idAt(model, offsetOf(SPEC, '  stash_vip:', 0, 3));
    assert.equal(decl?.isDeclaration, true);
    assert.equal(lineOf(SPEC, definition(model, offsetOf(SPEC, '  stash_vip:', 0, 3))!.start), 10);
  });

  test('nothing at a key, a value that is no id, or a name that is not declared', () => {
    assert.equal(idAt(model, offsetOf(SPEC, 'agent:')), undefined);
    assert.equal(idAt(model, offsetOf(SPEC, 'ocf:heartbeat:stash')), undefined);
    const text = lines('cluster: c', 'constraints:', '  order: [ { first: ghost, then: ghost2 } ]');
    const m = buildModel(text);
    assert.equal(idAt(m, offsetOf(text, 'ghost'))?.id, 'ghost');
    assert.equal(definition(m, offsetOf(text, 'ghost')), undefined);
  });

  test('an alias standing for one id resolves; one standing for several does not', () => {
    const text = lines('x-v: &v stash_vip', 'x-m: &m [a, b]', 'resources:', '  stash_vip: { agent: ocf:heartbeat:IPaddr2 }',
      'groups:', '  g: *m', 'constraints:', '  colocation:', '    - { resource: *v, with: a }');
    const m = buildModel(text);
    assert.equal(idAt(m, offsetOf(text, '*v'))?.id, 'stash_vip');
    assert.equal(lineOf(text, definition(m, offsetOf(text, '*v'))!.start), 4);
    assert.equal(idAt(m, offsetOf(text, '*m')), undefined);
  });
});

describe('references', () => {
  const model = buildModel(SPEC);

  test('every reference in document order, with or without the declaration', () => {
    const at = offsetOf(SPEC, 'stash_fs');
    assert.deepEqual(references(model, at, false).map((s) => lineOf(SPEC, s.start)), [15, 19, 21]);
    assert.deepEqual(references(model, at, true).map((s) => lineOf(SPEC, s.start)), [8, 15, 19, 21]);
    assert.deepEqual(textsOf(SPEC, references(model, offsetOf(SPEC, "'stash_res'"), true)), ['"stash_res"', 'stash_res', "'stash_res'", 'stash_res']);
  });

  test('node ids are their own space: a resource named like a node is not a reference to it', () => {
    const text = lines('nodes:', '  n1: { address: a }', 'resources:', '  n1: { agent: ocf:pacemaker:Dummy }',
      'constraints:', '  location:', '    - { resource: n1, node: n1 }');
    const m = buildModel(text);
    assert.deepEqual(references(m, offsetOf(text, 'n1'), true).map((s) => lineOf(text, s.start)), [2, 7]);
    assert.deepEqual(references(m, offsetOf(text, 'n1', 1), true).map((s) => lineOf(text, s.start)), [4, 7]);
    const node = references(m, offsetOf(text, 'node: n1', 0, 6), false)[0];
    assert.equal(text.slice(node.start - 6, node.end), 'node: n1');
  });

  test('nothing at a place that names no id', () => {
    assert.deepEqual(references(model, 0, true), []);
  });
});

describe('prepareRename and rename', () => {
  test('prepareRename offers the id, without its quotes', () => {
    const model = buildModel(SPEC);
    const p = prepareRename(model, offsetOf(SPEC, "'stash_res'", 0, 2));
    assert.equal(p?.placeholder, 'stash_res');
    assert.equal(SPEC.slice(p.span.start, p.span.end), 'stash_res');
    assert.equal(prepareRename(model, offsetOf(SPEC, 'agent:')), undefined);
  });

  test('renames the declaration and every reference, keeping quotes', () => {
    const out = renamed(SPEC, offsetOf(SPEC, 'with: stash_res', 0, 7), 'bitbucket');
    assert.equal(out, SPEC.replace('"stash_res":', '"bitbucket":').replace('with: stash_res', 'with: bitbucket')
      .replace("'stash_res'", "'bitbucket'").replace('then: stash_res', 'then: bitbucket'));
    const again = buildModel(out);
    assert.ok(again.ids.has('bitbucket'));
    assert.ok(!again.resourceRefs.some((r) => r.id === 'stash_res'));
  });

  test('renames a node and its location references, not a resource of the same name', () => {
    const text = lines('nodes:', '  n1: { address: a }', 'resources:', '  n1: { agent: ocf:pacemaker:Dummy }',
      'constraints:', '  location:', '    - { resource: n1, node: n1 }');
    assert.equal(renamed(text, offsetOf(text, 'n1'), 'node-a.example.com'), text.replace('  n1: { address', '  node-a.example.com: { address').replace('node: n1', 'node: node-a.example.com'));
  });

  test('refuses an invalid id, a taken id (one space for resources and groups), and a taken node name', () => {
    const model = buildModel(SPEC);
    const at = offsetOf(SPEC, 'stash_vip');
    assert.deepEqual(rename(model, at, '9lives'), { error: "'9lives' is not a valid id: an id starts with a letter or '_' and holds only letters, digits, '_', '.' and '-'." });
    assert.deepEqual(rename(model, at, 'has space'), { error: "'has space' is not a valid id: an id starts with a letter or '_' and holds only letters, digits, '_', '.' and '-'." });
    assert.deepEqual(rename(model, at, 'g'), { error: "'g' is already the id of a group (resources and groups share one id space): choose another name." });
    assert.deepEqual(rename(model, at, 'stash_fs'), { error: "'stash_fs' is already the id of a resource (resources and groups share one id space): choose another name." });
    assert.deepEqual(rename(model, offsetOf(SPEC, 'node01'), 'node02'), { error: "A node named 'node02' already exists: choose another name." });
    assert.ok('error' in rename(model, offsetOf(SPEC, 'node01'), 'bad name'));
    assert.ok('error' in rename(model, offsetOf(SPEC, 'agent:'), 'x'));
    assert.deepEqual(rename(model, at, 'stash_vip'), { edits: [] });
  });

  test('a reference through an alias is renamed at the anchored original, once', () => {
    const text = lines(
      'x-vip: &vip stash_vip',
      'x-pair: &pair { resource: stash_vip, with: stash_res }',
      'resources:',
      '  stash_vip: { agent: ocf:heartbeat:IPaddr2 }',
      '  stash_res: { agent: ocf:heartbeat:stash }',
      'groups:',
      '  g1: &members [stash_vip]',
      '  g2: *members',
      'constraints:',
      '  colocation:',
      '    - *pair',
      '    - *pair',
      '  order:',
      '    - { first: *vip, then: stash_res }',
    );
    const result = rename(buildModel(text), offsetOf(text, '  stash_vip:', 0, 3), 'vip');
    assert.ok('edits' in result);
    for (const e of result.edits) assert.equal(text.slice(e.span.start, e.span.end), 'stash_vip');
    assert.deepEqual(result.edits.map((e) => lineOf(text, e.span.start)), [1, 2, 4, 7]);
    const out = applyEdits(text, result.edits);
    const again = buildModel(out);
    assert.deepEqual(again.resourceRefs.map((r) => r.id).sort(), ['stash_res', 'stash_res', 'stash_res', 'vip', 'vip', 'vip', 'vip', 'vip']);
    assert.deepEqual(again.yaml.diagnostics, []);
  });

  test('a declaration brought in by a merge key is renamed in the merged mapping', () => {
    const text = lines('x-more: &more', '  extra: { agent: ocf:pacemaker:Dummy }', 'resources:', '  <<: *more',
      '  main: { agent: ocf:pacemaker:Dummy }', 'constraints:', '  order: [ { first: extra, then: main } ]');
    const out = renamed(text, offsetOf(text, 'first: extra', 0, 8), 'spare');
    assert.equal(out, text.replace('  extra:', '  spare:').replace('first: extra', 'first: spare'));
  });

  test('a new name YAML 1.1 would read as a boolean is quoted where the id was plain', () => {
    const text = lines('resources:', '  a: { agent: ocf:pacemaker:Dummy }', 'groups:', '  g: [a]');
    assert.equal(renamed(text, offsetOf(text, 'a:'), 'yes'), lines('resources:', '  "yes": { agent: ocf:pacemaker:Dummy }', 'groups:', '  g: ["yes"]'));
  });
});
