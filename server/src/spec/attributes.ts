/**
 * The attribute vocabularies of spec-format.md: meta attributes, operation keys,
 * clone options and cluster properties. Each set names the code for an unknown name
 * and the code for a bad value, so the checks, hover, completion and the JSON Schema
 * all read one table. A duration that does not parse is `bad-duration` everywhere.
 */
import { DiagnosticCode } from './codes';
import { DEPRECATED_ROLES, ROLES } from './vocabulary';

/** `host` and `user`: what ssh is told to dial and log in as (vocabulary/endpoints.ts). */
export type ValueKind = 'string' | 'integer' | 'boolean' | 'duration' | 'score' | 'enum' | 'host' | 'user';

export interface ValueRule {
  readonly kind: ValueKind;
  /** For enum: the accepted values (case as Pacemaker writes them). */
  readonly values?: readonly string[];
  /** Accepted but deprecated values, with the one to use instead. */
  readonly deprecated?: Readonly<Record<string, string>>;
  readonly min?: number;
  readonly max?: number;
  /** For integer: INFINITY (and +INFINITY) is accepted too. */
  readonly infinity?: boolean;
  /** For enum: any case is accepted, as Pacemaker reads the value (`started` is Started). */
  readonly anyCase?: boolean;
}

export interface AttributeDef {
  readonly name: string;
  readonly doc: string;
  readonly value: ValueRule;
  /** Another name Pacemaker knows for the same thing. */
  readonly alias?: string;
}

export interface AttributeSet {
  readonly id: 'meta' | 'op' | 'clone' | 'property';
  /** What a person calls one entry, for messages: "meta attribute", "operation option", … */
  readonly noun: string;
  readonly unknownCode: DiagnosticCode;
  readonly valueCode: DiagnosticCode;
  readonly attributes: readonly AttributeDef[];
  get(name: string): AttributeDef | undefined;
}

function set(id: AttributeSet['id'], noun: string, unknownCode: DiagnosticCode, valueCode: DiagnosticCode,
  attributes: AttributeDef[]): AttributeSet {
  const byName = new Map(attributes.map((a) => [a.name, a]));
  return { id, noun, unknownCode, valueCode, attributes, get: (n) => byName.get(n) };
}

const bool: ValueRule = { kind: 'boolean' };
const duration: ValueRule = { kind: 'duration' };
const integer: ValueRule = { kind: 'integer' };
const enumOf = (values: readonly string[], deprecated?: Readonly<Record<string, string>>): ValueRule => ({ kind: 'enum', values, deprecated });
/**
 * The fixed words of a meta attribute or cluster property. These are name/value pairs
 * in the CIB, which Pacemaker compares without regard to case; operation and
 * constraint words are XML attributes the CIB schema takes only as written.
 */
const wordOf = (values: readonly string[], deprecated?: Readonly<Record<string, string>>): ValueRule => ({ kind: 'enum', values, deprecated, anyCase: true });

export const META_ATTRIBUTES = set('meta', 'meta attribute', 'unknown-meta', 'bad-meta-value', [
  { name: 'migration-threshold', value: { kind: 'integer', min: 0, infinity: true },
    doc: 'How many failures on a node move the resource away from it. 1 moves Stash after its first failure; 0 or INFINITY never move it for failures.' },
  { name: 'resource-stickiness', value: { kind: 'score' },
    doc: 'How much the resource prefers to stay where it runs. A positive value keeps Stash from moving back when a failed node returns.' },
  { name: 'priority', value: integer,
    doc: 'When not everything can run, resources with a higher priority are kept running first.' },
  { name: 'target-role', value: wordOf(ROLES, DEPRECATED_ROLES),
    doc: 'The state the cluster keeps the resource in: Started, Stopped, or for promotable clones Promoted/Unpromoted.' },
  { name: 'is-managed', value: bool,
    doc: 'false: the cluster watches the resource but neither starts nor stops it.' },
  { name: 'maintenance', value: bool,
    doc: 'true: the resource is unmanaged and not monitored, for work by hand.' },
  { name: 'allow-migrate', value: bool,
    doc: 'Allow live migration (migrate_to/migrate_from) instead of stop and start, where the agent supports it.' },
  { name: 'critical', value: bool,
    doc: 'Whether the resource counts when the cluster decides where its colocated resources may run.' },
  { name: 'failure-timeout', value: duration,
    doc: 'After this long without a new failure, old failures are forgotten and the node may host the resource again.' },
  { name: 'multiple-active', value: wordOf(['block', 'stop_only', 'stop_start', 'stop_unexpected']),
    doc: 'What the cluster does when it finds the resource active on more than one node.' },
  { name: 'requires', value: wordOf(['nothing', 'quorum', 'fencing', 'unfencing']),
    doc: 'What must hold before the resource may start: nothing, quorum, fencing of lost nodes, or unfencing of this node.' },
]);

export const OP_OPTIONS = set('op', 'operation option', 'bad-op-option', 'bad-op-option', [
  { name: 'interval', value: duration, doc: 'How often a recurring operation (monitor) runs; 0 for a one-shot operation.' },
  { name: 'timeout', value: duration, doc: 'How long the operation may take before the cluster counts it as failed.' },
  { name: 'start-delay', value: duration, doc: 'Wait this long before the first run of the operation.' },
  { name: 'interval-origin', value: duration, doc: 'The point in time recurring runs are aligned to.' },
  { name: 'on-fail', value: enumOf(['ignore', 'block', 'stop', 'restart', 'standby', 'fence', 'demote']),
    doc: 'What the cluster does when this operation fails.' },
  { name: 'role', value: enumOf(ROLES, DEPRECATED_ROLES),
    doc: 'Run this operation only while the resource is in this role (for separate monitors of promoted and unpromoted instances).' },
  { name: 'enabled', value: bool, doc: 'false: the operation is defined but does not run.' },
  { name: 'record-pending', value: bool, doc: 'Record the operation in the status section while it is still running.' },
  { name: 'OCF_CHECK_LEVEL', value: { kind: 'integer', min: 0 }, doc: 'The depth of a monitor: higher levels check more, if the agent supports them.' },
]);

export const CLONE_OPTIONS = set('clone', 'clone option', 'unknown-meta', 'bad-meta-value', [
  { name: 'clone-max', value: { kind: 'integer', min: 0 }, doc: 'How many copies run in the whole cluster (default: one per node).' },
  { name: 'clone-node-max', value: { kind: 'integer', min: 0 }, doc: 'How many copies may run on one node (default 1).' },
  { name: 'promoted-max', value: { kind: 'integer', min: 0 }, doc: 'How many copies may be promoted at once (promotable clones; default 1).' },
  { name: 'promoted-node-max', value: { kind: 'integer', min: 0 }, doc: 'How many promoted copies one node may hold (default 1).' },
  { name: 'notify', value: bool, doc: 'Tell every copy before and after any copy starts or stops (drbd needs true).' },
  { name: 'interleave', value: bool, doc: 'Let each copy depend only on the copy of the other clone on its own node.' },
  { name: 'globally-unique', value: bool, doc: 'true: each copy is different from the others (e.g. a cloned IP with hash buckets).' },
  { name: 'ordered', value: bool, doc: 'Start copies one after another instead of in parallel.' },
]);

export const CLUSTER_PROPERTIES = set('property', 'cluster property', 'unknown-property', 'bad-property-value', [
  { name: 'stonith-enabled', alias: 'fencing-enabled', value: bool,
    doc: 'Whether failed nodes are fenced. Without fencing a split brain can start Stash on two nodes against one home.' },
  { name: 'fencing-enabled', alias: 'stonith-enabled', value: bool,
    doc: 'The name Pacemaker 3.0.2 and later give to stonith-enabled: whether failed nodes are fenced.' },
  { name: 'symmetric-cluster', value: bool, doc: 'true: resources may run anywhere unless a constraint says otherwise; false: only where a location constraint allows.' },
  { name: 'maintenance-mode', value: bool, doc: 'true: the whole cluster stops managing and monitoring resources.' },
  { name: 'start-failure-is-fatal', value: bool, doc: 'true: a failed start bans the resource from that node at once.' },
  { name: 'stop-all-resources', value: bool, doc: 'true: every resource is stopped.' },
  { name: 'no-quorum-policy', value: wordOf(['stop', 'freeze', 'ignore', 'demote', 'suicide']),
    doc: 'What a partition without quorum does. A two-node cluster with corosync two_node handles quorum itself.' },
  { name: 'stonith-timeout', value: duration, doc: 'How long a fencing action may take.' },
  { name: 'cluster-recheck-interval', value: duration, doc: 'How often the cluster re-evaluates its state even without events (failure timeouts, time-based rules).' },
  { name: 'shutdown-lock', value: bool, doc: 'Keep resources of a cleanly stopped node locked to it until it returns.' },
  { name: 'shutdown-lock-limit', value: duration, doc: 'How long a shutdown lock holds before resources may move anyway.' },
  { name: 'placement-strategy', value: wordOf(['default', 'utilization', 'minimal', 'balanced']),
    doc: 'How node utilization attributes weigh in placing resources.' },
]);
