/**
 * The extension's side of `npm run bench` (bench/extension.mjs), run inside a real
 * VS Code (code-server) as its extension-test payload, with the packaged extension
 * as the extension under development. Each figure is taken with its peer in the
 * same process, so both sides run on this extension host's Node:
 *   - activation: `activate()` of the not yet active extension, language server start included;
 *   - the Clusters tree's refresh path (registry → session → connection), cold (a new
 *     connection) and warm (the kept one), beside a bare `ssh node crm_mon --output-as=xml`;
 *   - click-to-moved: the command "Fail Over Stash to This Node" (confirmation answered
 *     yes) until it returns verified, beside a bare `ssh node pcs resource move`;
 *   - the CPU the auto-refresh costs the nodes: each node's cpuacct cgroup over a
 *     minute with the view hidden, then a minute with it shown at the default interval.
 * It writes the raw samples as JSON to the file named in its configuration; the
 * orchestrator prints them. It asserts only what makes a figure meaningful (the
 * tree connected, Stash moved where asked) and throws otherwise.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { Ui } from '../../client/src/commands/ui';
import type { StashHaApi } from '../../client/src/extension';

/** What bench/extension.mjs passes in STASH_HA_BENCH_CONFIG. */
interface BenchConfig {
  readonly mode: 'activation' | 'full';
  readonly out: string;
  readonly extensionId: string;
  readonly specName?: string;
  readonly specText?: string;
  readonly sshConfig?: string;
  readonly stashResource?: string;
  readonly vipResource?: string;
  /** node name → the cpuacct.usage file of its cgroup (nanoseconds). */
  readonly cgroups?: Readonly<Record<string, string>>;
  readonly runs?: { readonly cold: number; readonly warm: number; readonly failover: number; readonly cpuWindowMs: number };
}

function timed<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  return body().then((value) => ({ ms: performance.now() - t0, value }));
}

function execMs(file: string, args: readonly string[]): Promise<{ ms: number; code: number; stdout: string; stderr: string }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(file, args, { maxBuffer: 64 << 20, timeout: 600_000 }, (error, stdout, stderr) => {
      resolve({ ms: performance.now() - t0, code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

async function until<T>(what: string, timeoutMs: number, probe: () => T | undefined): Promise<T> {
  for (const deadline = performance.now() + timeoutMs; ;) {
    const value = probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await pause(100);
  }
}

/** The node a primitive is Started on, from the session's snapshot (plain data). */
function startedOn(api: StashHaApi, id: string): string | undefined {
  const s = api.registry.all()[0]?.lastSnapshot;
  const r = s?.resources.find((x) => x.id === id);
  return r?.kind === 'primitive' && r.role === 'Started' && r.nodes.length === 1 ? r.nodes[0] : undefined;
}

function cpuNs(cgroups: Readonly<Record<string, string>>): Record<string, number> {
  return Object.fromEntries(Object.entries(cgroups).map(([node, file]) => [node, Number(readFileSync(file, 'utf8').trim())]));
}

async function cpuWindow(cgroups: Readonly<Record<string, string>>, ms: number): Promise<Record<string, number>> {
  const before = cpuNs(cgroups);
  await pause(ms);
  const after = cpuNs(cgroups);
  return Object.fromEntries(Object.keys(cgroups).map((n) => [n, (after[n] - before[n]) / 1e6]));
}

/**
 * The "Stash HA" log channel's file (every remote command with its time, each
 * operation's steps): code-server keeps it under its user data, two folders up
 * from XDG_CONFIG_HOME.
 */
function extensionLog(): string {
  const config = process.env.XDG_CONFIG_HOME;
  if (!config) return '';
  const files: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth < 0) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), depth - 1);
      else if (e.name.includes('Stash HA') && e.name.endsWith('.log')) files.push(join(dir, e.name));
    }
  };
  walk(join(config, '..', '..', 'user-data', 'logs'), 6);
  return files.map((f) => readFileSync(f, 'utf8')).join('');
}

function loggedMoveMs(log: string): number[] {
  return [...log.matchAll(/pcs resource move \S+ \S+ --wait=\d+ → exit 0 \((\d+) ms\)/g)].map((m) => Number(m[1]));
}

async function clusterBench(api: StashHaApi, config: BenchConfig, results: Record<string, unknown>): Promise<void> {
  const runs = config.runs ?? { cold: 8, warm: 20, failover: 3, cpuWindowMs: 60_000 };
  const stash = config.stashResource ?? 'stash_res';
  const vip = config.vipResource ?? 'stash_vip';
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || !config.specName || !config.specText || !config.sshConfig) throw new Error('the full bench needs a workspace folder, a spec and an ssh config');

  // The spec arrives only now, so the activation above was not triggered by it; the registry's watcher picks it up.
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, config.specName), new TextEncoder().encode(config.specText));
  const session = await until('the registry to read the spec', 60_000, () => api.registry.all()[0]);
  const sshConfig = config.sshConfig;
  const bareSsh = (node: string, ...argv: string[]) => execMs('ssh', ['-F', sshConfig, '-o', 'BatchMode=yes', '-o', 'ControlMaster=no', '-o', 'ControlPath=none', node, ...argv]);

  await api.registry.refresh(session.key);
  if (session.view().state !== 'connected') throw new Error(`the tree did not connect: ${JSON.stringify(session.view().error)}`);
  const stashNode = startedOn(api, stash);
  if (stashNode === undefined || startedOn(api, vip) !== stashNode) throw new Error(`${stash} and ${vip} do not run together`);

  // Cold (a new connection per refresh) beside bare ssh crm_mon to the node the tree asks first.
  const bare: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < runs.cold; i++) {
    const b = await bareSsh(stashNode, 'crm_mon', '--output-as=xml');
    if (b.code !== 0) throw new Error(`bare ssh crm_mon failed: ${b.stderr}`);
    bare.push(b.ms);
    await session.disconnect();
    cold.push((await timed(() => api.registry.refresh(session.key))).ms);
    if (session.view().state !== 'connected') throw new Error(`cold refresh failed: ${JSON.stringify(session.view().error)}`);
  }
  const warm: number[] = [];
  for (let i = 0; i < runs.warm; i++) {
    warm.push((await timed(() => api.registry.refresh(session.key))).ms);
    if (session.view().state !== 'connected') throw new Error(`warm refresh failed: ${JSON.stringify(session.view().error)}`);
  }
  results.refresh = { bare, cold, warm, queriedNode: session.lastSnapshot?.queriedNode, stashNode };

  // Click-to-moved: the command with its confirmation answered, beside a bare pcs move, alternating.
  const told: string[] = [];
  const allTold: string[] = [];
  let target = '';
  const ui: Ui = {
    confirm: (message) => { told.push(`confirm: ${message}`); return Promise.resolve('yes'); },
    refused: (message, problems) => { told.push(`refused: ${message} ${problems.join('; ')}`); return Promise.resolve(); },
    pick: (items) => Promise.resolve(items.find((i) => i.label === target)?.value),
    trustHostKey: () => Promise.resolve(false),
    ask: () => Promise.resolve(undefined),
    saveTo: () => Promise.resolve(undefined),
    info: (message) => { told.push(`info: ${message}`); },
    error: (message) => { told.push(`error: ${message}`); },
  };
  api.setUi(ui);
  const nodes = session.nodeNames;
  const extension: (number | null)[] = [];
  const pcsMove: (number | null)[] = [];
  const failures: string[] = [];
  let current = stashNode;
  const next = (): string => nodes[(nodes.indexOf(current) + 1) % nodes.length];
  const together = (): string | undefined => {
    const node = startedOn(api, stash);
    return node !== undefined && startedOn(api, vip) === node ? node : undefined;
  };
  /** After a move that failed: its constraint cleared, then wherever the cluster puts both. */
  const recover = async (why: string): Promise<void> => {
    failures.push(why);
    await bareSsh(current, 'pcs', 'resource', 'clear', stash);
    for (const deadline = performance.now() + 180_000; ;) {
      await api.registry.refresh(session.key);
      const node = together();
      if (node !== undefined && !session.lastSnapshot?.leftovers.some((l) => l.resource === stash)) {
        current = node;
        return;
      }
      if (performance.now() > deadline) throw new Error(`${stash} and ${vip} did not settle after: ${why}`);
      await pause(500);
    }
  };
  try {
    for (let i = 0; i < runs.failover; i++) {
      target = next();
      told.length = 0;
      const t = await timed(() => Promise.resolve(vscode.commands.executeCommand('stashHa.failoverStashToNode')));
      allTold.push(...told);
      if (together() === target && !told.some((m) => /^(error|refused)/.test(m))) {
        extension.push(t.ms);
        current = target;
      } else {
        extension.push(null);
        await recover(`the command did not move ${stash} and ${vip} to ${target}: ${told.join(' | ')}`);
      }

      target = next();
      const m = await bareSsh(current, 'pcs', 'resource', 'move', stash, target);
      await api.registry.refresh(session.key);
      if (m.code === 0 && together() === target) {
        pcsMove.push(m.ms);
        current = target;
      } else {
        pcsMove.push(null);
        await recover(`bare pcs resource move ${stash} ${target} (exit ${m.code}): ${m.stdout.trim()} ${m.stderr.trim()}`.replace(/\s+/g, ' '));
      }
    }
  } finally {
    api.setUi(undefined);
  }
  results.failover = { extension, pcsMove, failures, told: allTold, extensionMoveMs: [] as number[] };

  // Node CPU: a minute with the Clusters view hidden (no auto-refresh), then a minute shown.
  if (config.cgroups) {
    await vscode.commands.executeCommand('workbench.view.explorer');
    const idle = await cpuWindow(config.cgroups, runs.cpuWindowMs);
    let refreshes = 0;
    let last = session.lastSnapshot;
    const counting = api.registry.onDidChange(() => {
      if (session.lastSnapshot !== undefined && session.lastSnapshot !== last) refreshes++;
      last = session.lastSnapshot;
    });
    await vscode.commands.executeCommand('stashHa.clusters.focus');
    const shown = await cpuWindow(config.cgroups, runs.cpuWindowMs);
    counting.dispose();
    results.cpu = { idle, shown, refreshes, windowMs: runs.cpuWindowMs, interval: vscode.workspace.getConfiguration('stashHa').get('refreshInterval') };
  }
  // Read last, long after the failovers: the channel writes its file in its own time.
  const log = extensionLog();
  (results.failover as { extensionMoveMs: number[] }).extensionMoveMs = loggedMoveMs(log);
  results.log = log;
}

/** The payload's entry: VS Code calls it in the extension host; a rejection fails the run. */
export async function run(): Promise<void> {
  const config = JSON.parse(process.env.STASH_HA_BENCH_CONFIG ?? '{}') as BenchConfig;
  const results: Record<string, unknown> = {};
  const ext = vscode.extensions.getExtension<StashHaApi>(config.extensionId);
  if (!ext) throw new Error(`extension ${config.extensionId} is not loaded`);
  if (ext.isActive) throw new Error('the extension was already active, so its activation cannot be timed');
  const activated = await timed(() => Promise.resolve(ext.activate()));
  results.activationMs = activated.ms;
  try {
    if (config.mode === 'full') await clusterBench(activated.value, config, results);
  } finally {
    writeFileSync(config.out, JSON.stringify(results, null, 2));
  }
  console.log('stash-ha suite: 1 passed, 0 failed');
}
