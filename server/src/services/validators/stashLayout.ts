/**
 * The facts the Stash-layout checks share: the agents of Stash's virtual address and
 * shared filesystems (by name, so no catalog is needed; Stash's own is the
 * vocabulary's STASH_AGENT), a resource's scalar parameter, and whether one path lies
 * inside another, path by path.
 */
import { ResourceDecl } from '../../spec/model';
import { YScalar } from '../../spec/yamlTree';

export const IPADDR2 = 'ocf:heartbeat:IPaddr2';
export const FILESYSTEM = 'ocf:heartbeat:Filesystem';

/** Whether a resource's agent is `name` (as the model parsed it). */
export function hasAgent(resource: ResourceDecl, name: string): boolean {
  return resource.agentRef?.name === name;
}

/** A parameter's non-empty scalar value. */
export function paramScalar(resource: ResourceDecl, key: string): YScalar | undefined {
  const v = resource.params?.get(key)?.value;
  return v?.kind === 'scalar' && v.value !== null && v.text !== '' ? v : undefined;
}

/**
 * The segments of an absolute path after resolving `.`, `..` and repeated or trailing
 * slashes (`..` at the root stays at the root); undefined for a relative path.
 */
export function pathSegments(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out;
}

/** Whether `inner` equals `outer` or lies below it, segment by segment (so `/srv/stash-home` is not inside `/srv/stash`). */
export function isInside(inner: readonly string[], outer: readonly string[]): boolean {
  if (inner.length < outer.length) return false;
  return outer.every((segment, i) => inner[i] === segment);
}
