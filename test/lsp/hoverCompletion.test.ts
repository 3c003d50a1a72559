/**
 * Hover and completion over LSP: parameter descriptions, durations in seconds, agent
 * and id hovers; key, agent, parameter (required first), select/boolean value and id
 * completions, with the edits VS Code would apply.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItem, CompletionList, Position } from 'vscode-languageserver-protocol';
import { LspClient, positionOf } from './lspClient';
import { MISTAKES_SPEC, applyEdits } from './specs';

describe('hover and completion over LSP', () => {
  let client: LspClient;
  const uri = 'file:///work/features.cluster.yaml';
  before(async () => {
    client = await LspClient.start();
    await client.open(uri, MISTAKES_SPEC);
  });
  after(() => client?.kill());

  const hoverText = async (needle: string, delta = 1, nth = 0): Promise<string> => {
    const h = await client.hover(uri, positionOf(MISTAKES_SPEC, needle, delta, nth));
    assert.ok(h, `a hover on '${needle}'`);
    assert.equal(h.contents.kind, 'markdown');
    return h.contents.value;
  };

  test('hovering a parameter shows its long description, type and required flag from the agent', async () => {
    const md = await hoverText('stash_home');
    assert.match(md, /\*\*stash_home\*\* — parameter of `ocf:heartbeat:stash`/);
    assert.match(md, /Type: string/);
    assert.match(md, /required/);
    assert.match(md, /STASH_HOME|home directory/i);
  });

  test('hovering durations shows them in seconds', async () => {
    assert.match(await hoverText('PT4M'), /`PT4M` = \*\*240 s\*\*/);
    assert.match(await hoverText('30000ms'), /= \*\*30 s\*\*/);
  });

  test('hovering an agent shows its description and where its meta-data came from', async () => {
    const md = await hoverText('ocf:heartbeat:stash', 5);
    assert.match(md, /\*\*ocf:heartbeat:stash\*\*/);
    assert.match(md, /Meta-data from: agent\/stash/);
    assert.match(md, /Required parameters: `stash_user`, `stash_home`, `stash_inst`/);
  });

  test('hovering a referenced id says what it names', async () => {
    const md = await hoverText('with: stash_fs', 'with: '.length + 2);
    assert.match(md, /\*\*stash_fs\*\* — resource `ocf:heartbeat:Filesystem`, declared on line 6/);
    assert.match(await hoverText('node: node01', 'node: '.length), /cluster node at `192\.168\.56\.11`/);
  });

  test('hovering a meta attribute or format key shows the format help', async () => {
    assert.match(await hoverText('interval'), /\*\*interval\*\* — operation option/);
    assert.match(await hoverText('constraints'), /Colocation, order and location constraints/);
  });

  const complete = async (text: string, position: Position): Promise<CompletionItem[]> => {
    const docUri = `file:///work/complete-${Math.random().toString(36).slice(2)}.cluster.yaml`;
    await client.open(docUri, text);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: docUri }, position, context: { triggerKind: 1 },
    });
    void client.close(docUri);
    return list.items;
  };
  const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

  test('on an empty line in params: the agent\'s parameters, required first, minus those present', async () => {
    const text = MISTAKES_SPEC.replace('      stash_home: /srv/data/stash\n', '      stash_home: /srv/data/stash\n      \n');
    const items = await complete(text, positionOf(text, '      \n', 6));
    const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.equal(sorted[0].label, 'stash_inst', 'the one missing required parameter comes first');
    assert.ok(!labels(items).includes('stash_user') && !labels(items).includes('stash_home'));
    assert.ok(labels(items).includes('status_url'));
    const inst = items.find((i) => i.label === 'stash_inst');
    assert.ok(inst?.textEdit && 'range' in inst.textEdit);
    assert.equal(inst.textEdit.newText, 'stash_inst: ');
    assert.match(String((inst.documentation as { value: string }).value), /installation/i);
  });

  test('keys valid at the caret, in block style and flow style, minus those present', async () => {
    const block = MISTAKES_SPEC.replace('    agent: ocf:heartbeat:stash\n', '    agent: ocf:heartbeat:stash\n    \n');
    const items = await complete(block, positionOf(block, 'stash\n    \n', 'stash\n    '.length));
    assert.deepEqual(labels(items).sort(), ['clone', 'meta', 'promotable']);
    const meta = items.find((i) => i.label === 'meta');
    assert.ok(meta?.textEdit);
    assert.equal(meta.textEdit.newText, 'meta:\n  ');
    const flow = MISTAKES_SPEC.replace('{ resource: stash_res, with: stash_fs }', '{ resource: stash_res, with: stash_fs, sc }');
    const flowItems = await complete(flow, positionOf(flow, ', sc }', 4));
    assert.deepEqual(labels(flowItems).sort(), ['role', 'score', 'with-role']);
    const score = flowItems.find((i) => i.label === 'score');
    assert.ok(score?.textEdit && 'range' in score.textEdit);
    assert.equal(applyEdits(flow, [score.textEdit]).includes('with: stash_fs, score:  }'), true);
  });

  test('agent names from the catalog after agent:', async () => {
    const text = MISTAKES_SPEC.replace('agent: ocf:heartbeat:stash', 'agent: ocf:heart');
    const items = await complete(text, positionOf(text, 'ocf:heart\n', 'ocf:heart'.length));
    for (const name of ['ocf:heartbeat:stash', 'ocf:heartbeat:IPaddr2', 'ocf:heartbeat:Filesystem', 'ocf:pacemaker:Dummy']) {
      assert.ok(labels(items).includes(name), name);
    }
    const stash = items.find((i) => i.label === 'ocf:heartbeat:stash');
    assert.ok(stash?.textEdit && 'range' in stash.textEdit);
    assert.equal(applyEdits(text, [stash.textEdit]), MISTAKES_SPEC);
  });

  test('boolean values and the default of a parameter, and enum values of an option', async () => {
    const text = MISTAKES_SPEC.replace('      ip: 192.168.56.100\n', '      ip: 192.168.56.100\n      lvs_support: \n');
    const items = await complete(text, positionOf(text, 'lvs_support: ', 'lvs_support: '.length));
    assert.deepEqual(labels(items).sort(), ['false', 'true']);
    const fs = MISTAKES_SPEC.replace('fstype: xfs }', 'fstype: xfs, fast_stop:  }');
    const fastStop = await complete(fs, positionOf(fs, 'fast_stop: ', 'fast_stop: '.length));
    assert.deepEqual(labels(fastStop), ['true', 'false', 'no']);
    assert.equal(fastStop[2].detail, 'default');
    const onFail = MISTAKES_SPEC.replace('interval: 15s,', 'interval: 15s, on-fail: ,');
    assert.deepEqual(labels(await complete(onFail, positionOf(onFail, 'on-fail: ', 'on-fail: '.length))),
      ['ignore', 'block', 'stop', 'restart', 'standby', 'fence', 'demote']);
  });

  test('resource and group ids where a resource is referenced, node ids for a location', async () => {
    const text = MISTAKES_SPEC.replace('- { first: stash_fs, then: stash_res }', '- { first: stash_fs, then:  }');
    assert.deepEqual(labels(await complete(text, positionOf(text, 'then:  }', 'then: '.length))).sort(), ['stash_res', 'stash_vip']);
    const node = MISTAKES_SPEC.replace('node: node01', 'node: no');
    assert.deepEqual(labels(await complete(node, positionOf(node, 'node: no', 'node: no'.length))), ['node01', 'node02']);
  });
});
