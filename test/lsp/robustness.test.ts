/**
 * Malformed documents never crash or hang the server: binary garbage, a 5 MB line
 * and nesting deep enough to break a recursive parser each get diagnostics, hover
 * and completion answers, and the server still serves a normal spec afterwards.
 * Ends with the clean stop VS Code performs: shutdown, then exit, exit code 0; and a
 * client that goes away without a word leaves a server that exits at once and
 * quietly (no stack trace, no endless attempts to log to the closed pipe).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lspClient';
import { CLEAN_SPEC, MISTAKES_SPEC } from './specs';

/** Deterministic pseudo-random bytes (a linear congruential generator), so a failure can be replayed. */
function garbage(length: number, seed = 7): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += String.fromCharCode((x >>> 16) & 0xff);
  }
  return out;
}

describe('malformed documents over LSP', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(() => client?.kill());

  const survives = async (name: string, text: string): Promise<void> => {
    const uri = `file:///work/${name}.cluster.yaml`;
    const ds = await client.open(uri, text);
    assert.ok(Array.isArray(ds));
    const lines = text.split('\n');
    const last = { line: lines.length - 1, character: lines[lines.length - 1].length };
    for (const position of [{ line: 0, character: 0 }, { line: 0, character: Math.min(5, lines[0].length) }, last]) {
      await client.hover(uri, position);
      await client.request('textDocument/completion', { textDocument: { uri }, position });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/definition', { textDocument: { uri }, position });
    }
    void client.close(uri);
    assert.ok(client.alive, `the server is alive after ${name}`);
  };

  test('binary garbage', async () => {
    await survives('garbage', garbage(200_000));
  });

  test('a 5 MB line', async () => {
    await survives('long-line', `cluster: ${'a'.repeat(5 * 1024 * 1024)}\nnodes:\n  n1: { address: x }\n`);
  });

  test('deeply nested flow collections and compact sequences', async () => {
    await survives('deep-flow', '['.repeat(100_000));
    await survives('deep-flow-closed', `${'{a: ['.repeat(20_000)}${'x'.repeat(2000)}${']}'.repeat(20_000)}`);
    await survives('deep-dash', `${'- '.repeat(5000)}x\n`);
  });

  test('nesting past the limit is a yaml-syntax error where it goes too deep', async () => {
    const ds = await client.open('file:///work/deep-report.cluster.yaml', `cluster: c\nx: ${'['.repeat(1000)}\n`);
    const deep = ds.find((d) => d.code === 'yaml-syntax');
    assert.ok(deep);
    assert.match(deep.message, /Nesting deeper than 100 levels/);
    assert.equal(deep.range.start.line, 1);
  });

  test('after all that, a normal spec is still checked', async () => {
    assert.deepEqual(await client.open('file:///work/after.cluster.yaml', CLEAN_SPEC), []);
    const ds = await client.open('file:///work/after-mistakes.cluster.yaml', MISTAKES_SPEC);
    assert.ok(ds.some((d) => d.code === 'unknown-param'));
  });
});

describe('server lifecycle', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(() => client?.kill());

  test('initialize announces the features VS Code uses', () => {
    const caps = client.initializeResult?.capabilities;
    assert.ok(caps);
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
    for (const k of ['completionProvider', 'documentSymbolProvider', 'definitionProvider', 'referencesProvider'] as const) assert.ok(caps[k], k);
  });

  test('shutdown then exit stops the server with exit code 0, with a check still pending', async () => {
    const uri = 'file:///work/pending.cluster.yaml';
    await client.open(uri, MISTAKES_SPEC);
    client.change(uri, [{ text: MISTAKES_SPEC + 'x: 1\n' }]);
    assert.equal(await client.stop(), 0);
  });
});

describe('a client that goes away', () => {
  const clients: LspClient[] = [];
  after(async () => { for (const c of clients) await c.kill(); });
  const start = async (): Promise<LspClient> => {
    const c = await LspClient.start();
    clients.push(c);
    return c;
  };

  test('closing the server\'s stdout: its next publish fails with EPIPE, and it exits 1 quietly', async () => {
    const client = await start();
    const uri = 'file:///work/hang-up.cluster.yaml';
    await client.open(uri, MISTAKES_SPEC);
    client.change(uri, [{ text: MISTAKES_SPEC + 'x: 1\n' }]);
    await client.hangUp('stdout');
    assert.equal(await client.exitCode(), 1, 'no shutdown was asked for');
    assert.equal(client.stderr.join(''), '', 'nothing on stderr');
  });

  test('closing the server\'s stdin after shutdown, without exit: it exits 0 quietly', async () => {
    const client = await start();
    await client.request('shutdown', null);
    await client.hangUp('stdin');
    assert.equal(await client.exitCode(), 0);
    assert.equal(client.stderr.join(''), '');
  });
});
