/**
 * The lab cluster (test/cluster/) as a user of `stash-ha` describes it: a spec
 * file naming its nodes by address, Stash and the VIP that runs with it, and the
 * same resources built by hand with pcs on a node. Test-only.
 */
import { LabCluster, LabInfo } from '../cluster/labCluster';

/** The spec of the lab: its nodes by address, Stash, the VIP running with Stash. */
export function labSpecText(info: LabInfo): string {
  return [
    `cluster: ${info.name}`,
    'nodes:',
    ...info.nodes.map((n) => `  ${n.name}: { address: ${n.address} }`),
    'resources:',
    '  stash:',
    '    agent: ocf:heartbeat:stash',
    '    params: { stash_user: stash, stash_home: /srv/shared/stash-home, stash_inst: /srv/stash }',
    '    ops:',
    '      monitor: { interval: 5s, timeout: 30s }',
    '  vip:',
    '    agent: ocf:heartbeat:IPaddr2',
    `    params: { ip: ${info.vip}, cidr_netmask: 24, nic: eth0 }`,
    '    ops:',
    '      monitor: { interval: 5s }',
    'constraints:',
    '  colocation:',
    '    - { resource: vip, with: stash, score: INFINITY }',
    '  order:',
    '    - { first: stash, then: vip }',
    '',
  ].join('\n');
}

/** What the spec says, built by hand with pcs on a node. */
export async function createFromSpec(lab: LabCluster, info: LabInfo): Promise<void> {
  const pcs = (...args: string[]) => lab.sshOk('node01', ['pcs', ...args]);
  await pcs('resource', 'create', 'stash', 'ocf:heartbeat:stash', 'stash_user=stash', 'stash_home=/srv/shared/stash-home',
    'stash_inst=/srv/stash', 'op', 'monitor', 'interval=5s', 'timeout=30s', '--disabled');
  await pcs('resource', 'create', 'vip', 'ocf:heartbeat:IPaddr2', `ip=${info.vip}`, 'cidr_netmask=24', 'nic=eth0',
    'op', 'monitor', 'interval=5s', '--disabled');
  await pcs('constraint', 'colocation', 'add', 'vip', 'with', 'stash', 'INFINITY');
  await pcs('constraint', 'order', 'stash', 'then', 'vip');
  await pcs('resource', 'enable', 'stash', 'vip');
}
