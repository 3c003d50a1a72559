/**
 * The structure of a cluster spec (spec-format.md "Keys") as data: which keys exist
 * where, what shape their values take, which are required, and a line of help for
 * each. The structure checks walk this table; hover and completion read it; the JSON
 * Schema is generated from it. Nothing else restates the format.
 */
import { AttributeSet, CLONE_OPTIONS, CLUSTER_PROPERTIES, META_ATTRIBUTES, OP_OPTIONS, ValueRule } from './attributes';
import { DiagnosticCode } from './codes';
import { DEPRECATED_ROLES, MAX_PORT, ROLES } from './vocabulary';
import { RELEASE_LINE_INFO, RELEASE_LINES } from './vocabulary/releases';

export type Shape =
  /** Any scalar, read as text. */
  | { readonly kind: 'string' }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number }
  /** A scalar checked by a value rule, reporting `code` when it fails. */
  | { readonly kind: 'value'; readonly rule: ValueRule; readonly code: DiagnosticCode }
  /** A scalar naming a resource/group or a node. */
  | { readonly kind: 'ref'; readonly to: 'resource' | 'node' }
  /** A scalar naming an agent. */
  | { readonly kind: 'agent' }
  /** A mapping with a fixed set of keys; another key is `unknown-key`. */
  | { readonly kind: 'map'; readonly fields: readonly FieldDef[] }
  /** A mapping from names the user chooses (ids) to values of one shape. */
  | { readonly kind: 'dict'; readonly keyKind: 'resource' | 'group' | 'node'; readonly value: Shape; readonly minEntries?: number }
  /** A list; `itemNoun` names one item in messages ("member 2 of group 'g'", "order constraint 1"). */
  | { readonly kind: 'list'; readonly item: Shape; readonly itemNoun?: string; readonly minItems?: number }
  /** A mapping of attributes from one vocabulary (meta, op, clone, property). */
  | { readonly kind: 'attributes'; readonly set: AttributeSet }
  /** A mapping of agent parameters: scalars, checked against the agent's meta-data. */
  | { readonly kind: 'params' }
  /** Operations: action name → operation options, or a list of them. */
  | { readonly kind: 'ops' };

export interface FieldDef {
  readonly name: string;
  readonly doc: string;
  readonly shape: Shape;
  readonly required?: boolean;
  /** A short text completion inserts as the value (a snippet body without the key). */
  readonly example?: string;
  /** Keys of the same mapping this one excludes (at most one of them may be set). */
  readonly conflictsWith?: readonly string[];
}

const str: Shape = { kind: 'string' };
const resourceRef: Shape = { kind: 'ref', to: 'resource' };
const score: Shape = { kind: 'value', rule: { kind: 'score' }, code: 'bad-score' };
const roleValue: Shape = { kind: 'value', rule: { kind: 'enum', values: ROLES, deprecated: DEPRECATED_ROLES }, code: 'type-mismatch' };
const actionValue: Shape = { kind: 'value', rule: { kind: 'enum', values: ['start', 'stop', 'promote', 'demote'] }, code: 'type-mismatch' };

/** A host ssh dials and a user it logs in as: checked by the vocabulary's rules, as the cluster library refuses them. */
const hostValue: Shape = { kind: 'value', rule: { kind: 'host' }, code: 'type-mismatch' };
const userValue: Shape = { kind: 'value', rule: { kind: 'user' }, code: 'type-mismatch' };

export const SSH_FIELDS: readonly FieldDef[] = [
  { name: 'host', shape: hostValue, doc: 'Host name or address SSH connects to, if not the node address (an alias from ~/.ssh/config works).' },
  { name: 'user', shape: userValue, doc: 'User SSH logs in as (default: from ~/.ssh/config, else root). A non-root user needs passwordless sudo for pcs.' },
  { name: 'port', shape: { kind: 'integer', min: 1, max: MAX_PORT }, doc: 'SSH port (default: from ~/.ssh/config, else 22).' },
];

export const NODE_FIELDS: readonly FieldDef[] = [
  { name: 'address', required: true, shape: hostValue, doc: 'Host name or IP address of the node: its corosync ring address and the default SSH host.' },
  { name: 'ssh', shape: { kind: 'map', fields: SSH_FIELDS }, doc: 'How to reach the node over SSH; unset settings come from ~/.ssh/config, then defaults (the address, root, 22).' },
];

export const RESOURCE_FIELDS: readonly FieldDef[] = [
  { name: 'agent', required: true, shape: { kind: 'agent' }, example: 'ocf:heartbeat:stash',
    doc: 'The resource agent: `ocf:PROVIDER:TYPE`, `stonith:TYPE`, `systemd:NAME`, `lsb:NAME` or `service:NAME`.' },
  { name: 'params', shape: { kind: 'params' }, doc: "The agent's instance attributes (`pcs resource create … params`), checked against its meta-data." },
  { name: 'ops', shape: { kind: 'ops' }, doc: 'Operations by action: `monitor: { interval: 15s }`, or a list of operations when one action needs several.' },
  { name: 'meta', shape: { kind: 'attributes', set: META_ATTRIBUTES }, doc: 'Meta attributes (`pcs resource meta`), e.g. `migration-threshold: 1`.' },
  { name: 'clone', shape: { kind: 'attributes', set: CLONE_OPTIONS }, conflictsWith: ['promotable'],
    doc: 'Run a copy on several nodes (`pcs resource clone`). Never for Stash.' },
  { name: 'promotable', shape: { kind: 'attributes', set: CLONE_OPTIONS }, conflictsWith: ['clone'],
    doc: 'A clone whose copies can be promoted, such as drbd (`pcs resource promotable`).' },
];

export const COLOCATION_FIELDS: readonly FieldDef[] = [
  { name: 'resource', required: true, shape: resourceRef, doc: 'The resource (or group, or clone) that is placed relative to `with`.' },
  { name: 'with', required: true, shape: resourceRef, doc: 'The resource it runs with; it is placed first.' },
  { name: 'score', shape: score, doc: 'INFINITY (the default): must run together; -INFINITY: never together; a number: a preference.' },
  { name: 'role', shape: roleValue, doc: 'Only this role of `resource` is colocated.' },
  { name: 'with-role', shape: roleValue, doc: 'Colocate with this role of `with` (e.g. Promoted for drbd).' },
];

export const ORDER_FIELDS: readonly FieldDef[] = [
  { name: 'first', required: true, shape: resourceRef, doc: 'The resource acted on first.' },
  { name: 'then', required: true, shape: resourceRef, doc: 'The resource acted on after `first`.' },
  { name: 'kind', shape: { kind: 'value', rule: { kind: 'enum', values: ['Mandatory', 'Optional', 'Serialize'] }, code: 'type-mismatch' },
    doc: 'Mandatory (default): `then` waits for `first`; Optional: only when both act at once; Serialize: never at the same time.' },
  { name: 'symmetrical', shape: { kind: 'value', rule: { kind: 'boolean' }, code: 'type-mismatch' }, doc: 'Stop in the reverse order (default true).' },
  { name: 'first-action', shape: actionValue, doc: 'The action of `first` that is waited for (default start).' },
  { name: 'then-action', shape: actionValue, doc: 'The action of `then` that waits (default: first-action).' },
];

export const LOCATION_FIELDS: readonly FieldDef[] = [
  { name: 'resource', required: true, shape: resourceRef, doc: 'The resource (or group, or clone) placed.' },
  { name: 'node', required: true, shape: { kind: 'ref', to: 'node' }, doc: 'A node of this spec.' },
  { name: 'score', shape: score, doc: 'INFINITY (the default): prefers the node absolutely; -INFINITY: never there; a number: a preference.' },
];

export const CONSTRAINT_FIELDS: readonly FieldDef[] = [
  { name: 'colocation', shape: { kind: 'list', item: { kind: 'map', fields: COLOCATION_FIELDS }, itemNoun: 'colocation constraint' },
    doc: 'Resources that run on the same node (`pcs constraint colocation add`).' },
  { name: 'order', shape: { kind: 'list', item: { kind: 'map', fields: ORDER_FIELDS }, itemNoun: 'order constraint' },
    doc: 'Start order between resources (`pcs constraint order`).' },
  { name: 'location', shape: { kind: 'list', item: { kind: 'map', fields: LOCATION_FIELDS }, itemNoun: 'location constraint' },
    doc: 'Node preferences of resources (`pcs constraint location … prefers/avoids`).' },
];

export const TOP_FIELDS: readonly FieldDef[] = [
  { name: 'cluster', required: true, shape: str, doc: 'The cluster name (`pcs cluster setup NAME`).' },
  { name: 'nodes', required: true, shape: { kind: 'dict', keyKind: 'node', value: { kind: 'map', fields: NODE_FIELDS }, minEntries: 1 },
    doc: 'The cluster nodes by name: `node01: { address: 192.168.56.11 }`.' },
  { name: 'properties', shape: { kind: 'attributes', set: CLUSTER_PROPERTIES }, doc: 'Cluster properties (`pcs property set`).' },
  { name: 'resource-defaults', shape: { kind: 'attributes', set: META_ATTRIBUTES }, doc: 'Meta attribute defaults for every resource (`pcs resource defaults`).' },
  { name: 'op-defaults', shape: { kind: 'attributes', set: OP_OPTIONS }, doc: 'Operation option defaults (`pcs resource op defaults`).' },
  { name: 'resources', shape: { kind: 'dict', keyKind: 'resource', value: { kind: 'map', fields: RESOURCE_FIELDS } },
    doc: 'Primitive resources by id (`pcs resource create ID AGENT …`).' },
  { name: 'groups', shape: { kind: 'dict', keyKind: 'group', value: { kind: 'list', item: resourceRef, itemNoun: 'member', minItems: 1 } },
    doc: 'Groups by id: members run on one node and start in list order (`pcs resource group add`).' },
  { name: 'constraints', shape: { kind: 'map', fields: CONSTRAINT_FIELDS }, doc: 'Colocation, order and location constraints.' },
  { name: 'pacemaker', shape: { kind: 'value', rule: { kind: 'enum', values: RELEASE_LINES }, code: 'version-mismatch' },
    doc: 'The Pacemaker release line the spec is for; with it, names and options that release does not have are errors and '
      + `names it has replaced are warnings. ${RELEASE_LINES.map((l) => `${l} (pcs ${RELEASE_LINE_INFO[l].pcs}; ${RELEASE_LINE_INFO[l].seenIn})`).join(', ')}.` },
];

export const ROOT_SHAPE: Shape = { kind: 'map', fields: TOP_FIELDS };

/** Keys that start with `x-` are the user's (a place for anchors) and never checked. */
export function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}

/** `isExtensionKey` as a JSON Schema pattern. */
export const EXTENSION_KEY_PATTERN = '^x-';

/** The field of a fixed-key mapping, if the key is one. */
export function fieldOf(fields: readonly FieldDef[], key: string): FieldDef | undefined {
  return fields.find((f) => f.name === key);
}

export { OP_OPTIONS, META_ATTRIBUTES, CLONE_OPTIONS, CLUSTER_PROPERTIES };
