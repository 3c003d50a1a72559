/**
 * One immutable picture of a cluster, taken by one status query: nodes,
 * resources (groups and clones with their members), failed operations, fail
 * counts against migration-threshold, constraints (with the leftovers of
 * `pcs resource move/ban`), quorum, and Stash's own /status answer beside its
 * resource. Views (the tree, the CLI) are pure functions of it; nothing here
 * does I/O.
 */
import type { CrmMonStatus } from './crmMonXml';

export type NodeState = 'online' | 'offline' | 'standby' | 'maintenance' | 'unclean' | 'pending' | 'shutting-down';

export interface NodeStatus {
  readonly name: string;
  readonly id: string;
  readonly online: boolean;
  readonly standby: boolean;
  /** Put in standby by the cluster because a resource failed there (on-fail=standby). */
  readonly standbyOnFail: boolean;
  readonly maintenance: boolean;
  readonly pending: boolean;
  readonly unclean: boolean;
  readonly shutdown: boolean;
  readonly isDc: boolean;
  readonly resourcesRunning: number;
  /** member, remote, ping or unknown. */
  readonly type: string;
  /** The one word a person wants first, worst condition winning. */
  readonly state: NodeState;
}

export interface PrimitiveStatus {
  readonly kind: 'primitive';
  readonly id: string;
  /** e.g. ocf:heartbeat:stash */
  readonly agent: string;
  /** Started, Stopped, Promoted, Unpromoted, Starting, Stopping, … (Master/Slave read as Promoted/Unpromoted). */
  readonly role: string;
  readonly targetRole?: string;
  readonly active: boolean;
  readonly managed: boolean;
  readonly failed: boolean;
  readonly orphaned: boolean;
  readonly blocked: boolean;
  readonly failureIgnored: boolean;
  /** Nodes it is active on (more than one means it runs where it must not, for a primitive that is not a clone instance). */
  readonly nodes: readonly string[];
  /** The group or clone it belongs to. */
  readonly parent?: string;
}

export interface GroupStatus {
  readonly kind: 'group';
  readonly id: string;
  readonly managed: boolean;
  readonly disabled: boolean;
  readonly members: readonly PrimitiveStatus[];
  /** The clone it belongs to, for a cloned group. */
  readonly parent?: string;
}

export interface CloneStatus {
  readonly kind: 'clone';
  readonly id: string;
  readonly promotable: boolean;
  readonly unique: boolean;
  readonly managed: boolean;
  readonly disabled: boolean;
  readonly failed: boolean;
  readonly targetRole?: string;
  /** One entry per instance (active or not); a cloned group has group instances. */
  readonly instances: readonly (PrimitiveStatus | GroupStatus)[];
}

export type ResourceStatus = PrimitiveStatus | GroupStatus | CloneStatus;

/** A failed operation as crm_mon lists it. */
export interface OperationFailure {
  readonly resource: string;
  readonly node: string;
  /** monitor, start, stop, … */
  readonly operation: string;
  readonly intervalMs: number;
  readonly exitCode: number;
  /** e.g. "not running", "error" */
  readonly exitStatus: string;
  /** What the agent said (ocf_exit_reason). */
  readonly exitReason: string;
  /** Execution status, e.g. complete, Timed Out. */
  readonly status: string;
  readonly lastRcChange?: string;
}

/** How often a resource failed on a node, against the threshold that moves it away. */
export interface FailCount {
  readonly resource: string;
  readonly node: string;
  readonly failCount: number;
  /** Pacemaker's INFINITY is 1000000. */
  readonly migrationThreshold: number;
  readonly lastFailure?: string;
  /** True when the resource may no longer run on this node until cleaned up. */
  readonly thresholdReached: boolean;
}

export interface LocationConstraint {
  readonly id: string;
  readonly resource: string;
  readonly node?: string;
  readonly score?: string;
  readonly role?: string;
  /** True when the constraint uses rules instead of a node and score. */
  readonly hasRule: boolean;
}

export interface ColocationConstraint {
  readonly id: string;
  /** The dependent resource (placed relative to `withResource`). */
  readonly resource: string;
  readonly withResource: string;
  readonly score: string;
  readonly role?: string;
  readonly withRole?: string;
}

export interface OrderConstraint {
  readonly id: string;
  readonly first: string;
  readonly then: string;
  readonly kind?: string;
}

export interface Constraints {
  readonly locations: readonly LocationConstraint[];
  readonly colocations: readonly ColocationConstraint[];
  readonly orders: readonly OrderConstraint[];
  /** Resource sets are listed by id only: they are not resolved into chains. */
  readonly setConstraintIds: readonly string[];
}

/** A location constraint left behind by `pcs resource move` (cli-prefer-*) or `ban` (cli-ban-*). */
export interface LeftoverConstraint {
  readonly id: string;
  readonly kind: 'prefer' | 'ban';
  readonly resource: string;
  readonly node?: string;
  readonly score?: string;
}

/** Stash's own view of itself, from its status page on the node that runs it. */
export interface StashAppStatus {
  readonly resource: string;
  readonly url: string;
  /** The node asked, when the answer counts (Stash runs there, or the URL is not node-local). */
  readonly node?: string;
  /** RUNNING, STARTING, ERROR, … as Stash reports it; absent when there was no usable answer. */
  readonly state?: string;
  readonly httpStatus?: number;
  /** Why there is no state: Stash not running, connection refused, not JSON, … */
  readonly error?: string;
}

export interface ClusterOptions {
  readonly stonithEnabled?: boolean;
  readonly symmetricCluster?: boolean;
  readonly noQuorumPolicy?: string;
  readonly maintenanceMode?: boolean;
  readonly stopAllResources?: boolean;
}

export interface ClusterSnapshot extends Omit<CrmMonStatus, 'format' | 'crmMonVersion' | 'bans'> {
  /** ISO time the answer arrived. */
  readonly takenAt: string;
  /** The node the query ran on. */
  readonly queriedNode: string;
  /** Pacemaker's release, e.g. 2.1.5: the queried node's crm_mon on 1.1, the DC's on 2.x and later ('unknown' without a DC). */
  readonly pacemakerVersion: string;
  readonly constraints: Constraints;
  readonly leftovers: readonly LeftoverConstraint[];
  readonly stash: readonly StashAppStatus[];
  /** Things that went wrong while reading that did not stop the snapshot (a node unreachable, a section missing). */
  readonly warnings: readonly string[];
}

/** Freezes an object graph, so a snapshot cannot be changed by a view by mistake. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}
