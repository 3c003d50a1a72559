/**
 * The extension-host test suite's entry, `extensionTestsPath` for VS Code: both
 * code-server (test/vscode/extensionTests.ts) and @vscode/test-electron
 * (scripts/test-vscode-electron.mjs) load this compiled module in the extension host
 * and call run(). It runs every compiled `*.suite.js` beside it with mocha's tdd
 * interface (suite/test) and ends with a `stash-ha suite: N passed, N failed` line,
 * which the code-server launcher reads. STASH_HA_SUITE_GREP, when set, runs only the
 * tests whose full title matches it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

function suiteFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) suiteFiles(p, out);
    else if (name.endsWith('.suite.js')) out.push(p);
  }
  return out;
}

/** Runs the suite; rejects when a test failed, so VS Code exits with a non-zero code. */
export function run(): Promise<void> {
  // A test waits on events with deadlines of its own; this only stops a hang.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 180_000 });
  const grep = process.env.STASH_HA_SUITE_GREP;
  if (grep) mocha.grep(grep);
  for (const file of suiteFiles(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`stash-ha suite: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
