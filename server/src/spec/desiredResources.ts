/**
 * The desired cluster's resources and groups: each resource's agent, params,
 * operations (an action holds one operation or a list of them), meta attributes
 * and clone options, and which of them are Stash with the page its monitor asks.
 */
import { CLONE_OPTIONS, META_ATTRIBUTES, OP_OPTIONS } from './attributes';
import type { DesiredAttribute, DesiredClone, DesiredGroup, DesiredOperation, DesiredProblem, DesiredResource, DesiredStash } from './desired';
import { attributeOf, attributesOf, roleValue, spanOf, valueOf } from './desiredValues';
import { asMap, asScalar, ResourceDecl, SpecModel } from './model';
import { badStatusUrl, DEFAULT_STASH_STATUS_URL, parseAgent, parseDuration, STASH_AGENT } from './vocabulary';
import { YMap, YNode, YPair } from './yamlTree';

/** The operations under one action key: a mapping, a list of mappings, or an empty value (an operation with no options). */
function operationMaps(value: YNode): (YMap | undefined)[] {
  if (value.kind === 'map') return [value];
  if (value.kind === 'seq') return value.items.flatMap((i) => (i.kind === 'map' ? [i] : []));
  return value.value === null ? [undefined] : [];
}

function readOperation(pair: YPair, map: YMap | undefined): DesiredOperation {
  const interval = valueOf(asScalar(map?.get('interval')?.value), parseDuration);
  const timeout = valueOf(asScalar(map?.get('timeout')?.value), parseDuration);
  const role = roleValue(map?.get('role')?.value);
  return {
    action: pair.key, span: spanOf(pair.keySpan),
    ...(interval ? { interval } : {}), ...(timeout ? { timeout } : {}), ...(role ? { role } : {}),
    options: attributesOf(map, OP_OPTIONS, ['interval', 'timeout', 'role']),
  };
}

function readOperations(ops: YMap | undefined): DesiredOperation[] {
  return (ops?.pairs ?? []).flatMap((pair) => operationMaps(pair.value).map((map) => readOperation(pair, map)));
}

/** Params as Pacemaker receives them: every scalar, its text as the value (`key:` alone is ''). */
function readParams(params: YMap | undefined): DesiredAttribute[] {
  return (params?.pairs ?? []).flatMap((pair) =>
    pair.value.kind === 'scalar' ? [attributeOf(pair.key, pair.keySpan, pair.value, (t) => t)] : []);
}

function readClone(pair: YPair | undefined): DesiredClone | undefined {
  if (pair === undefined || (pair.value.kind !== 'map' && !(pair.value.kind === 'scalar' && pair.value.value === null))) return undefined;
  return { kind: pair.key === 'promotable' ? 'promotable' : 'clone', span: spanOf(pair.keySpan), options: attributesOf(asMap(pair.value), CLONE_OPTIONS) };
}

function readResource(decl: ResourceDecl): DesiredResource | undefined {
  if (decl.map === undefined) return undefined;
  const agent = decl.agent?.text.trim() ? valueOf(decl.agent, parseAgent) : undefined;
  const clone = readClone(decl.clone);
  return {
    id: decl.id, span: spanOf(decl.idSpan),
    ...(agent ? { agent } : {}),
    params: readParams(decl.params),
    ops: readOperations(decl.ops),
    meta: attributesOf(decl.meta, META_ATTRIBUTES),
    ...(clone ? { clone } : {}),
  };
}

/** The resources that are mappings, in document order. */
export function readResources(model: SpecModel): DesiredResource[] {
  return model.resources.flatMap((decl) => readResource(decl) ?? []);
}

export function readGroups(model: SpecModel): DesiredGroup[] {
  return model.groups.map((g) => ({ id: g.id, span: spanOf(g.idSpan), members: g.members.map((m) => ({ id: m.id, span: spanOf(m.span) })) }));
}

/**
 * Every resource of Stash's agent with its status page: `status_url` when set, else
 * the agent's default (also for an empty one, which pcs leaves unset). A page that
 * is no http(s) URL (vocabulary `badStatusUrl`) is kept without a value and is an
 * unsafe problem: curl runs it as root on the node.
 */
export function readStash(resources: readonly DesiredResource[], problems: DesiredProblem[] = []): DesiredStash[] {
  return resources.filter((r) => r.agent?.value?.name === STASH_AGENT).map((r) => {
    const url = r.params.find((p) => p.name === 'status_url' && p.text !== '');
    if (url === undefined) return { resource: r.id, statusUrl: { value: DEFAULT_STASH_STATUS_URL, text: DEFAULT_STASH_STATUS_URL } };
    const why = badStatusUrl(url.text);
    if (why !== undefined) {
      problems.push({ message: `resource ${r.id}: status_url '${url.text}' cannot be used: ${why}`, ...(url.span ? { span: url.span } : {}), unsafe: true });
    }
    return { resource: r.id, statusUrl: { ...(why === undefined ? { value: url.text } : {}), text: url.text, ...(url.span ? { span: url.span } : {}) } };
  });
}
