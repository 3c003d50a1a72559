/**
 * One fuzz input through the built CLI, as a CI job runs it: `node dist/cli.js lint
 * --format json -` with the bytes on standard input. The answer must be exit 0 or 1,
 * nothing on standard error, and one JSON array of findings whose positions lie in
 * the text; the process may use at most HANG_CPU_MS of CPU (it is killed then) and
 * HANG_WALL_MS of wall time. Test-only.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { LineIndex } from '../../server/src';
import { badRange, cpuMs, HANG_CPU_MS, HANG_WALL_MS, textOf } from './checks';

/**
 * The bundles under test: dist/ of this checkout, or a copy named by
 * STASH_HA_FUZZ_DIST (a long run in a tree others rebuild keeps its own copy).
 */
export const DIST = process.env.STASH_HA_FUZZ_DIST ?? join(__dirname, '..', '..', '..', 'dist');
export const CLI = join(DIST, 'cli.js');

/** How one channel handled one input. */
export interface ChannelResult {
  /** Undefined when the answer was right. */
  readonly problem?: string;
  readonly kind?: 'crash' | 'hang';
  readonly cpuMs: number;
  readonly wallMs: number;
}

const MAX_OUTPUT = 64 * 1024 * 1024;

interface LintRecord {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
}

/** Checks the CLI's JSON against the text it read. */
function checkOutput(stdout: string, bytes: Buffer): string | undefined {
  let records: unknown;
  try {
    records = JSON.parse(stdout);
  } catch {
    return `standard output is not JSON: ${JSON.stringify(stdout.slice(0, 200))}`;
  }
  if (!Array.isArray(records)) return 'standard output is not a JSON array';
  const lines = new LineIndex(textOf(bytes));
  for (const r of records as LintRecord[]) {
    if (typeof r.code !== 'string' || typeof r.message !== 'string' || !['error', 'warning', 'information', 'hint'].includes(r.severity)) {
      return `a finding without code, message or severity: ${JSON.stringify(r).slice(0, 200)}`;
    }
    const problem = badRange(lines, { line: r.line - 1, character: r.column - 1 }, { line: r.endLine - 1, character: r.endColumn - 1 });
    if (problem) return `${r.code} at ${r.line}:${r.column}-${r.endLine}:${r.endColumn}: ${problem}`;
  }
  return undefined;
}

/** Runs one input through the CLI. */
export function runCli(bytes: Buffer): Promise<ChannelResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'lint', '--format', 'json', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let cpu = 0;
    let hung: string | undefined;
    const collect = (into: Buffer[]) => (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_OUTPUT) into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.stdin.on('error', () => undefined); // a CLI that exits before reading all is judged by its answer
    child.stdin.end(bytes);
    const watch = setInterval(() => {
      cpu = (child.pid !== undefined ? cpuMs(child.pid) : undefined) ?? cpu;
      const wall = performance.now() - started;
      if (cpu > HANG_CPU_MS || wall > HANG_WALL_MS) {
        hung = cpu > HANG_CPU_MS ? `more than ${HANG_CPU_MS / 1000} s of CPU` : `no answer within ${HANG_WALL_MS / 1000} s`;
        child.kill('SIGKILL');
      }
    }, 50);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      const wallMs = performance.now() - started;
      const stderr = Buffer.concat(err).toString('utf8');
      const base = { cpuMs: cpu, wallMs };
      if (hung) return resolve({ ...base, kind: 'hang', problem: `cli: ${hung}` });
      if (signal !== null || (code !== 0 && code !== 1)) {
        return resolve({ ...base, kind: 'crash', problem: `cli: ${signal ?? `exit ${String(code)}`}: ${stderr.slice(0, 500)}` });
      }
      if (stderr !== '') return resolve({ ...base, kind: 'crash', problem: `cli: exit ${String(code)} with standard error: ${stderr.slice(0, 500)}` });
      if (size > MAX_OUTPUT) return resolve({ ...base, kind: 'crash', problem: `cli: more than ${MAX_OUTPUT} bytes of output` });
      const problem = checkOutput(Buffer.concat(out).toString('utf8'), bytes);
      resolve(problem ? { ...base, kind: 'crash', problem: `cli: ${problem}` } : base);
    });
  });
}
