/**
 * The demo's cluster: the lab of test/cluster (three real Pacemaker nodes in
 * network namespaces) under the demo's own run directory, prefix and /24, so it
 * never meets a test's lab or the benchmark's. One demo at a time owns it (an
 * owner file with its PID and the folders it made); what a killed demo left,
 * the next one removes. The agent goes on through the product (`stash-ha
 * deploy-agent`), the resources through the seed's pcs commands as argv.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCrmMon, startedOn } from '../../test/cluster/crmMon';
import { LabCluster, LabInfo, LabSettings, RunResult, repoRoot } from '../../test/cluster/labCluster';
import { waitFor } from '../../test/cluster/waitFor';
import { pcsSyntax } from '../../client/src/cluster/pcsConfigArgv';
import { pcsVersionOf } from '../../client/src/cluster/pcsProfile';
import { seedCommands, STASH_RESOURCE, VIP_RESOURCE } from './demoSpec';
import { endProcessesUnder } from './sshMasters';

const LAB_ROOT = process.env.STASH_HA_LAB_ROOT ?? '/var/tmp/stash-ha-lab';

/** The demo's lab names; STASH_HA_DEMO_CLUSTER_DIR, _PREFIX and _NET override them (the demo's test does). */
export function demoLabSettings(env: NodeJS.ProcessEnv = process.env): LabSettings {
  return {
    runDir: env.STASH_HA_DEMO_CLUSTER_DIR ?? join(LAB_ROOT, 'demo'),
    prefix: env.STASH_HA_DEMO_PREFIX ?? 'shdemo',
    net: env.STASH_HA_DEMO_NET ?? '10.213.90',
  };
}

/** The corosync cluster name, which the spec and the tree show. */
export const DEMO_CLUSTER_NAME = 'stashdemo';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function run(file: string, args: readonly string[], timeoutMs: number): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

export class DemoLab {
  readonly lab: LabCluster;
  private readonly ownerFile: string;

  constructor(readonly settings: LabSettings = demoLabSettings()) {
    // cluster.sh reads the name from the environment of the process that runs it.
    process.env.STASH_HA_CLUSTER_NAME = DEMO_CLUSTER_NAME;
    this.lab = new LabCluster(settings);
    this.ownerFile = `${settings.runDir}.demo-owner`;
  }

  /**
   * Takes the demo's lab for this process; throws naming the other demo if one runs.
   * A demo that was killed (so could not tear down) left its folders in the owner
   * file: what still runs under them (its code-server, its ssh masters) is ended
   * by PID and they are removed; its namespaces go with the `down` in up().
   */
  async claim(): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(this.ownerFile, `${JSON.stringify({ pid: process.pid, dirs: [] })}\n`, { flag: 'wx' });
        return;
      } catch {
        const owner = this.owner();
        if (owner.pid > 0 && owner.pid !== process.pid && alive(owner.pid)) {
          throw new Error(`another demo (PID ${owner.pid}) runs the lab in ${this.settings.runDir}: stop it with Ctrl-C first`);
        }
        for (const dir of owner.dirs) {
          await endProcessesUnder(dir);
          rmSync(dir, { recursive: true, force: true });
        }
        unlinkSync(this.ownerFile);
      }
    }
    throw new Error(`could not take ${this.ownerFile}`);
  }

  private owner(): { pid: number; dirs: string[] } {
    try {
      const o = JSON.parse(readFileSync(this.ownerFile, 'utf8')) as { pid?: unknown; dirs?: unknown };
      // Only folders of the names the demo makes: this file decides what gets removed.
      const dirs = Array.isArray(o.dirs) ? o.dirs.filter((d): d is string => typeof d === 'string' && /^\/.+\/stash-ha-(demo|vscode)-[A-Za-z0-9]{6}$/.test(d)) : [];
      return { pid: typeof o.pid === 'number' ? o.pid : 0, dirs };
    } catch {
      return { pid: 0, dirs: [] };
    }
  }

  /** Notes a folder the demo made, so a next demo can clean up after this one if it is killed. */
  record(dir: string): void {
    const o = this.owner();
    if (o.pid === process.pid) writeFileSync(this.ownerFile, `${JSON.stringify({ pid: o.pid, dirs: [...o.dirs, dir] })}\n`);
  }

  /** Gives the lab back (only if this process holds it). */
  release(): void {
    if (this.owner().pid === process.pid) unlinkSync(this.ownerFile);
  }

  /** Removes what a killed demo left, then brings up three nodes of the Debian suite's cluster stack (cluster.sh builds and caches its root). */
  async up(stack = 'bookworm'): Promise<LabInfo> {
    await this.lab.script('down');
    await this.lab.script('up', '3', stack);
    return this.lab.info();
  }

  down(): Promise<RunResult> {
    return this.lab.script('down');
  }

  /** `stash-ha deploy-agent` with the workspace's ssh config, as a user would run it; resolves with its output. */
  async deployAgent(sshConfig: string, spec: string): Promise<string> {
    const r = await run(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'deploy-agent', '--ssh-config', sshConfig, spec], 180_000);
    if (r.code !== 0) throw new Error(`stash-ha deploy-agent exited ${r.code}:\n${r.stdout}${r.stderr}`);
    return r.stdout.trim();
  }

  /** Checks that every node has the Stash stand-in, which cluster.sh installs at /srv/stash when a node is made. */
  async checkStandin(): Promise<void> {
    await Promise.all(this.lab.info().nodes.map((n) => this.lab.sshOk(n.name, ['test', '-x', '/srv/stash/bin/start-stash.sh'])));
  }

  /** Runs the seed's pcs commands on node01, one argv at a time, in the words of the pcs the node has. */
  async seed(): Promise<void> {
    const version = pcsVersionOf(await this.lab.sshOk('node01', ['pcs', '--version']));
    const { scoreOption } = pcsSyntax(version ?? '0.11');
    for (const argv of seedCommands(this.lab.info().vip, scoreOption)) await this.lab.sshOk('node01', argv);
  }

  /** Waits until Stash and its VIP are Started on one node and Stash answers RUNNING at the VIP; resolves with the node. */
  async stashRunning(timeoutMs = 180_000): Promise<string> {
    const { vip } = this.lab.info();
    const { value } = await waitFor(`${STASH_RESOURCE} and ${VIP_RESOURCE} Started on one node, Stash RUNNING at ${vip}`, timeoutMs, async () => {
      const s = parseCrmMon(await this.lab.sshOk('node01', ['crm_mon', '--output-as=xml']));
      const node = startedOn(s, STASH_RESOURCE);
      const seen = s.resources.map((r) => `${r.id}=${r.role}@${r.nodes.join('+') || '-'}`).join(' ');
      if (node === undefined || startedOn(s, VIP_RESOURCE) !== node) return { done: false, seen };
      const res = await fetch(`http://${vip}:7990/status`, { signal: AbortSignal.timeout(3000) });
      const state = ((await res.json()) as { state?: string }).state;
      return state === 'RUNNING' ? { done: true, value: node } : { done: false, seen: `${seen}; Stash says ${state}` };
    }, 500);
    return value;
  }
}
