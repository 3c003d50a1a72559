/**
 * The single-command operations: standby and unstandby a node; cleanup,
 * enable, disable a resource; clear move/ban constraints. Each checks the names
 * against a fresh snapshot, runs the pcs command for the installed version, and
 * waits until the change shows in the cluster's status (the CIB change, not the
 * resources' reaction to it, which can take as long as a start timeout).
 */
import { badNodeName, badResourceId } from '../../../server/src';
import { Clock } from '../remote/processRunner';
import { awaitState, Check } from './awaitState';
import { ClusterConnection } from './clusterConnection';
import { outcomeOfAttempts, OperationReport, ReportBuilder, StepListener } from './operationReport';
import { cleanupArgv, clearArgv, enableArgv, standbyArgv } from './pcsArgv';
import { ClusterSnapshot } from './snapshot';
import { allPrimitives, findResource, nodeNamed } from './snapshotQueries';

const VERIFY_MS = 60_000;

interface Step {
  readonly operation: string;
  readonly names: readonly (string | undefined)[];
  /** A reason to refuse, given the snapshot before. */
  readonly refuse: (s: ClusterSnapshot) => string | undefined;
  readonly argv: (pcsVersion: string) => string[];
  readonly needsVersion: boolean;
  /** What the status must show afterwards. */
  readonly expect: { readonly what: string; readonly check: (s: ClusterSnapshot) => Check };
}

async function runStep(connection: ClusterConnection, clock: Clock, step: Step, onStep?: StepListener): Promise<OperationReport> {
  const report = new ReportBuilder(step.operation, () => clock.now(), onStep);
  const bad = step.names.filter((p) => p !== undefined);
  if (bad.length > 0) return report.fail('refused', bad);
  const before = await connection.status();
  if (!before.ok) return report.fail(outcomeOfAttempts(before.attempts), [before.error]);
  const refusal = step.refuse(before.snapshot);
  if (refusal) return report.fail('refused', [refusal], before.snapshot);
  report.step(`checked: ${step.operation} can be done`);
  let version = '0.11';
  if (step.needsVersion) {
    const pcs = await connection.pcsVersion();
    if (pcs.version === undefined) return report.commandFailed(pcs.result ?? { node: '?', exitCode: -1, stdout: '', stderr: '', durationMs: 0 }, 'pcs --version');
    version = pcs.version;
  }
  const argv = step.argv(version);
  const result = await connection.run({ argv });
  report.command(result, argv);
  if (result.failure || result.exitCode !== 0) return report.commandFailed(result, argv.slice(0, 3).join(' '), before.snapshot);
  const seen = await awaitState(connection, clock, step.expect.what, step.expect.check, VERIFY_MS);
  if (!seen.ok) return report.fail('failed', [seen.error], seen.snapshot);
  report.step(`verified: ${step.expect.what}`);
  return report.done(seen.snapshot);
}

function noSuchResource(s: ClusterSnapshot, id: string): string | undefined {
  return findResource(s, id) ? undefined : `the cluster has no resource '${id}'`;
}

function noSuchNode(s: ClusterSnapshot, name: string): string | undefined {
  return nodeNamed(s, name) ? undefined : `the cluster has no node '${name}' (nodes: ${s.nodes.map((n) => n.name).join(', ')})`;
}

function check(done: boolean, seen: string): Check {
  return done ? { done: true } : { done: false, seen };
}

/** `pcs node standby|unstandby NODE`, verified by the node's standby flag. */
export function setStandby(connection: ClusterConnection, node: string, on: boolean, clock: Clock, onStep?: StepListener): Promise<OperationReport> {
  return runStep(connection, clock, {
    operation: `${on ? 'standby' : 'unstandby'} ${node}`, names: [badNodeName(node)], needsVersion: true,
    refuse: (s) => noSuchNode(s, node),
    argv: (v) => standbyArgv(v, node, on),
    expect: { what: `${node} ${on ? 'in' : 'out of'} standby`, check: (s) => check(nodeNamed(s, node)?.standby === on, `${node} standby=${String(nodeNamed(s, node)?.standby)}`) },
  }, onStep);
}

/** `pcs resource cleanup RESOURCE [node]`, verified by its failures and fail counts being gone. */
export function cleanupResource(connection: ClusterConnection, resource: string, clock: Clock, node?: string, onStep?: StepListener): Promise<OperationReport> {
  return runStep(connection, clock, {
    operation: `cleanup ${resource}${node ? ` on ${node}` : ''}`, names: [badResourceId(resource), node === undefined ? undefined : badNodeName(node)],
    needsVersion: true, refuse: (s) => noSuchResource(s, resource) ?? (node === undefined ? undefined : noSuchNode(s, node)),
    argv: (v) => cleanupArgv(v, resource, node),
    expect: {
      what: `no failures of ${resource} recorded`,
      check: (s) => {
        const ids = new Set([resource, ...allPrimitives([findResource(s, resource)].filter((r) => r !== undefined)).map((p) => p.id)]);
        const left = [...s.failures.filter((f) => ids.has(f.resource)), ...s.failCounts.filter((f) => ids.has(f.resource))]
          .filter((f) => node === undefined || f.node === node);
        return check(left.length === 0, `${left.length} failure record(s) left`);
      },
    },
  }, onStep);
}

/** `pcs resource enable|disable RESOURCE`, verified by its target-role. */
export function setEnabled(connection: ClusterConnection, resource: string, enable: boolean, clock: Clock, onStep?: StepListener): Promise<OperationReport> {
  const stopped = (s: ClusterSnapshot): boolean => {
    const r = findResource(s, resource);
    if (r === undefined) return false;
    if (r.kind === 'clone' || r.kind === 'group') return r.disabled;
    return r.targetRole === 'Stopped';
  };
  return runStep(connection, clock, {
    operation: `${enable ? 'enable' : 'disable'} ${resource}`, names: [badResourceId(resource)], needsVersion: false,
    refuse: (s) => noSuchResource(s, resource),
    argv: () => enableArgv(resource, enable),
    expect: { what: `${resource} ${enable ? 'enabled' : 'disabled'}`, check: (s) => check(stopped(s) !== enable, `${resource} ${stopped(s) ? 'disabled' : 'enabled'}`) },
  }, onStep);
}

/** `pcs resource clear RESOURCE [node]`: removes cli-prefer/cli-ban constraints, verified by them being gone. */
export function clearResource(connection: ClusterConnection, resource: string, clock: Clock, node?: string, onStep?: StepListener): Promise<OperationReport> {
  const left = (s: ClusterSnapshot) => s.leftovers.filter((l) => l.resource === resource && (node === undefined || l.node === node));
  return runStep(connection, clock, {
    operation: `clear ${resource}${node ? ` on ${node}` : ''}`, names: [badResourceId(resource), node === undefined ? undefined : badNodeName(node)],
    needsVersion: false, refuse: (s) => noSuchResource(s, resource),
    argv: () => clearArgv(resource, node),
    expect: { what: `no move/ban constraint left for ${resource}`, check: (s) => check(left(s).length === 0, left(s).map((l) => l.id).join(', ')) },
  }, onStep);
}
