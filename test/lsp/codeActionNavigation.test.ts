/**
 * Quick fixes, outline, go to definition, find references and rename over LSP: each
 * fix is applied to the text and the result re-checked by the server, as a user who
 * picks the fix would see it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeAction, Diagnostic, DocumentSymbol, Location, Range, ResponseError, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, positionOf } from './lspClient';
import { MISTAKES_SPEC, applyEdits, textAt } from './specs';

const VIP_SPEC = `cluster: stash
nodes:
  node01: { address: 192.168.56.11 }
resources:
  stash_vip:
    agent: ocf:heartbeat:IPaddr2
    params: { ip: 192.168.56.100 }
  stash_res:
    agent: ocf:heartbeat:stash
    params: { stash_user: atlstash, stash_home: /srv/stash, stash_inst: /opt/stash }
`;

describe('code actions and navigation over LSP', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(() => client?.kill());

  let counter = 0;
  const openFresh = async (text: string): Promise<{ uri: string; ds: Diagnostic[] }> => {
    const uri = `file:///work/nav-${counter++}.cluster.yaml`;
    return { uri, ds: await client.open(uri, text) };
  };
  const actionsFor = (uri: string, d: Diagnostic): Promise<CodeAction[]> =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: d.range, context: { diagnostics: [d], triggerKind: 1 },
    });
  const edited = (text: string, uri: string, action: CodeAction): string => {
    const edits = action.edit?.changes?.[uri];
    assert.ok(edits && edits.length > 0, `edits in '${action.title}'`);
    return applyEdits(text, edits);
  };

  test('did-you-mean: the preferred quick fix renames the misspelt parameter', async () => {
    const { uri, ds } = await openFresh(MISTAKES_SPEC);
    const typo = ds.find((d) => d.code === 'unknown-param');
    assert.ok(typo);
    const actions = await actionsFor(uri, typo);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].diagnostics, [typo]);
    const fixed = edited(MISTAKES_SPEC, uri, actions[0]);
    assert.ok(fixed.includes('      cidr_netmask: 24\n'));
    const after = await openFresh(fixed);
    assert.ok(!after.ds.some((d) => d.code === 'unknown-param'));
  });

  test('missing required parameters: the fix adds them, and the spec then has none missing', async () => {
    const { uri, ds } = await openFresh(MISTAKES_SPEC);
    const missing = ds.find((d) => d.code === 'missing-param');
    assert.ok(missing);
    const actions = await actionsFor(uri, missing);
    const add = actions.find((a) => /stash_inst/.test(a.title));
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    const fixed = edited(MISTAKES_SPEC, uri, add);
    assert.match(fixed, /\n {6}stash_user: atlstash\n(?: {6}.*\n)* {6}stash_inst:/, 'added among the other params');
    const filled = fixed.replace(/stash_inst:.*\n/, 'stash_inst: /opt/atlassian/stash\n');
    const after = await openFresh(filled);
    assert.ok(!after.ds.some((d) => d.code === 'missing-param' || d.code === 'yaml-syntax'), JSON.stringify(after.ds));
  });

  test('vip-not-colocated: the fix adds the colocation, and the warning goes away', async () => {
    const { uri, ds } = await openFresh(VIP_SPEC);
    const vip = ds.find((d) => d.code === 'vip-not-colocated');
    assert.ok(vip, JSON.stringify(ds));
    assert.equal(textAt(VIP_SPEC, vip.range), 'stash_vip');
    const actions = await actionsFor(uri, vip);
    assert.ok(actions.length > 0);
    assert.equal(actions[0].isPreferred, true);
    const fixed = edited(VIP_SPEC, uri, actions[0]);
    assert.match(fixed, /colocation:[\s\S]*stash_vip[\s\S]*stash_res/);
    const after = await openFresh(fixed);
    assert.deepEqual(after.ds.map((d) => d.code), ds.map((d) => d.code).filter((c) => c !== 'vip-not-colocated'));
    assert.ok(!after.ds.some((d) => d.code === 'yaml-syntax'));
  });

  test('a code action request outside any diagnostic gets no fixes', async () => {
    const { uri } = await openFresh(MISTAKES_SPEC);
    const range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }), []);
  });

  test('the outline lists nodes, resources and constraints', async () => {
    const { uri } = await openFresh(MISTAKES_SPEC);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = (list: DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    const all = names(symbols);
    for (const name of ['node01', 'node02', 'stash_fs', 'stash_vip', 'stash_res']) assert.ok(all.includes(name), name);
    const res = (function find(list: DocumentSymbol[]): DocumentSymbol | undefined {
      for (const s of list) { if (s.name === 'stash_res') return s; const f = find(s.children ?? []); if (f) return f; }
      return undefined;
    })(symbols);
    assert.ok(res);
    assert.equal(textAt(MISTAKES_SPEC, res.selectionRange), 'stash_res');
  });

  test('definition and references of a resource id', async () => {
    const { uri } = await openFresh(MISTAKES_SPEC);
    const use = positionOf(MISTAKES_SPEC, 'then: stash_res', 'then: '.length + 1);
    const def = await client.request<Location | null>('textDocument/definition', { textDocument: { uri }, position: use });
    assert.ok(def);
    assert.deepEqual(def.range.start, positionOf(MISTAKES_SPEC, 'stash_res:'));
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: use, context: { includeDeclaration: true } });
    assert.equal(refs.length, 4, 'the declaration and three references');
    for (const r of refs) assert.equal(textAt(MISTAKES_SPEC, r.range), 'stash_res');
    const without = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: use, context: { includeDeclaration: false } });
    assert.equal(without.length, 3);
  });

  test('rename of a node id edits its declaration and every reference', async () => {
    const { uri } = await openFresh(MISTAKES_SPEC);
    const at = positionOf(MISTAKES_SPEC, 'node01:', 2);
    const prep = await client.request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri }, position: at });
    assert.ok(prep);
    assert.equal(prep.placeholder, 'node01');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: at, newName: 'alpha' });
    const renamed = applyEdits(MISTAKES_SPEC, edit.changes?.[uri] ?? []);
    assert.ok(renamed.includes('  alpha: { address: 192.168.56.11 }'));
    assert.ok(renamed.includes('node: alpha'));
    assert.ok(!renamed.includes('node01'));
  });

  test('rename to an id that is taken is refused with a reason', async () => {
    const { uri } = await openFresh(MISTAKES_SPEC);
    const at = positionOf(MISTAKES_SPEC, 'stash_vip:', 2);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: at, newName: 'stash_fs' }),
      (err: unknown) => err instanceof ResponseError && /stash_fs/.test(err.message),
    );
    assert.equal(await client.request('textDocument/prepareRename', { textDocument: { uri }, position: { line: 0, character: 1 } }), null);
  });
});
