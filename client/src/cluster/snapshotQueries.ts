/**
 * Questions asked of a snapshot by views and operations: every primitive, a
 * resource by id (top level or inside a group or clone), where something runs.
 * Pure functions; the snapshot is never changed.
 */
import { isActiveRole, STASH_AGENT } from '../../../server/src';
import { ClusterSnapshot, GroupStatus, NodeStatus, PrimitiveStatus, ResourceStatus } from './snapshot';

/** Every primitive, inside groups and clones too (a clone's instances appear once each). */
export function allPrimitives(resources: readonly ResourceStatus[]): PrimitiveStatus[] {
  const out: PrimitiveStatus[] = [];
  for (const r of resources) {
    if (r.kind === 'primitive') out.push(r);
    else if (r.kind === 'group') out.push(...r.members);
    else for (const i of r.instances) out.push(...(i.kind === 'group' ? i.members : [i]));
  }
  return out;
}

/** A top-level resource, group or clone, or a group member, by id. */
export function findResource(snapshot: ClusterSnapshot, id: string): ResourceStatus | undefined {
  for (const r of snapshot.resources) {
    if (r.id === id) return r;
    if (r.kind === 'group') {
      const m = r.members.find((p) => p.id === id);
      if (m) return m;
    }
    if (r.kind === 'clone') {
      const inner = r.instances.find((i) => i.id === id);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** The group a primitive belongs to, if any (not cloned groups). */
export function groupOf(snapshot: ClusterSnapshot, id: string): GroupStatus | undefined {
  return snapshot.resources.find((r): r is GroupStatus => r.kind === 'group' && r.members.some((m) => m.id === id));
}

/** The clone a resource (or group) id belongs to, if any. */
export function cloneOf(snapshot: ClusterSnapshot, id: string): string | undefined {
  for (const r of snapshot.resources) {
    if (r.kind === 'clone' && r.instances.some((i) => i.id === id || (i.kind === 'group' && i.members.some((m) => m.id === id)))) return r.id;
  }
  return undefined;
}

/** Nodes where a resource (primitive, group or clone) is active, without repeats. */
export function runningOn(resource: ResourceStatus): string[] {
  const nodes = new Set<string>();
  for (const p of allPrimitives([resource])) if (p.active) for (const n of p.nodes) nodes.add(n);
  return [...nodes];
}

/** True when every primitive of the resource is Started (or Promoted) on `node`. */
export function startedOn(resource: ResourceStatus, node: string): boolean {
  const prims = allPrimitives([resource]);
  return prims.length > 0 && prims.every((p) => isActiveRole(p.role) && !p.failed &&
    p.nodes.length === 1 && p.nodes[0] === node);
}

export function nodeNamed(snapshot: ClusterSnapshot, name: string): NodeStatus | undefined {
  return snapshot.nodes.find((n) => n.name === name);
}

/** The primitives running the Stash agent. */
export function stashPrimitives(snapshot: ClusterSnapshot): PrimitiveStatus[] {
  return allPrimitives(snapshot.resources).filter((p) => p.agent === STASH_AGENT);
}
