/**
 * The real lab cluster (test/cluster/cluster.sh) for the VS Code tests: a slot of
 * its own (claimLab), three nodes, Stash and its VIP created with pcs as an admin
 * would, and what a workspace needs to reach it: the lab's spec and a copy of the
 * lab's ssh config whose known_hosts the test chooses (all nodes' keys, some, or
 * none). The extension-host suite learns where the lab is from the environment
 * (LAB_ENV), so the same suite runs under code-server and @vscode/test-electron.
 *
 * It judges nothing: crm_mon read on a node (lab.ssh) is the tests' oracle.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCrmMon, startedOn, type LabStatus } from '../cluster/crmMon';
import { claimLab, LabCluster, LabInfo, LabSettings } from '../cluster/labCluster';
import { waitFor } from '../cluster/waitFor';
import { createStashAndVip, labSpec } from '../cluster-ops/opsLab';

/** The environment variable that hands the lab's settings (JSON of LabSettings) to the extension-host suite. */
export const LAB_ENV = 'STASH_HA_TEST_LAB';

/** The spec file the lab's workspaces hold. */
export const LAB_SPEC_FILE = 'lab.cluster.yaml';

/** crm_mon of the lab, asked on `node` over the lab's own ssh config. */
export async function crmMon(lab: LabCluster, node = 'node01'): Promise<LabStatus> {
  return parseCrmMon(await lab.sshOk(node, ['crm_mon', '--output-as=xml']));
}

/** One line for a failure message: quorum, nodes and where each resource runs. */
export function describeStatus(s: LabStatus): string {
  const nodes = s.nodes.map((n) => `${n.name}${n.online ? '' : ' offline'}${n.standby ? ' standby' : ''}`);
  return `quorum=${s.quorum} nodes=[${nodes.join(', ')}] ${s.resources.map((r) => `${r.id}=${r.role}@${r.nodes.join('+') || '-'}`).join(' ')}`;
}

/**
 * Waits until every node is online and out of standby, with quorum, and Stash and
 * the VIP are Started together on one node; returns that node.
 */
export async function waitForStashRunning(lab: LabCluster, timeoutMs = 120_000): Promise<string> {
  try {
    const waited = await waitFor('every node online and Stash with its VIP started', timeoutMs, async () => {
      const s = await crmMon(lab);
      const node = startedOn(s, 'stash');
      const settled = s.quorum && s.nodes.length > 0 && s.nodes.every((n) => n.online && !n.standby);
      return settled && node !== undefined && startedOn(s, 'vip') === node ? { done: true, value: node } : { done: false, seen: describeStatus(s) };
    }, 500);
    return waited.value;
  } catch (error) {
    const lost = await lostAccounts(lab);
    throw lost.length === 0 ? error : new Error(`${error instanceof Error ? error.message : String(error)}\n${lost.join('\n')}`);
  }
}

/**
 * Nodes that no longer know the user Stash runs as. A node's /etc/passwd, group
 * and shadow are bind mounts of its own files; when the host's file is replaced
 * (useradd and userdel rename a new one into place, as a test of the SSH layer
 * running at the same time does), the kernel drops the node's mount and the node
 * sees the host's accounts: Stash's start then fails on every node with "user
 * stash does not exist". Said so a failure points there, not at the extension.
 */
export async function lostAccounts(lab: LabCluster): Promise<string[]> {
  const lost: string[] = [];
  for (const n of lab.info().nodes) {
    const r = await lab.ssh(n.name, ['id', '-u', 'stash']);
    if (r.code !== 0) {
      lost.push(`${n.name} has no user stash any more: its /etc/passwd bind mount is gone (the host's /etc/passwd was ` +
        'replaced meanwhile, e.g. by useradd or userdel in a test running at the same time); the lab cannot run Stash until it is brought up again');
    }
  }
  return lost;
}

/**
 * Brings the lab back to where every test starts, whatever the test before left:
 * no node in standby, no move/ban constraint, no failure; then waits for Stash.
 * Returns the node Stash runs on. A lab already so is left alone.
 */
export async function settleLab(lab: LabCluster): Promise<string> {
  const s = await crmMon(lab);
  const where = startedOn(s, 'stash');
  const constraints = await lab.sshOk('node01', ['cibadmin', '--query', '--scope', 'constraints']);
  const settled = s.quorum && s.nodes.every((n) => n.online && !n.standby) && !s.resources.some((r) => r.failed) &&
    where !== undefined && startedOn(s, 'vip') === where && !/<rsc_location [^>]*\bid="cli-/.test(constraints);
  if (settled) return where;
  const names = lab.info().nodes.map((n) => n.name);
  await lab.sshOk('node01', ['pcs', 'node', 'unstandby', ...names]);
  for (const id of ['stash', 'vip']) await lab.sshOk('node01', ['pcs', 'resource', 'clear', id]);
  await lab.sshOk('node01', ['pcs', 'resource', 'cleanup']);
  return waitForStashRunning(lab);
}

/** A 3-node lab in a slot of its own with Stash and the VIP running; stop() tears it down and frees the slot. */
export interface StashLab {
  readonly lab: LabCluster;
  readonly info: LabInfo;
  /** What the extension host's environment needs to find the lab (LAB_ENV). */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

export async function startStashLab(): Promise<StashLab> {
  const lab = claimLab();
  try {
    await lab.script('down');
    await lab.script('up', '3');
    await createStashAndVip(lab);
    await waitForStashRunning(lab);
  } catch (error) {
    await lab.script('down').catch(() => undefined);
    lab.release();
    throw error;
  }
  return {
    lab, info: lab.info(), env: { [LAB_ENV]: JSON.stringify(lab.settings) },
    async stop() {
      try {
        await lab.script('down');
      } finally {
        lab.release();
      }
    },
  };
}

/** The lab named by LAB_ENV (in the extension host), or undefined when it is not set. */
export function labFromEnv(env: NodeJS.ProcessEnv = process.env): LabCluster | undefined {
  const raw = env[LAB_ENV];
  return raw ? new LabCluster(JSON.parse(raw) as LabSettings) : undefined;
}

/** Which nodes' host keys a workspace's known_hosts starts with. */
export type KnownHosts = 'all' | 'none' | { readonly except: readonly string[] };

/**
 * Writes a copy of the lab's ssh config as `<dir>/ssh_config` whose
 * UserKnownHostsFile is `<dir>/known_hosts`, holding the keys `known` says.
 * Returns both paths.
 */
export function writeSshConfig(info: LabInfo, dir: string, known: KnownHosts): { config: string; knownHosts: string } {
  mkdirSync(dir, { recursive: true });
  const knownHosts = join(dir, 'known_hosts');
  const config = join(dir, 'ssh_config');
  const lines = readFileSync(join(info.runDir, 'ssh', 'known_hosts'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const kept = known === 'all' ? lines : known === 'none' ? [] : lines.filter((l) => !known.except.includes(l.split(/[ ,]/)[0]));
  writeFileSync(knownHosts, kept.map((l) => `${l}\n`).join(''));
  writeFileSync(config, readFileSync(info.sshConfig, 'utf8').replace(/UserKnownHostsFile \S+/, `UserKnownHostsFile ${knownHosts}`));
  return { config, knownHosts };
}

/** Puts the lab's spec into a workspace folder. */
export function writeLabSpec(info: LabInfo, workspace: string): string {
  mkdirSync(workspace, { recursive: true });
  const file = join(workspace, LAB_SPEC_FILE);
  writeFileSync(file, labSpec(info));
  return file;
}

/** Writes `<workspace>/.vscode/settings.json`. */
export function writeWorkspaceSettings(workspace: string, settings: Readonly<Record<string, unknown>>): void {
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/** The environment variable naming the file the counting ssh (countingSsh) appends to. */
export const SSH_COUNT_ENV = 'STASH_HA_TEST_SSH_RUNS';

/**
 * A counting `ssh` in `<dir>/bin/ssh`: it appends its arguments as one line to
 * `<dir>/ssh-runs` and then runs the system's ssh with them. Put first on the
 * extension host's PATH (the returned environment), it records every ssh the
 * extension starts, without changing what ssh does.
 */
export function countingSsh(dir: string): { env: Record<string, string>; runs: string } {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const runs = join(dir, 'ssh-runs');
  writeFileSync(join(bin, 'ssh'), [
    '#!/bin/sh',
    '# Records this run, then is the system ssh.',
    `printf '%s\\n' "$*" >> '${runs}'`,
    'exec /usr/bin/ssh "$@"',
    '',
  ].join('\n'), { mode: 0o755 });
  return {
    env: {
      PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, [SSH_COUNT_ENV]: runs,
      // Otherwise the VS Code server gives the extension host a login shell's environment,
      // whose /etc/profile sets PATH afresh (VS Code skips that when VSCODE_CLI is 1).
      VSCODE_CLI: '1',
    },
    runs,
  };
}

/**
 * The connections each node's sshd has logged, as `node address:port` of the
 * client's end: every connection, accepted or refused, logs a line naming it, and
 * its later lines (a disconnect when an ssh master from an earlier run ends) name
 * the same port, so a connection made after a first reading is one not in it.
 */
export function sshdConnections(info: LabInfo): Set<string> {
  const seen = new Set<string>();
  for (const n of info.nodes) {
    const log = readFileSync(join(info.runDir, 'nodes', n.name, 'log', 'sshd.log'), 'utf8');
    for (const m of log.matchAll(/ (?:from|by) (?:[a-z]\S* ){0,3}(\d+\.\d+\.\d+\.\d+) port (\d+)/g)) seen.add(`${n.name} ${m[1]}:${m[2]}`);
  }
  return seen;
}
