/**
 * A CliIo for running `stash-ha` in-process in a test: output collected in
 * strings, spec files served from a map (anything else is ENOENT), and agent
 * bytes read from the real file system. Test-only.
 */
import { readFile } from 'node:fs/promises';
import { CliIo } from '../../../cli/src/io';

export interface MemoryIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export function memoryIo(files: Readonly<Record<string, string>>): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (t) => { out.push(t); },
    err: (t) => { err.push(t); },
    readText: (p) => {
      const text = files[p];
      return text === undefined ? Promise.reject(Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })) : Promise.resolve(text);
    },
    readBytes: (p) => readFile(p),
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
