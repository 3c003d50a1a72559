/**
 * The CIB's resources section in the spec's terms: primitives with their agent,
 * params, operations and meta attributes; groups as lists of members; a clone (or
 * Pacemaker 1.1's master) of one primitive as that resource with `clone` or
 * `promotable` options. Also the map by which constraints name things the spec's
 * way: a clone's id stands for its resource; what the spec cannot name (a cloned
 * group, a bundle) stands for nothing, so constraints on it are unsupported too.
 */
import { XmlElement, childrenNamed } from '../xml/xmlTree';
import { CLONE_OPTIONS, META_ATTRIBUTES, OP_OPTIONS } from './attributes';
import type { DesiredAttribute, DesiredClone, DesiredGroup, DesiredOperation, DesiredResource, DesiredValue } from './desired';
import { CibNotes, nvPairs } from './desiredCibSets';
import { namedValue, roleOf } from './desiredValues';
import { AgentRef, normalBoolean, parseAgent, parseDuration, Role } from './vocabulary';

export interface CibResources {
  readonly resources: DesiredResource[];
  readonly groups: DesiredGroup[];
  /** A CIB id as the spec names it (a clone's id → its resource's); null for what the spec cannot name. */
  readonly refs: ReadonlyMap<string, string | null>;
}

/** Meta attributes the operations set on groups and clones (disable, unmanage): never part of a spec. */
const OPERATIONAL_META = new Set(['target-role', 'is-managed']);

/** Pacemaker 1.1's names of clone options, by the names the format uses. */
const LEGACY_CLONE_OPTIONS: Readonly<Record<string, string>> = { 'master-max': 'promoted-max', 'master-node-max': 'promoted-node-max' };

const PRIMITIVE_PARTS = new Set(['instance_attributes', 'meta_attributes', 'operations']);
const OP_READ = new Set(['id', 'name', 'interval', 'timeout', 'role']);

function text<T>(raw: string | undefined, normal: (t: string) => T | undefined): DesiredValue<T> | undefined {
  if (raw === undefined) return undefined;
  const value = normal(raw);
  return { ...(value === undefined ? {} : { value }), text: raw };
}

function agentOf(e: XmlElement): DesiredValue<AgentRef> | undefined {
  const { class: standard, provider, type } = e.attrs;
  if (!standard || !type) return undefined;
  return text(provider ? `${standard}:${provider}:${type}` : `${standard}:${type}`, parseAgent);
}

function readOperation(op: XmlElement, path: string, notes: CibNotes): DesiredOperation {
  const id = op.attrs.id ?? '?';
  const options: DesiredAttribute[] = [];
  for (const [name, value] of Object.entries(op.attrs)) {
    if (OP_READ.has(name)) continue;
    if (OP_OPTIONS.get(name)) options.push(namedValue(name, value, OP_OPTIONS));
    else notes.unsupported(`${path}.${id}`, `${path}: operation ${id} has ${name}=${value}`);
  }
  for (const p of nvPairs(childrenNamed(op, 'instance_attributes'), `${path}.${id}`, notes)) {
    if (p.name === 'OCF_CHECK_LEVEL') options.push(namedValue(p.name, p.value, OP_OPTIONS));
    else notes.unsupported(`${path}.${id}`, `${path}: operation ${id} has the instance attribute ${p.name}`);
  }
  if (childrenNamed(op, 'meta_attributes').length > 0) notes.unsupported(`${path}.${id}`, `${path}: operation ${id} has meta attributes`);
  const interval = text(op.attrs.interval, parseDuration);
  const timeout = text(op.attrs.timeout, parseDuration);
  const role = text<Role>(op.attrs.role, roleOf);
  return {
    id, action: op.attrs.name ?? '',
    ...(interval ? { interval } : {}), ...(timeout ? { timeout } : {}), ...(role ? { role } : {}),
    options,
  };
}

function readPrimitive(e: XmlElement, clone: DesiredClone | undefined, notes: CibNotes): DesiredResource {
  const id = e.attrs.id ?? '';
  const path = `resources.${id}`;
  if (e.attrs.template) notes.unsupported(path, `resource ${id} is made from the template ${e.attrs.template}`);
  for (const part of e.children) if (!PRIMITIVE_PARTS.has(part.name)) notes.unsupported(`${path}.${part.name}`, `resource ${id} has <${part.name}>`);
  const agent = agentOf(e);
  const params = nvPairs(childrenNamed(e, 'instance_attributes'), `${path}.params`, notes).map((p) => ({ name: p.name, value: p.value, text: p.value }));
  const meta = nvPairs(childrenNamed(e, 'meta_attributes'), `${path}.meta`, notes).map((p) => namedValue(p.name, p.value, META_ATTRIBUTES));
  const ops = childrenNamed(e, 'operations').flatMap((o) => childrenNamed(o, 'op')).map((op) => readOperation(op, `${path}.ops`, notes));
  return { id, ...(agent ? { agent } : {}), params, ops, meta, ...(clone ? { clone } : {}) };
}

/** Group and clone meta attributes other than those the operations set cannot be said in a spec. */
function noteContainerMeta(e: XmlElement, what: string, notes: CibNotes): void {
  for (const p of nvPairs(childrenNamed(e, 'meta_attributes'), `${what}.meta`, notes)) {
    if (!OPERATIONAL_META.has(p.name)) notes.unsupported(`${what}.meta.${p.name}`, `${what} has the meta attribute ${p.name}=${p.value}`);
  }
}

/** Every id inside `e` (itself included) stands for nothing the spec can name. */
function unnamable(e: XmlElement, refs: Map<string, string | null>): void {
  if (e.attrs.id) refs.set(e.attrs.id, null);
  for (const c of e.children) if (c.name === 'primitive' || c.name === 'group') unnamable(c, refs);
}

function readClone(e: XmlElement, out: CibResources & { refs: Map<string, string | null> }, notes: CibNotes): void {
  const id = e.attrs.id ?? '';
  const inner = e.children.filter((c) => c.name === 'primitive' || c.name === 'group');
  const options: DesiredAttribute[] = [];
  let promotable = e.name === 'master';
  for (const p of nvPairs(childrenNamed(e, 'meta_attributes'), `resources.${id}.clone`, notes)) {
    if (p.name === 'promotable') {
      promotable = normalBoolean(p.value) === 'true';
      continue;
    }
    options.push(namedValue(LEGACY_CLONE_OPTIONS[p.name] ?? p.name, p.value, CLONE_OPTIONS));
  }
  if (inner.length !== 1 || inner[0].name !== 'primitive') {
    notes.unsupported(`resources.${id}`, `clone ${id} of ${inner[0]?.name === 'group' ? `the group ${inner[0].attrs.id ?? '?'}` : 'something other than one resource'}`);
    unnamable(e, out.refs);
    return;
  }
  const clone: DesiredClone = { id, kind: promotable ? 'promotable' : 'clone', options };
  const resource = readPrimitive(inner[0], clone, notes);
  out.resources.push(resource);
  out.refs.set(id, resource.id);
  out.refs.set(resource.id, resource.id);
}

function readGroup(e: XmlElement, out: CibResources & { refs: Map<string, string | null> }, notes: CibNotes): void {
  const id = e.attrs.id ?? '';
  noteContainerMeta(e, `group ${id}`, notes);
  const members: { id: string }[] = [];
  for (const c of e.children) {
    if (c.name === 'primitive') {
      const r = readPrimitive(c, undefined, notes);
      out.resources.push(r);
      out.refs.set(r.id, r.id);
      members.push({ id: r.id });
    } else if (c.name !== 'meta_attributes') {
      notes.unsupported(`groups.${id}`, `group ${id} holds <${c.name}>`);
    }
  }
  out.groups.push({ id, members });
  out.refs.set(id, id);
}

/** Reads the resources section; what the format cannot say goes to `notes`. */
export function readCibResources(section: XmlElement | undefined, notes: CibNotes): CibResources {
  const out = { resources: [] as DesiredResource[], groups: [] as DesiredGroup[], refs: new Map<string, string | null>() };
  for (const e of section?.children ?? []) {
    const id = e.attrs.id ?? '?';
    switch (e.name) {
      case 'primitive': {
        const r = readPrimitive(e, undefined, notes);
        out.resources.push(r);
        out.refs.set(r.id, r.id);
        break;
      }
      case 'group': readGroup(e, out, notes); break;
      case 'clone':
      case 'master': readClone(e, out, notes); break;
      default:
        notes.unsupported(`resources.${id}`, `${e.name === 'bundle' ? 'bundle' : e.name === 'template' ? 'resource template' : `<${e.name}>`} ${id}`);
        unnamable(e, out.refs);
    }
  }
  return out;
}
