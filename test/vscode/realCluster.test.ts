/**
 * The extension in a real VS Code (code-server 4.139 = VS Code 1.139) against a
 * real 3-node Pacemaker cluster (test/cluster/cluster.sh in a lab slot of its own,
 * Stash and its VIP created with pcs), one lab for three runs:
 *
 * 1. the extension-host suite (test/vscode/suite/) in a trusted workspace, with the
 *    repository as the extension under development;
 * 2. the untrusted-workspace suite (suite/untrusted/) with Workspace Trust on and a
 *    counting ssh on PATH: afterwards no ssh ran and no node's sshd saw a connection;
 * 3. a person in Chromium with the packaged .vsix installed: the Problems panel, the
 *    Stash HA view, the host key modal, a right-click fail-over confirmed in the real
 *    modal, pcs status on a node agreeing, and the spec's Live CodeLens with a click
 *    on Show opening the diff editor. Screenshots go to out/screenshots/.
 *
 * Before each of the three the lab is brought back to every node online, no constraint left
 * and Stash running, whatever the run before did.
 */
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startedOn } from '../cluster/crmMon';
import { LabInfo } from '../cluster/labCluster';
import { waitFor } from '../cluster/waitFor';
import { Browser, openBrowser } from './browser';
import { CodeServer, startCodeServer } from './codeServer';
import { ExtensionTestResult, runExtensionTests } from './extensionTests';
import { ROOT } from './runtime';
import {
  countingSsh, crmMon, describeStatus, LAB_SPEC_FILE, lostAccounts, settleLab, sshdConnections, StashLab, startStashLab, writeLabSpec,
  writeSshConfig, writeWorkspaceSettings,
} from './stashLab';
import { openProblems, waitForProblems } from './ui/problems';
import { Workbench } from './ui/workbench';
import { packageVsix } from './vsix';
import { makeWorkspace } from './workspace';

const VIEW = 'Clusters';
const NODES = ['node01', 'node02', 'node03'];

function checkSuite(r: ExtensionTestResult, atLeast: number): void {
  const report = `${r.output}\n--- code-server's output ---\n${r.serverLog}`;
  assert.equal(r.code, 0, `the suite ended with ${r.code ?? 'no exit code (timed out)'}:\n${report}`);
  assert.equal(r.failed, 0, report);
  assert.ok(r.passed >= atLeast, `only ${r.passed} tests ran:\n${report}`);
}

function fingerprint(info: LabInfo, node: string): string {
  const pub = join(info.runDir, 'nodes', node, 'ssh', 'ssh_host_ed25519_key.pub');
  return execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', pub], { encoding: 'utf8' }).split(' ')[1];
}

/** What `stash-ha lint --format json` finds in a spec: the CLI's reading of the same checks. */
function lint(file: string): { line: number; column: number; severity: string; code: string; message: string }[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', file], { encoding: 'utf8' });
  } catch (error) {
    out = String((error as { stdout?: string }).stdout ?? ''); // exit 1: errors found
  }
  return (JSON.parse(out) as { line: number; column: number; severity: string; code: string; message: string }[])
    .map(({ line, column, severity, code, message }) => ({ line, column, severity, code, message }));
}

/** Where `pcs status` on `node` says each of stash and vip runs. */
async function pcsStatusPlaces(lab: StashLab, node: string): Promise<Record<string, string>> {
  const text = await lab.lab.sshOk(node, ['pcs', 'status']);
  const places: Record<string, string> = {};
  for (const id of ['stash', 'vip']) {
    const m = new RegExp(`\\* ${id}\\s+\\(ocf:heartbeat:\\w+\\):\\s+Started (\\S+)`).exec(text);
    places[id] = m?.[1] ?? `not Started in:\n${text}`;
  }
  return places;
}

/** pcs status --full and the end of the nodes' logs, for a failure's report. */
async function labReport(lab: StashLab): Promise<string> {
  const pcs = await lab.lab.ssh('node01', ['pcs', 'status', '--full']).catch((e: unknown) => ({ stdout: String(e) }));
  const logs = await lab.lab.script('logs').catch((e: unknown) => ({ stdout: String(e) }));
  const lost = await lostAccounts(lab.lab).catch((e: unknown) => [String(e)]);
  return `${lost.map((l) => `${l}\n`).join('')}pcs status --full on node01:\n${pcs.stdout}\n${logs.stdout}`;
}

/** Runs a test body; when it fails, labReport goes into the report. */
async function withLabLogs(lab: StashLab, t: TestContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    t.diagnostic(await labReport(lab));
    throw error;
  }
}

describe('VS Code on a real 3-node cluster (code-server 4.139 = VS Code 1.139)', { timeout: 30 * 60_000 }, () => {
  let lab: StashLab;

  before(async () => {
    const started = performance.now();
    lab = await startStashLab();
    console.log(`lab ${lab.lab.settings.prefix} up with Stash running in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  after(async () => {
    await lab?.stop();
  });

  test('the extension-host suite passes in a trusted workspace holding the lab\'s spec', (t) => withLabLogs(lab, t, async () => {
    await settleLab(lab.lab);
    const workspace = makeWorkspace();
    try {
      writeLabSpec(lab.info, workspace.path);
      writeWorkspaceSettings(workspace.path, { 'stashHa.sshConfigFile': lab.info.sshConfig });
      checkSuite(await runExtensionTests({ workspace: workspace.path, server: { env: lab.env } }), 17);
    } finally {
      workspace.remove();
    }
  }));

  test('in an untrusted workspace nothing remote runs: no ssh started, no connection seen by any node', (t) => withLabLogs(lab, t, async () => {
    await settleLab(lab.lab);
    const dir = mkdtempSync(join(tmpdir(), 'stash-ha-untrusted-'));
    try {
      const workspace = join(dir, 'workspace');
      writeLabSpec(lab.info, workspace);
      const ssh = countingSsh(join(dir, 'ssh'));
      const sshd = sshdConnections(lab.info);
      const r = await runExtensionTests({
        workspace,
        extensionTestsPath: join(ROOT, 'out', 'test', 'vscode', 'suite', 'untrusted', 'index.js'),
        server: {
          workspaceTrust: true,
          env: { ...lab.env, ...ssh.env },
          // In the user's settings, which Restricted Mode still reads: everything needed to connect is there but trust.
          settings: { 'stashHa.sshConfigFile': lab.info.sshConfig, 'stashHa.refreshInterval': 1 },
        },
      });
      checkSuite(r, 4);
      // Over the whole session, auto-refresh timers included, not only while the suite looked.
      assert.equal(existsSync(ssh.runs) ? readFileSync(ssh.runs, 'utf8') : '', '', 'no ssh ran');
      assert.deepEqual([...sshdConnections(lab.info)].filter((c) => !sshd.has(c)), [], 'no node saw a connection');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }));

  describe('a person fails Stash over with a right-click in the browser (the packaged .vsix)', () => {
    let dir: string;
    let workspace: string;
    let knownHosts: string;
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let workbench: Workbench;
    let active = '';

    before(async () => {
      await settleLab(lab.lab).catch(async (error: unknown) => {
        console.log(await labReport(lab));
        throw error;
      });
      dir = mkdtempSync(join(tmpdir(), 'stash-ha-e2e-'));
      const vsix = packageVsix(dir);
      workspace = join(dir, 'workspace');
      writeLabSpec(lab.info, workspace);
      // node01's key is not known yet: the first refresh asks about it.
      knownHosts = writeSshConfig(lab.info, workspace, { except: ['node01'] }).knownHosts;
      writeWorkspaceSettings(workspace, { 'stashHa.sshConfigFile': 'ssh_config' });
      server = await startCodeServer({ vsix: [vsix] });
      browser = await openBrowser();
      const opened = await Workbench.open(browser.page, server.url(workspace));
      workbench = opened.workbench;
      console.log(`code-server healthy in ${(server.startMs / 1000).toFixed(1)} s; workbench visible in ${(opened.visibleMs / 1000).toFixed(1)} s`);
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** Runs a step of the person's way; when it fails, the page as it was goes to out/screenshots/, and labReport to the output. */
    async function step(name: string, body: () => Promise<void>): Promise<void> {
      try {
        await body();
      } catch (error) {
        console.log(await labReport(lab));
        const file = await workbench?.screenshot(`failed-${name}`).catch(() => undefined);
        throw file ? new Error(`${error instanceof Error ? error.message : String(error)}\n(the page then: ${file})`, { cause: error }) : error;
      }
    }

    /** Waits until the tree item's description matches `pattern` and returns the match. */
    async function descriptionOf(label: string, pattern: RegExp): Promise<RegExpExecArray> {
      return (await waitFor(`'${label}' described as ${String(pattern)}`, workbench.timeoutMs, async () => {
        const d = await workbench.treeItemDescription(label, VIEW);
        const m = pattern.exec(d);
        return m ? { done: true, value: m } : { done: false, seen: d };
      })).value;
    }

    test('the Problems panel shows the spec\'s findings as stash-ha lint reports them', () => step('problems', async () => {
      const expected = lint(join(workspace, LAB_SPEC_FILE));
      assert.ok(expected.length > 0);
      await workbench.clickActivityBarItem('Explorer');
      await workbench.clickTreeItem(LAB_SPEC_FILE, 'Explorer');
      await workbench.activeEditorTab(LAB_SPEC_FILE).waitFor({ state: 'visible', timeout: workbench.timeoutMs });
      await openProblems(workbench);
      const problems = await waitForProblems(workbench, `the ${expected.length} findings of ${LAB_SPEC_FILE}`, (p) => p.length === expected.length);
      assert.deepEqual(problems.map((p) => ({ line: p.line, column: p.column, severity: p.severity, code: p.code, message: p.message })), expected);
      assert.ok(problems.every((p) => p.source === 'stash-ha'));
    }));

    test('the Stash HA view asks about node01\'s unknown host key in a modal with its SHA256 fingerprint; trusted, it is recorded', () => step('host-key', async () => {
      await workbench.clickActivityBarItem('Stash HA');
      const node01 = lab.info.nodes.find((n) => n.name === 'node01')!;
      const dialog = await workbench.waitForDialog();
      assert.match(dialog.text, new RegExp(`^The host key of node01 \\(${node01.address.replace(/\./g, '\\.')}:22\\) is not known yet\\.`));
      assert.ok(dialog.text.includes(`ED25519 key fingerprint is ${fingerprint(lab.info, 'node01')}.`), dialog.text);
      assert.ok(dialog.buttons.includes('Trust This Key'), dialog.buttons.join(', '));
      await workbench.screenshot('host-key-prompt');
      await workbench.clickDialogButton('Trust This Key');
      await waitFor('node01\'s key in the workspace\'s known_hosts', 30_000, () => {
        const out = execFileSync('ssh-keygen', ['-F', node01.address, '-l', '-E', 'sha256', '-f', knownHosts], { encoding: 'utf8' }).trim();
        return Promise.resolve(out.includes(fingerprint(lab.info, 'node01')) ? { done: true, value: out } : { done: false, seen: out });
      });
    }));

    test('expanded, the cluster shows its nodes, where Stash runs and its resources as crm_mon does', () => step('clusters-view', async () => {
      const name = lab.info.name;
      await workbench.resizeSideBar(520);
      await workbench.expandTreeItem(name, VIEW);
      active = (await descriptionOf(name, /^Pacemaker 2\.\d+\.\d+ · quorum · Stash on (node0\d)$/))[1];
      const s = await crmMon(lab.lab, 'node03');
      assert.equal(startedOn(s, 'stash'), active, describeStatus(s));
      await descriptionOf('stash', new RegExp(`^Started on ${active} · RUNNING$`));
      assert.equal(await workbench.treeItemDescription('vip', VIEW), `Started on ${startedOn(s, 'vip')}`);
      for (const n of s.nodes) assert.equal(await workbench.treeItemDescription(n.name, VIEW), `online${n.name === s.dc ? ' · DC' : ''}`);
      assert.deepEqual(await workbench.treeLabels(VIEW), [name, 'Nodes', ...NODES, 'Resources', 'stash', 'vip']);
      await workbench.screenshot('clusters-view');
    }));

    test('right-click a node → Fail Over Stash to This Node → confirm: the tree shows Stash there, and pcs status agrees', () => step('failover', async () => {
      const to = NODES.find((n) => n !== active)!;
      const menu = await workbench.rightClickTreeItem(to, VIEW);
      const items = await menu.items();
      assert.ok(items.includes('Fail Over Stash to This Node') && items.includes('Standby'), items.join(', '));
      await menu.choose('Fail Over Stash to This Node');
      const dialog = await workbench.waitForDialog();
      assert.match(dialog.text, new RegExp(`^stash and vip will move from ${active} to ${to}\\. `));
      assert.ok(dialog.buttons.includes('Fail Over') && dialog.buttons.includes('Cancel'), dialog.buttons.join(', '));
      await workbench.screenshot('failover-confirm');
      const clicked = performance.now();
      await workbench.clickDialogButton('Fail Over');

      const done = await workbench.waitForNotification(new RegExp(`fail over stash to ${to}: done in`));
      await descriptionOf(lab.info.name, new RegExp(`· Stash on ${to}$`));
      await descriptionOf('stash', new RegExp(`^Started on ${to} · RUNNING$`));
      console.log(`"${done}" ${((performance.now() - clicked) / 1000).toFixed(1)} s after the click`);
      assert.equal(await workbench.statusBarItem('stash-ha.stash-ha.stashHa.status'), `Stash on ${to} · RUNNING`);
      await workbench.expandTreeItem(to, VIEW);
      await workbench.screenshot('failover-done');
      const other = NODES.find((n) => n !== to && n !== active)!;
      assert.deepEqual(await pcsStatusPlaces(lab, other), { stash: to, vip: to });
      const s = await crmMon(lab.lab, active);
      assert.equal(startedOn(s, 'stash'), to, describeStatus(s));
      assert.equal(startedOn(s, 'vip'), to, describeStatus(s));
      active = to;
    }));

    test('the spec says how it differs from the live cluster in a CodeLens; Show opens the live cluster beside it', () => step('live-codelens', async () => {
      await workbench.clickActivityBarItem('Explorer');
      await workbench.clickTreeItem(LAB_SPEC_FILE, 'Explorer');
      await workbench.activeEditorTab(LAB_SPEC_FILE).waitFor({ state: 'visible', timeout: workbench.timeoutMs });
      // The lab's cluster has the order constraint its pcs commands made, which the lab's spec does not state.
      const line = await workbench.waitForCodeLens(/^Live: 1 difference\b/);
      assert.equal(line, 'Live: 1 difference | Show | Apply…');
      await workbench.screenshot('live-codelens');
      await workbench.clickCodeLens('Show');
      const label = await waitFor('the diff editor of the live cluster and the spec', workbench.timeoutMs, async () => {
        const l = await workbench.activeTabLabel();
        return l.includes('↔') ? { done: true, value: l } : { done: false, seen: l };
      });
      assert.match(label.value, new RegExp(`^${lab.info.name}: live \\(read from node0\\d at \\d\\d:\\d\\d:\\d\\d\\) ↔ ${LAB_SPEC_FILE.replace(/\./g, '\\.')}$`));
      await workbench.screenshot('live-diff');
    }));
  });
});
