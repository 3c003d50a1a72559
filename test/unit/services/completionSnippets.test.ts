// Structural snippets in completion: each offered where the format says it fits and
// nowhere else, with its text in the document's indentation, and each pasted at its
// place giving a spec the checks accept.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { AgentCatalog } from '../../../server/src/agents/model';
import { completion, SpecCompletionItem } from '../../../server/src/services/completion';
import { validateText } from '../../../server/src/services/validate';
import { lines } from '../helpers';

const catalog = createCatalog();

interface At {
  readonly text: string;
  readonly items: readonly SpecCompletionItem[];
  readonly snippets: readonly SpecCompletionItem[];
  /** The document after accepting `label` and tabbing through its defaults, as VS Code inserts it. */
  paste(label: string): string;
}

/** Completes where `|` stands. */
function at(textWithCaret: string): At {
  const offset = textWithCaret.indexOf('|');
  assert.ok(offset >= 0, 'a caret');
  const text = textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1);
  const r = completion(text, catalog, offset);
  const snippets = r.items.filter((i) => i.kind === 'snippet');
  return {
    text, items: r.items, snippets,
    paste(label) {
      const item = snippets.find((i) => i.label === label);
      assert.ok(item, `${label} in ${snippets.map((i) => i.label).join(', ')}`);
      // InsertTextMode.adjustIndentation: each new line gets the caret line's leading whitespace.
      const lineStart = text.lastIndexOf('\n', r.span.start - 1) + 1;
      const lead = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
      const inserted = expandSnippet(item.insertText).split('\n').join(`\n${lead}`);
      return text.slice(0, r.span.start) + inserted + text.slice(r.span.end);
    },
  };
}

/** An LSP snippet with every tab stop at its default and every choice at its first option. */
function expandSnippet(s: string): string {
  let out = '';
  let i = 0;
  const until = (stops: string): string => {
    let r = '';
    while (i < s.length && !stops.includes(s[i])) {
      if (s[i] === '\\') i++;
      r += s[i++];
    }
    return r;
  };
  while (i < s.length) {
    if (s[i] === '\\') { out += s[i + 1]; i += 2; continue; }
    const tabStop = /^\$(\d+|\{\d+\})/.exec(s.slice(i));
    if (tabStop) { i += tabStop[0].length; continue; }
    const open = /^\$\{\d+([:|])/.exec(s.slice(i));
    if (!open) { out += s[i++]; continue; }
    i += open[0].length;
    if (open[1] === ':') { out += until('}'); i++; continue; }
    out += until(',|');
    until('}');
    i++;
  }
  return out;
}

const labels = (a: At): string[] => a.snippets.map((i) => i.label);

const HEAD = lines(
  'cluster: stash',
  'nodes:',
  '  node01: { address: 192.168.56.11 }',
  '  node02: { address: 192.168.56.12 }',
);
/** Two resources, Stash's home on the file system. */
const RESOURCES = lines(
  'resources:',
  '  stash_fs:',
  '    agent: ocf:heartbeat:Filesystem',
  '    params: { device: /dev/drbd0, directory: /srv/data, fstype: xfs }',
  '  stash_res:',
  '    agent: ocf:heartbeat:stash',
  '    params:',
  '      stash_user: atlstash',
  '      stash_home: /srv/data/stash',
  '      stash_inst: /opt/atlassian/stash',
);
const KEEP_TOGETHER = lines('constraints:', '  colocation:', '    - { resource: stash_res, with: stash_fs }');
const STASH_NO_OPS = lines(
  'resources:',
  '  stash_res:',
  '    agent: ocf:heartbeat:stash',
  '    params: { stash_user: atlstash, stash_home: /srv/data/stash, stash_inst: /opt/atlassian/stash }',
);

const STASH_TEXT = [
  '${1:stash_res}:',
  '  agent: ocf:heartbeat:stash',
  '  params:',
  '    stash_user: ${2:atlstash}',
  '    stash_home: ${3:/var/atlassian/application-data/stash}',
  '    stash_inst: ${4:/opt/atlassian/stash/3.11.3}',
  '  ops:',
  '    monitor: { interval: 15s, timeout: 30s }',
  '    start: { timeout: 240s }',
  '    stop: { timeout: 120s }',
  '  meta:',
  '    migration-threshold: ${5:1}',
  '    failure-timeout: ${6:1h}',
].join('\n');

/** Each place, with the snippets offered there (label → insert text), in order. */
const PLACES: readonly { name: string; text: string; snippets: Record<string, string> }[] = [
  {
    name: 'the top level of an empty document',
    text: '|',
    snippets: {
      'Stash cluster spec': [
        'cluster: ${1:stash}',
        'nodes:',
        '  ${2:node01}: { address: ${3:192.168.56.11} }',
        '  ${4:node02}: { address: ${5:192.168.56.12} }',
        'properties:',
        '  stonith-enabled: ${6|true,false|}',
        '  no-quorum-policy: ${7|stop,freeze,ignore,demote,suicide|}',
        'resources:',
        '  stash_fs:',
        '    agent: ocf:heartbeat:Filesystem',
        '    params:',
        '      device: ${8:/dev/drbd0}',
        '      directory: ${9:/var/atlassian/application-data}',
        '      fstype: ${10|xfs,ext4,nfs|}',
        '    ops:',
        '      monitor: { interval: 20s, timeout: 40s }',
        '      start: { timeout: 60s }',
        '      stop: { timeout: 60s }',
        '  stash_vip:',
        '    agent: ocf:heartbeat:IPaddr2',
        '    params:',
        '      ip: ${11:192.168.56.100}',
        '      cidr_netmask: ${12:24}',
        '    ops:',
        '      monitor: { interval: 10s, timeout: 20s }',
        '      start: { timeout: 20s }',
        '      stop: { timeout: 20s }',
        '  stash_res:',
        '    agent: ocf:heartbeat:stash',
        '    params:',
        '      stash_user: ${13:atlstash}',
        '      stash_home: ${14:/var/atlassian/application-data/stash}',
        '      stash_inst: ${15:/opt/atlassian/stash/3.11.3}',
        '    ops:',
        '      monitor: { interval: 15s, timeout: 30s }',
        '      start: { timeout: 240s }',
        '      stop: { timeout: 120s }',
        '    meta:',
        '      migration-threshold: ${16:1}',
        '      failure-timeout: ${17:1h}',
        'constraints:',
        '  colocation:',
        '    - { resource: stash_res, with: stash_fs }',
        '    - { resource: stash_vip, with: stash_res }',
        '  order:',
        '    - { first: stash_fs, then: stash_res }',
        '    - { first: stash_res, then: stash_vip }',
      ].join('\n'),
    },
  },
  {
    name: 'a new entry under nodes: (the next name, the next address)',
    text: `${HEAD}  |\n${RESOURCES}`,
    snippets: { node: '${1:node03}: { address: ${2:192.168.56.13} }' },
  },
  {
    name: 'a new entry under resources: (required parameters and timeouts from the meta-data)',
    text: `${HEAD}${RESOURCES}  |\n${KEEP_TOGETHER}`,
    snippets: {
      'Stash resource': STASH_TEXT.replace('${1:stash_res}', '${1:stash_res2}'),
      'Virtual IP': [
        '${1:stash_vip}:',
        '  agent: ocf:heartbeat:IPaddr2',
        '  params:',
        '    ip: ${2:192.168.56.100}',
        '    cidr_netmask: ${3:24}',
        '  ops:',
        '    monitor: { interval: 10s, timeout: 20s }',
        '    start: { timeout: 20s }',
        '    stop: { timeout: 20s }',
      ].join('\n'),
      Filesystem: [
        '${1:stash_fs2}:',
        '  agent: ocf:heartbeat:Filesystem',
        '  params:',
        '    device: ${2:/dev/drbd0}',
        '    directory: ${3:/var/atlassian/application-data}',
        '    fstype: ${4|xfs,ext4,nfs|}',
        '  ops:',
        '    monitor: { interval: 20s, timeout: 40s }',
        '    start: { timeout: 60s }',
        '    stop: { timeout: 60s }',
      ].join('\n'),
      'DRBD (promotable)': [
        '${1:stash_drbd}:',
        '  agent: ocf:linbit:drbd',
        '  params:',
        '    drbd_resource: ${2:stash}',
        '  ops:',
        '    monitor:',
        '      - { interval: 20s, timeout: 20s, role: Unpromoted }',
        '      - { interval: 10s, timeout: 20s, role: Promoted }',
        '    start: { timeout: 240s }',
        '    stop: { timeout: 100s }',
        '    promote: { timeout: 90s }',
        '    demote: { timeout: 90s }',
        '  promotable:',
        '    promoted-max: 1',
        '    promoted-node-max: 1',
        '    clone-max: 2',
        '    clone-node-max: 1',
        '    notify: true',
      ].join('\n'),
      Dummy: [
        '${1:dummy}:',
        '  agent: ocf:pacemaker:Dummy',
        '  ops:',
        '    monitor: { interval: 10s, timeout: 20s }',
        '    start: { timeout: 20s }',
        '    stop: { timeout: 20s }',
      ].join('\n'),
    },
  },
  {
    name: 'a new entry under groups: (members chosen from the resources)',
    text: `${HEAD}${RESOURCES}groups:\n  |\n${KEEP_TOGETHER}`,
    snippets: { group: '${1:stash_group}:\n  - ${2|stash_fs,stash_res|}\n  - ${3|stash_res,stash_fs|}' },
  },
  {
    name: 'a new key under constraints: (the lists not there yet)',
    text: `${HEAD}${RESOURCES}${KEEP_TOGETHER}  |\n`,
    snippets: {
      'order constraint': 'order:\n  - { first: ${1|stash_fs,stash_res|}, then: ${2|stash_res,stash_fs|} }',
      'location constraint': 'location:\n  - { resource: ${1|stash_fs,stash_res|}, node: ${2|node01,node02|}, score: ${3:100} }',
    },
  },
  {
    name: 'an item of the colocation list, after "- "',
    text: `${HEAD}${RESOURCES}constraints:\n  colocation:\n    - |\n`,
    snippets: { 'colocation constraint': '{ resource: ${1|stash_fs,stash_res|}, with: ${2|stash_res,stash_fs|}, score: ${3:INFINITY} }' },
  },
  {
    name: 'a new line of the colocation list, after its items',
    text: `${HEAD}${RESOURCES}${KEEP_TOGETHER}    |\n`,
    snippets: { 'colocation constraint': '- { resource: ${1|stash_fs,stash_res|}, with: ${2|stash_res,stash_fs|}, score: ${3:INFINITY} }' },
  },
  {
    name: 'the first line of an empty order list',
    text: `${HEAD}${RESOURCES}${KEEP_TOGETHER}  order:\n    |\n`,
    snippets: { 'order constraint': '- { first: ${1|stash_fs,stash_res|}, then: ${2|stash_res,stash_fs|} }' },
  },
  {
    name: 'an item of a flow location list',
    text: `${HEAD}${RESOURCES}${KEEP_TOGETHER}  location: [ | ]\n`,
    snippets: { 'location constraint': '{ resource: ${1|stash_fs,stash_res|}, node: ${2|node01,node02|}, score: ${3:100} }' },
  },
  {
    name: "a resource's ops: (the agent's advertised timeouts)",
    text: `${HEAD}${STASH_NO_OPS}    ops:\n      |\n`,
    snippets: { 'monitor, start and stop': 'monitor: { interval: 15s, timeout: 30s }\nstart: { timeout: 240s }\nstop: { timeout: 120s }' },
  },
  {
    name: "a resource's ops: with start written (the two left)",
    text: `${HEAD}${STASH_NO_OPS}    ops:\n      start: { timeout: 300s }\n      |\n`,
    snippets: { 'monitor and stop': 'monitor: { interval: 15s, timeout: 30s }\nstop: { timeout: 120s }' },
  },
  {
    name: "a resource's meta:",
    text: `${HEAD}${STASH_NO_OPS}    meta:\n      |\n`,
    snippets: { 'failover meta attributes': 'migration-threshold: ${1:1}\nfailure-timeout: ${2:1h}' },
  },
  {
    name: 'resource-defaults: (the meta attributes)',
    text: `${HEAD}resource-defaults:\n  |\n`,
    snippets: { 'failover meta attributes': 'migration-threshold: ${1:1}\nfailure-timeout: ${2:1h}' },
  },
  {
    name: 'properties:',
    text: `${HEAD}properties:\n  |\n`,
    snippets: { 'fencing and quorum': 'stonith-enabled: ${1|true,false|}\nno-quorum-policy: ${2|stop,freeze,ignore,demote,suicide|}' },
  },
];

/** Places where no structural snippet fits. */
const NOWHERE: readonly { name: string; text: string }[] = [
  { name: "an empty line in a Stash resource's params", text: `${HEAD}${RESOURCES}      |\n` },
  { name: "a half-typed parameter in a Stash resource's params", text: `${HEAD}${RESOURCES}      sta|\n` },
  { name: "the first line of a Stash resource's empty params", text: `${HEAD}resources:\n  s:\n    agent: ocf:heartbeat:stash\n    params:\n      |\n` },
  { name: "a Stash resource's flow params", text: `${HEAD}${STASH_NO_OPS.replace('stash_inst: /opt/atlassian/stash', 'stash_inst: /opt/atlassian/stash, |')}` },
  { name: 'the top level of a document that has keys', text: `${HEAD}|\n` },
  { name: 'a document with an x- key only', text: 'x-common: &c { a: 1 }\n|\n' },
  { name: "a resource's keys", text: `${HEAD}${RESOURCES}    |\n` },
  { name: "a node's keys", text: `${HEAD.replace('  node02: { address: 192.168.56.12 }\n', '  node02:\n    address: 192.168.56.12\n    |\n')}` },
  { name: "a node's ssh", text: `${HEAD}  node03:\n    address: 10.0.0.3\n    ssh:\n      |\n` },
  { name: 'a flow nodes mapping', text: 'cluster: stash\nnodes: { node01: { address: 10.0.0.1 }, | }\n' },
  { name: 'a key already written', text: `${HEAD}res|ources:\n  stash_fs: { agent: ocf:heartbeat:Filesystem }\n` },
  { name: 'clone options', text: `${HEAD}resources:\n  d:\n    agent: ocf:pacemaker:Dummy\n    clone:\n      |\n` },
  { name: 'op-defaults', text: `${HEAD}op-defaults:\n  |\n` },
  { name: "an operation's options", text: `${HEAD}${STASH_NO_OPS}    ops:\n      monitor:\n        |\n` },
  { name: 'the keys of a block constraint item', text: `${HEAD}${RESOURCES}constraints:\n  order:\n    - first: stash_fs\n      |\n` },
  { name: 'a group member after "- "', text: `${HEAD}${RESOURCES}groups:\n  g:\n    - |\n` },
  { name: "a new line of a group's members", text: `${HEAD}${RESOURCES}groups:\n  g:\n    - stash_fs\n    |\n` },
  { name: 'a value', text: `${HEAD}${RESOURCES}${KEEP_TOGETHER.replace('with: stash_fs }', 'with: stash_fs, score: | }')}` },
  { name: 'an agent value', text: `${HEAD}resources:\n  r:\n    agent: |\n` },
  { name: 'a key the format does not have', text: `${HEAD}extras:\n  |\n` },
  { name: 'the ops of an agent the catalog does not know', text: `${HEAD}resources:\n  r:\n    agent: ocf:acme:Nope\n    ops:\n      |\n` },
];

/** Codes a pasted snippet must never cause. */
const STRUCTURE_CODES = new Set(['yaml-syntax', 'unknown-key', 'type-mismatch']);

describe('structural snippets in completion', () => {
  for (const place of PLACES) {
    test(`${place.name}: ${Object.keys(place.snippets).join(', ')}`, () => {
      const a = at(place.text);
      assert.deepEqual(labels(a), Object.keys(place.snippets));
      for (const item of a.snippets) assert.equal(item.insertText, place.snippets[item.label], item.label);
    });
  }

  for (const place of NOWHERE) {
    test(`none at ${place.name}`, () => {
      assert.deepEqual(labels(at(place.text)), []);
    });
  }

  test("inside a Stash resource's params: its parameters and nothing else", () => {
    const a = at(`${HEAD}resources:\n  s:\n    agent: ocf:heartbeat:stash\n    params:\n      stash_user: atlstash\n      |\n`);
    assert.deepEqual(a.items.slice(0, 2).map((i) => i.label), ['stash_home', 'stash_inst']);
    assert.deepEqual(a.items.filter((i) => i.kind !== 'field').map((i) => i.label), []);
  });

  test('each snippet pasted at its place gives a spec without structure findings or errors', () => {
    for (const place of PLACES) {
      const a = at(place.text);
      for (const label of labels(a)) {
        const pasted = a.paste(label);
        const found = validateText(pasted, catalog);
        const bad = found.filter((d) => STRUCTURE_CODES.has(d.code) || d.severity === 'error');
        assert.deepEqual(bad.map((d) => `${d.code}: ${d.message}`), [], `${label} at ${place.name}:\n${pasted}`);
      }
    }
  });

  test('a pasted snippet adds what it says where it says', () => {
    const resources = at(`${HEAD}${RESOURCES}  |\n${KEEP_TOGETHER}`).paste('Stash resource');
    assert.match(resources, /\n {2}stash_res2:\n {4}agent: ocf:heartbeat:stash\n {4}params:\n {6}stash_user: atlstash\n/);
    const line = at(`${HEAD}${RESOURCES}${KEEP_TOGETHER}    |\n`).paste('colocation constraint');
    assert.ok(line.endsWith('    - { resource: stash_res, with: stash_fs }\n    - { resource: stash_fs, with: stash_res, score: INFINITY }\n'));
  });

  test('snippets sort after the keys and values, and are marked as snippets with their text shown', () => {
    const a = at(`${HEAD}${STASH_NO_OPS}    meta:\n      |\n`);
    const keys = a.items.filter((i) => i.kind !== 'snippet');
    assert.ok(keys.length > 0);
    for (const s of a.snippets) {
      assert.equal(s.snippet, true);
      assert.ok(s.detail);
      assert.match(s.documentation ?? '', /^```yaml\nmigration-threshold: 1\nfailure-timeout: 1h\n```$/);
      for (const k of keys) assert.ok((s.sortText ?? s.label) > (k.sortText ?? k.label), `${s.label} after ${k.label}`);
    }
  });

  test("written in the document's indentation: a 4-space step, and lists under their key at its column", () => {
    const wide = at('cluster: stash\nnodes:\n    node01:\n        address: 10.0.0.1\nresources:\n    |\n');
    const dummy = wide.snippets.find((i) => i.label === 'Dummy');
    assert.equal(dummy?.insertText, [
      '${1:dummy}:',
      '    agent: ocf:pacemaker:Dummy',
      '    ops:',
      '        monitor: { interval: 10s, timeout: 20s }',
      '        start: { timeout: 20s }',
      '        stop: { timeout: 20s }',
    ].join('\n'));
    const flat = `${HEAD}${RESOURCES}groups:\n  g:\n  - stash_fs\n  |\n`;
    const group = at(flat);
    assert.equal(group.snippets.find((i) => i.label === 'group')?.insertText, '${1:stash_group}:\n- ${2|stash_res|}');
    for (const a of [wide, group]) {
      for (const label of labels(a)) {
        const found = validateText(a.paste(label), catalog).filter((d) => STRUCTURE_CODES.has(d.code));
        assert.deepEqual(found, [], label);
      }
    }
  });

  test('a new line after "- " items at the key\'s own column is both a new item and a new key of the mapping around', () => {
    const a = at(`${HEAD}${RESOURCES}constraints:\n  colocation:\n  - { resource: stash_res, with: stash_fs }\n  |\n`);
    assert.deepEqual(labels(a), ['colocation constraint', 'order constraint', 'location constraint']);
    assert.ok(a.snippets[0].insertText.startsWith('- { resource: '));
    assert.ok(a.snippets[1].insertText.startsWith('order:\n- { first: '));
    assert.deepEqual(a.items.filter((i) => i.kind === 'field').map((i) => i.label), ['order', 'location']);
    assert.deepEqual(a.snippets.map((s) => s.sortText), ['~00', '~01', '~02']);
  });

  test('a typed word is replaced, and the snippets stay for the editor to filter (by label and old prefixes)', () => {
    const a = at(`${HEAD}${RESOURCES}  vi|\n`);
    const vip = a.snippets.find((i) => i.label === 'Virtual IP');
    assert.match(vip?.filterText ?? '', /\bvip\b/);
    assert.match(a.paste('Virtual IP'), /\n {2}stash_vip:\n {4}agent: ocf:heartbeat:IPaddr2\n/);
  });

  test('no resource snippet for an agent the catalog lacks; an id already taken gets a number', () => {
    const base = createCatalog();
    const noDrbd: AgentCatalog = {
      get: (name) => (name === 'ocf:linbit:drbd' ? undefined : base.get(name)),
      names: () => base.names().filter((n) => n !== 'ocf:linbit:drbd'),
    };
    const text = `${HEAD}resources:\n  stash_vip: { agent: ocf:heartbeat:IPaddr2 }\n  \n`;
    const items = completion(text, noDrbd, text.length - 1).items.filter((i) => i.kind === 'snippet');
    assert.deepEqual(items.map((i) => i.label), ['Stash resource', 'Virtual IP', 'Filesystem', 'Dummy']);
    assert.ok(items[1].insertText.startsWith('${1:stash_vip2}:\n'));
  });
});
