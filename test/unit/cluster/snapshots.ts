/** Snapshots made from captured fixtures, for tests of pure functions over them. Test-only. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleSnapshot } from '../../../client/src/cluster/assembleSnapshot';
import { ClusterSnapshot } from '../../../client/src/cluster/snapshot';
import { repoRoot } from '../helpers';

export function fixturePath(name: string): string {
  return join(repoRoot(), 'test/fixtures/crm_mon', name);
}

/** A snapshot from a crm_mon fixture and, optionally, a constraints fixture or XML text. */
export function snapshotOf(crmMon: string, constraints = '<constraints/>'): ClusterSnapshot {
  const cons = constraints.startsWith('<') ? constraints : readFileSync(fixturePath(constraints), 'utf8');
  const r = assembleSnapshot({
    sections: { crmMon: { body: readFileSync(fixturePath(crmMon), 'utf8'), rc: 0 }, cib: { body: cons, rc: 0 }, stash: [] },
    queriedNode: 'node01', probes: [], urls: [], takenAt: new Date(0),
  });
  if (!r.ok) throw new Error(r.error);
  return r.snapshot;
}

/** The lab's constraints: the VIP runs with Stash and starts after it. */
export const LAB_CONSTRAINTS = `<constraints>
  <rsc_colocation rsc="vip" with-rsc="stash" score="INFINITY" id="colocation-vip-stash-INFINITY"/>
  <rsc_order first="stash" then="vip" first-action="start" then-action="start" id="order-stash-vip-mandatory"/>
</constraints>`;
