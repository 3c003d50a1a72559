/**
 * Apply, in the two halves a front end needs between them to ask the user: `planSpec`
 * reads the live cluster (one round trip, pcs's version included) and makes the plan;
 * `runPlan` pushes it as one CIB change on the node the plan was read from, refusing
 * when the CIB changed since; waits for the cluster to settle; diffs again against
 * the CIB the push left; and takes one status to say where everything runs. Both
 * take a connection (the CLI's, or the extension's warm one) and print nothing.
 */
import { CorosyncView, DesiredCluster, diffClusters, Difference, LiveCluster, readCib } from '../../../server/src';
import { Clock } from '../remote/processRunner';
import { RemoteFailure } from '../remote/sshFailure';
import { ApplyPlan, planApply } from './applyPlan';
import { pushPlan } from './applyPush';
import { ClusterConnection } from './clusterConnection';
import { readLive } from './liveQuery';
import { FailureOutcome, OperationReport, outcomeOfFailure } from './operationReport';
import { pcsSyntax } from './pcsConfigArgv';
import { ClusterSnapshot } from './snapshot';
import { allPrimitives } from './snapshotQueries';

export type Planned =
  | { readonly ok: true; readonly plan: ApplyPlan; readonly live: LiveCluster; readonly corosync?: CorosyncView; readonly node: string }
  | { readonly ok: false; readonly outcome: FailureOutcome; readonly error: string; readonly failure?: RemoteFailure };

export interface PlanRequest {
  readonly prune?: boolean;
  /** The node to read from and push on; default: the first that answers. */
  readonly node?: string;
}

/** Reads the live cluster and plans what makes it hold what `spec` states. */
export async function planSpec(connection: ClusterConnection, spec: DesiredCluster, request: PlanRequest = {}): Promise<Planned> {
  const answer = await readLive(connection, { pcsVersion: true, ...(request.node ? { node: request.node } : {}) });
  if (!answer.ok) {
    return { ok: false, outcome: answer.failure ? outcomeOfFailure(answer.failure) : 'failed', error: answer.error, ...(answer.failure ? { failure: answer.failure } : {}) };
  }
  if (answer.pcsVersion === undefined) return { ok: false, outcome: 'failed', error: `${answer.node}: pcs --version gave no version: is pcs installed?` };
  const differences = diffClusters(spec, answer.live);
  const plan = planApply(spec, answer.live, differences, { syntax: pcsSyntax(answer.pcsVersion), prune: request.prune === true });
  return { ok: true, plan, live: answer.live, ...(answer.corosync ? { corosync: answer.corosync } : {}), node: answer.node };
}

/** Where a resource of the spec runs after the apply: "Started on node02". */
export interface Placement {
  readonly resource: string;
  readonly where: string;
}

/** An operation's report, with what apply adds: whether it pushed, what still differs, where everything runs. */
export interface ApplyReport extends OperationReport {
  /** Whether a change reached the cluster. */
  readonly pushed: boolean;
  /** The differences after the push (what the plan was made from, when nothing was pushed). */
  readonly after: readonly Difference[];
  readonly placement: readonly Placement[];
}

/** Where each resource of the spec runs in a snapshot, by role: "Started on node02", "Promoted on node01; Unpromoted on node02". */
export function placementOf(spec: DesiredCluster, snapshot: ClusterSnapshot): Placement[] {
  const prims = allPrimitives(snapshot.resources);
  return spec.resources.map((r) => {
    const byRole = new Map<string, string[]>();
    for (const p of prims.filter((x) => x.id === r.id && x.active)) byRole.set(p.role, [...(byRole.get(p.role) ?? []), ...p.nodes]);
    const where = [...byRole].map(([role, nodes]) => `${role} on ${nodes.join(', ')}`).join('; ');
    return { resource: r.id, where: where || 'not running' };
  });
}

/** Pushes a plan made by planSpec, then checks what came of it. */
export async function runPlan(connection: ClusterConnection, spec: DesiredCluster, planned: Extract<Planned, { ok: true }>, clock: Clock,
  settleSec: number, onStep?: (step: string) => void): Promise<ApplyReport> {
  const started = clock.now();
  const steps: string[] = [];
  const step = (s: string): void => { steps.push(s); onStep?.(s); };
  const { plan } = planned;
  const report = (r: Omit<ApplyReport, 'elapsedMs' | 'steps' | 'operation'>): ApplyReport => ({ ...r, operation: 'apply', elapsedMs: clock.now() - started, steps });
  const unpushed = (outcome: FailureOutcome, problem: string): ApplyReport =>
    report({ ok: false, outcome, pushed: false, problems: [problem, 'Nothing was changed on the cluster.'], after: plan.differences, placement: [] });
  let after: readonly Difference[] = plan.differences;
  let pushed = false;
  if (plan.steps.length > 0) {
    step(`${planned.node}: ${plan.steps.length} pcs commands on a copy of the CIB (version ${plan.version.adminEpoch}:${plan.version.epoch}), then one push`);
    const outcome = await pushPlan(connection, plan, planned.node, settleSec);
    switch (outcome.kind) {
      case 'changed':
        return unpushed('refused', `${outcome.node}: the CIB changed since the plan was made (version ${plan.version.adminEpoch}:${plan.version.epoch}, now ${outcome.seen}${outcome.stage === 'after-commands' ? ', while the plan ran on the copy' : ''}): run apply again to plan against it`);
      case 'step-failed':
        return unpushed('failed', `${outcome.node}: command ${outcome.step} failed on the copy: ${outcome.argv.join(' ')}${outcome.output.trim() ? `\n${outcome.output.trim()}` : ''}`);
      case 'push-failed':
        return unpushed('failed', `${outcome.node}: pcs cluster cib-push failed${outcome.output.trim() ? `: ${outcome.output.trim()}` : ''}`);
      case 'failed':
        return report({ ok: false, outcome: outcome.failure ? outcomeOfFailure(outcome.failure) : 'failed', pushed: false, problems: [outcome.error], after: plan.differences, placement: [] });
      case 'pushed':
        break;
    }
    pushed = true;
    step(`${outcome.node}: pushed as one change; ${outcome.settled ? 'the cluster settled' : `the cluster did not settle in ${settleSec} s`}`);
    if (!outcome.settled) step(outcome.settleOutput.trim());
    const read = outcome.cib === undefined ? undefined : readCib(outcome.cib, planned.corosync);
    if (read?.ok) after = diffClusters(spec, read.live);
    else {
      const again = await readLive(connection, { node: planned.node });
      after = again.ok ? diffClusters(spec, again.live) : after;
    }
  }
  const status = await connection.status();
  const placement = status.ok ? placementOf(spec, status.snapshot) : [];
  // Live-only items kept on purpose (no --prune) do not make the apply fail; what is left to the admin and anything else still open do.
  const kept = new Set(plan.kept.map((d) => d.path));
  const handMade = new Set(plan.manual.map((d) => d.path));
  const open = after.filter((d) => (d.kind === 'add' || d.kind === 'change' || d.kind === 'live-only') && !kept.has(d.path) && !handMade.has(d.path));
  const unsettled = pushed && !steps.some((s) => s.endsWith('the cluster settled'));
  const problems = [
    ...(open.length > 0 ? [`${open.length} differences remain after the push: ${open.map((d) => d.path).join(', ')}`] : []),
    ...(plan.manual.length > 0 ? [`${plan.manual.length} differences apply leaves to you: ${plan.manual.map((d) => `${d.path} (${d.hint ?? 'by hand'})`).join('; ')}`] : []),
    ...(unsettled ? [`the cluster did not settle within ${settleSec} s`] : []),
    ...(status.ok ? [] : [`no status after the apply: ${status.error}`]),
  ];
  const ok = open.length === 0 && plan.manual.length === 0 && !unsettled;
  return report({ ok, outcome: ok ? 'done' : 'failed', pushed, problems, after, placement, ...(status.ok ? { snapshot: status.snapshot } : {}) });
}
