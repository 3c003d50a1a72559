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
import { SeedLab, seedSpecText } from '../../seedCluster';

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

/** The lab the fixtures were captured on. */
export const FIXTURE_LAB: SeedLab = {
  name: 'stashlab',
  nodes: [{ name: 'node01', address: '10.213.88.11' }, { name: 'node02', address: '10.213.88.12' }, { name: 'node03', address: '10.213.88.13' }],
  vip: '10.213.88.100',
};

/** The seed's cluster as a spec, in the words the seed's pcs commands used. */
export const SEED_SPEC = seedSpecText(FIXTURE_LAB);

/** The shapes fixture's cluster (a promotable clone, a clone, a group, constraints on them) as a spec, in sync with it. */
export const SHAPES_SPEC = SEED_SPEC.replace('constraints:\n', [
  '  drbd:',
  '    agent: ocf:pacemaker:Stateful',
  '    ops:',
  '      monitor:',
  '        - { interval: 29s, role: Master }',
  '        - { interval: 31s, role: Slave }',
  '    promotable: { promoted-max: 1, promoted-node-max: 1, clone-max: 2, clone-node-max: 1, notify: true }',
  '  fs:',
  '    agent: ocf:heartbeat:Filesystem',
  '    params: { device: /dev/drbd0, directory: /srv/data, fstype: xfs }',
  '  web:',
  '    agent: ocf:pacemaker:Dummy',
  '    ops:',
  '      monitor: { interval: 20s, timeout: 40s, OCF_CHECK_LEVEL: 10 }',
  '  probe:',
  '    agent: ocf:pacemaker:ping',
  '    params: { host_list: 10.213.88.100 }',
  '    clone: { interleave: true }',
  'properties: { maintenance-mode: false }',
  'op-defaults: { timeout: 45s }',
  'groups:',
  '  stack: [fs, web]',
  'constraints:',
  '',
].join('\n')).replace('  order:\n', [
  '    - { resource: stack, with: drbd, with-role: Promoted }',
  '    - { resource: stash_res, with: probe, score: 200 }',
  '  order:',
  '    - { first: drbd, first-action: promote, then: stack, then-action: start, kind: Optional }',
  '    - { first: stash_vip, first-action: stop, then: web, kind: Serialize, symmetrical: false }',
  '',
].join('\n')).replace(/\n$/, '\n  location:\n    - { resource: stack, node: node01, score: 50 }\n    - { resource: stash_res, node: node03, score: -INFINITY }\n');
