/**
 * The extension-host test suite's entry, `extensionTestsPath` for VS Code: both
 * code-server (test/vscode/extensionTests.ts) and @vscode/test-electron
 * (scripts/test-vscode-electron.mjs) load this compiled module in the extension
 * host and call run(). It runs every compiled `*.suite.js` beside it but those in
 * untrusted/, which need an untrusted workspace and have their own entry.
 */
import { runMocha, suiteFiles } from './runMocha';

/** Runs the suite; rejects when a test failed. */
export function run(): Promise<void> {
  return runMocha(suiteFiles(__dirname, ['untrusted']));
}
