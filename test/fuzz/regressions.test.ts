/**
 * Every input fuzzing ever found failing, kept in test/fuzz/regressions/ (by
 * `npm run fuzz`, and the ones of issue 10: keys that are mappings, nested complex
 * keys, a chain of aliases past the stack, a 2 MB flow list), through the built
 * CLI and language server as the fuzz run sends them: each must pass now.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFailure, describeSummary, regressionInputs, runFuzz } from './harness';

test('every kept fuzz input passes the CLI and the language server', async (t) => {
  const given = regressionInputs();
  assert.ok(given.length >= 6, 'the kept inputs are there');
  const summary = await runFuzz({ given }, 2);
  t.diagnostic(describeSummary(summary));
  assert.deepEqual(summary.failed.map(describeFailure), []);
});
