// npm run fuzz -- N [--seed S] [--workers W]: builds what the harness drives (dist/
// and out/, as npm test does), then runs test/fuzz/main.ts's compiled entry, which
// sends N generated inputs through the built CLI and language server.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildAll, root } from './testRun.mjs';

buildAll();
const r = spawnSync(process.execPath, [join(root, 'out/test/fuzz/main.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
