/**
 * The outline of a spec (document symbols): its sections in document order, with
 * nodes (address as detail), resources (agent as detail), groups (members as
 * detail and children), properties and defaults, and constraints described the way
 * a person says them ("stash_vip with stash_res (INFINITY)"). Every child's span lies
 * inside its parent's, as the editor requires.
 */
import { Span } from '../spec/diagnostic';
import { ColocationDecl, LocationDecl, OrderDecl, Ref, SpecModel } from '../spec/model';
import { YMap, YNode, YPair } from '../spec/yamlTree';

export interface SpecSymbol {
  name: string;
  detail?: string;
  kind: 'cluster' | 'node' | 'resource' | 'group' | 'constraint' | 'section' | 'property';
  span: Span;
  selectionSpan: Span;
  children: SpecSymbol[];
}

/** `span` without the trailing line breaks and blanks a block collection's span ends with. */
function trimmed(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

function pairSpan(text: string, pair: YPair): Span {
  return trimmed(text, {
    start: Math.min(pair.keySpan.start, pair.value.span.start),
    end: Math.max(pair.keySpan.end, pair.value.span.end),
  });
}

function scalarDetail(node: YNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? node.text : undefined;
}

function symbol(name: string, kind: SpecSymbol['kind'], span: Span, selectionSpan: Span, detail?: string, children: SpecSymbol[] = []): SpecSymbol {
  return detail === undefined ? { name, kind, span, selectionSpan, children } : { name, kind, span, selectionSpan, detail, children };
}

function pairSymbol(text: string, pair: YPair, kind: SpecSymbol['kind'], detail?: string, children: SpecSymbol[] = []): SpecSymbol {
  return symbol(pair.key, kind, pairSpan(text, pair), pair.keySpan, detail, children);
}

function properties(text: string, map: YMap | undefined): SpecSymbol[] {
  return (map?.pairs ?? []).map((p) => pairSymbol(text, p, 'property', scalarDetail(p.value)));
}

const name = (r: Ref | undefined): string => r?.id ?? '?';

function colocation(c: ColocationDecl): { name: string; detail?: string } {
  const role = scalarDetail(c.map.get('role')?.value);
  const withRole = scalarDetail(c.map.get('with-role')?.value);
  const roles = role || withRole ? `${role ?? 'any'} with ${withRole ?? 'any'}` : undefined;
  return { name: `${name(c.resource)} with ${name(c.with)} (${c.score?.text || 'INFINITY'})`, detail: roles };
}

function order(o: OrderDecl): { name: string; detail?: string } {
  return { name: `${name(o.first)} then ${name(o.then)}`, detail: scalarDetail(o.map.get('kind')?.value) };
}

function location(l: LocationDecl): { name: string; detail?: string } {
  return { name: `${name(l.resource)} on ${name(l.node)} (${l.score?.text || 'INFINITY'})` };
}

function constraintSymbols<C extends { readonly map: YMap }>(text: string, list: readonly C[],
  describe: (c: C) => { name: string; detail?: string }, first: (c: C) => Ref | undefined): SpecSymbol[] {
  return list.map((c) => {
    const span = trimmed(text, c.map.span);
    const { name: label, detail } = describe(c);
    return symbol(label, 'constraint', span, first(c)?.span ?? span, detail);
  });
}

function constraints(model: SpecModel, map: YMap | undefined): SpecSymbol[] {
  const text = model.text;
  const out: SpecSymbol[] = [];
  for (const pair of map?.pairs ?? []) {
    let children: SpecSymbol[] = [];
    if (pair.key === 'colocation') children = constraintSymbols(text, model.colocations, colocation, (c) => c.resource);
    else if (pair.key === 'order') children = constraintSymbols(text, model.orders, order, (o) => o.first);
    else if (pair.key === 'location') children = constraintSymbols(text, model.locations, location, (l) => l.resource);
    out.push(pairSymbol(text, pair, 'section', undefined, children));
  }
  return out;
}

/** The outline of a spec: one symbol per top-level key the format knows, with its entries as children. */
export function documentSymbols(model: SpecModel): SpecSymbol[] {
  const text = model.text;
  const out: SpecSymbol[] = [];
  for (const pair of model.root?.pairs ?? []) {
    switch (pair.key) {
      case 'cluster':
        out.push(pairSymbol(text, pair, 'cluster', scalarDetail(pair.value)));
        break;
      case 'nodes':
        out.push(pairSymbol(text, pair, 'section', undefined,
          model.nodes.map((n) => pairSymbol(text, n.pair, 'node', scalarDetail(n.address)))));
        break;
      case 'resources':
        out.push(pairSymbol(text, pair, 'section', undefined,
          model.resources.map((r) => pairSymbol(text, r.pair, 'resource', scalarDetail(r.agent)))));
        break;
      case 'groups':
        out.push(pairSymbol(text, pair, 'section', undefined, model.groups.map((g) =>
          pairSymbol(text, g.pair, 'group', g.members.map((m) => m.id).join(', ') || undefined,
            g.members.map((m) => symbol(m.id, 'resource', m.span, m.span))))));
        break;
      case 'constraints':
        out.push(pairSymbol(text, pair, 'section', undefined, constraints(model, pair.value.kind === 'map' ? pair.value : undefined)));
        break;
      case 'properties':
      case 'resource-defaults':
      case 'op-defaults':
        out.push(pairSymbol(text, pair, 'section', undefined, properties(text, pair.value.kind === 'map' ? pair.value : undefined)));
        break;
      default:
        break;
    }
  }
  return out;
}
