/**
 * `npm run fuzz -- N [--seed S] [--workers W]`: N generated inputs through the built
 * CLI and language server. Without --seed a fresh one is drawn (and printed, so the
 * run can be repeated). Prints each failure as it comes and keeps its input in
 * test/fuzz/regressions/, then the slowest input and `N passed, M failed`; exits 1
 * when an input failed. Test-only.
 */
import { randomInt } from 'node:crypto';
import { describeFailure, describeSummary, failedOutcome, keepRegression, runFuzz } from './harness';

function usage(message: string): never {
  process.stderr.write(`fuzz: ${message}\nusage: npm run fuzz -- N [--seed S] [--workers W]\n`);
  process.exit(2);
}

async function main(argv: readonly string[]): Promise<number> {
  let count: number | undefined;
  let seed: number | undefined;
  let workers = 2;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) usage(`${a} takes a whole number`);
      return n;
    };
    if (a === '--seed') seed = value();
    else if (a === '--workers') workers = Math.max(1, value());
    else if (/^\d+$/.test(a) && count === undefined) count = Number(a);
    else usage(`unexpected argument '${a}'`);
  }
  if (count === undefined) usage('how many inputs?');
  const runSeed = seed ?? randomInt(1, 2 ** 31 - 1);
  process.stdout.write(`fuzz: ${count} inputs, seed ${runSeed}, ${workers} workers (repeat: npm run fuzz -- ${count} --seed ${runSeed})\n`);
  const summary = await runFuzz({ seed: runSeed, count }, workers, (o, done) => {
    if (failedOutcome(o)) process.stdout.write(`${describeFailure(o)}\n  kept as ${keepRegression(o)}\n`);
    if (done % 500 === 0) process.stderr.write(`fuzz: ${done} of ${count} done\n`);
  });
  process.stdout.write(`${describeSummary(summary)}\n`);
  return summary.failed.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
  process.stderr.write(`fuzz: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 2;
});
