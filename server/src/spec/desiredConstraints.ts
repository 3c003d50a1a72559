/**
 * The desired cluster's constraints: colocation, order and location, each with
 * both of its sides (one without them cannot be compared and is left out; the checks
 * report it) and its words normalised. A score left out is INFINITY, as the format
 * says; other defaults (an order's kind and actions) are Pacemaker's to fill in.
 */
import type { DesiredColocation, DesiredConstraints, DesiredLocation, DesiredOrder, DesiredRef, DesiredValue } from './desired';
import { normalWord, roleValue, spanOf, valueOf } from './desiredValues';
import { asScalar, Ref, SpecModel } from './model';
import { ORDER_FIELDS } from './schema';
import { normalBoolean, normalScore } from './vocabulary';
import { YMap } from './yamlTree';

const INFINITY_SCORE: DesiredValue = { value: 'INFINITY', text: 'INFINITY' };

function idRef(ref: Ref): DesiredRef {
  return { id: ref.id, span: spanOf(ref.span) };
}

/** A constraint's score; INFINITY when absent or empty. */
function score(map: YMap): DesiredValue {
  const written = asScalar(map.get('score')?.value);
  return written?.text.trim() ? valueOf(written, normalScore) ?? INFINITY_SCORE : INFINITY_SCORE;
}

/** An order's fixed word (`kind`, `first-action`, `then-action`) in its canonical spelling, as the order fields of the format list them. */
export function orderWordOf(key: 'kind' | 'first-action' | 'then-action', text: string): string | undefined {
  const field = ORDER_FIELDS.find((f) => f.name === key);
  const rule = field?.shape.kind === 'value' ? field.shape.rule : undefined;
  return rule ? normalWord(rule, text) : text;
}

function orderWord(map: YMap, key: 'kind' | 'first-action' | 'then-action'): DesiredValue | undefined {
  return valueOf(asScalar(map.get(key)?.value), (t) => orderWordOf(key, t));
}

export function readConstraints(model: SpecModel): DesiredConstraints {
  const colocations: DesiredColocation[] = [];
  for (const c of model.colocations) {
    if (!c.resource || !c.with) continue;
    const role = roleValue(c.map.get('role')?.value);
    const withRole = roleValue(c.map.get('with-role')?.value);
    colocations.push({
      span: spanOf(c.map.span), resource: idRef(c.resource), with: idRef(c.with), score: score(c.map),
      ...(role ? { role } : {}), ...(withRole ? { withRole } : {}),
    });
  }
  const orders: DesiredOrder[] = [];
  for (const o of model.orders) {
    if (!o.first || !o.then) continue;
    const kind = orderWord(o.map, 'kind');
    const symmetrical = valueOf(asScalar(o.map.get('symmetrical')?.value), normalBoolean);
    const firstAction = orderWord(o.map, 'first-action');
    const thenAction = orderWord(o.map, 'then-action');
    orders.push({
      span: spanOf(o.map.span), first: idRef(o.first), then: idRef(o.then),
      ...(kind ? { kind } : {}), ...(symmetrical ? { symmetrical } : {}),
      ...(firstAction ? { firstAction } : {}), ...(thenAction ? { thenAction } : {}),
    });
  }
  const locations: DesiredLocation[] = [];
  for (const l of model.locations) {
    if (!l.resource || !l.node) continue;
    locations.push({ span: spanOf(l.map.span), resource: idRef(l.resource), node: idRef(l.node), score: score(l.map) });
  }
  return { colocations, orders, locations };
}
