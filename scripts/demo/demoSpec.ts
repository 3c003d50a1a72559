/**
 * What the demo puts on the lab cluster and in the workspace, as data: the
 * seed's pcs commands (the ones the Stash-on-Pacemaker write-ups give, as argv
 * lists for the lab's own names), the spec that describes the same cluster, and
 * the workspace settings that point the extension at the nodes' ssh config. No
 * I/O here.
 */
import type { LabInfo } from '../../test/cluster/labCluster';

/** The ids the seed creates; the extension's tree and its confirmations show them. */
export const STASH_RESOURCE = 'stash_res';
export const VIP_RESOURCE = 'stash_vip';

/** The ssh config in the workspace, and the setting that names it (relative: read from the workspace folder). */
export const SSH_CONFIG_NAME = 'ssh_config';
export const SPEC_NAME = 'stash-demo.cluster.yaml';

/** Where the lab keeps Stash: the stand-in at /srv/stash on every node, its home on the storage they share. */
const STASH_PARAMS = ['stash_user=stash', 'stash_home=/srv/shared/stash-home', 'stash_inst=/srv/stash'];

/**
 * The seed's commands, in its order: Stash, one failure moves it
 * (migration-threshold=1), its VIP, and the VIP kept with Stash. The monitor gets
 * the 30 s timeout the agent advertises, which the seed's own line leaves out.
 * `scoreOption`: the colocation's score in pcs 0.12's words.
 */
export function seedCommands(vip: string, scoreOption = false): string[][] {
  return [
    ['pcs', 'resource', 'create', STASH_RESOURCE, 'ocf:heartbeat:stash', ...STASH_PARAMS,
      'op', 'monitor', 'interval=15s', 'timeout=30s', 'op', 'start', 'timeout=240s'],
    ['pcs', 'resource', 'meta', STASH_RESOURCE, 'migration-threshold=1'],
    ['pcs', 'resource', 'create', VIP_RESOURCE, 'ocf:heartbeat:IPaddr2', `ip=${vip}`, 'cidr_netmask=24', 'nic=eth0',
      'op', 'monitor', 'interval=30s'],
    // pcs 0.12 takes the score as score=INFINITY (the bare score is deprecated there); older pcs only bare.
    ['pcs', 'constraint', 'colocation', 'add', VIP_RESOURCE, 'with', STASH_RESOURCE, scoreOption ? 'score=INFINITY' : 'INFINITY'],
  ];
}

/** The spec of the cluster the seed builds: the lab's nodes by address, the same resources and colocation. */
export function demoSpec(info: LabInfo): string {
  return [
    '# The demo cluster: three lab nodes (network namespaces on this machine), Stash',
    '# played by the stand-in in test/stash-standin, its VIP, and the colocation that',
    '# keeps the VIP with Stash. Right-click a node in the Stash HA view and choose',
    '# "Fail Over Stash to This Node".',
    '#',
    '# The one warning (stash-home-not-shared) is true of a real cluster built like',
    '# this: the lab shares Stash\'s home by a bind mount, not a Filesystem resource.',
    `cluster: ${info.name}`,
    'nodes:',
    ...info.nodes.map((n) => `  ${n.name}: { address: ${n.address} }`),
    'resources:',
    `  ${STASH_RESOURCE}:`,
    '    agent: ocf:heartbeat:stash',
    '    params:',
    ...STASH_PARAMS.map((p) => `      ${p.replace('=', ': ')}`),
    '    ops:',
    '      monitor: { interval: 15s, timeout: 30s }',
    '      start: { timeout: 240s }',
    '    meta:',
    '      migration-threshold: 1',
    `  ${VIP_RESOURCE}:`,
    '    agent: ocf:heartbeat:IPaddr2',
    `    params: { ip: ${info.vip}, cidr_netmask: 24, nic: eth0 }`,
    '    ops:',
    '      monitor: { interval: 30s }',
    'constraints:',
    '  colocation:',
    `    - { resource: ${VIP_RESOURCE}, with: ${STASH_RESOURCE}, score: INFINITY }`,
    '',
  ].join('\n');
}

/** .vscode/settings.json of the demo workspace: the nodes' ssh config, so no prompt is needed. */
export function workspaceSettings(): Record<string, unknown> {
  return { 'stashHa.sshConfigFile': SSH_CONFIG_NAME };
}
