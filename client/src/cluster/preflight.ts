/**
 * Pre-flight of a fail-over, on the snapshot taken just before: everything that
 * would make `pcs resource move` fail, do nothing or do harm is found here and
 * refused with a reason, before any command runs. Pure.
 */
import { pacemakerNumber, SCORE_INFINITY } from '../../../server/src';
import { planMove } from './colocation';
import { ClusterSnapshot } from './snapshot';
import { allPrimitives, findResource, nodeNamed, startedOn } from './snapshotQueries';

export type Preflight =
  | {
    readonly ok: true;
    readonly move: string;
    readonly together: readonly string[];
    /** True when everything already runs on the target: nothing to do. */
    readonly alreadyThere: boolean;
  }
  | { readonly ok: false; readonly problems: readonly string[] };

export function preflightFailover(snapshot: ClusterSnapshot, resource: string, target: string): Preflight {
  const problems: string[] = [];
  const node = nodeNamed(snapshot, target);
  if (node === undefined) problems.push(`the cluster has no node '${target}' (nodes: ${snapshot.nodes.map((n) => n.name).join(', ')})`);
  else if (node.state !== 'online') problems.push(`${target} is ${node.state}; it cannot take resources`);
  if (!snapshot.quorum) problems.push('the cluster has no quorum; moving resources now is unsafe');
  if (snapshot.options.maintenanceMode) problems.push('the cluster is in maintenance mode; it would not move anything');

  const plan = planMove(snapshot, resource);
  if (!plan.ok) return { ok: false, problems: [...problems, plan.problem] };

  const units = plan.together.map((id) => findResource(snapshot, id)).filter((r) => r !== undefined);
  const prims = allPrimitives(units);
  const ids = new Set([...plan.together, ...prims.map((p) => p.id)]);
  for (const p of prims) {
    if (!p.managed) problems.push(`${p.id} is not managed by the cluster; it would not be moved`);
    if (p.targetRole === 'Stopped') problems.push(`${p.id} is disabled (target-role Stopped); enable it first`);
  }
  for (const l of snapshot.constraints.locations) {
    const score = pacemakerNumber(l.score);
    if (ids.has(l.resource) && l.node === target && score === -SCORE_INFINITY) {
      problems.push(`${l.resource} is banned from ${target} by constraint ${l.id}${l.id.startsWith('cli-ban-') ? ` (clear it with: pcs resource clear ${l.resource} ${target})` : ''}`);
    }
  }
  for (const l of snapshot.leftovers) {
    // The moved resource's own cli-prefer is replaced by the move; another one's would pull against it.
    if (l.kind === 'prefer' && ids.has(l.resource) && l.resource !== plan.move && l.node !== target) {
      problems.push(`${l.resource} is pinned to ${l.node ?? 'a node'} by ${l.id}, left by an earlier move; clear it first (pcs resource clear ${l.resource})`);
    }
  }
  for (const f of snapshot.failCounts) {
    if (f.node === target && ids.has(f.resource) && f.thresholdReached) {
      problems.push(`${f.resource} has failed ${f.failCount} time(s) on ${target}, at its migration-threshold of ${f.migrationThreshold}; clean it up first (pcs resource cleanup ${f.resource})`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const alreadyThere = units.length > 0 && units.every((u) => startedOn(u, target));
  return { ok: true, move: plan.move, together: plan.together, alreadyThere };
}
