/**
 * The extension as users get it: `vsce package` over the built dist/ (npm test
 * builds it first; `npm run package` builds and packages), with the same flags as
 * `npm run package`, written to a folder the caller chooses. It does not build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './runtime';

/**
 * The flags `npm run package` passes too: esbuild bundles the dependencies; there is
 * no public repository, so README's relative links and images (media/screenshots/)
 * stay relative, which the extension's page in VS Code reads from the installed
 * extension's folder (vsce would otherwise refuse them for want of a repository URL).
 */
export const VSCE_FLAGS = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];

/** Packages the repository into `dir`/stash-ha.vsix and returns its path; throws with vsce's output on failure. */
export function packageVsix(dir: string): string {
  if (!existsSync(join(ROOT, 'dist', 'client.js'))) throw new Error('no dist/client.js: build first (node scripts/build.mjs)');
  const file = join(dir, 'stash-ha.vsix');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', ...VSCE_FLAGS, '-o', file], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`vsce package failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  return file;
}

/** The files inside the .vsix as `vsce ls` lists them (paths relative to the extension's folder). */
export function vsixFiles(): string[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`vsce ls failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.length > 0).sort();
}
