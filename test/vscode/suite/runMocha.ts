/**
 * Runs compiled `*.suite.js` files with mocha's tdd interface (suite/test) and ends
 * with a `stash-ha suite: N passed, N failed` line, which the code-server launcher
 * (test/vscode/extensionTests.ts) reads. STASH_HA_SUITE_GREP, when set, runs only
 * the tests whose full title matches it. Shared by the suite's entries: index.ts
 * (a trusted workspace) and untrusted/index.ts (an untrusted one).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** Every `*.suite.js` under `dir`, sorted, leaving out the folders named in `skip`. */
export function suiteFiles(dir: string, skip: readonly string[] = [], out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!skip.includes(name)) suiteFiles(p, skip, out);
    } else if (name.endsWith('.suite.js')) out.push(p);
  }
  return out;
}

/** Runs `files`; rejects when a test failed, so VS Code exits with a non-zero code. */
export function runMocha(files: readonly string[]): Promise<void> {
  // A test waits on events with deadlines of its own; this only stops a hang.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 300_000 });
  const grep = process.env.STASH_HA_SUITE_GREP;
  if (grep) mocha.grep(grep);
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`stash-ha suite: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
