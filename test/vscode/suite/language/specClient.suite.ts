/**
 * The language client against the bundled server, through VS Code's own API: a
 * `*.cluster.yaml` file is a stash-cluster document, the server's diagnostics
 * reach VS Code, and its completions come back through the provider VS Code calls.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { claimedFindings } from '../../../exampleClaims';
import { activeExtension, workspaceFile } from '../fixtures';
import { codeOf, findings, waitForDiagnostics } from '../waitFor';

suite('language client', () => {
  suiteSetup(async () => { await activeExtension(); });

  test('classic-mistakes.cluster.yaml opens as stash-cluster with exactly the findings its comments claim', async () => {
    const uri = workspaceFile('classic-mistakes.cluster.yaml');
    const claims = claimedFindings(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    assert.ok(claims.length >= 8, `only ${claims.length} claims in the file`);
    const same = (d: readonly vscode.Diagnostic[]): boolean => JSON.stringify(findings(d)) === JSON.stringify(claims);
    const published = waitForDiagnostics(uri, same);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'stash-cluster');
    const diagnostics = await published;
    assert.deepEqual(findings(diagnostics), claims);
    const codes = new Set(diagnostics.map(codeOf));
    for (const code of ['stonith-disabled', 'vip-not-colocated', 'unknown-param', 'stash-home-in-inst', 'stash-home-not-shared', 'op-timeout-short', 'unknown-meta']) {
      assert.ok(codes.has(code), `no ${code} among ${[...codes].join(', ')}`);
    }
    const stonith = diagnostics.find((d) => codeOf(d) === 'stonith-disabled');
    assert.ok(stonith && stonith.message.length > 0 && stonith.severity !== undefined);
  });

  test('completion on an empty line in params offers the agent\'s missing parameters', async () => {
    const text = [
      'cluster: c',
      'nodes:',
      '  node01: { address: 192.168.56.11 }',
      'resources:',
      '  stash_res:',
      '    agent: ocf:heartbeat:stash',
      '    params:',
      '      stash_user: atlstash',
      '      ',
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'stash-cluster', content: text });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, new vscode.Position(8, 6));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const required of ['stash_home', 'stash_inst']) assert.ok(labels.includes(required), `no ${required} in ${labels.join(', ')}`);
    assert.ok(labels.includes('status_url'), `no status_url in ${labels.join(', ')}`);
    assert.ok(!labels.includes('stash_user'), 'stash_user is already there');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
