// `npm run bench`: how fast the spec checks are, side by side with yaml-language-server
// validating the same files against our JSON Schema, all on the Node that runs this
// script. Prints figures and PASS/MISS against the targets of issue 2; asserts nothing.
// Expects dist/ to be built (the npm script builds first). Generated specs go to
// bench/.generated/ (ignored by git). Every wait has a cap, so the run is bounded.
//
// Each size comes in two variants with the same meaning: "anchors" shares settings
// through YAML anchors and aliases, as cluster specs do (the mandated case);
// "plain" writes them out, to show how the peer does without its alias slowdown.
import { build } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateSpec } from './generate.mjs';
import { measureOurServer, measureYamlLs } from './servers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench/.generated');
const SIZES = [100, 2_000, 20_000];
const VARIANTS = ['anchors', 'plain'];
const RUNS = { 100: 15, 2_000: 5, 20_000: 3 };
const PEER_RUNS = { 100: 5, 2_000: 3, 20_000: 1 };
/** yaml-language-server gets this long per file before we print "> cap" and stop it. */
const PEER_CAP_MS = 60_000;
const KEYSTROKES = 40;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? undefined : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x === undefined ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x >= 100 ? 0 : 1)} ms`);
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const pad = (s, n) => String(s).padStart(n);

/** The checks as the server and the CLI run them, bundled from the TypeScript sources. */
async function loadEngine() {
  const outfile = join(outDir, 'engine.cjs');
  await build({
    stdin: {
      contents: "export { validateText, createCatalog } from './server/src';\n"
        + "export { DEFAULT_DEBOUNCE_MS } from './server/src/handlers/diagnostics';\n",
      resolveDir: root, loader: 'ts', sourcefile: 'bench-engine.ts',
    },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

/** Times one full validation of `spec` in this process, adding to `spec.times`. */
function timeOnce(engine, catalog, spec) {
  const t0 = performance.now();
  spec.diagnostics = engine.validateText(spec.text, catalog).length;
  (spec.times ??= []).push(performance.now() - t0);
}

function timeValidation(engine, catalog, text, runs) {
  const spec = { text };
  timeOnce(engine, catalog, spec);
  spec.times = [];
  for (let i = 0; i < runs; i++) timeOnce(engine, catalog, spec);
  return { median: median(spec.times), diagnostics: spec.diagnostics };
}

/** The generated spec whose text is closest to `lines` lines. */
function specOfLines(lines) {
  let best;
  for (let n = 3; n < 40; n++) {
    const text = generateSpec(n);
    const l = text.split('\n').length - 1;
    if (!best || Math.abs(l - lines) < Math.abs(best.lines - lines)) best = { n, text, lines: l };
  }
  return best;
}

function schemaFile() {
  const committed = join(root, 'schemas/cluster-spec.schema.json');
  if (existsSync(committed)) return committed;
  throw new Error('schemas/cluster-spec.schema.json is missing: run `npm run schema`');
}

function makeSpecs() {
  return VARIANTS.flatMap((variant) => SIZES.map((n) => {
    const text = generateSpec(n, { aliases: variant === 'anchors' });
    const file = join(outDir, `spec-${n}-${variant}.cluster.yaml`);
    writeFileSync(file, text);
    return { key: `${n}-${variant}`, n, variant, text, file, lines: text.split('\n').length - 1, kb: Math.round(Buffer.byteLength(text) / 1024) };
  }));
}

async function main() {
  const started = performance.now();
  mkdirSync(outDir, { recursive: true });
  console.log(`Stash HA benchmark on Node ${process.version} (${process.platform}-${process.arch}, ${cpus().length} CPUs); `
    + 'both servers and our checks run on this one Node.\n');
  const specs = makeSpecs();
  for (const s of specs) {
    const aliases = s.variant === 'anchors' ? `, ${2 * Math.floor(s.n / 3)} aliases of 2 anchors` : '';
    console.log(`  ${s.file.slice(root.length + 1)}: ${s.n} resources, ${s.lines} lines, ${s.kb} KB${aliases}`);
  }

  const engine = await loadEngine();
  const catalog = engine.createCatalog();
  for (const s of specs) {
    timeOnce(engine, catalog, s);
    s.times = [];
  }
  const schema = schemaFile();
  console.log('\n(a) our full validation, in-process (parse, model, every validator), and');
  console.log(`(b) yaml-language-server over stdio with ${schema.slice(root.length + 1)} mapped to *.cluster.yaml, runs interleaved...`);
  const peer = await measureYamlLs({
    root, outDir, schemaUri: pathToFileURL(schema).href, specs, runs: PEER_RUNS, capMs: PEER_CAP_MS,
    beforeEach: (s) => timeOnce(engine, catalog, s),
  });
  console.log(`    ${peer.note}`);
  for (const s of specs) {
    while (s.times.length < RUNS[s.n]) timeOnce(engine, catalog, s);
    s.ours = { median: median(s.times), diagnostics: s.diagnostics };
  }

  const small = specOfLines(100);
  writeFileSync(join(outDir, 'spec-100-lines.cluster.yaml'), small.text);
  console.log('(c) our server (dist/server.js over stdio)...');
  const server = await measureOurServer({ root, outDir, text: small.text, keystrokes: KEYSTROKES, specs, debounceMs: engine.DEFAULT_DEBOUNCE_MS });
  const perKeystroke = timeValidation(engine, catalog, small.text, 200);

  console.log('\n(a)+(b) medians. ours: in-process; our server and yaml-ls: didOpen -> publishDiagnostics over stdio.');
  console.log('  ratio (a) = yaml-ls / ours in-process; ratio (s) = yaml-ls / our server');
  console.log(`  ${'spec'.padEnd(15)} ${pad('ours', 9)} ${pad('our server', 10)} ${pad('yaml-ls', 13)} ${pad('ratio (a)', 9)} ${pad('ratio (s)', 9)}  target >= 2x at 2,000`);
  const ratioText = (p, base) => (base === undefined ? 'n/a' : p?.capped ? `> ${(PEER_CAP_MS / base).toFixed(0)}x`
    : p?.median === undefined ? 'n/a' : `${(p.median / base).toFixed(1)}x`);
  const meets = (p, base) => base !== undefined && (p?.capped || (p?.median ?? 0) / base >= 2);
  for (const s of specs) {
    const p = peer.results.get(s.key);
    const served = server.open?.get(s.key);
    const peerText = p?.capped ? `> ${PEER_CAP_MS / 1000} s (cap)` : p?.skipped ? '> cap (not run)' : ms(p?.median);
    const target = s.n === 2_000 ? `(a) ${verdict(meets(p, s.ours.median))}, (s) ${verdict(meets(p, served))}` : '';
    console.log(`  ${`${s.n} ${s.variant}`.padEnd(15)} ${pad(ms(s.ours.median), 9)} ${pad(ms(served), 10)} `
      + `${pad(peerText, 13)} ${pad(ratioText(p, s.ours.median), 9)} ${pad(ratioText(p, served), 9)}  ${target}`);
  }
  console.log('  diagnostics found (ours / yaml-ls): ' + specs.map((s) => `${s.key} ${s.ours.diagnostics}/${peer.results.get(s.key)?.diagnostics ?? '-'}`).join(', '));
  console.log(`  "our server" and yaml-ls are wall times minus each server's deliberate delay (ours ${server.openDelayMs ?? 0} ms on open, yaml-ls ${peer.delayMs} ms).`);

  console.log(`\n(c) keystroke -> diagnostics, ${small.lines}-line spec (${small.n} resources), ${KEYSTROKES} keystrokes, medians:`);
  if (server.error) {
    console.log(`  our server: ${server.error}`);
  } else {
    console.log(`  didChange -> publishDiagnostics: ${ms(server.roundTrip)} with the server's ${server.debounceMs} ms debounce `
      + `(DEFAULT_DEBOUNCE_MS, server/src/handlers/diagnostics.ts) -> ${ms(server.roundTrip - server.debounceMs)} without it`);
    if (server.roundTripNoDelay !== undefined) {
      console.log(`  the same with initializationOptions.diagnosticDelayMs = 0: ${ms(server.roundTripNoDelay)}   target < 50 ms: ${verdict(server.roundTripNoDelay < 50)}`);
    }
  }
  console.log(`  server time (validation of that spec): ${ms(perKeystroke.median)}   target < 10 ms: ${verdict(perKeystroke.median < 10)}`);

  console.log('\n(d) time(20,000) / time(2,000), ours in-process (linear is 10, quadratic 100):');
  for (const variant of VARIANTS) {
    const at = (n) => specs.find((s) => s.n === n && s.variant === variant).ours.median;
    const growth = at(20_000) / at(2_000);
    console.log(`  ${variant.padEnd(8)} ${growth.toFixed(1)}   target near 10: ${verdict(growth >= 5 && growth <= 15)}`);
  }
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err.stack ?? err);
  process.exit(1);
});
