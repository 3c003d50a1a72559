/**
 * Diagnostics over LSP as VS Code sees them: published on open, re-published after a
 * change (whole-text or ranged, as VS Code sends), stale versions dropped, cleared on
 * close; and the server time from didChange to publishDiagnostics on a 100-line spec.
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
    await client.open(uri, MISTAKES_SPEC);
    const since = client.notifications.length;
    client.change(uri, [{ text: MISTAKES_SPEC + 'bogus: 1\n' }]);
    client.close(uri);
    const ds = await client.diagnostics(uri, () => true, 10_000, since);
    assert.deepEqual(ds, []);
    // Another document's check proves the server went on; nothing more came for the closed one.
    await client.open('file:///work/after-close.cluster.yaml', CLEAN_SPEC);
    await client.hover('file:///work/after-close.cluster.yaml', { line: 0, character: 1 });
    const later = client.notifications.slice(since)
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri);
    assert.equal(later.length, 1);
  });
});

describe('diagnostics latency', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ initializationOptions: { trusted: true, metadataPaths: [], diagnosticDelayMs: 0 }, trace: 'messages' });
  });
  after(() => client?.kill());

  test('a 100-line spec is re-checked within 50 ms of didChange (debounce set to 0); the server reports its own time', async (t) => {
    const spec = generatedSpec(100);
    assert.equal(spec.split('\n').length - 1, 100);
    const uri = 'file:///work/hundred.cluster.yaml';
    assert.deepEqual(await client.open(uri, spec), []);
    const times: number[] = [];
    const serverTimes: number[] = [];
    const computeTimes: number[] = [];
    for (let i = 0; i < 120; i++) {
      const since = client.notifications.length;
      const text = spec.replace('cluster: bench', `cluster: bench${i}`);
      const start = process.hrtime.bigint();
      const version = client.change(uri, [{ text }]);
      await client.diagnostics(uri, (_d, p) => p.version === version, 10_000, since);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      const trace = await client.waitFor<{ message: string }>('$/logTrace', (p) => p.message.includes(`version ${version} in`), 10_000, since);
      serverTimes.push(Number(/in ([\d.]+) ms/.exec(trace.message)?.[1]));
      computeTimes.push(Number(/parse ([\d.]+) ms/.exec(trace.message)?.[1]) + Number(/checks ([\d.]+) ms/.exec(trace.message)?.[1]));
    }
    const warm = (xs: number[]): number[] => xs.slice(40).sort((a, b) => a - b);
    const median = (xs: number[]): number => warm(xs)[Math.floor(warm(xs).length / 2)];
    const p90 = (xs: number[]): number => warm(xs)[Math.floor(warm(xs).length * 0.9)];
    t.diagnostic(`100-line spec, server time from the check starting (debounce over) to sending publishDiagnostics: median ${median(serverTimes).toFixed(2)} ms, p90 ${p90(serverTimes).toFixed(2)} ms`);
    t.diagnostic(`100-line spec, parse + checks + conversion alone: median ${median(computeTimes).toFixed(2)} ms, p90 ${p90(computeTimes).toFixed(2)} ms`);
    t.diagnostic(`100-line spec, didChange → publishDiagnostics round trip seen by the client (debounce 0): median ${median(times).toFixed(2)} ms, p90 ${p90(times).toFixed(2)} ms`);
    assert.ok(serverTimes.every((x) => Number.isFinite(x) && x > 0));
    assert.ok(median(times) < 50, `median ${median(times)} ms`);
  });
});
