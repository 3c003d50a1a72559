/**
 * The workspace a VS Code test opens: a fresh temp folder holding copies of the
 * example specs (examples/*.cluster.yaml) and of test/vscode/fixtures/workspace/,
 * so a test may edit, save or delete files without touching the repository, and
 * every run starts from the same files.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './runtime';

export interface TestWorkspace {
  readonly path: string;
  /** Removes the folder. */
  remove(): void;
}

/** The extra files every test workspace gets besides the example specs. */
export const WORKSPACE_FIXTURES = join(ROOT, 'test', 'vscode', 'fixtures', 'workspace');

/** Creates a fresh test workspace; remove() it when done. */
export function makeWorkspace(): TestWorkspace {
  const path = mkdtempSync(join(tmpdir(), 'stash-ha-workspace-'));
  const examples = join(ROOT, 'examples');
  for (const name of readdirSync(examples).filter((f) => /\.cluster\.ya?ml$/.test(f))) {
    cpSync(join(examples, name), join(path, name));
  }
  if (existsSync(WORKSPACE_FIXTURES)) cpSync(WORKSPACE_FIXTURES, path, { recursive: true });
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
