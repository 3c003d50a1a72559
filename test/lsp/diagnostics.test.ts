/**
 * Diagnostics over LSP as VS Code sees them: published on open, re-published after a
 * change (whole-text or ranged, as VS Code sends), stale versions dropped, cleared on
 * close; with no debounce, every change re-checked, and the trace line that says what
 * each check cost. How fast is the benchmark's business (bench/run.mjs), not a test's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient, positionOf } from './lspClient';
import { CLEAN_SPEC, MISTAKES_SPEC, generatedSpec, textAt } from './specs';

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code)).sort();

describe('diagnostics over LSP', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(() => client?.kill());

  test('opening a spec publishes its diagnostics with codes, severities and exact ranges', async () => {
    const uri = 'file:///work/mistakes.cluster.yaml';
    const ds = await client.open(uri, MISTAKES_SPEC);
    const typo = ds.find((d) => d.code === 'unknown-param');
    assert.ok(typo, `unknown-param expected in ${JSON.stringify(codes(ds))}`);
    assert.equal(textAt(MISTAKES_SPEC, typo.range), 'cidr_netmaks');
    assert.equal(typo.severity, 1);
    assert.equal(typo.source, 'stash-ha');
    assert.match(typo.message, /cidr_netmask/);
    const missing = ds.find((d) => d.code === 'missing-param');
    assert.ok(missing);
    assert.match(missing.message, /stash_inst/);
    assert.equal(textAt(MISTAKES_SPEC, missing.range), 'params');
    assert.deepEqual(missing.range.start, positionOf(MISTAKES_SPEC, 'params:', 0, 2));
  });

  test('a clean spec publishes no diagnostics', async () => {
    assert.deepEqual(await client.open('file:///work/clean.cluster.yaml', CLEAN_SPEC), []);
  });

  test('a whole-text change re-publishes fresh diagnostics for the new version', async () => {
    const uri = 'file:///work/change.cluster.yaml';
    await client.open(uri, MISTAKES_SPEC);
    const fixed = MISTAKES_SPEC.replace('cidr_netmaks', 'cidr_netmask');
    const since = client.notifications.length;
    const version = client.change(uri, [{ text: fixed }]);
    const ds = await client.diagnostics(uri, (_d, p) => p.version === version, 10_000, since);
    assert.deepEqual(codes(ds), ['missing-param', 'vip-not-colocated']);
  });

  test('a ranged change (as VS Code sends keystrokes) is applied incrementally', async () => {
    const uri = 'file:///work/ranged.cluster.yaml';
    await client.open(uri, MISTAKES_SPEC);
    const at = positionOf(MISTAKES_SPEC, 'cidr_netmaks', 'cidr_netma'.length);
    const since = client.notifications.length;
    const version = client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 2 } }, text: 'sk' }]);
    const ds = await client.diagnostics(uri, (_d, p) => p.version === version, 10_000, since);
    assert.deepEqual(codes(ds), ['missing-param', 'vip-not-colocated'], 'the typo is fixed by swapping two characters');
    const v2 = client.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
    const ds2 = await client.diagnostics(uri, (_d, p) => p.version === v2, 10_000, since);
    assert.ok(ds2.some((d) => d.code === 'unknown-param' && /cidr_netmaxsk/.test(d.message)));
  });

  test('changes typed in a burst publish only for the last version', async () => {
    const uri = 'file:///work/burst.cluster.yaml';
    await client.open(uri, CLEAN_SPEC);
    const since = client.notifications.length;
    let text = CLEAN_SPEC;
    let last = 0;
    for (const ch of 'xyz') {
      text = text.replace('cluster: ', `cluster: ${ch}`);
      last = client.change(uri, [{ text: text + `bogus_${ch}: 1\n` }]);
    }
    const ds = await client.diagnostics(uri, (_d, p) => p.version === last, 10_000, since);
    assert.deepEqual(codes(ds), ['unknown-key']);
    assert.match(ds[0].message, /bogus_z/);
    const published = client.notifications.slice(since)
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri)
      .map((n) => (n.params as PublishDiagnosticsParams).version);
    assert.deepEqual(published, [last], 'the superseded versions are never checked');
  });

  test('closing a document clears its diagnostics and drops a pending check', async () => {
    const uri = 'file:///work/closed.cluster.yaml';
    const barrier = 'file:///work/after-close.cluster.yaml';
    await client.open(uri, MISTAKES_SPEC);
    await client.open(barrier, CLEAN_SPEC);
    const since = client.notifications.length;
    const dropped = client.change(uri, [{ text: MISTAKES_SPEC + 'bogus: 1\n' }]);
    void client.close(uri);
    assert.deepEqual(await client.diagnostics(uri, () => true, 10_000, since), [], 'cleared on close');
    // The barrier: a change to another document, sent after the close, waits out the
    // same debounce on a timer set after the dropped check's, and goes through the
    // same steps; so its publish comes after any the dropped check could make.
    const last = client.change(barrier, [{ text: CLEAN_SPEC + 'bogus: 1\n' }]);
    await client.diagnostics(barrier, (_d, p) => p.version === last, 10_000, since);
    const published = client.notifications.slice(since)
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri)
      .map((n) => (n.params as PublishDiagnosticsParams));
    assert.ok(!published.some((p) => p.version === dropped), `version ${dropped} was closed before its check was due, yet published`);
    assert.deepEqual(published, [{ uri, diagnostics: [] }], 'only the clearing publish');
  });
});

describe('diagnostics with the debounce set to 0', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ initializationOptions: { trusted: true, metadataPaths: [], diagnosticDelayMs: 0 }, trace: 'messages' });
  });
  after(() => client?.kill());

  // How fast this is (the keystroke latency) is measured by the benchmark, bench/run.mjs (c).
  test('every change to a 100-line spec is re-checked and published for its version; the trace says what the check cost', async () => {
    const spec = generatedSpec(100);
    assert.equal(spec.split('\n').length - 1, 100);
    const uri = 'file:///work/hundred.cluster.yaml';
    assert.deepEqual(await client.open(uri, spec), []);
    for (let i = 0; i < 10; i++) {
      const since = client.notifications.length;
      const bogus = i % 2 === 1;
      const text = spec.replace('cluster: bench', `cluster: bench${i}`) + (bogus ? `bogus_${i}: 1\n` : '');
      const version = client.change(uri, [{ text }]);
      const ds = await client.diagnostics(uri, (_d, p) => p.version === version, 10_000, since);
      assert.deepEqual(codes(ds), bogus ? ['unknown-key'] : [], `version ${version}`);
      const trace = await client.waitFor<{ message: string }>('$/logTrace', (p) => p.message.includes(`version ${version} in`), 10_000, since);
      assert.match(trace.message, /^Checked file:\/\/\/work\/hundred\.cluster\.yaml version \d+ in [\d.]+ ms \(parse [\d.]+ ms, checks [\d.]+ ms\): \d+ finding\(s\)\.$/);
      assert.match(trace.message, new RegExp(`: ${ds.length} finding\\(s\\)\\.$`));
    }
  });
});
