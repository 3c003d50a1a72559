// `npm run demo` as a newcomer runs it, checked from outside: the demo comes up on
// its own lab slot (a real 3-node cluster, a real code-server), the URL it prints
// answers, the workspace holds the spec, the settings and the ssh config they name,
// the cluster runs Stash with its VIP on one node, and the extension in the browser
// reaches it with no prompt. Then Ctrl-C (SIGINT) as the user gives it, and nothing
// of it is left: no namespaces, mounts or folders, no code-server, no ssh master.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCrmMon, startedOn } from '../cluster/crmMon';
import { claimLab, repoRoot } from '../cluster/labCluster';
import { waitFor } from '../cluster/waitFor';
import { openBrowser } from '../vscode/browser';
import { Workbench } from '../vscode/ui/workbench';
import { packageVsix } from '../vscode/vsix';

/** What the demo writes to STASH_HA_DEMO_READY_FILE (scripts/demo/demo.ts, DemoReady). */
interface Ready {
  readonly pid: number;
  readonly url: string;
  readonly workspace: string;
  readonly spec: string;
  readonly settings: string;
  readonly sshConfig: string;
  readonly tempDir: string;
  readonly codeServerDir: string;
  readonly lab: { readonly runDir: string; readonly prefix: string; readonly net: string };
  readonly stashNode: string;
  readonly vip: string;
}

const lab = claimLab();
const scratch = mkdtempSync(join(tmpdir(), 'stash-ha-demo-test-'));
const readyFile = join(scratch, 'ready.json');
let demo: ChildProcess | undefined;
let output = '';
let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Live processes whose command line names `text` (zombies excluded). */
function processesNaming(text: string): string[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p))
    .filter((pid) => !/^\d+ \(.*\) Z /s.test(readOr(`/proc/${pid}/stat`)))
    .map((pid) => `${pid} ${readOr(`/proc/${pid}/cmdline`).replace(/\0/g, ' ')}`)
    .filter((line) => line.includes(text));
}

async function waitExit(timeoutMs: number): Promise<void> {
  await waitFor('the demo to exit', timeoutMs, () => Promise.resolve(exited ? { done: true, value: undefined } : { done: false, seen: 'still running' }));
}

describe('npm run demo', { timeout: 15 * 60_000 }, () => {
  let ready: Ready;

  before(async () => {
    const vsix = packageVsix(scratch);
    const { NODE_TEST_CONTEXT: _runner, ...env } = process.env;
    demo = spawn(process.execPath, [join(repoRoot, 'scripts', 'demo.mjs'), '--vsix', vsix], {
      cwd: repoRoot,
      env: {
        ...env,
        STASH_HA_DEMO_READY_FILE: readyFile,
        STASH_HA_DEMO_CLUSTER_DIR: lab.settings.runDir,
        STASH_HA_DEMO_PREFIX: lab.settings.prefix,
        STASH_HA_DEMO_NET: lab.settings.net,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    demo.stdout?.on('data', (c: Buffer) => { output += c.toString(); });
    demo.stderr?.on('data', (c: Buffer) => { output += c.toString(); });
    demo.on('exit', (code, signal) => { exited = { code, signal }; });
    ready = (await waitFor('the demo to say it is ready', 8 * 60_000, () => {
      if (exited) throw new Error(`the demo exited (${exited.code ?? exited.signal}) before it was ready:\n${output}`);
      const text = readOr(readyFile);
      return Promise.resolve(text.endsWith('}\n') ? { done: true, value: JSON.parse(text) as Ready } : { done: false, seen: output.split('\n').slice(-3).join(' | ') });
    }, 500).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output}`);
    })).value;
  });

  after(async () => {
    // Only when a test failed half way: the demo's own teardown, then the lab's.
    if (demo && !exited) {
      demo.kill('SIGTERM');
      await waitExit(120_000).catch(() => demo?.kill('SIGKILL'));
    }
    await lab.script('down');
    lab.release();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('prints a URL on 127.0.0.1 that answers with the workbench', async () => {
    assert.match(ready.url, /^http:\/\/127\.0\.0\.1:\d+\/\?folder=/);
    assert.ok(output.includes(ready.url), `the URL is not in what the demo printed:\n${output}`);
    const res = await fetch(ready.url, { signal: AbortSignal.timeout(10_000) });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<html/i);
  });

  test('the workspace holds the spec, its settings and the ssh config they name', () => {
    assert.ok(ready.workspace.startsWith(ready.tempDir));
    const settings = JSON.parse(readFileSync(ready.settings, 'utf8')) as Record<string, unknown>;
    assert.equal(ready.settings, join(ready.workspace, '.vscode', 'settings.json'));
    assert.equal(typeof settings['stashHa.sshConfigFile'], 'string');
    assert.equal(join(ready.workspace, settings['stashHa.sshConfigFile'] as string), ready.sshConfig);
    assert.match(readFileSync(ready.sshConfig, 'utf8'), /StrictHostKeyChecking yes/);
    const lint = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'lint', '--format', 'json', ready.spec], { encoding: 'utf8' });
    assert.equal(lint.status, 0, lint.stdout + lint.stderr);
    const spec = readFileSync(ready.spec, 'utf8');
    for (const node of ['node01', 'node02', 'node03']) assert.match(spec, new RegExp(`^  ${node}: \\{ address: ${lab.settings.net.replace(/\./g, '\\.')}\\.\\d+ \\}$`, 'm'));
  });

  test('the cluster runs Stash with its VIP on one node, and Stash answers at the VIP', async () => {
    const s = parseCrmMon(await lab.sshOk('node01', ['crm_mon', '--output-as=xml']));
    assert.equal(s.nodes.filter((n) => n.online).length, 3);
    assert.equal(startedOn(s, 'stash_res'), ready.stashNode);
    assert.equal(startedOn(s, 'stash_vip'), ready.stashNode);
    const meta = await lab.sshOk('node01', ['crm_resource', '--resource', 'stash_res', '--meta', '--get-parameter', 'migration-threshold']);
    assert.equal(meta.trim(), '1');
    const colocation = await lab.sshOk('node01', ['cibadmin', '--query', '--scope', 'constraints']);
    assert.match(colocation, /<rsc_colocation [^>]*rsc="stash_vip"[^>]*with-rsc="stash_res"[^>]*score="INFINITY"/);
    const res = await fetch(`http://${ready.vip}:7990/status`, { signal: AbortSignal.timeout(5000) });
    assert.equal(((await res.json()) as { state: string }).state, 'RUNNING');
  });

  test('in the browser, the Stash HA view shows where Stash runs, with no prompt', async () => {
    const browser = await openBrowser();
    try {
      const { workbench } = await Workbench.open(browser.page, ready.url, 120_000);
      await workbench.clickActivityBarItem('Stash HA');
      await waitFor(`the cluster item to name ${ready.stashNode}`, 120_000, async () => {
        const description = await workbench.treeItemDescription('stashdemo', 'Clusters');
        return description.includes(ready.stashNode) ? { done: true, value: description } : { done: false, seen: description };
      }, 500);
      // The extension's shared ssh connections live under the demo's folder: teardown must end them.
      assert.ok(processesNaming(ready.tempDir).some((p) => p.includes('[mux]')), processesNaming(ready.tempDir).join('\n'));
    } finally {
      await browser.close();
    }
  });

  test('Ctrl-C removes everything it made', async () => {
    const namespaces = lab.nodePidNamespaces();
    assert.equal(namespaces.length, 3);
    demo?.kill('SIGINT');
    await waitExit(180_000);
    assert.deepEqual(exited, { code: 0, signal: null }, output);
    assert.match(output, /demo: everything removed/);
    assert.deepEqual(await lab.residue(namespaces), []);
    assert.deepEqual([ready.tempDir, ready.codeServerDir].flatMap(processesNaming), []);
    for (const dir of [ready.tempDir, ready.codeServerDir, ready.lab.runDir, `${ready.lab.runDir}.demo-owner`]) assert.ok(!existsSync(dir), `${dir} is still there`);
  });
});
