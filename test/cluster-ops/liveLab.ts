/**
 * The live-cluster subcommands on a real lab cluster (test/cluster/): `stash-ha` run
 * in-process on the real ssh, what a node's CIB and crm_mon say, and a cluster
 * emptied between tests (the seed's commands and the demo spec are in
 * test/seedCluster.ts). Test-only.
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
