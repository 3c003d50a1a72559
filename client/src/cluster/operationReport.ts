/**
 * What an operation on the cluster reports back: whether it did what was asked,
 * what it did on the way (steps, for the output channel), why it refused or
 * failed (problems, for the user), how long it took, and the snapshot after.
 * Operations never throw for anything the cluster or the network does.
 */
import { RemoteResult } from '../remote/remoteCommand';
import { RemoteFailure } from '../remote/sshFailure';
import { NodeAttempt } from './clusterConnection';
import { ClusterSnapshot } from './snapshot';

/**
 * Why an operation did not succeed: `refused` by a pre-flight check or a name,
 * `failed` when a command or the verification failed, `unreachable` when no
 * node could be asked, `host-key` when ssh refused a node's host key.
 */
export type OutcomeKind = 'done' | FailureOutcome;
export type FailureOutcome = 'refused' | 'failed' | 'unreachable' | 'host-key';

export interface OperationReport {
  readonly ok: boolean;
  readonly outcome: OutcomeKind;
  /** e.g. "fail over stash to node02" */
  readonly operation: string;
  readonly elapsedMs: number;
  readonly steps: readonly string[];
  readonly problems: readonly string[];
  readonly snapshot?: ClusterSnapshot;
}

/** The outcome an ssh-level failure stands for. */
export function outcomeOfFailure(failure: RemoteFailure): FailureOutcome {
  if (failure.kind === 'host-key-unknown' || failure.kind === 'host-key-changed') return 'host-key';
  if (failure.kind === 'unreachable' || failure.kind === 'timeout' || failure.kind === 'auth-failed' ||
    failure.kind === 'ssh-error' || failure.kind === 'ssh-missing' || failure.kind === 'ssh-config') return 'unreachable';
  return 'failed';
}

/** The outcome when no node answered a status query: host-key when any node refused its key, else unreachable. */
export function outcomeOfAttempts(attempts: readonly NodeAttempt[]): FailureOutcome {
  const kinds = attempts.map((a): FailureOutcome => (a.failure ? outcomeOfFailure(a.failure) : 'failed'));
  if (kinds.includes('host-key')) return 'host-key';
  return kinds.every((k) => k === 'unreachable') ? 'unreachable' : 'failed';
}

/** Told each step as it happens (a progress notification shows them). */
export type StepListener = (step: string) => void;

/** Collects steps and times one operation. */
export class ReportBuilder {
  readonly steps: string[] = [];
  private readonly started: number;

  constructor(readonly operation: string, private readonly now: () => number, private readonly onStep?: StepListener) {
    this.started = now();
  }

  step(text: string): void {
    this.steps.push(text);
    this.onStep?.(text);
  }

  /** Records a command's result as a step. */
  command(result: RemoteResult, argv: readonly string[]): void {
    const status = result.failure ? result.failure.kind : `exit ${result.exitCode}`;
    this.step(`${result.node}: ${argv.join(' ')} → ${status} (${Math.round(result.durationMs)} ms)`);
  }

  done(snapshot?: ClusterSnapshot): OperationReport {
    return { ok: true, outcome: 'done', operation: this.operation, elapsedMs: this.now() - this.started, steps: this.steps, problems: [], ...(snapshot ? { snapshot } : {}) };
  }

  fail(outcome: FailureOutcome, problems: readonly string[], snapshot?: ClusterSnapshot): OperationReport {
    return { ok: false, outcome, operation: this.operation, elapsedMs: this.now() - this.started, steps: this.steps, problems, ...(snapshot ? { snapshot } : {}) };
  }

  /** A failed command: ssh failures by their kind, else pcs's own words; `more` follows (what the cluster looks like now). */
  commandFailed(result: RemoteResult, what: string, snapshot?: ClusterSnapshot, more: readonly string[] = []): OperationReport {
    if (result.failure) return this.fail(outcomeOfFailure(result.failure), [result.failure.message, ...more], snapshot);
    const said = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-5).join('\n');
    return this.fail('failed', [`${what} failed on ${result.node} (exit ${result.exitCode})${said ? `: ${said}` : ''}`, ...more], snapshot);
  }
}
