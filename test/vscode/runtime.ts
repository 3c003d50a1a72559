/**
 * Where the VS Code test runtime is: scripts/setup-vscode.sh installs Node 24,
 * code-server and Chromium and writes runtime.json into the runtime's folder
 * ($STASH_HA_VSCODE_CACHE, default /var/cache/stash-ha/vscode). This module only
 * reads that file and checks that what it names is there; it installs nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root (this file is compiled to out/test/vscode/). */
export const ROOT = join(__dirname, '..', '..', '..');

/** The folder the runtime lives in, as scripts/setup-vscode.sh chooses it. */
export const RUNTIME_DIR = process.env.STASH_HA_VSCODE_CACHE || '/var/cache/stash-ha/vscode';

/** The programs a VS Code test runs, as runtime.json names them. */
export interface Runtime {
  /** Node 24, which code-server runs on. */
  readonly node: string;
  readonly nodeVersion: string;
  /** code-server's `out/node/entry.js`, run as `node entry.js ...`. */
  readonly codeServerEntry: string;
  readonly codeServerVersion: string;
  /** Debian's Chromium, driven by playwright-core. */
  readonly chromium: string;
}

/** Reads runtime.json; throws saying how to install the runtime when it or a program it names is missing. */
export function loadRuntime(): Runtime {
  const file = join(RUNTIME_DIR, 'runtime.json');
  const fix = 'install it with `bash scripts/setup-vscode.sh` (part of scripts/setup.sh), with the same STASH_HA_VSCODE_CACHE';
  if (!existsSync(file)) throw new Error(`the VS Code test runtime is not installed: no ${file}; ${fix}`);
  const runtime = JSON.parse(readFileSync(file, 'utf8')) as Runtime;
  for (const key of ['node', 'codeServerEntry', 'chromium'] as const) {
    if (!existsSync(runtime[key])) throw new Error(`the VS Code test runtime is incomplete: ${runtime[key]} (${key} in ${file}) is missing; ${fix}`);
  }
  return runtime;
}
