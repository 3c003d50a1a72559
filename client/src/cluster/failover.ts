/**
 * Fail-over of a resource (or its group, or the chain it is colocated with) to
 * a node: a fresh snapshot and pre-flight first; then the move the installed pcs
 * does right (0.11+: `pcs resource move --wait`, which removes its constraint;
 * older: move, wait until it runs there, clear); then verification that every
 * resource that must run together is Started on the target and no cli-prefer
 * is left. If the move fails half way, a constraint it left is cleared so the
 * cluster is not pinned to a node by accident.
 */
import { badNodeName, badResourceId } from '../../../server/src';
import { Clock } from '../remote/processRunner';
import { awaitState, Check } from './awaitState';
import { ClusterConnection } from './clusterConnection';
import { outcomeOfAttempts, OperationReport, ReportBuilder, StepListener } from './operationReport';
import { clearArgv, moveArgv } from './pcsArgv';
import { pcsProfile } from './pcsProfile';
import { preflightFailover } from './preflight';
import { ClusterSnapshot } from './snapshot';
import { findResource, nodeNamed, runningOn, startedOn } from './snapshotQueries';

export interface FailoverRequest {
  readonly resource: string;
  readonly node: string;
  /** How long the move may take, verification included (default 300 s: Stash may take minutes to start). */
  readonly timeoutMs?: number;
}

function arrived(together: readonly string[], node: string): (s: ClusterSnapshot) => Check {
  return (s) => {
    const away = together.filter((id) => {
      const r = findResource(s, id);
      return r === undefined || !startedOn(r, node);
    });
    if (away.length === 0) return { done: true };
    return { done: false, seen: away.map((id) => { const r = findResource(s, id); return `${id} on ${r ? runningOn(r).join('+') || 'no node' : 'nothing'}`; }).join(', ') };
  };
}

function noLeftover(together: readonly string[]): (s: ClusterSnapshot) => Check {
  return (s) => {
    const left = s.leftovers.filter((l) => l.kind === 'prefer' && together.includes(l.resource));
    return left.length === 0 ? { done: true } : { done: false, seen: `constraint ${left.map((l) => l.id).join(', ')} still there` };
  };
}

function both(a: (s: ClusterSnapshot) => Check, b: (s: ClusterSnapshot) => Check): (s: ClusterSnapshot) => Check {
  return (s) => {
    const x = a(s);
    return x.done ? b(s) : x;
  };
}

/** Where the resources of a failed move are now, and whether the target is there at all: one line for the user. */
function whereNow(s: ClusterSnapshot, together: readonly string[], target: string): string {
  const places = together.map((id) => {
    const r = findResource(s, id);
    const on = r === undefined ? [] : runningOn(r);
    return `${id} ${on.length > 0 ? `on ${on.join(', ')}` : 'not running'}`;
  });
  const t = nodeNamed(s, target);
  const targetState = t === undefined ? `${target} is not in the cluster` : !t.online ? `${target} is offline` : t.standby ? `${target} is standby` : '';
  return `now: ${places.join(', ')}${targetState ? `; ${targetState}` : ''}`;
}

export async function failover(connection: ClusterConnection, request: FailoverRequest, clock: Clock, onStep?: StepListener): Promise<OperationReport> {
  const { resource, node } = request;
  const report = new ReportBuilder(`fail over ${resource} to ${node}`, () => clock.now(), onStep);
  const bad = [badResourceId(resource), badNodeName(node)].filter((p) => p !== undefined);
  if (bad.length > 0) return report.fail('refused', bad);
  const timeoutMs = request.timeoutMs ?? 300_000;

  const before = await connection.status();
  if (!before.ok) return report.fail(outcomeOfAttempts(before.attempts), [before.error]);
  const pre = preflightFailover(before.snapshot, resource, node);
  if (!pre.ok) return report.fail('refused', pre.problems, before.snapshot);
  report.step(`pre-flight passed: moving ${pre.move}${pre.together.length > 1 ? ` (runs with ${pre.together.filter((t) => t !== pre.move).join(', ')})` : ''}`);
  if (pre.alreadyThere) {
    report.step(`${pre.together.join(', ')} already running on ${node}`);
    return report.done(before.snapshot);
  }

  const pcs = await connection.pcsVersion();
  if (pcs.version === undefined) return report.commandFailed(pcs.result ?? { node: '?', exitCode: -1, stdout: '', stderr: 'pcs --version gave no version', durationMs: 0 }, 'pcs --version');
  report.step(`pcs ${pcs.version}: ${pcsProfile(pcs.version).moveClearsItself ? 'move removes its own constraint' : 'move, wait, then clear'}`);

  const argv = moveArgv(pcs.version, pre.move, node, timeoutMs / 1000);
  const moved = await connection.run({ argv, timeoutMs: timeoutMs + 30_000 });
  report.command(moved, argv);
  if (moved.failure || moved.exitCode !== 0) {
    // What the cluster did is read afresh (a lost connection may have left the move under way or done).
    let after = await connection.status();
    if (after.ok && after.snapshot.leftovers.some((l) => l.resource === pre.move && l.kind === 'prefer')) {
      const clear = clearArgv(pre.move);
      report.command(await connection.run({ argv: clear }), clear);
      after = await connection.status();
    }
    const now = after.ok ? whereNow(after.snapshot, pre.together, node) : `the status after it could not be read: ${after.error}`;
    return report.commandFailed(moved, 'pcs resource move', after.ok ? after.snapshot : undefined, [now]);
  }

  if (!pcsProfile(pcs.version).moveClearsItself) {
    const there = await awaitState(connection, clock, `${pre.together.join(', ')} to start on ${node}`, arrived(pre.together, node), timeoutMs);
    const clear = clearArgv(pre.move);
    const cleared = await connection.run({ argv: clear });
    report.command(cleared, clear);
    if (!there.ok) return report.fail('failed', [there.error], there.snapshot);
    if (cleared.failure || cleared.exitCode !== 0) return report.commandFailed(cleared, 'pcs resource clear', there.snapshot);
  }

  const verified = await awaitState(connection, clock, `${pre.together.join(', ')} Started on ${node} with no cli-prefer left`,
    both(arrived(pre.together, node), noLeftover(pre.together)), timeoutMs);
  if (!verified.ok) return report.fail('failed', [verified.error], verified.snapshot);
  report.step(`verified: ${pre.together.join(', ')} Started on ${node}, no move constraint left`);
  return report.done(verified.snapshot);
}
