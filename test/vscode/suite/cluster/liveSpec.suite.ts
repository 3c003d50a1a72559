/**
 * The spec held against the live lab cluster in a real VS Code: the CodeLens at the
 * top of the spec and the `live-drift` diagnostics, each compared with what
 * `stash-ha diff --format json` says of the same text (the CLI reads the cluster its
 * own way, with the live-cluster query); unsaved edits compared as they are typed;
 * Show (a diff editor whose live side is the cluster as the spec states it, true of
 * the cluster by `stash-ha diff`); Apply… (the
 * plan asked every time, a cancelled one and one with a lint error sending nothing,
 * a confirmed one pushing the change, checked with crm_resource on a node); Import
 * Cluster as Spec… (a spec that lints clean and diffs in sync); and the quick fix on
 * `unknown-agent` that fetches an agent's meta-data from the cluster, after which the
 * server checks that agent's params. Everything changed on the cluster or in the
 * workspace is put back.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { StashHaApi } from '../../../../client/src/extension';
import type { ClusterSession } from '../../../../client/src/clusters/clusterSession';
import { EXTENSION_ID, workspaceFile } from '../fixtures';
import { codeOf, waitForDiagnostics, waitUntil } from '../waitFor';
import { lab, LAB_SPEC_FILE, labSession, ScriptedUi, stashHa } from './labFixture';

interface DiffRecord { kind: string; path: string; live: string | null; spec: string | null; line: number | null }

/** Runs the packaged CLI (dist/cli.js) with the lab's ssh config; its exit status and output. */
function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 8 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

/** What `stash-ha diff --format json` says of `text` (written to a file beside the spec, then removed). */
async function cliDiff(text: string): Promise<DiffRecord[]> {
  const file = workspaceFile('cli-diff-check.yaml');
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  try {
    const r = await cli(['diff', '--format', 'json', '--ssh-config', lab().info().sshConfig, file.fsPath]);
    assert.ok(r.code === 0 || r.code === 1, `stash-ha diff exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout) as DiffRecord[];
  } finally {
    await vscode.workspace.fs.delete(file);
  }
}

/** The Live CodeLens summary `stash-ha diff`'s records make, in the words the editor uses. */
function summaryFromCli(records: readonly DiffRecord[]): string {
  const open = records.filter((r) => ['add', 'change', 'live-only'].includes(r.kind)).length;
  const leftovers = records.filter((r) => r.kind === 'leftover').length;
  const unsupported = records.filter((r) => r.kind === 'unsupported').length;
  const extra = [
    ...(leftovers > 0 ? [leftovers === 1 ? '1 leftover of a move' : `${leftovers} leftovers of moves`] : []),
    ...(unsupported > 0 ? [`${unsupported} not in the spec format`] : []),
  ];
  const head = open === 0 ? 'Live: in sync' : `Live: ${open} difference${open === 1 ? '' : 's'}`;
  return extra.length > 0 ? `${head} (${extra.join(', ')})` : head;
}

/** The CodeLens titles VS Code gets for a document, in order (every provider's). */
async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return lenses.map((l) => l.command?.title ?? '');
}

/** The CIB's version on a node: admin_epoch:epoch:num_updates. */
async function cibVersion(node = 'node02'): Promise<string> {
  const xml = await lab().sshOk(node, ['cibadmin', '--query']);
  const head = /<cib\b[^>]*>/.exec(xml)?.[0] ?? xml.slice(0, 300);
  const a = (name: string) => new RegExp(`\\b${name}="(\\d+)"`).exec(head)?.[1] ?? '?';
  return `${a('admin_epoch')}:${a('epoch')}`;
}

/** `text` as a regular expression matching it literally. */
function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function replaceIn(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = doc.getText().indexOf(from);
  assert.ok(at >= 0, `'${from}' is not in ${doc.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

suite('the spec and the live cluster', () => {
  let api: StashHaApi;
  let session: ClusterSession;
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;
  let original: string;
  const ui = new ScriptedUi();

  suiteSetup(async () => {
    api = await stashHa();
    session = await labSession(api);
    api.setUi(ui);
    uri = workspaceFile(LAB_SPEC_FILE);
    doc = await vscode.workspace.openTextDocument(uri);
    original = doc.getText();
    await vscode.window.showTextDocument(doc);
  });

  /** Back to the spec as it was on disk, saved, whatever a test did. */
  teardown(async () => {
    if (doc.getText() !== original) await setText(doc, original);
    if (doc.isDirty) await doc.save();
  });

  suiteTeardown(() => api?.setUi(undefined));

  /** Waits until the Live summary the extension computes for the document is `summary`, then returns VS Code's lenses. */
  async function lensesSaying(summary: string): Promise<string[]> {
    await waitUntil(`the Live CodeLens to say '${summary}'`, [api.live.onDidChangeCodeLenses],
      () => (api.live.provideCodeLenses(doc)[0]?.command?.title === summary ? true : undefined),
      () => JSON.stringify(api.live.provideCodeLenses(doc).map((l) => l.command?.title)), 60_000);
    return lensTitles(uri);
  }

  test('after one refresh the CodeLens and the live-drift diagnostics say what stash-ha diff says of the spec', async () => {
    await api.registry.refresh(session.key);
    const records = await cliDiff(doc.getText());
    const open = records.filter((r) => ['add', 'change', 'live-only'].includes(r.kind));
    // The lab's cluster has the order constraint its pcs commands made; the lab's spec does not state it.
    assert.ok(open.some((r) => r.kind === 'live-only' && r.path.startsWith('constraints.order')), JSON.stringify(records));
    const titles = await lensesSaying(summaryFromCli(records));
    assert.deepEqual(titles.filter((t) => t.startsWith('Live:') || t === 'Show' || t === 'Apply…'), [summaryFromCli(records), 'Show', 'Apply…']);
    const drift = await waitForDiagnostics(uri, (d) => d.filter((x) => codeOf(x) === 'live-drift').length === open.length);
    const constraintsLine = original.split('\n').indexOf('constraints:');
    for (const d of drift.filter((x) => codeOf(x) === 'live-drift')) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(d.source, 'stash-ha (live cluster)');
    }
    assert.ok(drift.some((d) => codeOf(d) === 'live-drift' && d.range.start.line === constraintsLine && /^Only on the live cluster: constraints\.order/.test(d.message)),
      JSON.stringify(drift.map((d) => [d.range.start.line, d.message])));
  });

  test('unsaved edits are compared as they are typed: a changed param is marked on its line, stating the order brings the count down, and back in sync nothing is marked', async () => {
    await api.registry.refresh(session.key);
    await replaceIn(doc, 'cidr_netmask: 24', 'cidr_netmask: 25');
    await setText(doc, `${doc.getText().replace(/\n*$/, '\n')}  order:\n    - { first: stash, then: vip }\n`);
    const records = await cliDiff(doc.getText());
    assert.deepEqual(records.filter((r) => r.kind !== 'leftover').map((r) => [r.kind, r.path, r.live, r.spec]),
      [['change', 'resources.vip.params.cidr_netmask', '24', '25']]);
    await lensesSaying(summaryFromCli(records));
    const netmaskLine = doc.getText().split('\n').findIndex((l) => l.includes('cidr_netmask: 25'));
    const drift = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'live-drift' && x.range.start.line === netmaskLine));
    assert.deepEqual(drift.filter((d) => codeOf(d) === 'live-drift').map((d) => [d.range.start.line, doc.getText(d.range), d.message]),
      [[netmaskLine, '25', "The live cluster has '24' for resources.vip.params.cidr_netmask; the spec says '25'."]]);
    assert.ok(doc.isDirty, 'compared without saving');

    await replaceIn(doc, 'cidr_netmask: 25', 'cidr_netmask: 24');
    const titles = await lensesSaying(summaryFromCli(await cliDiff(doc.getText())));
    assert.ok(titles.includes('Live: in sync') || titles.some((t) => t.startsWith('Live: in sync (')), JSON.stringify(titles));
    assert.ok(!titles.includes('Apply…'), 'nothing to apply is offered in sync');
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'live-drift'));
  });

  test('a stated pacemaker the cluster does not run is a version-mismatch error on its value while connected', async () => {
    await api.registry.refresh(session.key);
    await setText(doc, `pacemaker: "3.0"\n${original}`);
    const found = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'version-mismatch' && x.source === 'stash-ha (live cluster)'));
    const mismatch = found.find((x) => codeOf(x) === 'version-mismatch' && x.source === 'stash-ha (live cluster)')!;
    assert.equal(mismatch.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([mismatch.range.start.line, doc.getText(mismatch.range)], [0, '"3.0"']);
    assert.match(mismatch.message, /^This spec is for Pacemaker 3\.0 \(pacemaker: "3\.0"\), but the cluster runs Pacemaker 2\.1\.\d+: write pacemaker: "2\.1"/);
    await setText(doc, `pacemaker: "2.1"\n${original}`);
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'version-mismatch'));
  });

  test('Show opens a diff editor: the live cluster as the spec states it, in its order, beside the spec; what it says holds on the cluster', async () => {
    await api.registry.refresh(session.key);
    await vscode.commands.executeCommand('stashHa.showLiveDiff', uri);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, `the active tab is ${tab?.label}`);
    const { original: left, modified } = tab.input;
    assert.equal(modified.toString(), uri.toString());
    assert.equal(left.scheme, 'stash-ha-live');
    assert.match(tab.label, new RegExp(`^${lab().info().name}: live \\(read from node0\\d at \\d\\d:\\d\\d:\\d\\d\\) ↔ ${esc(LAB_SPEC_FILE)}$`));
    const live = (await vscode.workspace.openTextDocument(left)).getText();
    // The lab's cluster has properties, defaults and monitor operations pcs was given; the spec states none of them.
    assert.doesNotMatch(live, /^(properties|resource-defaults|op-defaults):/m);
    assert.doesNotMatch(live, /^ {4}ops:/m);
    assert.match(live, /^ {2}stash:\n {4}agent: ocf:heartbeat:stash\n {4}params: \{ stash_user: stash, stash_home: \/srv\/shared\/stash-home, stash_inst: \/srv\/stash \}\n {2}vip:/m);
    assert.match(live, /order:/, 'what only the cluster has is there');
    // Read as a spec, the live side is true of the cluster: stash-ha diff finds it in sync.
    const file = workspaceFile('live-side-check.yaml');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(live));
    try {
      const diff = await cli(['diff', '--ssh-config', lab().info().sshConfig, file.fsPath]);
      assert.equal(diff.code, 0, `${diff.stdout}${diff.stderr}`);
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('Apply… with a lint error in the spec refuses before anything is sent, and does not save it', async () => {
    await api.registry.refresh(session.key);
    const before = await cibVersion();
    const asked = ui.confirms.length;
    await replaceIn(doc, 'cidr_netmask: 24', 'cidr_netmask: 99');
    await vscode.commands.executeCommand('stashHa.applySpec', uri);
    assert.equal(ui.confirms.length, asked, `not asked: ${ui.transcript()}`);
    assert.match(ui.refusals.at(-1)?.message ?? '', new RegExp(`^${esc(LAB_SPEC_FILE)} has an error: nothing was sent to the cluster\\.$`));
    assert.match(ui.refusals.at(-1)!.problems[0], /^line \d+: .*cidr_netmask/);
    assert.ok(doc.isDirty, 'the spec with the error was not saved');
    assert.equal(await cibVersion(), before, 'the CIB did not change');
  });

  test('Apply… shows the plan as pcs commands and asks every time: cancelled, nothing is sent; confirmed, the change is pushed and the lens says in sync', async () => {
    await api.registry.refresh(session.key);
    await setText(doc, `${original.replace('    params: { ip:', '    meta: { resource-stickiness: 100 }\n    params: { ip:').replace(/\n*$/, '\n')}  order:\n    - { first: stash, then: vip }\n`);
    const before = await cibVersion();
    try {
      ui.confirmAnswer = undefined;
      await vscode.commands.executeCommand('stashHa.applySpec', uri);
      const plan = ui.confirms.at(-1);
      assert.ok(plan, ui.transcript());
      assert.equal(plan.message, `Apply ${LAB_SPEC_FILE} to ${lab().info().name}: 1 pcs command?`);
      assert.equal(plan.action, 'Apply');
      assert.equal(plan.once, true, 'apply is asked every time: no "don\'t ask again"');
      assert.match(plan.detail, /^Run on node0\d against a copy of the CIB \(version \d+:\d+\) and pushed as one change; refused if the CIB changes meanwhile:\n {2}pcs .*resource-stickiness=100/);
      assert.equal(await cibVersion(), before, 'cancelled: the CIB did not change');

      ui.confirmAnswer = 'yes';
      await vscode.commands.executeCommand('stashHa.applySpec', uri);
      assert.match(ui.infos.at(-1) ?? '', new RegExp(`^${lab().info().name}: applied in \\d+\\.\\d s; the cluster is in sync with ${esc(LAB_SPEC_FILE)}\\. stash Started on node0\\d; vip Started on node0\\d\\.$`), ui.transcript());
      const meta = await lab().sshOk('node03', ['crm_resource', '--resource', 'vip', '--meta', '--get-parameter', 'resource-stickiness']);
      assert.equal(meta.trim().split('\n').at(-1), '100');
      assert.notEqual(await cibVersion(), before);
      assert.ok(!doc.isDirty, 'the spec was saved before it was applied');
      await lensesSaying('Live: in sync');
    } finally {
      ui.confirmAnswer = 'yes';
      await lab().sshOk('node01', ['crm_resource', '--resource', 'vip', '--meta', '--delete-parameter', 'resource-stickiness']).catch(() => '');
    }
  });

  test('Import Cluster as Spec… asks for a node, refuses what is no host, and saves and opens a spec that lints clean and diffs in sync', async () => {
    const dest = workspaceFile('imported.cluster.yaml');
    const saves = ui.saves.length;
    try {
      ui.askAnswer = '-oProxyCommand=touch /tmp/x';
      await vscode.commands.executeCommand('stashHa.importCluster');
      assert.match(ui.asks.at(-1)?.error ?? '', /^HOST must be an ssh config host or user@host\[:port\]/);
      assert.equal(ui.saves.length, saves, 'cancelled at the host: nothing read, nothing saved');

      ui.askAnswer = 'node01';
      ui.saveAnswer = dest;
      await vscode.commands.executeCommand('stashHa.importCluster');
      assert.equal(ui.saves.length, saves + 1, ui.transcript());
      assert.equal(ui.saves.at(-1)!.suggested, workspaceFile(`${lab().info().name}.cluster.yaml`).toString());
      assert.match(ui.infos.at(-1) ?? '', new RegExp(`^Imported ${lab().info().name} through node01: 2 resources, 3 nodes\\.$`), ui.transcript());
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), dest.toString(), 'the new spec is open');
      const lint = await cli(['lint', '--format', 'json', dest.fsPath]);
      assert.deepEqual((JSON.parse(lint.stdout) as { severity: string }[]).filter((d) => d.severity === 'error'), []);
      const diff = await cli(['diff', '--ssh-config', lab().info().sshConfig, dest.fsPath]);
      assert.equal(diff.code, 0, `${diff.stdout}${diff.stderr}`);
    } finally {
      ui.askAnswer = undefined;
      ui.saveAnswer = undefined;
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(dest).then(undefined, () => undefined);
    }
  });

  test('on unknown-agent the quick fix fetches the agent\'s meta-data from the cluster; then the server checks its params', async () => {
    const file = workspaceFile('ocf.heartbeat.Delay.metadata.xml');
    try {
      await vscode.window.showTextDocument(doc);
      await setText(doc, original.replace('constraints:\n', '  pause:\n    agent: ocf:heartbeat:Delay\n    params: { startdelay: soon }\nconstraints:\n'));
      const unknown = (await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'unknown-agent'))).find((x) => codeOf(x) === 'unknown-agent')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range);
      const fix = actions.find((a) => a.title === 'Fetch meta-data of ocf:heartbeat:Delay from the cluster');
      assert.ok(fix?.command, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
      await vscode.commands.executeCommand(fix.command.command, ...((fix.command.arguments ?? []) as unknown[]));
      assert.match(ui.infos.at(-1) ?? '', /^Wrote ocf\.heartbeat\.Delay\.metadata\.xml \(ocf:heartbeat:Delay from node0\d: \d+ parameters\); the spec's checks now use it\.$/, ui.transcript());
      const xml = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      assert.match(xml, /<resource-agent name="Delay"/);
      const after = await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'unknown-agent') && d.some((x) => codeOf(x) === 'param-type'));
      const typed = after.find((x) => codeOf(x) === 'param-type')!;
      assert.equal(doc.getText(typed.range), 'soon');
    } finally {
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });
});
