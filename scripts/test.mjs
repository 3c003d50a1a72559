// Runs every test: builds dist/ (the LSP and CLI tests drive the built bundles),
// type-checks and compiles the TypeScript projects to out/, then runs node's test
// runner over every compiled *.test.js. Extra arguments filter test files by substring.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}
run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b']);
const filters = process.argv.slice(2);
const files = find(join(root, 'out/test')).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s))).sort();
run(process.execPath, ['--test', '--test-reporter=spec', ...files]);
