// Edits that add list items and create missing keys (addListItem, appendToSequence,
// indentationOf), plus key insertion at 4-space indentation; each result is re-parsed.
// The mapping edits' own cases are in edits.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { TextEdit } from '../../../server/src/spec/diagnostic';
import { addKeyWithMapping, addListItem, addToMapping, appendToSequence, Entry, indentationOf } from '../../../server/src/spec/edits';
import { parseYaml, YMap, YSeq } from '../../../server/src/spec/yamlTree';

function apply(text: string, edit: TextEdit | undefined): string {
  assert.ok(edit, 'an edit was expected');
  return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
}

/** Parses the result: the edit must leave valid YAML. */
function reparse(text: string): unknown {
  assert.deepEqual(parseYaml(text).diagnostics.map((d) => d.message), [], text);
  return parse(text, { merge: true });
}

function rootMap(text: string): YMap {
  const root = parseYaml(text).root;
  assert.equal(root?.kind, 'map');
  return root;
}

function at(map: YMap, ...path: string[]): YMap | YSeq {
  let node: YMap | YSeq = map;
  for (const key of path) node = (node as YMap).get(key)!.value as YMap | YSeq;
  return node;
}

const COLO: Entry[] = [{ key: 'resource', value: 'vip' }, { key: 'with', value: 'app' }, { key: 'score', value: 'INFINITY' }];
const COLO_VALUE = { resource: 'vip', with: 'app', score: 'INFINITY' };
const NEW = '{ resource: vip, with: app, score: INFINITY }';

describe('addListItem', () => {
  const cases: { name: string; text: string; flow?: boolean; expect: string }[] = [
    {
      name: 'appends a flow item to a block list of flow items (2 spaces)',
      text: 'cluster: c\nconstraints:\n  colocation:\n    - { resource: a, with: b }\n  order: []\n',
      expect: `cluster: c\nconstraints:\n  colocation:\n    - { resource: a, with: b }\n    - ${NEW}\n  order: []\n`,
    },
    {
      name: 'appends block keys after a block item, at the same key offset (4 spaces)',
      text: 'constraints:\n    colocation:\n        -   resource: a\n            with: b\n',
      expect: 'constraints:\n    colocation:\n        -   resource: a\n            with: b\n        -   resource: vip\n            with: app\n            score: INFINITY\n',
    },
    {
      name: 'appends to a flow list',
      text: 'constraints: { colocation: [ { resource: a, with: b } ] }\n',
      expect: `constraints: { colocation: [ { resource: a, with: b }, ${NEW} ] }\n`,
    },
    {
      name: 'fills an empty flow list',
      text: 'constraints:\n  colocation: []\n',
      expect: `constraints:\n  colocation: [ ${NEW} ]\n`,
    },
    {
      name: 'creates the list under an existing block mapping, indented like the document (4 spaces)',
      text: 'cluster: c\nconstraints:\n    order:\n        - { first: a, then: b }\nproperties: {}\n',
      expect: `cluster: c\nconstraints:\n    order:\n        - { first: a, then: b }\n    colocation:\n        - ${NEW}\nproperties: {}\n`,
    },
    {
      name: 'creates the list in a flow mapping',
      text: 'constraints: { order: [] }\n',
      expect: `constraints: { order: [], colocation: [ ${NEW} ] }\n`,
    },
    {
      name: 'creates constraints and the list at the end of the document, without a final newline',
      text: 'cluster: c\nresources:\n  vip: { agent: ocf:heartbeat:IPaddr2 }',
      expect: `cluster: c\nresources:\n  vip: { agent: ocf:heartbeat:IPaddr2 }\nconstraints:\n  colocation:\n    - ${NEW}`,
    },
    {
      name: 'creates block keys when asked, with an indentless list where the document uses one',
      text: 'nodes:\n  n1:\n    address: x\ngroups:\n  g:\n  - a\n',
      flow: false,
      expect: 'nodes:\n  n1:\n    address: x\ngroups:\n  g:\n  - a\nconstraints:\n  colocation:\n  - resource: vip\n    with: app\n    score: INFINITY\n',
    },
    {
      name: 'fills an empty constraints key',
      text: 'cluster: c\nconstraints:\nproperties: {}\n',
      expect: `cluster: c\nconstraints:\n  colocation:\n    - ${NEW}\nproperties: {}\n`,
    },
    {
      name: 'fills an empty colocation key followed by a comment',
      text: 'constraints:\n  colocation:   # none yet\n  order: []\n',
      expect: `constraints:\n  colocation:   # none yet\n    - ${NEW}\n  order: []\n`,
    },
    {
      name: 'fills an empty key inside a flow mapping',
      text: 'constraints: { colocation: , order: [] }\n',
      expect: `constraints: { colocation: [ ${NEW} ] , order: [] }\n`,
    },
    {
      name: 'replaces a ~ value',
      text: 'constraints:\n  colocation: ~\n',
      expect: `constraints:\n  colocation: [ ${NEW} ]\n`,
    },
    {
      name: 'keeps CRLF line breaks when appending',
      text: 'cluster: c\r\nconstraints:\r\n  colocation:\r\n    - { resource: a, with: b }\r\n',
      expect: `cluster: c\r\nconstraints:\r\n  colocation:\r\n    - { resource: a, with: b }\r\n    - ${NEW}\r\n`,
    },
    {
      name: 'keeps CRLF line breaks when creating keys',
      text: 'cluster: c\r\nconstraints:\r\n  order: []\r\n',
      expect: `cluster: c\r\nconstraints:\r\n  order: []\r\n  colocation:\r\n    - ${NEW}\r\n`,
    },
    {
      name: 'inserts before a comment line that ends the document',
      text: 'constraints:\n  colocation:\n    - { resource: a, with: b }  # main\n# the end\n',
      expect: `constraints:\n  colocation:\n    - { resource: a, with: b }  # main\n    - ${NEW}\n# the end\n`,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const out = apply(c.text, addListItem(c.text, rootMap(c.text), ['constraints', 'colocation'], COLO, c.flow));
      assert.equal(out, c.expect);
      const list = (reparse(out) as { constraints: { colocation: unknown[] } }).constraints.colocation;
      assert.deepEqual(list[list.length - 1], COLO_VALUE);
      if (c.text.includes('resource: a')) assert.deepEqual(list[0], { resource: 'a', with: 'b' });
    });
  }

  test('gives up where the place is an alias, a merge, or not a list', () => {
    for (const text of [
      'x-c: &c { colocation: [] }\nconstraints: *c\n',
      'x-c: &c { constraints: { colocation: [] } }\n<<: *c\ncluster: c\n',
      'constraints:\n  colocation: nope\n',
      'constraints:\n  colocation: { a: b }\n',
      'constraints:\n  colocation: *none\n',
    ]) assert.equal(addListItem(text, rootMap(text), ['constraints', 'colocation'], COLO), undefined, text);
  });
});

describe('appendToSequence', () => {
  test('follows the last item: block keys after a block item, flow after a flow item', () => {
    const block = 'l:\n  - a: 1\n    b: 2\n';
    const out = apply(block, appendToSequence(block, at(rootMap(block), 'l') as YSeq, [{ key: 'a', value: '3' }, { key: 'b', value: '4' }]));
    assert.equal(out, 'l:\n  - a: 1\n    b: 2\n  - a: 3\n    b: 4\n');
    const flow = 'l:\n- { a: 1 }\n';
    const out2 = apply(flow, appendToSequence(flow, at(rootMap(flow), 'l') as YSeq, [{ key: 'a', value: '2' }]));
    assert.equal(out2, 'l:\n- { a: 1 }\n- { a: 2 }\n');
    assert.deepEqual(reparse(out2), { l: [{ a: 1 }, { a: 2 }] });
  });

  test('inserts after the last flow item even when a comment and a trailing comma follow', () => {
    const text = 'l: [\n  { a: 1 },  # one\n]\n';
    const out = apply(text, appendToSequence(text, at(rootMap(text), 'l') as YSeq, [{ key: 'a', value: '2' }]));
    assert.deepEqual(reparse(out), { l: [{ a: 1 }, { a: 2 }] });
  });

  test('quotes values that would not read back as the same text', () => {
    const text = 'l: []\n';
    const out = apply(text, appendToSequence(text, at(rootMap(text), 'l') as YSeq, [{ key: 'x', value: 'a: b, c' }]));
    assert.deepEqual(reparse(out), { l: [{ x: 'a: b, c' }] });
  });
});

describe('mapping edits at 4 spaces', () => {
  const entries: Entry[] = [{ key: 'ip', value: '10.0.0.5' }];
  test('addToMapping inserts a key at the mapping indentation', () => {
    const text = 'r:\n    params:\n        nic: eth0\n    agent: x\n';
    const out = apply(text, addToMapping(text, at(rootMap(text), 'r', 'params') as YMap, entries));
    assert.equal(out, 'r:\n    params:\n        nic: eth0\n        ip: 10.0.0.5\n    agent: x\n');
    assert.deepEqual(reparse(out), { r: { params: { nic: 'eth0', ip: '10.0.0.5' }, agent: 'x' } });
  });

  test('addKeyWithMapping creates a mapping that re-parses', () => {
    const text = 'r:\n    agent: x\n';
    const out = apply(text, addKeyWithMapping(text, at(rootMap(text), 'r') as YMap, 'params', entries));
    assert.deepEqual(reparse(out), { r: { agent: 'x', params: { ip: '10.0.0.5' } } });
  });
});

describe('indentationOf', () => {
  test('reads the step and the sequence indent the document uses', () => {
    const four = 'a:\n    b:\n        - x\n';
    assert.deepEqual(indentationOf(four, rootMap(four)), { step: 4, seqIndent: 4 });
    const indentless = 'a:\n  b: 1\nl:\n- x\n';
    assert.deepEqual(indentationOf(indentless, rootMap(indentless)), { step: 2, seqIndent: 0 });
    const three = 'a:\n   b: 1\n';
    assert.deepEqual(indentationOf(three, rootMap(three)), { step: 3, seqIndent: 3 });
    const flat = 'a: 1\n';
    assert.deepEqual(indentationOf(flat, rootMap(flat)), { step: 2, seqIndent: 2 });
  });
});
