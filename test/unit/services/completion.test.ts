import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { completion, SpecCompletionItem } from '../../../server/src/services/completion';

const catalog = createCatalog();

/** Completes where `|` stands in `text`; returns the items and the text each would produce. */
function complete(textWithCaret: string): { items: readonly SpecCompletionItem[]; labels: string[]; apply(label: string): string } {
  const offset = textWithCaret.indexOf('|');
  assert.ok(offset >= 0);
  const text = textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1);
  const r = completion(text, catalog, offset);
  return {
    items: r.items,
    labels: r.items.map((i) => i.label),
    apply(label) {
      const item = r.items.find((i) => i.label === label);
      assert.ok(item, `${label} in ${r.items.map((i) => i.label).join(', ')}`);
      return text.slice(0, r.span.start) + item.insertText + text.slice(r.span.end);
    },
  };
}

const HEAD = 'cluster: c\nnodes:\n  n1: { address: 10.0.0.1 }\n  n2: { address: 10.0.0.2 }\n';

describe('completion', () => {
  test('top-level keys on an empty document and on an empty line, minus those present', () => {
    const empty = complete('|');
    assert.deepEqual(empty.labels.slice(0, 2), ['cluster', 'nodes']);
    assert.equal(empty.items[0].sortText?.[0], '0', 'required keys sort first');
    const later = complete(`${HEAD}|`);
    assert.deepEqual(later.labels, ['properties', 'resource-defaults', 'op-defaults', 'resources', 'groups', 'constraints', 'pacemaker']);
    assert.equal(later.apply('resources'), `${HEAD}resources:\n  `);
    assert.equal(later.apply('constraints'), `${HEAD}constraints:\n  `);
  });

  test('the pacemaker key offers the release lines', () => {
    assert.deepEqual(complete(`pacemaker: |\n${HEAD}`).labels, ['1.1', '2.0', '2.1', '3.0']);
  });

  test('a half-typed key is completed in place', () => {
    const c = complete(`${HEAD}resources:\n  r:\n    agent: ocf:pacemaker:Dummy\n    pa|\n`);
    assert.ok(c.labels.includes('params'));
    assert.ok(!c.labels.includes('agent'));
    assert.equal(c.apply('params'), `${HEAD}resources:\n  r:\n    agent: ocf:pacemaker:Dummy\n    params:\n  \n`);
  });

  test('a nested block is indented as the document indents', () => {
    const wide = 'cluster: c\nnodes:\n    n1:\n        address: 10.0.0.1\nresources:\n    r:\n        agent: ocf:pacemaker:Dummy\n        |\n';
    assert.ok(complete(wide).apply('params').includes('        params:\n    \n'), 'a 4-space step, relative to the caret line');
    const flat = `${HEAD}groups:\n  g:\n  - a\nconstraints:\n  |\n`;
    assert.ok(complete(flat).apply('order').includes('constraints:\n  order:\n- \n'), 'a list at its key\'s column, as the document writes them');
  });

  test('a key already followed by a colon gets only its name replaced', () => {
    const c = complete(`${HEAD}resources:\n  r:\n    agent: ocf:pacemaker:Dummy\n    me|ta: {}\n`);
    assert.equal(c.apply('meta'), `${HEAD}resources:\n  r:\n    agent: ocf:pacemaker:Dummy\n    meta: {}\n`);
  });

  test('clone and promotable exclude each other', () => {
    const c = complete(`${HEAD}resources:\n  r:\n    agent: ocf:pacemaker:Dummy\n    clone: {}\n    |\n`);
    assert.ok(!c.labels.includes('promotable'));
    assert.ok(!c.labels.includes('clone'));
  });

  test('parameters: required first, deprecated last and tagged', () => {
    const c = complete(`${HEAD}resources:\n  fs:\n    agent: ocf:heartbeat:Filesystem\n    params:\n      |\n`);
    const sorted = [...c.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(sorted.slice(0, 3).map((i) => i.label).sort(), ['device', 'directory', 'fstype']);
    for (const i of c.items.filter((x) => x.deprecated)) assert.equal(i.sortText?.[0], '2');
    assert.equal(c.items.find((i) => i.label === 'device')?.insertText, 'device: ');
  });

  test('parameters in flow style', () => {
    const c = complete(`${HEAD}resources:\n  vip:\n    agent: ocf:heartbeat:IPaddr2\n    params: { ip: 10.0.0.9, | }\n`);
    assert.ok(c.labels.includes('cidr_netmask'));
    assert.ok(!c.labels.includes('ip'));
    assert.equal(c.apply('nic'), `${HEAD}resources:\n  vip:\n    agent: ocf:heartbeat:IPaddr2\n    params: { ip: 10.0.0.9, nic:  }\n`);
  });

  test('operations: the agent\'s actions with their advertised timings', () => {
    const c = complete(`${HEAD}resources:\n  s:\n    agent: ocf:heartbeat:stash\n    ops:\n      |\n`);
    assert.ok(!c.labels.includes('meta-data'));
    assert.equal(c.items.find((i) => i.label === 'monitor')?.insertText, 'monitor: { interval: 15s, timeout: 30s }');
    assert.equal(c.items.find((i) => i.label === 'start')?.insertText, 'start: { timeout: 240s }');
    const unknown = complete(`${HEAD}resources:\n  s:\n    agent: ocf:acme:Nope\n    ops:\n      |\n`);
    assert.ok(unknown.labels.includes('monitor'));
    assert.ok(unknown.items.find((i) => i.label === 'monitor')?.snippet);
  });

  test('operation options and their values', () => {
    const keys = complete(`${HEAD}resources:\n  s:\n    agent: ocf:heartbeat:stash\n    ops:\n      monitor: { interval: 15s, | }\n`);
    assert.ok(keys.labels.includes('timeout') && keys.labels.includes('on-fail') && !keys.labels.includes('interval'));
    const role = complete(`${HEAD}resources:\n  s:\n    agent: ocf:heartbeat:stash\n    ops:\n      monitor:\n        - { interval: 15s, role: | }\n`);
    assert.deepEqual(role.labels, ['Started', 'Stopped', 'Promoted', 'Unpromoted', 'Master', 'Slave']);
    assert.ok(role.items.find((i) => i.label === 'Master')?.deprecated);
  });

  test('meta attribute and property values', () => {
    assert.deepEqual(complete(`${HEAD}properties:\n  no-quorum-policy: |\n`).labels, ['stop', 'freeze', 'ignore', 'demote', 'suicide']);
    assert.deepEqual(complete(`${HEAD}properties:\n  stonith-enabled: |\n`).labels, ['true', 'false']);
    assert.deepEqual(complete(`${HEAD}resource-defaults:\n  migration-threshold: |\n`).labels, ['INFINITY']);
    assert.ok(!complete(`${HEAD}properties:\n  stonith-enabled: true\n  |\n`).labels.includes('fencing-enabled'), 'an alias of a present property is not offered');
  });

  test('agent names, replacing the whole agent string typed so far', () => {
    const c = complete(`${HEAD}resources:\n  r:\n    agent: ocf:pace|\n`);
    assert.ok(c.labels.includes('ocf:pacemaker:Dummy'));
    assert.equal(c.apply('ocf:pacemaker:ping'), `${HEAD}resources:\n  r:\n    agent: ocf:pacemaker:ping\n`);
    const bare = complete(`${HEAD}resources:\n  r:\n    agent:|\n`);
    assert.ok(bare.labels.includes('ocf:heartbeat:stash'));
  });

  test('ids: resources and groups where referenced, minus the group itself and the other end; nodes for a location', () => {
    const spec = `${HEAD}resources:\n  a: { agent: ocf:pacemaker:Dummy }\n  b: { agent: ocf:pacemaker:Dummy }\n`;
    assert.deepEqual(complete(`${spec}groups:\n  g: [a, |]\n`).labels, ['a', 'b']);
    assert.deepEqual(complete(`${spec}groups:\n  g:\n    - |\n`).labels, ['a', 'b']);
    assert.deepEqual(complete(`${spec}groups:\n  g: [a]\nconstraints:\n  colocation:\n    - { resource: a, with: | }\n`).labels, ['b', 'g']);
    assert.deepEqual(complete(`${spec}constraints:\n  location:\n    - { resource: a, node: | }\n`).labels, ['n1', 'n2']);
  });

  test('a new list item of constraints offers the constraint\'s keys (and, last, the constraint snippet: completionSnippets.test.ts)', () => {
    const c = complete(`${HEAD}constraints:\n  order:\n    - |\n`);
    assert.deepEqual(c.items.filter((i) => i.kind !== 'snippet').map((i) => i.label), ['first', 'then', 'kind', 'symmetrical', 'first-action', 'then-action']);
    assert.equal(c.apply('first'), `${HEAD}constraints:\n  order:\n    - first: \n`);
  });

  test('ids being declared get no completions but snippets (completionSnippets.test.ts), nor do free-text values', () => {
    assert.deepEqual(complete(`${HEAD}resources:\n  |\n`).items.filter((i) => i.kind !== 'snippet'), []);
    assert.deepEqual(complete('cluster: |\n').labels, []);
  });
});
