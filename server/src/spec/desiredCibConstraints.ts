/**
 * The CIB's constraints in the spec's terms: colocations, orders and locations
 * between resources and groups named the spec's way (a clone by its resource),
 * words normalised as the spec's are. `cli-prefer-*` and `cli-ban-*` locations go
 * apart as leftovers of moves; rules, resource sets, tickets, patterns, roles on a
 * location and attributes the format has no key for are unsupported.
 */
import { XmlElement, childrenNamed, descendants } from '../xml/xmlTree';
import type { DesiredColocation, DesiredConstraints, DesiredLocation, DesiredOrder, DesiredRef, DesiredValue } from './desired';
import { orderWordOf } from './desiredConstraints';
import { CibNotes } from './desiredCibSets';
import { roleOf } from './desiredValues';
import { normalBoolean, normalScore, parseScore, Role } from './vocabulary';

const ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  rsc_colocation: ['id', 'rsc', 'with-rsc', 'score', 'rsc-role', 'with-rsc-role'],
  rsc_order: ['id', 'first', 'then', 'kind', 'symmetrical', 'first-action', 'then-action', 'score'],
  rsc_location: ['id', 'rsc', 'node', 'score'],
};

const NOUN: Readonly<Record<string, string>> = { rsc_colocation: 'colocation', rsc_order: 'order', rsc_location: 'location' };

function value<T = string>(raw: string | undefined, normal: (t: string) => T | undefined): DesiredValue<T> | undefined {
  if (raw === undefined) return undefined;
  const v = normal(raw);
  return { ...(v === undefined ? {} : { value: v }), text: raw };
}

class ConstraintReader {
  readonly colocations: DesiredColocation[] = [];
  readonly orders: DesiredOrder[] = [];
  readonly locations: DesiredLocation[] = [];

  constructor(private readonly refs: ReadonlyMap<string, string | null>, private readonly notes: CibNotes) {}

  /** Why the constraint cannot be read the spec's way, or undefined. */
  private obstacle(e: XmlElement): string | undefined {
    if (descendants(e, 'resource_set').length > 0) return 'uses resource sets';
    if (childrenNamed(e, 'rule').length > 0) return 'has a rule';
    if (e.attrs['rsc-pattern'] !== undefined) return `names resources by the pattern ${e.attrs['rsc-pattern']}`;
    const extra = Object.keys(e.attrs).find((a) => !ATTRIBUTES[e.name].includes(a));
    if (extra !== undefined) return `has ${extra}=${e.attrs[extra]}`;
    return undefined;
  }

  /** A side of the constraint, named the spec's way; undefined for what a spec cannot name. */
  private ref(id: string | undefined): DesiredRef | undefined {
    if (id === undefined) return undefined;
    const named = this.refs.get(id);
    if (named === null) return undefined;
    return { id: named ?? id };
  }

  private unsupported(e: XmlElement, why: string): void {
    const id = e.attrs.id ?? '?';
    this.notes.unsupported(`constraints.${NOUN[e.name] ?? e.name}.${id}`, `${NOUN[e.name] ?? e.name} constraint ${id} ${why}`);
  }

  read(e: XmlElement): void {
    const id = e.attrs.id ?? '';
    if (e.name === 'rsc_location' && /^cli-(prefer|ban)-/.test(id)) {
      const { rsc, node, score } = e.attrs;
      this.notes.leftover({ id, kind: id.startsWith('cli-prefer-') ? 'prefer' : 'ban', resource: this.ref(rsc)?.id ?? rsc ?? '', ...(node ? { node } : {}), ...(score ? { score } : {}) });
      return;
    }
    if (ATTRIBUTES[e.name] === undefined) {
      this.notes.unsupported(`constraints.${id}`, `${e.name === 'rsc_ticket' ? 'ticket constraint' : `<${e.name}>`} ${id}`);
      return;
    }
    const why = this.obstacle(e);
    if (why !== undefined) {
      this.unsupported(e, why);
      return;
    }
    if (e.name === 'rsc_colocation') this.colocation(e);
    else if (e.name === 'rsc_order') this.order(e);
    else this.location(e);
  }

  private sides(e: XmlElement, a: string, b: string): [DesiredRef, DesiredRef] | undefined {
    const first = this.ref(e.attrs[a]);
    const second = this.ref(e.attrs[b]);
    if (first && second) return [first, second];
    this.unsupported(e, e.attrs[a] && e.attrs[b] ? 'is on something a spec cannot name (a cloned group, a bundle)' : `lacks ${e.attrs[a] ? b : a}`);
    return undefined;
  }

  private colocation(e: XmlElement): void {
    const sides = this.sides(e, 'rsc', 'with-rsc');
    if (!sides) return;
    const score = value(e.attrs.score, normalScore);
    if (!score) return this.unsupported(e, 'has no score');
    const role = value<Role>(e.attrs['rsc-role'], roleOf);
    const withRole = value<Role>(e.attrs['with-rsc-role'], roleOf);
    this.colocations.push({ id: e.attrs.id ?? '', resource: sides[0], with: sides[1], score, ...(role ? { role } : {}), ...(withRole ? { withRole } : {}) });
  }

  private order(e: XmlElement): void {
    const sides = this.sides(e, 'first', 'then');
    if (!sides) return;
    let kind = value(e.attrs.kind, (t) => orderWordOf('kind', t));
    // Before `kind`, an order had a score: INFINITY (or more than 0) is Mandatory, 0 is Optional.
    if (e.attrs.score !== undefined) {
      const n = parseScore(e.attrs.score);
      if (kind || n === undefined || n < 0) return this.unsupported(e, `has score=${e.attrs.score}`);
      kind = { value: n > 0 ? 'Mandatory' : 'Optional', text: e.attrs.score };
    }
    const symmetrical = value(e.attrs.symmetrical, normalBoolean);
    const firstAction = value(e.attrs['first-action'], (t) => orderWordOf('first-action', t));
    const thenAction = value(e.attrs['then-action'], (t) => orderWordOf('then-action', t));
    this.orders.push({
      id: e.attrs.id ?? '', first: sides[0], then: sides[1],
      ...(kind ? { kind } : {}), ...(symmetrical ? { symmetrical } : {}),
      ...(firstAction ? { firstAction } : {}), ...(thenAction ? { thenAction } : {}),
    });
  }

  private location(e: XmlElement): void {
    const resource = this.ref(e.attrs.rsc);
    const node = e.attrs.node;
    const score = value(e.attrs.score, normalScore);
    if (!resource || !node || !score) return this.unsupported(e, !resource ? 'is on something a spec cannot name' : !node ? 'names no node' : 'has no score');
    this.locations.push({ id: e.attrs.id ?? '', resource, node: { id: node }, score });
  }
}

/** Reads the constraints section; `refs` names the CIB's ids the spec's way (desiredCibResources.ts). */
export function readCibConstraints(section: XmlElement | undefined, refs: ReadonlyMap<string, string | null>, notes: CibNotes): DesiredConstraints {
  const reader = new ConstraintReader(refs, notes);
  for (const e of section?.children ?? []) reader.read(e);
  return { colocations: reader.colocations, orders: reader.orders, locations: reader.locations };
}
