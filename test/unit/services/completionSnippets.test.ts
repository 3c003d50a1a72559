// Structural snippets in completion: each offered where the format says it fits and
// nowhere else, with its text in the document's indentation, and each pasted at its
// place giving a spec the checks accept.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { AgentCatalog } from '../../../server/src/agents/model';
import { completion, SpecCompletionItem } from '../../../server/src/services/completion';
import { validateText } from '../../../server/src/services/validate';
import { HEAD, KEEP_TOGETHER, NOWHERE, PLACES, RESOURCES, STASH_NO_OPS } from './snippetPlaces';

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
