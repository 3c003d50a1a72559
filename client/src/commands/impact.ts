/**
 * What an operation is about to do, in words for its confirmation: which
 * resources move from where to where, what stops, and the pre-flight's findings
 * when it would be refused. Pure: read from the snapshot the tree shows, so the
 * dialog names the same nodes the user is looking at. The operation still runs
 * its own pre-flight on a fresh snapshot.
 */
import { OperationInput, OperationRow } from '../cluster/operations';
import { preflightFailover } from '../cluster/preflight';
import { ClusterSnapshot } from '../cluster/snapshot';
import { allPrimitives, findResource, runningOn } from '../cluster/snapshotQueries';

export type Impact =
  /** Ask first: `message` is the modal's title line, `detail` the lines below it. */
  | { readonly kind: 'confirm'; readonly message: string; readonly detail: string }
  /** Nothing would happen (already there). */
  | { readonly kind: 'nothing'; readonly message: string }
  /** The pre-flight refuses it: say why, run nothing. */
  | { readonly kind: 'refused'; readonly message: string; readonly problems: readonly string[] };

function list(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join('');
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

function where(snapshot: ClusterSnapshot, ids: readonly string[]): string {
  const nodes = [...new Set(ids.flatMap((id) => { const r = findResource(snapshot, id); return r ? runningOn(r) : []; }))];
  return nodes.length ? nodes.join(' and ') : 'no node (stopped)';
}

function failoverImpact(snapshot: ClusterSnapshot, resource: string, node: string): Impact {
  const pre = preflightFailover(snapshot, resource, node);
  if (!pre.ok) return { kind: 'refused', message: `${resource} cannot be failed over to ${node}`, problems: pre.problems };
  if (pre.alreadyThere) return { kind: 'nothing', message: `${list(pre.together)} already run${pre.together.length === 1 ? 's' : ''} on ${node}.` };
  const members = allPrimitives(pre.together.map((id) => findResource(snapshot, id)).filter((r) => r !== undefined)).map((p) => p.id);
  const moving = members.length ? members : [...pre.together];
  return {
    kind: 'confirm',
    message: `${list(moving)} will move from ${where(snapshot, pre.together)} to ${node}.`,
    detail: `Stash is unavailable while it stops on one node and starts on the other. The move is verified: ` +
      `everything must be Started on ${node} and no move constraint may be left.`,
  };
}

function runningHere(snapshot: ClusterSnapshot, node: string): string[] {
  return allPrimitives(snapshot.resources).filter((p) => p.nodes.includes(node)).map((p) => p.id);
}

/** The words of the confirmation for `row` with `input`, given the tree's snapshot. */
export function impactOf(row: OperationRow, input: OperationInput, snapshot: ClusterSnapshot | undefined): Impact {
  const r = input.resource ?? '';
  const n = input.node ?? '';
  if (row.id === 'failover' && snapshot) return failoverImpact(snapshot, r, n);
  switch (row.id) {
    case 'failover':
      return { kind: 'confirm', message: `${r} will move to ${n}.`, detail: 'The cluster has not been read yet; the pre-flight runs first.' };
    case 'standby': {
      const here = snapshot ? runningHere(snapshot, n) : [];
      return {
        kind: 'confirm', message: `${n} goes into standby${here.length ? `: ${list(here)} will move off it` : ''}.`,
        detail: `${n} keeps running but hosts no resources until it is taken out of standby.`,
      };
    }
    case 'unstandby':
      return { kind: 'confirm', message: `${n} comes out of standby.`, detail: 'Resources that do not stick where they run may move back to it.' };
    case 'disable':
      return {
        kind: 'confirm', message: `${r} will stop and stay stopped${snapshot ? ` (it runs on ${where(snapshot, [r])})` : ''}.`,
        detail: 'Whatever must run with it or after it stops too. Enable starts it again.',
      };
    case 'clear':
      return {
        kind: 'confirm', message: `The move/ban constraints of ${r}${input.node ? ` on ${input.node}` : ''} will be removed.`,
        detail: `${r} may move back to where it ran before it was moved.`,
      };
    default:
      return { kind: 'confirm', message: `${row.title.replace(/…$/, '')} ${r || n}.`, detail: row.description };
  }
}
