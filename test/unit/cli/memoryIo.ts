/**
 * A CliIo for running `stash-ha` in-process in a test: output collected in
 * strings, spec files served from a map (anything else is ENOENT), files written
 * kept in a map, answers to confirm() given in advance, and agent bytes read from
 * the real file system. Test-only.
 */
import { readFile } from 'node:fs/promises';
import { CliIo } from '../../../cli/src/io';

export interface MemoryIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Files written, by path (they can be read back too). */
  readonly written: Map<string, string>;
}

/** `answers`: what confirm() says, in turn (undefined: no terminal); absent: there is no terminal. */
export function memoryIo(files: Readonly<Record<string, string>>, answers?: readonly (boolean | undefined)[]): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const asked = [...(answers ?? [])];
  return {
    out: (t) => { out.push(t); },
    err: (t) => { err.push(t); },
    readText: (p) => {
      const text = written.get(p) ?? files[p];
      return text === undefined ? Promise.reject(Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })) : Promise.resolve(text);
    },
    readBytes: (p) => readFile(p),
    writeText: (p, text, options) => {
      if (options?.exclusive && (written.has(p) || files[p] !== undefined)) return Promise.reject(Object.assign(new Error(`EEXIST: ${p}`), { code: 'EEXIST' }));
      written.set(p, text);
      return Promise.resolve();
    },
    ...(answers === undefined ? {} : { confirm: () => Promise.resolve(asked.shift()) }),
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    written,
  };
}
