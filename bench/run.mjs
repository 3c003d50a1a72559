// `npm run bench`: how fast the spec checks are, side by side with yaml-language-server
// validating the same files against our JSON Schema, all on the Node that runs this
// script. Prints figures and PASS/MISS against the targets of issue 2; asserts nothing.
// Expects dist/ to be built (the npm script builds first). Generated specs go to
// bench/.generated/ (ignored by git). Every wait has a cap, so the run is bounded.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateSpec } from './generate.mjs';
import { measureOurServer, measureYamlLs } from './servers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench/.generated');
const SIZES = [100, 2_000, 20_000];
const RUNS = { 100: 9, 2_000: 5, 20_000: 3 };
const PEER_RUNS = { 100: 5, 2_000: 3, 20_000: 1 };
/** yaml-language-server gets this long per file before we print "> cap" and stop it. */
const PEER_CAP_MS = 120_000;
const KEYSTROKES = 40;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x === undefined ? 'n/a' : Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) + ' ms' : String(x));
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

/** The checks as the server and CLI run them, bundled from the TypeScript sources. */
async function loadEngine() {
  const outfile = join(outDir, 'engine.cjs');
  await build({
    stdin: {
      contents: "export { validateText } from './server/src/services/validate';\n"
        + "export { createCatalog } from './server/src/agents/catalog';\n",
      resolveDir: root, loader: 'ts', sourcefile: 'bench-engine.ts',
    },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

function timeValidation(engine, catalog, text, runs) {
  engine.validateText(text, catalog);
  const times = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    count = engine.validateText(text, catalog).length;
    times.push(performance.now() - t0);
  }
  return { median: median(times), diagnostics: count };
}

/** The generated size whose text is closest to `lines` lines. */
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
  const generated = join(outDir, 'cluster-spec.schema.json');
  const gen = createRequire(import.meta.url)(join(root, 'dist/gen-schema.js'));
  const schema = typeof gen.generateSchema === 'function' ? gen.generateSchema() : gen.clusterSpecSchema?.();
  if (schema === undefined) throw new Error('no schemas/cluster-spec.schema.json and dist/gen-schema.js exports no generator');
  writeFileSync(generated, typeof schema === 'string' ? schema : JSON.stringify(schema, null, 2));
  return generated;
}

async function main() {
  const started = performance.now();
  mkdirSync(outDir, { recursive: true });
  console.log(`Stash HA benchmark on Node ${process.version} (${process.platform}-${process.arch}, ${cpus().length} CPUs): `
    + 'every side runs on this one Node.');

  const specs = SIZES.map((n) => {
    const text = generateSpec(n);
    const file = join(outDir, `spec-${n}.cluster.yaml`);
    writeFileSync(file, text);
    return { n, text, file, lines: text.split('\n').length - 1, kb: Math.round(Buffer.byteLength(text) / 1024) };
  });
  for (const s of specs) console.log(`  ${s.n} resources: ${s.lines} lines, ${s.kb} KB, ${Math.floor(s.n / 3)} resources use the &common and &monitor aliases -> ${s.file.slice(root.length + 1)}`);

  const engine = await loadEngine();
  const catalog = engine.createCatalog();
  console.log('\n(a) our full validation in-process (parse, model, every validator), median:');
  for (const s of specs) {
    Object.assign(s, { ours: timeValidation(engine, catalog, s.text, RUNS[s.n]) });
    console.log(`  ${String(s.n).padStart(6)} resources: ${ms(s.ours.median).padStart(10)}  (${s.ours.diagnostics} diagnostics, ${RUNS[s.n]} runs)`);
  }

  const schema = schemaFile();
  console.log(`\n(b) yaml-language-server over stdio, didOpen -> publishDiagnostics, schema ${schema.slice(root.length + 1)}:`);
  const peer = await measureYamlLs({ root, outDir, schemaUri: pathToFileURL(schema).href, specs, runs: PEER_RUNS, capMs: PEER_CAP_MS });
  console.log(`  ${peer.note}`);
  for (const s of specs) {
    const p = peer.results.get(s.n);
    const ratio = p?.median !== undefined ? p.median / s.ours.median : undefined;
    s.peer = p;
    const shown = p?.capped ? `> ${PEER_CAP_MS / 1000} s (cap)` : ms(p?.median);
    const target = s.n === 2_000 ? `   target >= 2x: ${verdict(p?.capped || (ratio ?? 0) >= 2)}` : '';
    console.log(`  ${String(s.n).padStart(6)} resources: ${shown.padStart(16)}  (${p?.diagnostics ?? '?'} diagnostics)`
      + `  ours ${ms(s.ours.median)}  ->  ours is ${p?.capped ? `> ${(PEER_CAP_MS / s.ours.median).toFixed(0)}` : ratio?.toFixed(1) ?? '?'}x faster${target}`);
  }

  const small = specOfLines(100);
  writeFileSync(join(outDir, 'spec-100-lines.cluster.yaml'), small.text);
  console.log(`\n(c) keystroke -> diagnostics through our server (dist/server.js over stdio), ${small.lines}-line spec (${small.n} resources), ${KEYSTROKES} keystrokes:`);
  const server = await measureOurServer({ root, outDir, text: small.text, keystrokes: KEYSTROKES, specs });
  const inProcess = timeValidation(engine, catalog, small.text, 200).median;
  if (server.error) {
    console.log(`  our server: ${server.error}`);
  } else {
    console.log(`  round trip didChange -> publishDiagnostics: median ${ms(server.roundTrip)}; the server's debounce: ${server.debounceMs} ms (${server.debounceSource})`);
    console.log(`  latency minus debounce: ${ms(server.roundTrip - server.debounceMs)}`);
    for (const s of specs) {
      const o = server.open.get(s.n);
      if (o) console.log(`  didOpen -> publishDiagnostics at ${s.n} resources, minus debounce: ${ms(o)} (compare (b))`);
    }
  }
  console.log(`  validation of that spec (the server's work per keystroke): median ${ms(inProcess)}   target < 10 ms: ${verdict(inProcess < 10)}`);

  const [, mid, big] = specs;
  const growth = big.ours.median / mid.ours.median;
  console.log(`\n(d) time(20,000) / time(2,000) = ${growth.toFixed(1)} (linear is 10, quadratic 100)   target near 10: ${verdict(growth >= 5 && growth <= 15)}`);
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err.stack ?? err);
  process.exit(1);
});
