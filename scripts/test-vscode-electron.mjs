// Runs the extension-host suite (test/vscode/suite/) in a desktop VS Code through
// @vscode/test-electron, for people who have one or a network: it downloads VS Code
// into .vscode-test/ on first use. CI and machines without internet use code-server
// instead (npm run test:vscode). Same suite, same workspace: a temp copy of the
// example specs. Extra arguments are passed to VS Code; VSCODE_VERSION picks the
// version (default: stable).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildAll, root } from './testRun.mjs';

buildAll();
const { makeWorkspace } = createRequire(import.meta.url)(join(root, 'out/test/vscode/workspace.js'));
const workspace = makeWorkspace();
let code = 1;
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/vscode/suite/index.js'),
    launchArgs: [workspace.path, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', ...process.argv.slice(2)],
  });
  code = 0;
} catch (error) {
  console.error(`test:vscode:electron: ${error instanceof Error ? error.message : error}`);
} finally {
  workspace.remove();
}
process.exit(code);
