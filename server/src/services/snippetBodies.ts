/**
 * The structural snippets other than resources (snippetResources.ts): a whole spec,
 * a node, a group, constraints and the constraint lists, operations, meta attributes
 * and cluster properties, built from the format tables (schema.ts, attributes.ts):
 * the keys a constraint must have, the values a property takes as choices, ids of the
 * spec where a body names one. Where each is offered is completionSnippets.ts.
 */
import { AgentCatalog, AgentInfo } from '../agents/model';
import { AttributeSet, CLUSTER_PROPERTIES, META_ATTRIBUTES, ValueRule } from '../spec/attributes';
import { COLOCATION_FIELDS, CONSTRAINT_FIELDS, FieldDef, fieldOf, LOCATION_FIELDS, NODE_FIELDS, ORDER_FIELDS, TOP_FIELDS } from '../spec/schema';
import {
  attribute, BASIC_ACTIONS, failoverMeta, field, freeId, namedResource, operationEntries, SpecIds,
} from './snippetResources';
import { blockList, blockMap, choice, entry, flowMap, literal, SnippetDef, SnippetEntry, SnippetInline, SnippetScalar, tab } from './snippetText';

/** The words a value rule takes, in the table's order; a placeholder with `fallback` when it takes no short list. */
function ruleChoice(rule: ValueRule, fallback: string): SnippetScalar {
  return choice(rule.kind === 'enum' ? rule.values ?? [] : rule.kind === 'boolean' ? ['true', 'false'] : [], fallback);
}

function rotate<T>(items: readonly T[], by: number): T[] {
  return [...items.slice(by), ...items.slice(0, by)];
}

/** The next node's name and address: `node03` after two nodes, the last IPv4 address plus one. */
function nextNode(ids: SpecIds): { name: string; address: string } {
  let n = ids.nodes.length + 1;
  const name = (i: number): string => `node${String(i).padStart(2, '0')}`;
  while (ids.nodes.includes(name(n))) n++;
  const m = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.)(\d{1,3})$/.exec(ids.lastAddress ?? '');
  const address = m && Number(m[2]) < 254 ? `${m[1]}${Number(m[2]) + 1}` : `192.168.56.${10 + n}`;
  return { name: name(n), address };
}

function nodeEntry(name: SnippetScalar, address: SnippetScalar): SnippetEntry {
  return entry(name, flowMap([entry(field(NODE_FIELDS, 'address'), address)]));
}

export function nodeSnippet(ids: SpecIds): SnippetDef {
  const next = nextNode(ids);
  return {
    label: 'node', filter: 'node', detail: 'A cluster node and its address (the corosync ring address and the SSH host)',
    body: { kind: 'entries', entries: [nodeEntry(tab(next.name), tab(next.address))] },
  };
}

export function groupSnippet(ids: SpecIds): SnippetDef {
  const members = ids.ungrouped;
  const items = members.length === 0 ? [tab('stash_fs'), tab('stash_res')]
    : members.slice(0, 2).map((_, i) => choice(rotate(members, i)));
  return {
    label: 'group', filter: 'group', detail: 'Resources that run on one node and start in list order',
    body: { kind: 'entries', entries: [entry(tab(freeId('stash_group', ids.resources)), blockList(items))] },
  };
}

interface ConstraintKind {
  readonly list: 'colocation' | 'order' | 'location';
  readonly fields: readonly FieldDef[];
  /** The keys written, each with the value used when the spec has no id to offer. */
  readonly write: readonly (readonly [string, string])[];
}

const CONSTRAINT_KINDS: readonly ConstraintKind[] = [
  { list: 'colocation', fields: COLOCATION_FIELDS, write: [['resource', 'stash_vip'], ['with', 'stash_res'], ['score', 'INFINITY']] },
  { list: 'order', fields: ORDER_FIELDS, write: [['first', 'stash_fs'], ['then', 'stash_res']] },
  { list: 'location', fields: LOCATION_FIELDS, write: [['resource', 'stash_res'], ['node', 'node01'], ['score', '100']] },
];

/** `{ … }` of one constraint: ids to choose from where the spec has them. */
function constraintItem(kind: ConstraintKind, ids: SpecIds): SnippetInline {
  let refs = 0;
  return flowMap(kind.write.map(([name, fallback]) => {
    const shape = fieldOf(kind.fields, field(kind.fields, name))?.shape;
    if (shape?.kind === 'ref' && shape.to === 'node') return entry(name, choice(ids.nodes, fallback));
    if (shape?.kind === 'ref') {
      const i = refs++;
      return entry(name, ids.resources.length > i ? choice(rotate(ids.resources, i)) : tab(fallback));
    }
    return entry(name, tab(fallback));
  }));
}

function constraintLabel(kind: ConstraintKind): { label: string; detail: string } {
  const list = fieldOf(CONSTRAINT_FIELDS, field(CONSTRAINT_FIELDS, kind.list));
  const noun = list?.shape.kind === 'list' ? list.shape.itemNoun ?? kind.list : kind.list;
  return { label: noun, detail: list?.doc ?? noun };
}

/** The constraint snippet for a list whose items are mappings of `fields`, if it is a constraint list. */
export function constraintSnippet(fields: readonly FieldDef[], ids: SpecIds): SnippetDef | undefined {
  const kind = CONSTRAINT_KINDS.find((k) => k.fields === fields);
  if (!kind) return undefined;
  return { ...constraintLabel(kind), filter: kind.list, body: { kind: 'inline', value: constraintItem(kind, ids) } };
}

/** Under `constraints:`: each list not yet there, holding one constraint. */
export function constraintListSnippets(present: ReadonlySet<string>, ids: SpecIds): SnippetDef[] {
  return CONSTRAINT_KINDS.filter((k) => !present.has(k.list)).map((kind) => {
    const { label, detail } = constraintLabel(kind);
    return {
      label, filter: kind.list, detail: `The ${kind.list} list with a first constraint. ${detail}`,
      body: { kind: 'entries', entries: [entry(kind.list, blockList([constraintItem(kind, ids)]))] },
    };
  });
}

/** The entries of an attribute snippet that the mapping does not have yet (by name or alias). */
function missing(set: AttributeSet, entries: readonly SnippetEntry[], present: ReadonlySet<string>): SnippetEntry[] {
  return entries.filter((e) => {
    const def = e.key.kind === 'text' ? set.get(e.key.text) : undefined;
    return def && !present.has(def.name) && !(def.alias && present.has(def.alias));
  });
}

/** Under `ops:`: monitor, start and stop with the agent's timings, minus the actions there; none unless two are left. */
export function operationsSnippet(agent: AgentInfo | undefined, present: ReadonlySet<string>): SnippetDef | undefined {
  if (!agent) return undefined;
  const ops = operationEntries(agent, BASIC_ACTIONS.filter((a) => !present.has(a)));
  if (ops.length < 2) return undefined;
  const names = ops.map((e) => (e.key.kind === 'text' ? e.key.text : ''));
  return {
    label: names.length === 3 ? 'monitor, start and stop' : names.join(' and '), filter: `ops ${names.join(' ')}`,
    detail: `The timeouts ${agent.name} advertises`, body: { kind: 'entries', entries: ops },
  };
}

/** Under `meta:` (and `resource-defaults:`, the same vocabulary): as examples/stash.cluster.yaml writes Stash's. */
export function metaSnippet(present: ReadonlySet<string>): SnippetDef | undefined {
  const entries = missing(META_ATTRIBUTES, failoverMeta(), present);
  if (entries.length < failoverMeta().length) return undefined;
  return {
    label: 'failover meta attributes', filter: 'meta failover migration-threshold failure-timeout',
    detail: 'migration-threshold: move to another node after the first failure; failure-timeout: forget the failure after an hour',
    body: { kind: 'entries', entries },
  };
}

function propertyEntry(name: string): SnippetEntry {
  const def = CLUSTER_PROPERTIES.get(attribute(CLUSTER_PROPERTIES, name));
  return entry(name, def ? ruleChoice(def.value, '') : tab(''));
}

/** Fencing on, and what a partition without quorum does (the table's first value, Pacemaker's default, first). */
function quorumAndFencing(): SnippetEntry[] {
  return [propertyEntry('stonith-enabled'), propertyEntry('no-quorum-policy')];
}

/** Under `properties:`: fencing and quorum, to choose from their values. */
export function propertiesSnippet(present: ReadonlySet<string>): SnippetDef | undefined {
  const all = quorumAndFencing();
  const entries = missing(CLUSTER_PROPERTIES, all, present);
  if (entries.length < all.length) return undefined;
  return {
    label: 'fencing and quorum', filter: 'properties stonith-enabled no-quorum-policy',
    detail: 'stonith-enabled and no-quorum-policy, to choose from their values', body: { kind: 'entries', entries },
  };
}

/** A whole spec: two nodes, Stash's home on a shared file system, a virtual IP, Stash, and their constraints. */
export function clusterSnippet(catalog: AgentCatalog): SnippetDef | undefined {
  const resources = ['stash_fs', 'stash_vip', 'stash_res'].map((id) => namedResource(id, catalog));
  if (!resources.every((r): r is SnippetEntry => r !== undefined)) return undefined;
  const top = (name: string): string => field(TOP_FIELDS, name);
  const pairs = (kind: 'colocation' | 'order', a: string, b: string, rows: readonly (readonly [string, string])[]): SnippetEntry =>
    entry(field(CONSTRAINT_FIELDS, kind), blockList(rows.map(([x, y]) => flowMap([entry(a, literal(x)), entry(b, literal(y))]))));
  const entries: SnippetEntry[] = [
    entry(top('cluster'), tab('stash')),
    entry(top('nodes'), blockMap([nodeEntry(tab('node01'), tab('192.168.56.11')), nodeEntry(tab('node02'), tab('192.168.56.12'))])),
    entry(top('properties'), blockMap(quorumAndFencing())),
    entry(top('resources'), blockMap(resources)),
    entry(top('constraints'), blockMap([
      pairs('colocation', field(COLOCATION_FIELDS, 'resource'), field(COLOCATION_FIELDS, 'with'), [['stash_res', 'stash_fs'], ['stash_vip', 'stash_res']]),
      pairs('order', field(ORDER_FIELDS, 'first'), field(ORDER_FIELDS, 'then'), [['stash_fs', 'stash_res'], ['stash_res', 'stash_vip']]),
    ])),
  ];
  return {
    label: 'Stash cluster spec', filter: 'stash-cluster cluster spec skeleton',
    detail: "Two nodes, Stash's home on a shared file system, a virtual IP, Stash, and the constraints between them",
    body: { kind: 'entries', entries },
  };
}
