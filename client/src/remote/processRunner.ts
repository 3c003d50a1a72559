/**
 * The one way this library starts a local process: an argument vector, never a
 * shell string. A finished process is a result to inspect (exit code, output,
 * duration), not an exception; only the caller decides what a failure means.
 * The runner and the clock are passed in everywhere, so tests use the real ones
 * or a recording and nothing here is a singleton.
 */
import { spawn } from 'node:child_process';

/** What one local process did. */
export interface ProcessResult {
  /** The exit code; -1 when the process could not start or was killed by a signal. */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  /** Set when the deadline passed and the process was killed. */
  readonly timedOut: boolean;
  /** Set when the program could not be started at all (e.g. ENOENT). */
  readonly spawnError?: string;
}

export interface RunOptions {
  /** Bytes or text written to standard input, which is then closed; absent means /dev/null. */
  readonly stdin?: string | Uint8Array;
  /** Kill the process (TERM, then KILL a second later) after this long. */
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

/** Starts a program with an argument vector and reports how it ended. */
export interface ProcessRunner {
  run(file: string, args: readonly string[], options?: RunOptions): Promise<ProcessResult>;
}

/** Time as this library sees it; tests may pass a fake one. */
export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Output beyond this many bytes per stream is dropped (and marked), so a runaway command cannot exhaust memory. */
const MAX_OUTPUT = 64 * 1024 * 1024;

function collector(): { push(chunk: Buffer): void; text(): string } {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  return {
    push(chunk) {
      if (size + chunk.length > MAX_OUTPUT) {
        truncated = true;
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    },
    text: () => Buffer.concat(chunks).toString('utf8') + (truncated ? '\n[output truncated]\n' : ''),
  };
}

/** A runner that spawns real processes with node:child_process (no shell). */
export function spawnRunner(clock: Clock = systemClock): ProcessRunner {
  return {
    run(file, args, options = {}) {
      const started = clock.now();
      return new Promise((resolve) => {
        const child = spawn(file, [...args], {
          stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
          env: options.env ?? process.env,
          shell: false,
          windowsHide: true,
        });
        const out = collector();
        const err = collector();
        let timedOut = false;
        let settled = false;
        let killTimer: NodeJS.Timeout | undefined;
        const deadline = options.timeoutMs === undefined ? undefined : setTimeout(() => {
          timedOut = true;
          child.kill('SIGTERM');
          killTimer = setTimeout(() => child.kill('SIGKILL'), 1000);
        }, options.timeoutMs);
        const finish = (exitCode: number, spawnError?: string): void => {
          if (settled) return;
          settled = true;
          if (deadline) clearTimeout(deadline);
          if (killTimer) clearTimeout(killTimer);
          resolve({
            exitCode, stdout: out.text(), stderr: err.text(),
            durationMs: clock.now() - started, timedOut, ...(spawnError === undefined ? {} : { spawnError }),
          });
        };
        child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', (error: NodeJS.ErrnoException) => finish(-1, `${file}: ${error.code ?? error.message}`));
        child.on('close', (code) => finish(code ?? -1));
        if (options.stdin !== undefined && child.stdin) {
          // A remote side that exits before reading everything closes the pipe: that is its result, not ours.
          child.stdin.on('error', () => undefined);
          child.stdin.end(options.stdin);
        }
      });
    },
  };
}
