/**
 * End to end through the UI, as a user meets the extension: the .vsix packaged from
 * dist/ and installed with `code-server --install-extension`, a normal page load of
 * the workspace, then the Explorer, an editor, the Problems panel, a context menu and
 * a confirmation dialog, driven with the page helpers in ui/. A screenshot of the
 * Problems panel is left in out/screenshots/problems-panel.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, openBrowser } from './browser';
import { claimedFindings } from '../exampleClaims';
import { CodeServer, startCodeServer } from './codeServer';
import { openProblems, waitForProblems } from './ui/problems';
import { Workbench } from './ui/workbench';
import { packageVsix } from './vsix';
import { TestWorkspace, makeWorkspace } from './workspace';

const SPEC = 'classic-mistakes.cluster.yaml';

describe('VS Code UI with the packaged extension (code-server 4.139)', { timeout: 10 * 60_000 }, () => {
  let vsixDir: string;
  let workspace: TestWorkspace;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let workbench: Workbench;

  before(async () => {
    vsixDir = mkdtempSync(join(tmpdir(), 'stash-ha-vsix-'));
    const vsix = packageVsix(vsixDir);
    workspace = makeWorkspace();
    writeFileSync(join(workspace.path, 'notes.txt'), 'a file the test deletes\n');
    server = await startCodeServer({ vsix: [vsix] });
    browser = await openBrowser();
    const opened = await Workbench.open(browser.page, server.url(workspace.path));
    workbench = opened.workbench;
    console.log(`code-server healthy in ${(server.startMs / 1000).toFixed(1)} s; workbench visible in ${(opened.visibleMs / 1000).toFixed(1)} s`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    workspace?.remove();
    if (vsixDir) rmSync(vsixDir, { recursive: true, force: true });
  });

  test('the Explorer lists the workspace\'s files', async () => {
    await workbench.clickActivityBarItem('Explorer');
    await workbench.waitForTreeItem('notes.txt', 'Explorer');
    assert.deepEqual(await workbench.treeLabels('Explorer'), [SPEC, 'notes.txt', 'stash.cluster.yaml']);
  });

  test('opening the classic-mistakes spec fills the Problems panel with its findings', async () => {
    const claims = claimedFindings(readFileSync(join(workspace.path, SPEC), 'utf8'));
    await workbench.clickTreeItem(SPEC, 'Explorer');
    await workbench.activeEditorTab(SPEC).waitFor({ state: 'visible', timeout: workbench.timeoutMs });
    await openProblems(workbench);
    const problems = await waitForProblems(workbench, `the ${claims.length} findings of ${SPEC}`, (p) => p.length === claims.length);
    assert.deepEqual(problems.map((p) => `${p.line} ${p.code}`).sort(), claims);
    for (const p of problems) {
      assert.equal(p.source, 'stash-ha');
      assert.ok(['error', 'warning'].includes(p.severity), `${p.code}: severity '${p.severity}'`);
      assert.ok(p.message.length > 20, `${p.code}: message '${p.message}'`);
    }
    assert.equal(problems.find((p) => p.code === 'stonith-disabled')?.severity, 'warning');
    assert.match(problems.find((p) => p.message.includes('cidr_netmaks'))?.message ?? '', /did you mean 'cidr_netmask'/);
    console.log(`screenshot: ${await workbench.screenshot('problems-panel')}`);
  });

  test('a context menu entry and its confirmation dialog delete a file', async () => {
    const menu = await workbench.rightClickTreeItem('notes.txt', 'Explorer');
    const items = await menu.items();
    assert.ok(items.includes('Rename...') && items.includes('Delete Permanently'), items.join(', '));
    await menu.choose('Delete Permanently');
    const asked = await workbench.confirmDialog('Delete');
    assert.match(asked, /permanently delete 'notes\.txt'/);
    await workbench.treeItem('notes.txt', 'Explorer').waitFor({ state: 'detached', timeout: workbench.timeoutMs });
    assert.equal(existsSync(join(workspace.path, 'notes.txt')), false);
  });

  test('the command palette runs a command by its title', async () => {
    await workbench.runCommand('View: Close All Editors');
    await workbench.activeEditorTab(SPEC).waitFor({ state: 'detached', timeout: workbench.timeoutMs });
  });
});
