/**
 * The fuzz harness: inputs (generated, or read from the regression folder) through
 * the built CLI and the built language server, on a few workers at once (each its
 * own long-lived server; a CLI process per input), with what failed, which input
 * was slowest and the counts. Used by `npm run fuzz`, by npm test's fixed-seed run
 * and by the regression test. Test-only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChannelResult, runCli } from './cliChannel';
import { FuzzInput, fuzzInput } from './generators';
import { LspChannel } from './lspChannel';

/** Where every failing input found is kept; regressions.test.ts runs them all. */
export const REGRESSIONS = join(__dirname, '..', '..', '..', 'test', 'fuzz', 'regressions');

/** One input and how both channels took it. */
export interface Outcome {
  /** The input's number in its run, or its file in the regression folder. */
  readonly name: string;
  readonly kind: string;
  readonly bytes: Buffer;
  readonly cli: ChannelResult;
  readonly lsp: ChannelResult;
}

export interface FuzzSummary {
  readonly passed: number;
  readonly failed: readonly Outcome[];
  readonly crashes: number;
  readonly hangs: number;
  /** By CPU time, whichever channel took longer. */
  readonly slowest?: Outcome;
  readonly wallMs: number;
}

export function failedOutcome(o: Outcome): boolean {
  return o.cli.problem !== undefined || o.lsp.problem !== undefined;
}

function costOf(o: Outcome): number {
  return Math.max(o.cli.cpuMs, o.lsp.cpuMs);
}

/** The inputs of a run: `count` generated ones from `seed`, or given ones. */
export type InputSource = { readonly seed: number; readonly count: number } | { readonly given: readonly (FuzzInput & { name: string })[] };

/**
 * Runs every input through both channels on `workers` workers; `onOutcome` hears
 * each as it finishes (progress, saving failures).
 */
export async function runFuzz(source: InputSource, workers = 2, onOutcome?: (o: Outcome, done: number) => void): Promise<FuzzSummary> {
  const started = performance.now();
  const total = 'given' in source ? source.given.length : source.count;
  const inputAt = (i: number): FuzzInput & { name: string } =>
    'given' in source ? source.given[i] : { ...fuzzInput(source.seed, i), name: `#${i}` };
  let next = 0;
  let done = 0;
  const outcomes: Outcome[] = [];
  const worker = async (): Promise<void> => {
    const lsp = new LspChannel();
    try {
      for (let i = next++; i < total; i = next++) {
        const input = inputAt(i);
        const cli = await runCli(input.bytes);
        const lspResult = await lsp.run(input.bytes);
        const outcome = { name: input.name, kind: input.kind, bytes: input.bytes, cli, lsp: lspResult };
        outcomes.push(outcome);
        onOutcome?.(outcome, ++done);
      }
    } finally {
      lsp.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
  const failed = outcomes.filter(failedOutcome);
  const isHang = (o: Outcome): boolean => o.cli.kind === 'hang' || o.lsp.kind === 'hang';
  return {
    passed: outcomes.length - failed.length,
    failed,
    hangs: failed.filter(isHang).length,
    crashes: failed.filter((o) => !isHang(o)).length,
    slowest: outcomes.reduce<Outcome | undefined>((a, o) => (a === undefined || costOf(o) > costOf(a) ? o : a), undefined),
    wallMs: performance.now() - started,
  };
}

/** Keeps a failing input in the regression folder (once: named by kind and content); returns its path. */
export function keepRegression(o: Outcome): string {
  mkdirSync(REGRESSIONS, { recursive: true });
  const file = join(REGRESSIONS, `${o.kind}-${createHash('sha256').update(o.bytes).digest('hex').slice(0, 12)}.input`);
  writeFileSync(file, o.bytes);
  return file;
}

/** The inputs kept in the regression folder. */
export function regressionInputs(): (FuzzInput & { name: string })[] {
  return readdirSync(REGRESSIONS).filter((f) => f.endsWith('.input')).sort()
    .map((f) => ({ name: f, kind: f.replace(/-[0-9a-f]{12}\.input$/, ''), bytes: readFileSync(join(REGRESSIONS, f)) }));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** One line about a failed input. */
export function describeFailure(o: Outcome): string {
  const what = o.cli.kind === 'hang' || o.lsp.kind === 'hang' ? 'hang ' : 'crash';
  return `${what} ${o.name} ${o.kind} (${o.bytes.length} bytes): ${[o.cli.problem, o.lsp.problem].filter(Boolean).join('; ')}`;
}

/** The report: failures, the slowest input, the counts. */
export function describeSummary(s: FuzzSummary): string {
  const out = s.failed.map(describeFailure);
  if (s.slowest) {
    const o = s.slowest;
    out.push(`slowest: ${o.name} ${o.kind} (${o.bytes.length} bytes): cli ${seconds(o.cli.cpuMs)} CPU (${seconds(o.cli.wallMs)} wall), ` +
      `lsp ${seconds(o.lsp.cpuMs)} CPU (${seconds(o.lsp.wallMs)} wall)`);
  }
  out.push(`crashes ${s.crashes}, hangs (over 5 s of CPU, or no answer within 60 s) ${s.hangs}, in ${seconds(s.wallMs)}`);
  out.push(`${s.passed} passed, ${s.failed.length} failed`);
  return out.join('\n');
}
