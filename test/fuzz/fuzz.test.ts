/**
 * The fixed-seed fuzz run of npm test: 2,000 generated inputs of every kind through
 * the built CLI (`stash-ha lint --format json -`, a process per input) and the built
 * language server (a long-lived one per worker), on two workers. No input may crash
 * either or take either more than 5 s of CPU (npm run fuzz runs more, with fresh
 * seeds, and keeps what fails in test/fuzz/regressions/).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFailure, describeSummary, runFuzz } from './harness';

const SEED = 20261202;
const COUNT = 2000;

test(`${COUNT} fuzz inputs (seed ${SEED}) through the CLI and the language server: no crash, no hang`, async (t) => {
  const summary = await runFuzz({ seed: SEED, count: COUNT }, 2);
  t.diagnostic(describeSummary(summary));
  assert.deepEqual(summary.failed.map(describeFailure), []);
  assert.equal(summary.passed, COUNT);
});
