/**
 * What a subcommand of `stash-ha` may touch of the outside world: its output
 * streams and the files it reads. Subcommands get it passed in, so the same code
 * runs against the real process here and against strings in a test.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { stripControl } from '../../client/src/remote/terminalText';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a file as UTF-8; `-` reads standard input. Rejects with a Node system error. */
  readText(path: string): Promise<string>;
  /** Reads a file's bytes (an agent to deploy). Rejects with a Node system error. */
  readBytes(path: string): Promise<Uint8Array>;
  /** Writes a file as UTF-8; `exclusive` refuses one that exists (EEXIST). Rejects with a Node system error. */
  writeText(path: string, text: string, options?: { readonly exclusive?: boolean }): Promise<void>;
  /** Asks a yes/no question on the terminal; undefined when there is no terminal to ask on. */
  confirm?(question: string): Promise<boolean | undefined>;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EEXIST: 'it exists',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/** The OS reason a read failed, in a few plain words ("no such file"). */
export function readFailureReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && REASONS[code] !== undefined) return REASONS[code];
  return err instanceof Error ? err.message : String(err);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The real process's streams and file system. A byte-order mark is dropped, as editors do. */
export const processIo: CliIo = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
  readText: async (path) => stripBom(path === '-' ? await readStdin() : await readFile(path, 'utf8')),
  readBytes: (path) => readFile(path),
  writeText: (path, text, options) => writeFile(path, text, { encoding: 'utf8', flag: options?.exclusive ? 'wx' : 'w' }),
  confirm: async (question) => {
    if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
    } finally {
      rl.close();
    }
  },
};

/**
 * `io` with control characters (other than line breaks and tabs) dropped from what
 * goes to standard output and error: the cluster subcommands print what nodes said
 * (pcs's stderr, Stash's status page, ssh's messages), which must not drive the
 * terminal. JSON output is unaffected but for C1 controls, which JSON leaves raw.
 */
export function terminalSafe(io: CliIo): CliIo {
  return { ...io, out: (text) => io.out(stripControl(text)), err: (text) => io.err(stripControl(text)) };
}
