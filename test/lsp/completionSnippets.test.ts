/**
 * Structural snippets over LSP, as VS Code receives them: under `resources:` the
 * resource skeletons as Snippet items (snippet format, indentation adjusted to the
 * caret line, sorted after the keys), and inside a Stash resource's `params` none at
 * all, only its parameters.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat, InsertTextMode, MarkupContent, Position,
} from 'vscode-languageserver-protocol';
import { LspClient, positionOf } from './lspClient';
import { MISTAKES_SPEC, applyEdits } from './specs';

describe('structural snippets over LSP', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(() => client?.kill());

  let docs = 0;
  const complete = async (text: string, position: Position): Promise<CompletionItem[]> => {
    const uri = `file:///work/snippets-${++docs}.cluster.yaml`;
    await client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri }, position, context: { triggerKind: 1 },
    });
    await client.close(uri);
    return list.items;
  };
  const isSnippet = (i: CompletionItem): boolean => i.kind === CompletionItemKind.Snippet;

  test('under resources: the resource skeletons, as snippets sorted after the keys', async () => {
    const text = MISTAKES_SPEC.replace('resources:\n', 'resources:\n  \n');
    const items = await complete(text, positionOf(text, 'resources:\n  \n', 'resources:\n  '.length));
    const snippets = items.filter(isSnippet);
    assert.deepEqual(snippets.map((i) => i.label), ['Stash resource', 'Virtual IP', 'Filesystem', 'DRBD (promotable)', 'Dummy']);
    const stash = snippets[0];
    assert.equal(stash.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(stash.insertTextMode, InsertTextMode.adjustIndentation);
    assert.ok(stash.detail);
    assert.match((stash.documentation as MarkupContent).value, /^```yaml\nstash_res2:\n {2}agent: ocf:heartbeat:stash\n/);
    assert.ok(stash.textEdit && 'range' in stash.textEdit);
    assert.equal(stash.textEdit.newText.split('\n').slice(0, 4).join('\n'),
      '${1:stash_res2}:\n  agent: ocf:heartbeat:stash\n  params:\n    stash_user: ${2:atlstash}');
    const inserted = applyEdits(text, [stash.textEdit]);
    assert.ok(inserted.includes('resources:\n  ${1:stash_res2}:\n  agent: ocf:heartbeat:stash\n'),
      'the range is the empty word at the caret (the editor then indents the new lines to the caret line)');
    for (const s of snippets) {
      for (const k of items.filter((i) => !isSnippet(i))) assert.ok((s.sortText ?? s.label) > (k.sortText ?? k.label), `${s.label} after ${k.label}`);
    }
  });

  test("inside a Stash resource's params: its parameters and no structural snippet", async () => {
    const text = MISTAKES_SPEC.replace('      stash_home: /srv/data/stash\n', '      stash_home: /srv/data/stash\n      \n');
    const items = await complete(text, positionOf(text, 'stash\n      \n', 'stash\n      '.length));
    assert.ok(items.some((i) => i.label === 'stash_inst'), 'the missing parameter is offered');
    assert.deepEqual(items.filter(isSnippet).map((i) => i.label), []);
    assert.deepEqual(items.filter((i) => i.kind !== CompletionItemKind.Field).map((i) => i.label), []);
    const typed = MISTAKES_SPEC.replace('      stash_home: /srv/data/stash\n', '      stash_home: /srv/data/stash\n      co\n');
    assert.deepEqual((await complete(typed, positionOf(typed, '      co\n', '      co'.length))).filter(isSnippet).map((i) => i.label), []);
  });
});
