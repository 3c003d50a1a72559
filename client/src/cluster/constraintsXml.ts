/**
 * Reads the CIB's constraints section (`cibadmin --query --scope constraints`,
 * the same on Pacemaker 1.1, 2 and 3): location, colocation and order
 * constraints, and among the locations the ones `crm_resource --move/--ban`
 * (and so `pcs resource move/ban`) leave behind, named cli-prefer-* and
 * cli-ban-*. crm_mon does not list positive location constraints, which is why
 * the status query asks for this section as well.
 */
import { attr, child, childrenNamed, descendants, parseXml, XmlElement } from '../../../server/src';
import { ColocationConstraint, Constraints, LeftoverConstraint, LocationConstraint, OrderConstraint } from './snapshot';

export type ConstraintsParse = { readonly ok: true; readonly constraints: Constraints } | { readonly ok: false; readonly error: string };

function location(e: XmlElement): LocationConstraint {
  const node = attr(e, 'node');
  const score = attr(e, 'score');
  const role = attr(e, 'role');
  return {
    id: e.attrs.id ?? '', resource: e.attrs.rsc ?? e.attrs['rsc-pattern'] ?? '',
    ...(node ? { node } : {}), ...(score ? { score } : {}), ...(role ? { role } : {}),
    hasRule: childrenNamed(e, 'rule').length > 0,
  };
}

function colocation(e: XmlElement): ColocationConstraint {
  const role = attr(e, 'rsc-role');
  const withRole = attr(e, 'with-rsc-role');
  return {
    id: e.attrs.id ?? '', resource: e.attrs.rsc ?? '', withResource: e.attrs['with-rsc'] ?? '',
    score: e.attrs.score ?? 'INFINITY', ...(role ? { role } : {}), ...(withRole ? { withRole } : {}),
  };
}

function order(e: XmlElement): OrderConstraint {
  const kind = attr(e, 'kind');
  return { id: e.attrs.id ?? '', first: e.attrs.first ?? '', then: e.attrs.then ?? '', ...(kind ? { kind } : {}) };
}

/** Parses the constraints section (or a whole CIB, whose constraints are used). */
export function parseConstraints(xml: string): ConstraintsParse {
  const parsed = parseXml(xml);
  if (!parsed.ok) return { ok: false, error: `constraints: ${parsed.error}` };
  let section: XmlElement | undefined = parsed.root;
  if (section.name === 'cib') section = child(child(section, 'configuration'), 'constraints');
  if (section === undefined || section.name !== 'constraints') {
    return { ok: false, error: `constraints: unexpected root element <${parsed.root.name}>` };
  }
  const locations: LocationConstraint[] = [];
  const colocations: ColocationConstraint[] = [];
  const orders: OrderConstraint[] = [];
  const setConstraintIds: string[] = [];
  for (const e of section.children) {
    if (descendants(e, 'resource_set').length > 0) {
      setConstraintIds.push(e.attrs.id ?? '');
      continue;
    }
    if (e.name === 'rsc_location') locations.push(location(e));
    else if (e.name === 'rsc_colocation') colocations.push(colocation(e));
    else if (e.name === 'rsc_order') orders.push(order(e));
  }
  return { ok: true, constraints: { locations, colocations, orders, setConstraintIds } };
}

/** The cli-prefer-* and cli-ban-* location constraints: what a move or ban left behind. */
export function leftoverConstraints(constraints: Constraints): LeftoverConstraint[] {
  const out: LeftoverConstraint[] = [];
  for (const l of constraints.locations) {
    const kind = l.id.startsWith('cli-prefer-') ? 'prefer' : l.id.startsWith('cli-ban-') ? 'ban' : undefined;
    if (kind === undefined) continue;
    out.push({ id: l.id, kind, resource: l.resource, ...(l.node ? { node: l.node } : {}), ...(l.score ? { score: l.score } : {}) });
  }
  return out;
}
