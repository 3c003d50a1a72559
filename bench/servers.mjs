// The two language servers of the benchmark, driven over stdio as VS Code drives them:
// yaml-language-server with our JSON Schema mapped to *.cluster.yaml (as vscode-yaml's
// `yaml.schemas` setting does), and our own dist/server.js. Each measures the time from
// sending a document to receiving its diagnostics, minus the delay the server waits
// on purpose before validating (so the figures are the validation work, not a timer).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? undefined : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** What VS Code announces about itself that matters to these servers. */
export const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
  },
};

/** yaml-language-server waits this long after a change before it validates (yamlSettings.validationDelayMs, fixed). */
const YAML_LS_DELAY_MS = 200;

export function yamlSettings(schemaUri) {
  return {
    yaml: {
      validate: true, hover: true, completion: true, format: { enable: true },
      // The peer's globs skip dot folders (picomatch without `dot`), so the folder
      // of the generated specs is named as well.
      schemas: { [schemaUri]: ['*.cluster.yaml', 'bench/.generated/*.cluster.yaml'] },
      // Never reach for the network: no schema store, no CRD store.
      schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
      yamlVersion: '1.2', maxItemsComputed: 5000, customTags: [], keyOrdering: false,
    },
    http: { proxy: '', proxyStrictSSL: false },
    '[yaml]': {},
    editor: { tabSize: 2, detectIndentation: true },
  };
}

async function openAndWait(client, uri, text, capMs, languageId = 'yaml') {
  const diagnostics = client.nextDiagnostics(uri, capMs);
  const t0 = performance.now();
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const { at, params } = await diagnostics;
  return { ms: at - t0, diagnostics: params.diagnostics };
}

async function startYamlLs(root, schemaUri) {
  const settings = yamlSettings(schemaUri);
  const client = new LspClient([process.execPath, join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    { configuration: (section) => settings[section] ?? null });
  await client.initialize({ capabilities: CLIENT_CAPABILITIES, initializationOptions: {} });
  // As vscode-yaml: ask for the notification that says the settings are in force.
  await client.notify('yaml/supportSchemaSelection', {});
  await client.notify('workspace/didChangeConfiguration', { settings: null });
  // It reads the settings once per pull and says when each is in force.
  await client.until(() => client.configurationAsked.get('yaml') >= 1
    && client.seen('yaml/schema/store/initialized') >= client.configurationAsked.get('yaml'), 30_000, 'yaml-language-server settings');
  return client;
}

/**
 * Opens small specs with an unknown top-level key until the peer reports it, which
 * shows that our schema is in force (a settings pull may still be under way).
 */
async function probeSchema(client, outDir) {
  const deadline = performance.now() + 15_000;
  let last = [];
  for (let i = 0; performance.now() < deadline; i++) {
    const uri = pathToFileURL(join(outDir, `probe-${i}.cluster.yaml`)).href;
    last = (await openAndWait(client, uri, 'cluster: probe\nnodes: { n1: { address: 10.0.0.1 } }\nbogus-key: 1\n', 15_000)).diagnostics;
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    if (last.some((d) => /bogus-key/.test(d.message))) return { applied: true, messages: last.map((d) => d.message) };
  }
  return { applied: false, messages: last.map((d) => d.message) };
}

/**
 * yaml-language-server's didOpen -> publishDiagnostics per spec (minus its fixed
 * validation delay), after a probe shows the schema is applied. A spec that exceeds
 * `capMs` is reported as capped, the server restarted, and the larger specs of the
 * same variant skipped. `beforeEach(spec)` runs before every peer run, so that
 * our own runs can be interleaved with the peer's and share the machine's moods.
 */
export async function measureYamlLs({ root, outDir, schemaUri, specs, runs, capMs, beforeEach = () => {} }) {
  const results = new Map();
  let client = await startYamlLs(root, schemaUri);
  const probe = await probeSchema(client, outDir);
  const cappedVariants = new Set();
  let seq = 0;
  for (const s of specs) {
    if (cappedVariants.has(s.variant)) {
      results.set(s.key, { skipped: true });
      continue;
    }
    const times = [];
    let diagnostics;
    for (let r = 0; r < runs[s.n]; r++) {
      const uri = pathToFileURL(join(outDir, `peer-${++seq}-spec-${s.key}.cluster.yaml`)).href;
      beforeEach(s);
      try {
        const res = await openAndWait(client, uri, s.text, capMs + YAML_LS_DELAY_MS);
        times.push(res.ms - YAML_LS_DELAY_MS);
        diagnostics = res.diagnostics.length;
        await client.notify('textDocument/didClose', { textDocument: { uri } });
      } catch {
        results.set(s.key, { capped: true });
        cappedVariants.add(s.variant);
        await client.kill();
        client = await startYamlLs(root, schemaUri);
        await probeSchema(client, outDir);
        break;
      }
    }
    if (!results.has(s.key)) results.set(s.key, { median: median(times), diagnostics, runs: times.length });
  }
  await client.stop();
  const note = `schema applied: ${probe.applied ? 'yes' : 'NO'} (a probe's unknown key gave ${probe.messages.map((m) => JSON.stringify(m)).join(', ') || 'nothing'})`;
  return { results, note, delayMs: YAML_LS_DELAY_MS };
}

async function startOurServer(serverJs, initializationOptions) {
  const client = new LspClient([process.execPath, serverJs, '--stdio'], { configuration: () => ({}) });
  const init = await client.initialize({ capabilities: CLIENT_CAPABILITIES, initializationOptions });
  return { client, init };
}

/** Median time from a didChange (one digit retyped) to the diagnostics of that version. */
async function keystrokes(client, init, uri, text, count) {
  await openAndWait(client, uri, text, 30_000, 'stash-cluster');
  const sync = init.capabilities.textDocumentSync;
  const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
  const at = text.indexOf('interval: 20s') + 'interval: 2'.length;
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - text.lastIndexOf('\n', at - 1) - 1;
  const times = [];
  let current = text;
  for (let k = 0; k < count; k++) {
    const digit = String((k + 1) % 10);
    current = current.slice(0, at) + digit + current.slice(at + 1);
    const version = k + 2;
    const change = incremental
      ? { range: { start: { line, character }, end: { line, character: character + 1 } }, text: digit }
      : { text: current };
    const next = client.nextDiagnostics(uri, 30_000, (p) => p.version === undefined || p.version === version);
    const t0 = performance.now();
    await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    times.push((await next).at - t0);
  }
  return median(times);
}

/**
 * Our server: keystroke -> diagnostics on a small spec with its default debounce and
 * with none, and didOpen -> diagnostics for every benchmark spec (it checks an opened
 * document at once, without debounce).
 */
export async function measureOurServer({ root, outDir, text, keystrokes: count, specs, debounceMs }) {
  const serverJs = join(root, 'dist/server.js');
  if (!existsSync(serverJs)) return { error: 'dist/server.js is not built' };
  const uri = pathToFileURL(join(outDir, 'keystrokes.cluster.yaml')).href;
  let server;
  try {
    server = await startOurServer(serverJs, {});
    const roundTrip = await keystrokes(server.client, server.init, uri, text, count);
    const open = new Map();
    for (const s of specs) {
      const res = await openAndWait(server.client, pathToFileURL(join(outDir, `ours-${s.key}.cluster.yaml`)).href, s.text, 120_000, 'stash-cluster');
      open.set(s.key, res.ms);
    }
    await server.client.stop();
    server = await startOurServer(serverJs, { diagnosticDelayMs: 0 });
    const roundTripNoDelay = await keystrokes(server.client, server.init, uri, text, count);
    return { roundTrip, roundTripNoDelay, debounceMs, open, openDelayMs: 0 };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  } finally {
    await server?.client.stop();
  }
}
