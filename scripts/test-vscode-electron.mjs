// Runs the extension-host suites (test/vscode/suite/) in a desktop VS Code through
// @vscode/test-electron, for people who have one or a network: it downloads VS Code
// into .vscode-test/ on first use. CI and machines without internet use code-server
// instead (npm run test:vscode). The same suites and the same lab as there: a real
// 3-node cluster (test/cluster/cluster.sh, so root) with Stash and its VIP, named to
// the extension host by STASH_HA_TEST_LAB; first the suite in a trusted workspace
// (a temp copy of the example specs plus the lab's spec), then suite/untrusted/ in
// a workspace left in Restricted Mode, with a counting ssh first on PATH. Extra
// arguments are passed to VS Code; VSCODE_VERSION picks the version (default: stable).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildAll, root } from './testRun.mjs';

buildAll();
const require = createRequire(import.meta.url);
const { makeWorkspace } = require(join(root, 'out/test/vscode/workspace.js'));
const { countingSsh, startStashLab, writeLabSpec, writeWorkspaceSettings } = require(join(root, 'out/test/vscode/stashLab.js'));
const version = process.env.VSCODE_VERSION || 'stable';
const common = ['--disable-extensions', '--skip-welcome', '--skip-release-notes', ...process.argv.slice(2)];

const lab = await startStashLab();
const workspace = makeWorkspace();
const untrusted = mkdtempSync(join(tmpdir(), 'stash-ha-untrusted-'));
let code = 1;
try {
  writeLabSpec(lab.info, workspace.path);
  writeWorkspaceSettings(workspace.path, { 'stashHa.sshConfigFile': lab.info.sshConfig });
  await runTests({
    version, extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/vscode/suite/index.js'),
    extensionTestsEnv: lab.env,
    launchArgs: [workspace.path, '--disable-workspace-trust', ...common],
  });

  const folder = join(untrusted, 'workspace');
  writeLabSpec(lab.info, folder);
  const userData = join(untrusted, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never', 'stashHa.sshConfigFile': lab.info.sshConfig, 'stashHa.refreshInterval': 1,
  }));
  await runTests({
    version, extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/vscode/suite/untrusted/index.js'),
    extensionTestsEnv: { ...lab.env, ...countingSsh(join(untrusted, 'ssh')).env },
    launchArgs: [folder, `--user-data-dir=${userData}`, ...common],
  });
  code = 0;
} catch (error) {
  console.error(`test:vscode:electron: ${error instanceof Error ? error.message : error}`);
} finally {
  workspace.remove();
  rmSync(untrusted, { recursive: true, force: true });
  await lab.stop();
}
process.exit(code);
