// Runs every test: builds dist/ (the LSP and CLI tests drive the built bundles),
// compiles the TypeScript projects to out/ (less what a deleted source left there), runs
// ESLint over the repository (the full run only), then runs node's test runner over
// every compiled *.test.js, each test with a deadline against a hang and the whole run
// killed after 60 minutes. Extra arguments filter test files by substring.
import { spawnSync } from 'node:child_process';
import { RUN_DEADLINE_MS, buildAll, runNodeTest, testFiles } from './testRun.mjs';

buildAll();
const filters = process.argv.slice(2);
if (filters.length === 0) {
  console.log('test: npm run lint');
  const lint = spawnSync('npm', ['run', '--silent', 'lint'], { stdio: 'inherit' });
  if (lint.status !== 0) {
    console.error('test: ESLint found problems (above); fix them, or run `npx eslint --fix .` for the fixable ones');
    process.exit(lint.status ?? 1);
  }
}
const files = testFiles(filters);
if (files.length === 0) {
  console.error(`test: no compiled test file matches ${process.argv.slice(2).join(' ')}`);
  process.exit(1);
}
const r = await runNodeTest(files);
if (r.timedOut) {
  console.error(`test: the run took longer than ${RUN_DEADLINE_MS / 60_000} minutes and was killed; the output above shows which tests were still running`);
  process.exit(124);
}
process.exit(r.code ?? 1);
