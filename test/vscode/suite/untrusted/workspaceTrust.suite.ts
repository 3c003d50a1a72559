/**
 * An untrusted workspace (Restricted Mode) next to a real, reachable lab cluster
 * whose ssh config is in the user's settings: the spec is still checked and the
 * Clusters view shows what it says, but no command reaches a node. Every command
 * a person could run there is run (the live-cluster ones too: no Live CodeLens, no
 * "fetch meta-data" quick fix); afterwards no ssh process was started (the
 * launcher puts a counting `ssh` first on PATH, which runs the real one) and no
 * node's sshd logged a connection it had not logged before.
 */
import * as assert from 'node:assert/strict';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { StashHaApi } from '../../../../client/src/extension';
import { SSH_COUNT_ENV, sshdConnections } from '../../stashLab';
import { child, lab, LAB_SPEC_FILE, labSession, ScriptedUi, shownTree, stashHa } from '../cluster/labFixture';
import { workspaceFile } from '../fixtures';
import { codeOf, waitForDiagnostics } from '../waitFor';

/** The ssh commands the extension host started, as the counting ssh recorded them. */
function sshRuns(): string[] {
  const file = process.env[SSH_COUNT_ENV];
  assert.ok(file, `${SSH_COUNT_ENV} is not set: the launcher puts the counting ssh on PATH`);
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') : [];
}

/** The first `ssh` on this process's PATH, which is what the extension's runner starts. */
function sshOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const p = join(dir, 'ssh');
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch { /* not here */ }
  }
  return undefined;
}

suite('untrusted workspace', () => {
  let api: StashHaApi;
  const ui = new ScriptedUi();

  suiteSetup(async () => {
    api = await stashHa();
    api.setUi(ui);
  });

  suiteTeardown(() => api?.setUi(undefined));

  test('the workspace is in Restricted Mode, and ssh here is the counting one', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(sshOnPath(), join(process.env[SSH_COUNT_ENV]!, '..', 'bin', 'ssh'));
  });

  test('the spec is still checked', async () => {
    const uri = workspaceFile(LAB_SPEC_FILE);
    const shown = waitForDiagnostics(uri, (d) => d.length > 0);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.ok((await shown).some((d) => d.code === 'stash-home-not-shared' || (typeof d.code === 'object' && d.code.value === 'stash-home-not-shared')));
  });

  test('the Clusters view shows the spec\'s nodes and resources and says the workspace is untrusted', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.stashHa');
    const root = shownTree(api, (await labSession(api)).key);
    assert.equal(root.description, 'untrusted workspace: no remote commands (from the spec)');
    assert.match(root.contextValue, /^cluster untrusted\b/);
    assert.deepEqual(child(root, 'Nodes').children.map((n) => [n.label, n.description, n.contextValue]),
      lab().info().nodes.map((n) => [n.name, n.address, 'node spec']));
    assert.deepEqual(child(root, 'Resources').children.map((r) => r.label), ['stash', 'vip']);
  });

  test('the spec offers nothing that reads the cluster: no Live CodeLens, no quick fix that fetches meta-data', async () => {
    const uri = workspaceFile(LAB_SPEC_FILE);
    const doc = await vscode.workspace.openTextDocument(uri);
    const original = doc.getText();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(lenses.map((l) => l.command?.title).filter((t) => t?.startsWith('Live:')), []);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, doc.positionAt(doc.getText().indexOf('constraints:')), '  pause:\n    agent: ocf:heartbeat:Delay\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const unknown = (await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'unknown-agent'))).find((x) => codeOf(x) === 'unknown-agent')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range);
      assert.deepEqual(actions.map((a) => a.title).filter((t) => /meta-data/.test(t)), []);
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(back);
      await doc.save();
    }
  });

  test('no command reaches a node: refresh, fail over, standby, deploy, an SSH terminal, show, apply, fetch, import', async () => {
    const sshd = sshdConnections(lab().info());
    const runs = sshRuns();
    const session = await labSession(api);
    const root = shownTree(api, session.key);
    const node = child(child(root, 'Nodes'), 'node02').node;
    const stash = child(child(root, 'Resources'), 'stash').node;
    ui.pickAnswer = (labels) => labels[0];

    await api.registry.refresh();
    await vscode.commands.executeCommand('stashHa.refreshClusters');
    await vscode.commands.executeCommand('stashHa.refreshCluster', root.node);
    let before = ui.errors.length;
    for (const [command, item] of [
      ['stashHa.failoverStashToNode', node], ['stashHa.failoverResource', stash], ['stashHa.standbyNode', node],
      ['stashHa.deployAgent', root.node], ['stashHa.openSshTerminal', node],
      ['stashHa.showLiveDiff', workspaceFile(LAB_SPEC_FILE)], ['stashHa.applySpec', workspaceFile(LAB_SPEC_FILE)],
      ['stashHa.fetchMetadata', workspaceFile(LAB_SPEC_FILE)], ['stashHa.importCluster', undefined],
    ] as const) {
      await vscode.commands.executeCommand(command, item);
      assert.equal(ui.errors.length, before + 1, `${command} said why it did nothing: ${ui.transcript()}`);
      assert.match(ui.errors.at(-1)!, /untrusted workspace|not trusted/, command);
      before = ui.errors.length;
    }
    assert.deepEqual(ui.confirms, [], 'nothing was offered to run');
    assert.deepEqual(sshRuns(), runs, 'no ssh was started');
    assert.deepEqual([...sshdConnections(lab().info())].filter((c) => !sshd.has(c)), [], 'no node saw a connection');
    assert.equal(shownTree(api, session.key).description, 'untrusted workspace: no remote commands (from the spec)');
  });
});
