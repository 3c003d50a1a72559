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
const CLIENT_CAPABILITIES = {
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

function yamlSettings(schemaUri) {
  return {
    yaml: {
      validate: true, hover: true, completion: true, format: { enable: true },
      schemas: { [schemaUri]: '*.cluster.yaml' },
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
  await client.notificationSeen('yaml/schema/store/initialized', 30_000);
  return client;
}

/**
 * yaml-language-server's didOpen -> publishDiagnostics per spec size (minus its fixed
 * validation delay), after a probe proves the schema is applied. A size that exceeds
 * `capMs` is reported as capped and the server restarted.
 */
export async function measureYamlLs({ root, outDir, schemaUri, specs, runs, capMs }) {
  const results = new Map();
  let client = await startYamlLs(root, schemaUri);
  const probe = await openAndWait(client, pathToFileURL(join(outDir, 'probe.cluster.yaml')).href,
    'cluster: probe\nnodes: { n1: { address: 10.0.0.1 } }\nbogus-key: 1\n', 30_000);
  const applied = probe.diagnostics.some((d) => /bogus-key/.test(d.message) || /not allowed/i.test(d.message));
  let seq = 0;
  for (const s of specs) {
    const times = [];
    let diagnostics;
    for (let r = 0; r < runs[s.n]; r++) {
      const uri = pathToFileURL(join(outDir, `peer-${++seq}-spec-${s.n}.cluster.yaml`)).href;
      try {
        const res = await openAndWait(client, uri, s.text, capMs + YAML_LS_DELAY_MS);
        times.push(res.ms - YAML_LS_DELAY_MS);
        diagnostics = res.diagnostics.length;
        await client.notify('textDocument/didClose', { textDocument: { uri } });
      } catch {
        results.set(s.n, { capped: true });
        await client.kill();
        client = await startYamlLs(root, schemaUri);
        break;
      }
    }
    if (!results.has(s.n)) results.set(s.n, { median: median(times), diagnostics, runs: times.length });
  }
  await client.stop();
  const note = `schema applied: ${applied ? 'yes' : 'NO'} (a probe's unknown key gave: ${probe.diagnostics.map((d) => JSON.stringify(d.message)).join(', ') || 'nothing'}); `
    + `times are minus its fixed ${YAML_LS_DELAY_MS} ms validation delay`;
  return { results, note };
}

/**
 * Our server: how long a keystroke takes to come back as diagnostics on a small spec,
 * and didOpen -> diagnostics per benchmark size, both minus the server's debounce.
 */
export async function measureOurServer({ root, outDir, text, keystrokes, specs }) {
  const serverJs = join(root, 'dist/server.js');
  if (!existsSync(serverJs)) return { error: 'dist/server.js is not built' };
  const client = new LspClient([process.execPath, serverJs, '--stdio'], { configuration: () => ({}) });
  try {
    const init = await client.initialize({ capabilities: CLIENT_CAPABILITIES, initializationOptions: {} });
    const debounceMs = Number(init?.serverInfo?.debounceMs ?? 0);
    const debounceSource = 'see servers.mjs';
    const uri = pathToFileURL(join(outDir, 'keystrokes.cluster.yaml')).href;
    await openAndWait(client, uri, text, 30_000, 'stash-cluster');
    const sync = init.capabilities.textDocumentSync;
    const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
    // Each keystroke retypes one digit of the first `interval: 20s`.
    const at = text.indexOf('interval: 20s') + 'interval: 2'.length;
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - text.lastIndexOf('\n', at - 1) - 1;
    const times = [];
    let current = text;
    for (let k = 0; k < keystrokes; k++) {
      const digit = String(k % 10);
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
    const open = new Map();
    for (const s of specs) {
      const res = await openAndWait(client, pathToFileURL(join(outDir, `ours-spec-${s.n}.cluster.yaml`)).href, s.text, 120_000, 'stash-cluster');
      open.set(s.n, res.ms - debounceMs);
    }
    return { roundTrip: median(times), debounceMs, debounceSource, open };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  } finally {
    await client.stop();
  }
}
