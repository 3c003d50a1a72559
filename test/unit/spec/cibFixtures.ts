/**
 * The CIBs and corosync answers captured from the lab cluster
 * (test/cluster/capture-cib-fixtures.sh), read as the live-cluster query reads
 * them, and a spec read as the checker reads it. Test-only.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, desiredCluster, DesiredCluster, LiveCluster, readCib } from '../../../server/src';
import { parseCmap } from '../../../client/src/cluster/liveQuery';
import { repoRoot } from '../helpers';

export type CibState = 'seed' | 'values' | 'shapes' | 'unsupported' | 'leftovers';

export function fixtureText(name: string): string {
  return readFileSync(join(repoRoot(), 'test', 'fixtures', 'cib', name), 'utf8');
}

/** corosync-cmapctl's answer on the lab (3 nodes, 10.213.88.11-13, stashlab). */
export function cmapText(): string {
  return fixtureText('corosync-3.1.7-cmap.txt');
}

/** A captured CIB read with corosync's captured node list. */
export function liveOf(state: CibState): LiveCluster {
  const read = readCib(fixtureText(`pacemaker-2.1.5-${state}.xml`), parseCmap(cmapText()));
  assert.ok(read.ok, read.ok ? '' : read.error);
  return read.live;
}

export function specOf(text: string): DesiredCluster {
  return desiredCluster(buildModel(text));
}

/** The lab's nodes as a spec writes them. */
export const LAB_NODES = [
  'nodes:',
  '  node01: { address: 10.213.88.11 }',
  '  node02: { address: 10.213.88.12 }',
  '  node03: { address: 10.213.88.13 }',
];

/** The seed's cluster as a spec, in the words the seed's pcs commands used. */
export const SEED_SPEC = [
  'cluster: stashlab',
  ...LAB_NODES,
  'resources:',
  '  stash_res:',
  '    agent: ocf:heartbeat:stash',
  '    params: { stash_home: /srv/shared/stash-home, stash_inst: /srv/stash, stash_user: stash }',
  '    ops:',
  '      monitor: { interval: 15s }',
  '      start: { timeout: 240s }',
  '    meta: { migration-threshold: 1 }',
  '  stash_vip:',
  '    agent: ocf:heartbeat:IPaddr2',
  '    params: { cidr_netmask: 24, ip: 10.213.88.100, nic: eth0 }',
  '    ops:',
  '      monitor: { interval: 30s }',
  'constraints:',
  '  colocation:',
  '    - { resource: stash_vip, with: stash_res, score: INFINITY }',
  '  order:',
  '    - { first: stash_res, then: stash_vip }',
  '',
].join('\n');
