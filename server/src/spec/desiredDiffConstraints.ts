/**
 * Groups and constraints compared. A group is its ordered list of members. A spec
 * constraint has no id: it stands for the live constraint between the same two
 * sides (a colocation of `resource` with `with`, an order of `first` then `then`, a
 * location of a resource on a node), and is compared whole, with Pacemaker's
 * defaults filled in on both sides (score INFINITY is the format's; roles Started,
 * kind Mandatory, actions start, `then-action` as `first-action`, symmetrical unless
 * Serialize are Pacemaker's).
 */
import type { DesiredCluster, DesiredColocation, DesiredLocation, DesiredOrder, DesiredValue } from './desired';
import { Difference, DiffSubject, normalOf } from './desiredDiffValues';

type Type = 'colocation' | 'order' | 'location';

/** One compared field of a constraint: its key in the spec, its normal form with the default, its text. */
interface Field {
  readonly key: string;
  readonly normal: string;
  readonly text: string;
  readonly value?: DesiredValue<string>;
}

function field(key: string, value: DesiredValue<string> | undefined, fallback: string): Field {
  return { key, normal: normalOf(value) ?? fallback, text: value?.text ?? fallback, ...(value ? { value } : {}) };
}

function colocationFields(c: DesiredColocation): Field[] {
  return [field('score', c.score, 'INFINITY'), field('role', c.role, 'Started'), field('with-role', c.withRole, 'Started')];
}

function orderFields(o: DesiredOrder): Field[] {
  const kind = field('kind', o.kind, 'Mandatory');
  const first = field('first-action', o.firstAction, 'start');
  return [kind, field('symmetrical', o.symmetrical, kind.normal === 'Serialize' ? 'false' : 'true'), first, field('then-action', o.thenAction, first.normal)];
}

function locationFields(l: DesiredLocation): Field[] {
  return [field('score', l.score, 'INFINITY')];
}

/** A constraint in a few words: `stash_vip with stash_res (INFINITY)`. */
export function describeColocation(c: DesiredColocation): string {
  return `${c.resource.id} with ${c.with.id} (${c.score.text})`;
}

export function describeOrder(o: DesiredOrder): string {
  return `${o.firstAction ? `${o.firstAction.text} ` : ''}${o.first.id} then ${o.thenAction ? `${o.thenAction.text} ` : ''}${o.then.id}`;
}

export function describeLocation(l: DesiredLocation): string {
  return `${l.resource.id} on ${l.node.id} (${l.score.text})`;
}

interface Kind<T> {
  readonly type: Type;
  readonly key: (c: T) => string;
  readonly fields: (c: T) => Field[];
  readonly describe: (c: T) => string;
  readonly of: (cluster: DesiredCluster) => readonly T[];
}

const KINDS = {
  colocation: {
    type: 'colocation', key: (c) => `${c.resource.id}\0${c.with.id}`, fields: colocationFields, describe: describeColocation,
    of: (cluster) => cluster.constraints.colocations,
  } satisfies Kind<DesiredColocation>,
  order: {
    type: 'order', key: (o) => `${o.first.id}\0${o.then.id}`, fields: orderFields, describe: describeOrder,
    of: (cluster) => cluster.constraints.orders,
  } satisfies Kind<DesiredOrder>,
  location: {
    type: 'location', key: (l) => `${l.resource.id}\0${l.node.id}`, fields: locationFields, describe: describeLocation,
    of: (cluster) => cluster.constraints.locations,
  } satisfies Kind<DesiredLocation>,
};

/** The live constraint each spec constraint stands for, by the spec's index: the first unused one between the same sides. */
export function matchConstraints<T>(spec: readonly T[], live: readonly T[], key: (c: T) => string): (T | undefined)[] {
  const used = new Set<T>();
  return spec.map((s) => {
    const l = live.find((c) => !used.has(c) && key(c) === key(s));
    if (l !== undefined) used.add(l);
    return l;
  });
}

function diffKind<T extends { readonly id?: string; readonly span?: { start: number; end: number } }>(kind: Kind<T>, spec: DesiredCluster, live: DesiredCluster): Difference[] {
  const out: Difference[] = [];
  const specList = kind.of(spec);
  const liveList = kind.of(live);
  const matched = matchConstraints(specList, liveList, kind.key);
  specList.forEach((s, index) => {
    const path = `constraints.${kind.type}[${index}]`;
    const subject: DiffSubject = { kind: 'constraint', type: kind.type, index };
    const l = matched[index];
    if (l === undefined) {
      out.push({ kind: 'add', path, live: null, spec: kind.describe(s), ...(s.span ? { span: s.span } : {}), subject });
      return;
    }
    const liveFields = kind.fields(l);
    for (const f of kind.fields(s)) {
      const have = liveFields.find((x) => x.key === f.key);
      if (have?.normal === f.normal) continue;
      const span = f.value?.span ?? s.span;
      out.push({ kind: 'change', path: `${path}.${f.key}`, live: have?.text ?? null, spec: f.text, ...(span ? { span } : {}), subject: { ...subject, ...(l.id ? { liveId: l.id } : {}) } });
    }
  });
  for (const l of liveList) {
    if (matched.includes(l)) continue;
    out.push({ kind: 'live-only', path: `constraints.${kind.type}.${l.id ?? '?'}`, live: kind.describe(l), spec: null, subject: { kind: 'constraint', type: kind.type, ...(l.id ? { liveId: l.id } : {}) } });
  }
  return out;
}

export function diffConstraints(spec: DesiredCluster, live: DesiredCluster): Difference[] {
  return [...diffKind(KINDS.colocation, spec, live), ...diffKind(KINDS.order, spec, live), ...diffKind(KINDS.location, spec, live)];
}

/** Groups by id; a group is its members in start order. */
export function diffGroups(spec: DesiredCluster, live: DesiredCluster): Difference[] {
  const out: Difference[] = [];
  const members = (ids: readonly { id: string }[]) => ids.map((m) => m.id).join(', ');
  for (const s of spec.groups) {
    const l = live.groups.find((g) => g.id === s.id);
    const subject: DiffSubject = { kind: 'group', id: s.id };
    const span = s.span ? { span: s.span } : {};
    if (l === undefined) out.push({ kind: 'add', path: `groups.${s.id}`, live: null, spec: members(s.members), ...span, subject });
    else if (members(l.members) !== members(s.members)) out.push({ kind: 'change', path: `groups.${s.id}`, live: members(l.members), spec: members(s.members), ...span, subject });
  }
  for (const l of live.groups) {
    if (!spec.groups.some((g) => g.id === l.id)) out.push({ kind: 'live-only', path: `groups.${l.id}`, live: members(l.members), spec: null, subject: { kind: 'group', id: l.id } });
  }
  return out;
}
