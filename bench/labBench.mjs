// What the lab benchmarks share: running a program (result, never a throw), driving
// one lab cluster's cluster.sh under its own run dir, prefix and /24, medians and
// their printing, and bundling parts of the TypeScript sources for this Node with
// esbuild. Nothing here measures anything.
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench/.generated');

/** Runs a program to its end: { code, stdout, stderr, ms }. */
export function run(file, args, env = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    execFile(file, args, { env: { ...process.env, ...env }, maxBuffer: 64 << 20, timeout: 600_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

/** `cluster.sh VERB…` for the lab of `settings` (STASH_HA_CLUSTER_DIR, _PREFIX, _NET); a failure throws. */
export function labScript(settings) {
  return async (verb, ...args) => {
    const r = await run('bash', [join(root, 'test/cluster/cluster.sh'), verb, ...args], settings);
    if (r.code !== 0) throw new Error(`cluster.sh ${verb} failed:\n${r.stderr}`);
    return r;
  };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const fmt = (x) => `${x.toFixed(0).padStart(6)} ms`;

/** Bundles `exports` (lines of `export … from './…'`, relative to the repository) and loads the bundle. */
export async function loadBundle(name, exports) {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}.cjs`);
  await build({
    stdin: { contents: exports.join('\n'), resolveDir: root, loader: 'ts', sourcefile: `${name}.ts` },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

/**
 * Brings the lab of `settings` up (3 nodes), runs `body` with its cluster.json and an
 * `ssh(node, ...words)` over the lab's ssh config, and always takes the lab down,
 * also on failure or Ctrl-C.
 */
export async function withLab(settings, body) {
  const cluster = labScript(settings);
  await cluster('down');
  process.once('SIGINT', () => { cluster('down').finally(() => process.exit(130)); });
  try {
    const up = await cluster('up', '3');
    const info = JSON.parse(readFileSync(join(settings.STASH_HA_CLUSTER_DIR, 'cluster.json'), 'utf8'));
    console.log(`lab cluster up in ${(up.ms / 1000).toFixed(1)} s (Pacemaker 2.1.5, pcs 0.11.5, 3 nodes in namespaces)`);
    const ssh = (node, ...words) => run('ssh', ['-F', info.sshConfig, '-o', 'BatchMode=yes', node, ...words]);
    await body(info, ssh);
  } finally {
    await cluster('down');
  }
}
