/**
 * The library under test on a real lab cluster (test/cluster/): a spec naming the
 * lab's nodes by address, a ClusterConnection over the lab's ssh_config, and the
 * Stash + VIP resources the operations work on. Test-only.
 */
import { after, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../../server/src';
import { ClusterConnection } from '../../client/src/cluster/clusterConnection';
import { ClusterSettings, openCluster } from '../../client/src/cluster/openCluster';
import { clusterFromSpec } from '../../client/src/cluster/specCluster';
import { ClusterSnapshot } from '../../client/src/cluster/snapshot';
import { findResource, startedOn } from '../../client/src/cluster/snapshotQueries';
import { MemoryLogger } from '../../client/src/remote/logger';
import { spawnRunner, systemClock } from '../../client/src/remote/processRunner';
import { LabCluster, LabInfo } from '../cluster/labCluster';

export const NODES = ['node01', 'node02', 'node03'];

/** The lab as a cluster spec: nodes by address (the lab's ssh_config matches addresses too). */
export function labSpec(info: LabInfo): string {
  return [
    `cluster: ${info.name}`,
    'nodes:',
    ...info.nodes.map((n) => `  ${n.name}: { address: ${n.address} }`),
    'resources:',
    '  stash:',
    '    agent: ocf:heartbeat:stash',
    '    params: { stash_user: stash, stash_home: /srv/shared/stash-home, stash_inst: /srv/stash }',
    '  vip:',
    '    agent: ocf:heartbeat:IPaddr2',
    `    params: { ip: ${info.vip}, cidr_netmask: 24, nic: eth0 }`,
    'constraints:',
    '  colocation:',
    '    - { resource: vip, with: stash }',
    '',
  ].join('\n');
}

/** A connection to the lab, as the CLI would open it from the spec. */
export function labConnection(info: LabInfo, settings: ClusterSettings = {}, logger = new MemoryLogger()): ClusterConnection {
  const opened = openCluster(clusterFromSpec(buildModel(labSpec(info))), { configFile: info.sshConfig, connectTimeoutSec: 3, ...settings },
    { runner: spawnRunner(), clock: systemClock, logger });
  if (!opened.ok) throw new Error(opened.error);
  return opened.connection;
}

/**
 * Brings a 3-node lab up before a suite's tests, with one connection for them, and
 * down after (the slot given back). Call it inside `describe`.
 */
export function useLab(lab: LabCluster): { readonly conn: ClusterConnection } {
  let conn: ClusterConnection | undefined;
  before(async () => {
    await lab.script('down');
    await lab.script('up', '3');
    conn = labConnection(lab.info());
  });
  after(async () => {
    await conn?.close();
    await lab.script('down');
    lab.release();
  });
  return {
    get conn(): ClusterConnection {
      if (conn === undefined) throw new Error('useLab: the lab is not up (used outside a test?)');
      return conn;
    },
  };
}

/** Creates Stash and the VIP (colocated, ordered) with pcs on a node, as an admin would. */
export async function createStashAndVip(lab: LabCluster, monitorInterval = '5s'): Promise<void> {
  const { vip } = lab.info();
  const pcs = (...args: string[]) => lab.sshOk('node01', ['pcs', ...args]);
  await pcs('resource', 'create', 'stash', 'ocf:heartbeat:stash', 'stash_user=stash',
    'stash_home=/srv/shared/stash-home', 'stash_inst=/srv/stash', 'op', 'monitor', `interval=${monitorInterval}`, '--disabled');
  await pcs('resource', 'create', 'vip', 'ocf:heartbeat:IPaddr2', `ip=${vip}`, 'cidr_netmask=24', 'nic=eth0',
    'op', 'monitor', 'interval=5s', '--disabled');
  await pcs('constraint', 'colocation', 'add', 'vip', 'with', 'stash', 'INFINITY');
  await pcs('constraint', 'order', 'stash', 'then', 'vip');
  await pcs('resource', 'enable', 'stash', 'vip');
}

/** The node Stash and the VIP both run on, if they do. */
export function stashNode(s: ClusterSnapshot): string | undefined {
  const stash = findResource(s, 'stash');
  const vip = findResource(s, 'vip');
  if (stash?.kind !== 'primitive' || vip === undefined || stash.nodes.length !== 1) return undefined;
  const node = stash.nodes[0];
  return startedOn(stash, node) && startedOn(vip, node) ? node : undefined;
}

/** A node's own sshd log: how many logins it accepted. */
export function logins(lab: LabCluster, node: string): number {
  const log = readFileSync(join(lab.settings.runDir, 'nodes', node, 'log', 'sshd.log'), 'utf8');
  return (log.match(/Accepted publickey for /g) ?? []).length;
}

/** Asks Stash's status page through the VIP, from the host. */
export async function stashStateAtVip(info: LabInfo): Promise<string> {
  const response = await fetch(`http://${info.vip}:7990/status`, { signal: AbortSignal.timeout(3000) });
  return ((await response.json()) as { state: string }).state;
}
