/**
 * Which resource to move so that everything that must run together ends up on
 * the target. A colocation `A with B` (score INFINITY) places A where B is, so
 * asking to move A means moving B, and whatever is colocated with B comes along.
 * Units are top-level resources: a group member stands for its group. Clones
 * run on many nodes and are not followed (a resource colocated with a promoted
 * clone is moved itself; Pacemaker promotes the clone where it goes).
 */
import { pacemakerNumber, SCORE_INFINITY } from '../../../server/src';
import { ClusterSnapshot } from './snapshot';
import { cloneOf, findResource, groupOf } from './snapshotQueries';

export type MovePlan =
  | {
    readonly ok: true;
    /** The resource or group to hand to `pcs resource move`. */
    readonly move: string;
    /** Every unit that must end up on the target (the moved one included), sorted. */
    readonly together: readonly string[];
  }
  | { readonly ok: false; readonly problem: string };

/** The top-level unit an id belongs to: its group, else itself. */
function unitOf(snapshot: ClusterSnapshot, id: string): string {
  return groupOf(snapshot, id)?.id ?? id;
}

/** Resolves the colocation chain from `resource`. */
export function planMove(snapshot: ClusterSnapshot, resource: string): MovePlan {
  const found = findResource(snapshot, resource);
  if (found === undefined) return { ok: false, problem: `the cluster has no resource '${resource}'` };
  if (found.kind === 'clone' || cloneOf(snapshot, resource) !== undefined) {
    return { ok: false, problem: `'${resource}' is a clone (it runs on several nodes); fail over a primitive or a group` };
  }
  const edges: [string, string][] = [];
  for (const c of snapshot.constraints.colocations) {
    if (pacemakerNumber(c.score) !== SCORE_INFINITY) continue;
    const from = unitOf(snapshot, c.resource);
    const to = unitOf(snapshot, c.withResource);
    const target = findResource(snapshot, to);
    if (from === to || target === undefined || target.kind === 'clone' || cloneOf(snapshot, to) !== undefined) continue;
    edges.push([from, to]);
  }
  let current = unitOf(snapshot, resource);
  const seen = new Set([current]);
  for (;;) {
    const next = [...new Set(edges.filter(([from]) => from === current).map(([, to]) => to))];
    if (next.length > 1) {
      return { ok: false, problem: `'${current}' is colocated with ${next.map((n) => `'${n}'`).join(' and ')}; move one of them instead` };
    }
    if (next.length === 0 || seen.has(next[0])) break;
    current = next[0];
    seen.add(current);
  }
  const together = new Set([current]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [a, b] of edges) {
      if (together.has(a) !== together.has(b)) {
        together.add(a);
        together.add(b);
        grew = true;
      }
    }
  }
  return { ok: true, move: current, together: [...together].sort() };
}
