/**
 * The seed's cluster as the lab runs it (spec-format.md's example: Stash with one
 * failure moving it, its VIP kept with it and started after it), as the pcs commands
 * an admin types and as a spec: for the unit tests on captured CIBs, the lab tests
 * and the benchmark alike. Test-only.
 */

/** A lab's name, nodes and VIP (cluster.json has them; the CIB fixtures were captured on 10.213.88). */
export interface SeedLab {
  readonly name: string;
  readonly nodes: readonly { readonly name: string; readonly address: string }[];
  readonly vip: string;
}

/** Where the lab keeps Stash: the stand-in at /srv/stash on every node, its home on the storage they share. */
const STASH_PARAMS = ['stash_home=/srv/shared/stash-home', 'stash_inst=/srv/stash', 'stash_user=stash'];

/** The seed's commands, with the seed's monitor (no timeout: pcs writes none, so Pacemaker's 20 s applies). */
export function seedArgv(vip: string): string[][] {
  return [
    ['pcs', 'resource', 'create', 'stash_res', 'ocf:heartbeat:stash', ...STASH_PARAMS, 'op', 'monitor', 'interval=15s', 'op', 'start', 'timeout=240s'],
    ['pcs', 'resource', 'meta', 'stash_res', 'migration-threshold=1'],
    ['pcs', 'resource', 'create', 'stash_vip', 'ocf:heartbeat:IPaddr2', `ip=${vip}`, 'cidr_netmask=24', 'nic=eth0', 'op', 'monitor', 'interval=30s'],
    ['pcs', 'constraint', 'colocation', 'add', 'stash_vip', 'with', 'stash_res', 'INFINITY'],
    ['pcs', 'constraint', 'order', 'stash_res', 'then', 'stash_vip'],
  ];
}

/** A spec's first lines: the cluster's name and its nodes by address. */
export function specHead(lab: SeedLab): string[] {
  return [`cluster: ${lab.name}`, 'nodes:', ...lab.nodes.map((n) => `  ${n.name}: { address: ${n.address} }`)];
}

/**
 * The seed's cluster as a spec. `monitor` is Stash's monitor operation: the seed's own
 * by default, `{ interval: 15s, timeout: 30s }` for the demo spec (the timeout the
 * agent advertises).
 */
export function seedSpecText(lab: SeedLab, monitor = '{ interval: 15s }'): string {
  return [
    ...specHead(lab),
    'resources:',
    '  stash_res:',
    '    agent: ocf:heartbeat:stash',
    `    params: { ${STASH_PARAMS.map((p) => p.replace('=', ': ')).join(', ')} }`,
    '    ops:',
    `      monitor: ${monitor}`,
    '      start: { timeout: 240s }',
    '    meta: { migration-threshold: 1 }',
    '  stash_vip:',
    '    agent: ocf:heartbeat:IPaddr2',
    `    params: { cidr_netmask: 24, ip: ${lab.vip}, nic: eth0 }`,
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

/** The demo spec: the seed's cluster with the monitor timeout the agent advertises. */
export function demoSpecText(lab: SeedLab): string {
  return seedSpecText(lab, '{ interval: 15s, timeout: 30s }');
}
