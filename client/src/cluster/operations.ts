/**
 * The cluster operations as data: one row per operation, saying what it acts on
 * (the cluster, a node or a resource), its title and one-line summary, whether it
 * moves or stops something (so a front end asks first), which names it needs, and
 * the function that runs it and returns its report. The CLI's subcommands and
 * their help are generated from these rows, and so are the editor's commands and
 * menus; neither holds a second list. Nothing here prints or asks anything.
 */
import { Clock } from '../remote/processRunner';
import { ClusterConnection } from './clusterConnection';
import { deployAgent, NodeDeploy } from './deployAgent';
import { failover } from './failover';
import { FailureOutcome, OperationReport, StepListener } from './operationReport';
import { cleanupResource, clearResource, setEnabled, setStandby } from './simpleOps';

export type OperationId = 'failover' | 'standby' | 'unstandby' | 'cleanup' | 'enable' | 'disable' | 'clear' | 'deploy-agent';

/** What an operation acts on, which is also where a front end offers it. */
export type OperationSubject = 'cluster' | 'node' | 'resource';

/** The names an operation can be given; which ones a row needs is in `requires` and `accepts`. */
export interface OperationInput {
  readonly resource?: string;
  readonly node?: string;
  /** How long a move may take, verification included. */
  readonly timeoutMs?: number;
  /** The agent's bytes, for deploy-agent. */
  readonly agent?: Uint8Array;
}

export type OperationParam = keyof OperationInput;

/** deploy-agent's report: the common one, plus what happened on each node. */
export interface DeployOperationReport extends OperationReport {
  readonly sha256: string;
  readonly nodes: readonly NodeDeploy[];
}

export interface OperationRow {
  readonly id: OperationId;
  readonly subject: OperationSubject;
  /** As a menu shows it: "Fail Over…". */
  readonly title: string;
  /** One line: what it does. */
  readonly summary: string;
  /** A few sentences for help: how it does it and how it checks the result. */
  readonly description: string;
  /** It moves or stops a resource: a front end confirms first, and read-only mode refuses it. */
  readonly disruptive: boolean;
  /** Names it cannot run without, in the order a command line gives them. */
  readonly requires: readonly ('resource' | 'node')[];
  /** What it takes besides: `node` narrows cleanup and clear to one node. */
  readonly accepts: readonly OperationParam[];
  run(connection: ClusterConnection, input: OperationInput, clock: Clock, onStep?: StepListener): Promise<OperationReport>;
}

/** A name the row requires; the front ends check `requires` first, so a miss is a bug of theirs. */
function need(input: OperationInput, name: 'resource' | 'node'): string {
  const value = input[name];
  if (value === undefined) throw new Error(`operation input: ${name} is required`);
  return value;
}

function outcomeOfDeploy(nodes: readonly NodeDeploy[]): FailureOutcome {
  const failed = nodes.filter((n) => !n.ok);
  if (failed.some((n) => n.failureKind === 'host-key-unknown' || n.failureKind === 'host-key-changed')) return 'host-key';
  if (failed.length > 0 && failed.every((n) => n.step === 'ssh')) return 'unreachable';
  return 'failed';
}

async function runDeploy(connection: ClusterConnection, input: OperationInput, clock: Clock, onStep?: StepListener): Promise<DeployOperationReport> {
  if (input.agent === undefined) throw new Error('operation input: agent is required');
  const r = await deployAgent(connection, Buffer.from(input.agent), clock,
    onStep ? { onNode: (n) => onStep(`${n.node}: ${n.ok ? 'installed' : `FAILED at ${n.step}`}`) } : {});
  const failed = r.nodes.filter((n) => !n.ok);
  return {
    ok: r.ok, outcome: r.ok ? 'done' : outcomeOfDeploy(r.nodes), operation: 'deploy the Stash agent',
    elapsedMs: r.elapsedMs, steps: r.nodes.map((n) => `${n.node}: ${n.step}: ${n.message}`),
    problems: failed.map((n) => `${n.node}: ${n.message}`), sha256: r.sha256, nodes: r.nodes,
  };
}

export const OPERATIONS: readonly OperationRow[] = [
  {
    id: 'failover', subject: 'resource', title: 'Fail Over…', disruptive: true, requires: ['resource', 'node'], accepts: ['timeoutMs'],
    summary: 'move a resource, and what runs with it, to a node (pre-flight, move, verify)',
    description: 'Moves RESOURCE (with its group and whatever must run with it) to NODE after a pre-flight check, the way the\n' +
      'installed pcs does it right, then verifies it runs there and no move constraint is left.',
    run: (c, i, clock, onStep) => failover(c, { resource: need(i, 'resource'), node: need(i, 'node'), ...(i.timeoutMs ? { timeoutMs: i.timeoutMs } : {}) }, clock, onStep),
  },
  {
    id: 'standby', subject: 'node', title: 'Standby', disruptive: true, requires: ['node'], accepts: [],
    summary: 'put a node in standby', description: 'Puts NODE in standby: it keeps running but hosts no resources.',
    run: (c, i, clock, onStep) => setStandby(c, need(i, 'node'), true, clock, onStep),
  },
  {
    // The node may take its resources back when they do not stick where they are.
    id: 'unstandby', subject: 'node', title: 'Unstandby', disruptive: true, requires: ['node'], accepts: [],
    summary: 'take a node out of standby', description: 'Takes NODE out of standby.',
    run: (c, i, clock, onStep) => setStandby(c, need(i, 'node'), false, clock, onStep),
  },
  {
    id: 'cleanup', subject: 'resource', title: 'Clean Up', disruptive: false, requires: ['resource'], accepts: ['node'],
    summary: "clear a resource's failures and fail counts",
    description: "Clears RESOURCE's failed operations and fail counts (on --node NODE only, if given).",
    run: (c, i, clock, onStep) => cleanupResource(c, need(i, 'resource'), clock, i.node, onStep),
  },
  {
    id: 'enable', subject: 'resource', title: 'Enable', disruptive: false, requires: ['resource'], accepts: [],
    summary: 'let the cluster start a resource', description: 'Lets the cluster start RESOURCE (target-role Started).',
    run: (c, i, clock, onStep) => setEnabled(c, need(i, 'resource'), true, clock, onStep),
  },
  {
    id: 'disable', subject: 'resource', title: 'Disable', disruptive: true, requires: ['resource'], accepts: [],
    summary: 'stop a resource and keep it stopped', description: 'Stops RESOURCE and keeps it stopped (target-role Stopped).',
    run: (c, i, clock, onStep) => setEnabled(c, need(i, 'resource'), false, clock, onStep),
  },
  {
    // Without its move constraint a resource may go back to where it ran before.
    id: 'clear', subject: 'resource', title: 'Clear Move/Ban Constraints', disruptive: true, requires: ['resource'], accepts: ['node'],
    summary: 'remove the move/ban constraints of a resource',
    description: 'Removes the move/ban constraints of RESOURCE (on --node NODE only, if given).',
    run: (c, i, clock, onStep) => clearResource(c, need(i, 'resource'), clock, i.node, onStep),
  },
  {
    id: 'deploy-agent', subject: 'cluster', title: 'Deploy the Stash Agent', disruptive: false, requires: [], accepts: ['agent'],
    summary: 'install the Stash agent on every node, checked, keeping the previous one',
    description: 'Installs the Stash agent as /usr/lib/ocf/resource.d/heartbeat/stash on every node in\n' +
      'parallel (sha256-checked, atomic, the old one kept as stash.previous), then checks that\n' +
      'crm_resource --show-metadata ocf:heartbeat:stash answers with its meta-data. A node\n' +
      'that fails keeps its previous agent.',
    run: runDeploy,
  },
];

/** The row of an operation id. */
export function operation(id: OperationId): OperationRow {
  const row = OPERATIONS.find((o) => o.id === id);
  if (row === undefined) throw new Error(`no operation '${id}'`);
  return row;
}

/**
 * Runs a row with the names it was given. A required name that is missing is a
 * refusal in the report, like any other name the operation cannot work with.
 */
export function runOperation(row: OperationRow, connection: ClusterConnection, input: OperationInput, clock: Clock,
  onStep?: StepListener): Promise<OperationReport> {
  const missing = [...row.requires, ...(row.id === 'deploy-agent' ? ['agent' as const] : [])].filter((n) => input[n] === undefined);
  if (missing.length > 0) {
    return Promise.resolve({
      ok: false, outcome: 'refused', operation: row.id, elapsedMs: 0, steps: [],
      problems: [`${row.id} needs ${missing.map((m) => (m === 'agent' ? 'the agent' : `a ${m}`)).join(' and ')}`],
    });
  }
  return row.run(connection, input, clock, onStep);
}

/** Whether a report is deploy-agent's, with its per-node results. */
export function isDeployReport(report: OperationReport): report is DeployOperationReport {
  return 'nodes' in report && 'sha256' in report;
}
