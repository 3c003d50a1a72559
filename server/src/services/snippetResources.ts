/**
 * The resource snippets: one per agent a Stash cluster is made of (Stash, its virtual
 * IP, the file system of its home, DRBD under it, and Dummy to try things with). What
 * a resource holds is read from the catalog, as `pcs resource create` reads it: the
 * agent's required parameters, and its operations with the timeouts it advertises;
 * only the example values are ours. Keys are checked against the format tables (a key
 * the format drops fails the tests rather than producing an unknown key), and the
 * helpers for that are shared with snippetBodies.ts.
 */
import { AgentAction, AgentCatalog, AgentInfo, AgentParameter } from '../agents/model';
import { AttributeSet, CLONE_OPTIONS, META_ATTRIBUTES, OP_OPTIONS } from '../spec/attributes';
import { FieldDef, fieldOf, RESOURCE_FIELDS } from '../spec/schema';
import { normalRole, STASH_AGENT } from '../spec/vocabulary';
import { blockList, blockMap, choice, entry, flowMap, literal, SnippetDef, SnippetEntry, SnippetScalar, tab } from './snippetText';

/** What of the spec around the caret a body may name or must not take. */
export interface SpecIds {
  /** Resource ids, then group ids. */
  readonly resources: readonly string[];
  /** Resource ids that are in no group. */
  readonly ungrouped: readonly string[];
  readonly nodes: readonly string[];
  /** The address of the last node, to suggest the next one. */
  readonly lastAddress?: string;
}

/** A key of a fixed-key mapping, checked against the format. */
export function field(fields: readonly FieldDef[], name: string): string {
  if (!fieldOf(fields, name)) throw new Error(`snippet body: the format has no key '${name}' there`);
  return name;
}

/** An attribute name, checked against its vocabulary. */
export function attribute(set: AttributeSet, name: string): string {
  if (!set.get(name)) throw new Error(`snippet body: '${name}' is no ${set.noun}`);
  return name;
}

/** `base`, or `base2`, `base3`, … : the first that is not taken. */
export function freeId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}${n}`)) n++;
  return `${base}${n}`;
}

const seconds = (s: number): SnippetScalar => literal(`${s}s`);

/** An action's advertised timings as operation options. */
function timings(a: AgentAction): SnippetEntry[] {
  const out: SnippetEntry[] = [];
  if (a.interval) out.push(entry(attribute(OP_OPTIONS, 'interval'), seconds(a.interval)));
  if (a.timeout !== undefined) out.push(entry(attribute(OP_OPTIONS, 'timeout'), seconds(a.timeout)));
  if (a.role) out.push(entry(attribute(OP_OPTIONS, 'role'), literal(normalRole(a.role) ?? a.role)));
  return out;
}

/** `ops` entries for `names`, in that order, with the timings the agent advertises (a list where it has several, e.g. one monitor per role). */
export function operationEntries(agent: AgentInfo, names: readonly string[]): SnippetEntry[] {
  return names.flatMap((name) => {
    const ops = agent.actions.filter((a) => a.name === name).map(timings).filter((t) => t.length > 0);
    if (ops.length === 0) return [];
    return [entry(name, ops.length === 1 ? flowMap(ops[0]) : blockList(ops.map(flowMap)))];
  });
}

/** The operations a resource snippet writes, as pcs does from the agent's meta-data. */
export const BASIC_ACTIONS: readonly string[] = ['monitor', 'start', 'stop'];

interface ResourceKind {
  readonly label: string;
  readonly filter: string;
  readonly id: string;
  readonly agent: string;
  readonly detail: string;
  /** Example values by parameter name (a list is a choice); which parameters are written is the agent's meta-data's. */
  readonly examples: Readonly<Record<string, string | readonly string[]>>;
  /** Optional parameters worth writing after the required ones. */
  readonly optional?: readonly string[];
  readonly actions: readonly string[];
  /** Writes the failover meta attributes (`metaSnippet`). */
  readonly failover?: boolean;
  /** Makes it a promotable clone with these options. */
  readonly promotable?: readonly (readonly [string, string])[];
}

const RESOURCE_KINDS: readonly ResourceKind[] = [
  {
    label: 'Stash resource', filter: 'stash stash-resource', id: 'stash_res', agent: STASH_AGENT,
    detail: 'ocf:heartbeat:stash with its required parameters and advertised timeouts, moved after a failure',
    examples: { stash_user: 'atlstash', stash_home: '/var/atlassian/application-data/stash', stash_inst: '/opt/atlassian/stash/3.11.3' },
    actions: BASIC_ACTIONS, failover: true,
  },
  {
    label: 'Virtual IP', filter: 'vip ipaddr2', id: 'stash_vip', agent: 'ocf:heartbeat:IPaddr2',
    detail: 'ocf:heartbeat:IPaddr2: the floating address clients reach Stash at',
    examples: { ip: '192.168.56.100', cidr_netmask: '24' }, optional: ['cidr_netmask'], actions: BASIC_ACTIONS,
  },
  {
    label: 'Filesystem', filter: 'fs filesystem', id: 'stash_fs', agent: 'ocf:heartbeat:Filesystem',
    detail: "ocf:heartbeat:Filesystem: a file system mounted where its dependents run, such as Stash's home",
    examples: { device: '/dev/drbd0', directory: '/var/atlassian/application-data', fstype: ['xfs', 'ext4', 'nfs'] },
    actions: BASIC_ACTIONS,
  },
  {
    label: 'DRBD (promotable)', filter: 'drbd promotable', id: 'stash_drbd', agent: 'ocf:linbit:drbd',
    detail: 'ocf:linbit:drbd as a promotable clone: a replicated block device, primary on one node',
    examples: { drbd_resource: 'stash' }, actions: [...BASIC_ACTIONS, 'promote', 'demote'],
    promotable: [['promoted-max', '1'], ['promoted-node-max', '1'], ['clone-max', '2'], ['clone-node-max', '1'], ['notify', 'true']],
  },
  {
    label: 'Dummy', filter: 'dummy', id: 'dummy', agent: 'ocf:pacemaker:Dummy',
    detail: 'ocf:pacemaker:Dummy: a resource that does nothing, to try constraints with', examples: {}, actions: BASIC_ACTIONS,
  },
];

function paramValue(p: AgentParameter, example: string | readonly string[] | undefined): SnippetScalar {
  if (typeof example === 'object') return choice(example, p.name);
  if (example !== undefined) return tab(example);
  if (p.type === 'select' && p.options.length > 0) return choice(p.options);
  if (p.type === 'boolean') return choice(['true', 'false']);
  return tab(p.default || p.name);
}

/** One resource of `kind` under the id `id`. */
function resourceEntry(kind: ResourceKind, agent: AgentInfo, id: SnippetScalar): SnippetEntry {
  const required = agent.parameters.filter((p) => p.required && !p.deprecated);
  const optional = (kind.optional ?? []).flatMap((n) => agent.parameter(n) ?? []).filter((p) => !required.includes(p));
  const params = [...required, ...optional].map((p) => entry(p.name, paramValue(p, kind.examples[p.name])));
  const ops = operationEntries(agent, kind.actions);
  const key = (name: string): string => field(RESOURCE_FIELDS, name);
  const body: SnippetEntry[] = [entry(key('agent'), literal(agent.name))];
  if (params.length > 0) body.push(entry(key('params'), blockMap(params)));
  if (ops.length > 0) body.push(entry(key('ops'), blockMap(ops)));
  if (kind.failover) body.push(entry(key('meta'), blockMap(failoverMeta())));
  if (kind.promotable) {
    body.push(entry(key('promotable'), blockMap(kind.promotable.map(([n, v]) => entry(attribute(CLONE_OPTIONS, n), literal(v))))));
  }
  return entry(id, blockMap(body));
}

/** The resource snippets whose agent the catalog knows, each under an id not yet taken. */
export function resourceSnippets(catalog: AgentCatalog, ids: SpecIds): SnippetDef[] {
  return RESOURCE_KINDS.flatMap((kind) => {
    const agent = catalog.get(kind.agent);
    if (!agent) return [];
    const body = resourceEntry(kind, agent, tab(freeId(kind.id, ids.resources)));
    return [{ label: kind.label, filter: kind.filter, detail: kind.detail, body: { kind: 'entries', entries: [body] } }];
  });
}

/** The resource snippet's entry for `kindId` (`stash_res`, `stash_vip`, `stash_fs`, …) under that id as is, for a whole spec. */
export function namedResource(kindId: string, catalog: AgentCatalog): SnippetEntry | undefined {
  const kind = RESOURCE_KINDS.find((k) => k.id === kindId);
  const agent = kind && catalog.get(kind.agent);
  return kind && agent ? resourceEntry(kind, agent, literal(kind.id)) : undefined;
}

/** Meta attributes that move a resource after its first failure and forget the failure after an hour. */
export function failoverMeta(): SnippetEntry[] {
  return [
    entry(attribute(META_ATTRIBUTES, 'migration-threshold'), tab('1')),
    entry(attribute(META_ATTRIBUTES, 'failure-timeout'), tab('1h')),
  ];
}
