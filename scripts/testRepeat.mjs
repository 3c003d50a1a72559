// Runs the same tests many times to find flaky ones:
//   npm run test:repeat -- PATTERN N
// builds once (as scripts/test.mjs does), then runs the compiled test files whose path
// contains PATTERN N times, each run a node --test process of its own. Prints a line
// per run and, at the end, "N passed, M failed" (counting runs); exits 1 if any run
// failed. The output of each failed run is kept in a file whose path is printed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAll, runNodeTest, testFiles } from './testRun.mjs';

const [pattern, countText] = process.argv.slice(2);
const count = Number(countText);
if (!pattern || !Number.isInteger(count) || count < 1) {
  console.error('usage: npm run test:repeat -- PATTERN N   (PATTERN: part of a test file\'s path; N: how many runs)');
  process.exit(2);
}

buildAll();
const files = testFiles([pattern]);
if (files.length === 0) {
  console.error(`test:repeat: no compiled test file matches '${pattern}'`);
  process.exit(2);
}
console.log(`test:repeat: ${files.length} file(s) matching '${pattern}', ${count} runs`);

let logDir;
let passed = 0;
let failed = 0;
for (let i = 1; i <= count; i++) {
  const started = Date.now();
  const r = await runNodeTest(files, { capture: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.code === 0 && !r.timedOut) {
    passed++;
    console.log(`run ${i}/${count}: passed (${seconds} s)`);
    continue;
  }
  failed++;
  logDir ??= mkdtempSync(join(tmpdir(), 'stash-ha-test-repeat-'));
  const log = join(logDir, `run-${i}.log`);
  writeFileSync(log, r.output);
  const why = r.timedOut ? 'killed after the run deadline' : r.signal ? `ended by ${r.signal}` : `exit ${r.code}`;
  console.log(`run ${i}/${count}: FAILED (${why}, ${seconds} s); output in ${log}`);
  // The spec reporter marks failed tests with ✖ (listed twice: where they ran, and in its summary).
  const marked = r.output.split('\n').filter((l) => /^\s*✖ |asynchronous activity after the test ended/.test(l)).map((l) => l.trim());
  for (const line of [...new Set(marked)].slice(0, 10)) console.log(`  ${line}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
