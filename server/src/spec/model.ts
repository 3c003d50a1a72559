/**
 * The typed view of a cluster spec, read out of the resolved YAML tree: nodes,
 * resources, groups, constraints and the places where each id is declared and
 * referenced. It is lenient by design: a value of the wrong type is simply left out
 * here (the structure checks report it), so every later check and every editor
 * feature works on whatever part of a half-typed spec makes sense.
 */
import { Span } from './diagnostic';
import { AgentRef, parseAgent } from './vocabulary';
import { parseYaml, ParsedYaml, YMap, YNode, YPair, YScalar, YSeq } from './yamlTree';

/** A place that names a resource, group or node by id. */
export interface Ref {
  readonly id: string;
  readonly span: Span;
}

export interface NodeDecl {
  readonly id: string;
  readonly idSpan: Span;
  readonly pair: YPair;
  readonly map?: YMap;
  readonly address?: YScalar;
}

export interface ResourceDecl {
  readonly kind: 'resource';
  readonly id: string;
  readonly idSpan: Span;
  readonly pair: YPair;
  readonly map?: YMap;
  readonly agent?: YScalar;
  /** Set when `agent` is one of the forms the spec allows. */
  readonly agentRef?: AgentRef;
  readonly params?: YMap;
  readonly ops?: YMap;
  readonly meta?: YMap;
  /** The `clone` or `promotable` pair, when present. */
  readonly clone?: YPair;
}

export interface GroupDecl {
  readonly kind: 'group';
  readonly id: string;
  readonly idSpan: Span;
  readonly pair: YPair;
  readonly members: readonly Ref[];
}

export interface ColocationDecl {
  readonly map: YMap;
  readonly resource?: Ref;
  readonly with?: Ref;
  /** Absent means INFINITY. */
  readonly score?: YScalar;
}

export interface OrderDecl {
  readonly map: YMap;
  readonly first?: Ref;
  readonly then?: Ref;
}

export interface LocationDecl {
  readonly map: YMap;
  readonly resource?: Ref;
  readonly node?: Ref;
  readonly score?: YScalar;
}

export interface SpecModel {
  readonly yaml: ParsedYaml;
  readonly text: string;
  readonly root?: YMap;
  readonly cluster?: YScalar;
  readonly nodes: readonly NodeDecl[];
  readonly resources: readonly ResourceDecl[];
  readonly groups: readonly GroupDecl[];
  readonly colocations: readonly ColocationDecl[];
  readonly orders: readonly OrderDecl[];
  readonly locations: readonly LocationDecl[];
  readonly properties?: YMap;
  readonly resourceDefaults?: YMap;
  readonly opDefaults?: YMap;
  /** Resources and groups by id (one id space); the first declaration wins. */
  readonly ids: ReadonlyMap<string, ResourceDecl | GroupDecl>;
  readonly nodeIds: ReadonlyMap<string, NodeDecl>;
  /** Every place a resource/group id is referenced: group members and constraint fields. */
  readonly resourceRefs: readonly Ref[];
  /** Every place a node id is referenced: location constraints. */
  readonly nodeRefs: readonly Ref[];
}

export function asMap(node: YNode | undefined): YMap | undefined {
  return node?.kind === 'map' ? node : undefined;
}
export function asSeq(node: YNode | undefined): YSeq | undefined {
  return node?.kind === 'seq' ? node : undefined;
}
export function asScalar(node: YNode | undefined): YScalar | undefined {
  return node?.kind === 'scalar' ? node : undefined;
}
/** A non-empty scalar's text. */
export function scalarText(node: YNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? node.text : undefined;
}

/** A reference to an id; none for an empty or blank value, which names nothing (missing-field reports it). */
function ref(node: YNode | undefined): Ref | undefined {
  const text = scalarText(node);
  return text === undefined || text.trim() === '' || node === undefined ? undefined : { id: text, span: node.span };
}

/** Reads the model out of spec text. Never throws. */
export function buildModel(text: string): SpecModel {
  return modelOf(parseYaml(text));
}

export function modelOf(yaml: ParsedYaml): SpecModel {
  const root = asMap(yaml.root);
  const nodes: NodeDecl[] = [];
  const resources: ResourceDecl[] = [];
  const groups: GroupDecl[] = [];
  const colocations: ColocationDecl[] = [];
  const orders: OrderDecl[] = [];
  const locations: LocationDecl[] = [];
  const resourceRefs: Ref[] = [];
  const nodeRefs: Ref[] = [];

  for (const pair of asMap(root?.get('nodes')?.value)?.pairs ?? []) {
    const map = asMap(pair.value);
    nodes.push({ id: pair.key, idSpan: pair.keySpan, pair, map, address: asScalar(map?.get('address')?.value) });
  }

  for (const pair of asMap(root?.get('resources')?.value)?.pairs ?? []) {
    const map = asMap(pair.value);
    const agent = asScalar(map?.get('agent')?.value);
    const agentText = scalarText(agent);
    resources.push({
      kind: 'resource', id: pair.key, idSpan: pair.keySpan, pair, map, agent,
      agentRef: agentText === undefined ? undefined : parseAgent(agentText),
      params: asMap(map?.get('params')?.value),
      ops: asMap(map?.get('ops')?.value),
      meta: asMap(map?.get('meta')?.value),
      clone: map?.get('clone') ?? map?.get('promotable'),
    });
  }

  for (const pair of asMap(root?.get('groups')?.value)?.pairs ?? []) {
    const members: Ref[] = [];
    for (const item of asSeq(pair.value)?.items ?? []) {
      const r = ref(item);
      if (r) members.push(r);
    }
    resourceRefs.push(...members);
    groups.push({ kind: 'group', id: pair.key, idSpan: pair.keySpan, pair, members });
  }

  const constraints = asMap(root?.get('constraints')?.value);
  const list = (key: string): YMap[] =>
    (asSeq(constraints?.get(key)?.value)?.items ?? []).flatMap((n) => (n.kind === 'map' ? [n] : []));
  const field = (map: YMap, key: string): Ref | undefined => ref(map.get(key)?.value);

  for (const map of list('colocation')) {
    const c = { map, resource: field(map, 'resource'), with: field(map, 'with'), score: asScalar(map.get('score')?.value) };
    for (const r of [c.resource, c.with]) if (r) resourceRefs.push(r);
    colocations.push(c);
  }
  for (const map of list('order')) {
    const o = { map, first: field(map, 'first'), then: field(map, 'then') };
    for (const r of [o.first, o.then]) if (r) resourceRefs.push(r);
    orders.push(o);
  }
  for (const map of list('location')) {
    const l = { map, resource: field(map, 'resource'), node: field(map, 'node'), score: asScalar(map.get('score')?.value) };
    if (l.resource) resourceRefs.push(l.resource);
    if (l.node) nodeRefs.push(l.node);
    locations.push(l);
  }

  const ids = new Map<string, ResourceDecl | GroupDecl>();
  for (const d of [...resources, ...groups]) if (!ids.has(d.id)) ids.set(d.id, d);
  const nodeIds = new Map<string, NodeDecl>();
  for (const n of nodes) if (!nodeIds.has(n.id)) nodeIds.set(n.id, n);

  return {
    yaml, text: yaml.text, root,
    cluster: asScalar(root?.get('cluster')?.value),
    nodes, resources, groups, colocations, orders, locations,
    properties: asMap(root?.get('properties')?.value),
    resourceDefaults: asMap(root?.get('resource-defaults')?.value),
    opDefaults: asMap(root?.get('op-defaults')?.value),
    ids, nodeIds, resourceRefs, nodeRefs,
  };
}
