// `npm run demo`: bundles scripts/demo/demo.ts (with the lab and code-server helpers it
// imports from test/) into one file and runs it in this process, so Ctrl-C reaches the
// demo itself. The bundle goes to out/scripts/demo/, where tsc would put demo.js: the
// helpers find the repository from their own folder (__dirname/../../..), which holds
// there as it does for the compiled tests. Packages stay outside the bundle and load
// from node_modules.
import { build } from 'esbuild';
import { renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'out', 'scripts', 'demo', 'demo.cjs');
// Two demos (or a demo and its test) may bundle at once: each writes its own file, then renames.
const partial = `${outfile}.${process.pid}`;
await build({
  entryPoints: [join(root, 'scripts', 'demo', 'demo.ts')],
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external',
  outfile: partial, logLevel: 'warning', sourcemap: 'inline',
});
renameSync(partial, outfile);
createRequire(import.meta.url)(outfile);
