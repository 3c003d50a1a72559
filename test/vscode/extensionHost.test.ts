/**
 * The extension-host suite (test/vscode/suite/) in a real VS Code: code-server with
 * the repository as the extension under development (dist/client.js, dist/server.js
 * as npm test builds them), a fresh copy of the example workspace, Chromium as the
 * browser. Fails when any mocha test fails; mocha's own report is in the output.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runExtensionTests } from './extensionTests';
import { makeWorkspace } from './workspace';

describe('VS Code (code-server 4.139 = VS Code 1.139)', () => {
  test('the extension-host suite passes', { timeout: 10 * 60_000 }, async () => {
    const workspace = makeWorkspace();
    try {
      const r = await runExtensionTests({ workspace: workspace.path });
      const report = `${r.output}\n--- code-server's output ---\n${r.serverLog}`;
      assert.equal(r.code, 0, `the suite ended with ${r.code ?? 'no exit code (timed out)'}:\n${report}`);
      assert.equal(r.failed, 0, report);
      assert.ok(r.passed >= 4, `only ${r.passed} tests ran:\n${report}`);
    } finally {
      workspace.remove();
    }
  });
});
