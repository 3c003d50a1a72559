/**
 * The live-cluster subcommands on a real lab cluster (test/cluster/): the seed's pcs
 * commands as an admin types them (spec-format.md's, with the lab's paths and VIP),
 * the demo spec (Stash, its VIP, the colocation and order that tie them, one failure
 * moving Stash), `stash-ha` run in-process on the real ssh, and what a node's CIB and
 * crm_mon say. Test-only.
 */
import { buildModel, desiredCluster, LiveCluster } from '../../server/src';
import { main } from '../../cli/src/main';
import { CliIo } from '../../cli/src/io';
import { ClusterConnection } from '../../client/src/cluster/clusterConnection';
import { readLive } from '../../client/src/cluster/liveQuery';
import { spawnRunner, systemClock } from '../../client/src/remote/processRunner';
import { LabCluster, LabInfo } from '../cluster/labCluster';
import { LabStatus, parseCrmMon, startedOn } from '../cluster/crmMon';
import { memoryIo, MemoryIo } from '../unit/cli/memoryIo';

const STASH_PARAMS = ['stash_user=stash', 'stash_home=/srv/shared/stash-home', 'stash_inst=/srv/stash'];

/** The seed's commands: Stash with the seed's monitor (no timeout), one failure moving it, its VIP kept with it and started after it. */
export function seedArgv(info: LabInfo): string[][] {
  return [
    ['pcs', 'resource', 'create', 'stash_res', 'ocf:heartbeat:stash', ...STASH_PARAMS, 'op', 'monitor', 'interval=15s', 'op', 'start', 'timeout=240s'],
    ['pcs', 'resource', 'meta', 'stash_res', 'migration-threshold=1'],
    ['pcs', 'resource', 'create', 'stash_vip', 'ocf:heartbeat:IPaddr2', `ip=${info.vip}`, 'cidr_netmask=24', 'nic=eth0', 'op', 'monitor', 'interval=30s'],
    ['pcs', 'constraint', 'colocation', 'add', 'stash_vip', 'with', 'stash_res', 'INFINITY'],
    ['pcs', 'constraint', 'order', 'stash_res', 'then', 'stash_vip'],
  ];
}

/** The demo spec: what the seed builds, with the monitor timeout the agent advertises. */
export function demoSpecText(info: LabInfo): string {
  return [
    `cluster: ${info.name}`,
    'nodes:',
    ...info.nodes.map((n) => `  ${n.name}: { address: ${n.address} }`),
    'resources:',
    '  stash_res:',
    '    agent: ocf:heartbeat:stash',
    `    params: { ${STASH_PARAMS.map((p) => p.replace('=', ': ')).join(', ')} }`,
    '    ops:',
    '      monitor: { interval: 15s, timeout: 30s }',
    '      start: { timeout: 240s }',
    '    meta: { migration-threshold: 1 }',
    '  stash_vip:',
    '    agent: ocf:heartbeat:IPaddr2',
    `    params: { ip: ${info.vip}, cidr_netmask: 24, nic: eth0 }`,
    '    ops:',
    '      monitor: { interval: 30s }',
    'constraints:',
    '  colocation:',
    '    - { resource: stash_vip, with: stash_res, score: INFINITY }',
    '  order:',
    '    - { first: stash_res, then: stash_vip }',
    '',
  ].join('\n');
}

/** One in-process `stash-ha` run on the real ssh, with the lab's ssh config (for the subcommands that connect). */
export interface CliRun {
  readonly code: number;
  readonly io: MemoryIo;
}

export async function stashHa(info: LabInfo, args: readonly string[], files: Record<string, string> = {},
  options: { answers?: readonly (boolean | undefined)[]; io?: (io: MemoryIo) => CliIo } = {}): Promise<CliRun> {
  const io = memoryIo(files, options.answers);
  const [command, ...rest] = args;
  // lint and export never connect, so they take no ssh options.
  const ssh = command === 'lint' || command === 'export' ? [] : ['--ssh-config', info.sshConfig];
  const code = await main([command, ...ssh, ...rest], options.io ? options.io(io) : io, { runner: spawnRunner(), clock: systemClock });
  return { code, io };
}

/** The whole run, for an assertion message. */
export function said(run: CliRun): string {
  return `exit ${run.code}\nstdout:\n${run.io.stdout()}\nstderr:\n${run.io.stderr()}`;
}

/** The CIB's configuration version on a node: `admin_epoch:epoch`. */
export async function cibVersion(lab: LabCluster): Promise<string> {
  // The <cib> element, with the version, is the first line cibadmin prints.
  const cib = await lab.sshOk('node01', ['sh', '-c', 'cibadmin --query | head -n 1']);
  const epoch = /\sepoch="(\d+)"/.exec(cib)?.[1];
  const admin = /\sadmin_epoch="(\d+)"/.exec(cib)?.[1];
  return `${admin ?? '?'}:${epoch ?? '?'}`;
}

/** The live cluster as the product reads it. */
export async function liveNow(connection: ClusterConnection): Promise<LiveCluster> {
  const answer = await readLive(connection);
  if (!answer.ok) throw new Error(answer.error);
  return answer.live;
}

export async function crmMon(lab: LabCluster): Promise<LabStatus> {
  return parseCrmMon(await lab.sshOk('node01', ['crm_mon', '--output-as=xml']));
}

/** The node Stash and its VIP both run on, or what runs where instead. */
export function stashWithVip(status: LabStatus): { node?: string; seen: string } {
  const stash = startedOn(status, 'stash_res');
  const vip = startedOn(status, 'stash_vip');
  return { ...(stash !== undefined && stash === vip ? { node: stash } : {}), seen: `stash_res on ${stash ?? '-'}, stash_vip on ${vip ?? '-'}` };
}

/** Removes every resource and constraint, as a cluster with nothing configured has them, and waits until nothing runs. */
export async function emptyCluster(lab: LabCluster): Promise<void> {
  await lab.sshOk('node01', ['cibadmin', '--replace', '--scope', 'constraints', '--xml-text', '<constraints/>']);
  await lab.sshOk('node01', ['cibadmin', '--replace', '--scope', 'resources', '--xml-text', '<resources/>']);
  await lab.sshOk('node01', ['crm_resource', '--wait', '--timeout=120s']);
}

/** A spec's desired cluster, as apply and diff read it. */
export function desiredOf(text: string): ReturnType<typeof desiredCluster> {
  return desiredCluster(buildModel(text));
}
