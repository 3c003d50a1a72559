/**
 * What is at an offset of a spec: the path of keys from the root, whether the offset
 * is on a key or a value, and what the format (schema.ts, attributes.ts) or the
 * resource's agent says about that place. Hover, completion and the other editor
 * services start here, so they all read the format the same way.
 *
 * It walks the resolved tree of the model it is given and never edits text; making a
 * half-typed line parseable for completion is `completionProbe` in completion.ts.
 */
import { AgentAction, AgentCatalog, AgentInfo, AgentParameter } from '../agents/model';
import { AttributeDef, AttributeSet, OP_OPTIONS } from '../spec/attributes';
import { Span } from '../spec/diagnostic';
import { ResourceDecl, SpecModel } from '../spec/model';
import { fieldOf, FieldDef, isExtensionKey, ROOT_SHAPE, Shape } from '../spec/schema';
import { YMap, YNode, YPair } from '../spec/yamlTree';

/** What a node at some place must be. */
export type Expect =
  | { readonly kind: 'shape'; readonly shape: Shape; readonly field?: FieldDef }
  /** The value of a meta attribute, operation option, clone option or property. */
  | { readonly kind: 'attribute'; readonly set: AttributeSet; readonly name: string; readonly def?: AttributeDef }
  /** The value of an agent parameter. */
  | { readonly kind: 'param'; readonly name: string; readonly param?: AgentParameter }
  /** What an action under `ops` holds: operation options, or a list of such mappings. */
  | { readonly kind: 'operation'; readonly action: string; readonly info?: AgentAction }
  /** Anything: under an `x-` key or a key the format does not have. */
  | { readonly kind: 'free' };

/** What a key means in the mapping that holds it. */
export type KeySlot =
  | { readonly kind: 'field'; readonly field: FieldDef }
  | { readonly kind: 'id'; readonly idKind: 'resource' | 'group' | 'node' }
  | { readonly kind: 'attribute'; readonly set: AttributeSet; readonly def?: AttributeDef }
  | { readonly kind: 'param'; readonly param?: AgentParameter }
  | { readonly kind: 'action'; readonly action?: AgentAction }
  | { readonly kind: 'extension' }
  | { readonly kind: 'unknown' };

export interface Cursor {
  readonly offset: number;
  /** Keys (and list indexes) from the root down to the node at the offset. */
  readonly path: readonly (string | number)[];
  /** On a key, on a value (a scalar, or a collection with nothing nearer), or nowhere in the tree. */
  readonly on: 'key' | 'value' | 'none';
  /** The mapping holding the key, or holding the value's pair (undefined for a list item). */
  readonly map?: YMap;
  /** What `map` is: which keys it may have. */
  readonly mapExpect?: Expect;
  /** The pair whose key or value the offset is on (for a list item: the pair holding the list). */
  readonly pair?: YPair;
  /** What the pair's key means. */
  readonly slot?: KeySlot;
  /** On a value: what it must be. */
  readonly expect?: Expect;
  /** The innermost node at the offset. */
  readonly node?: YNode;
  /** The resource the offset lies in, and its agent when the catalog knows it. */
  readonly resource?: ResourceDecl;
  readonly agent?: AgentInfo;
}

const ROOT: Expect = { kind: 'shape', shape: ROOT_SHAPE };
const FREE: Expect = { kind: 'free' };
const OPERATION_MAP: Shape = { kind: 'attributes', set: OP_OPTIONS };

/** True when the offset lies in the span or right at its end (where the caret sits after typing). */
export function touches(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The meaning of a key in a mapping of the given kind, and what its value must be. */
export function keyIn(expect: Expect, key: string, agent: AgentInfo | undefined): { slot: KeySlot; value: Expect } {
  if (expect.kind === 'operation') {
    const def = OP_OPTIONS.get(key);
    return { slot: { kind: 'attribute', set: OP_OPTIONS, def }, value: { kind: 'attribute', set: OP_OPTIONS, name: key, def } };
  }
  if (expect.kind !== 'shape') return { slot: { kind: 'unknown' }, value: FREE };
  const shape = expect.shape;
  switch (shape.kind) {
    case 'map': {
      const field = fieldOf(shape.fields, key);
      if (field) return { slot: { kind: 'field', field }, value: { kind: 'shape', shape: field.shape, field } };
      return { slot: { kind: isExtensionKey(key) && expect === ROOT ? 'extension' : 'unknown' }, value: FREE };
    }
    case 'dict':
      return { slot: { kind: 'id', idKind: shape.keyKind }, value: { kind: 'shape', shape: shape.value } };
    case 'attributes': {
      const def = shape.set.get(key);
      return { slot: { kind: 'attribute', set: shape.set, def }, value: { kind: 'attribute', set: shape.set, name: key, def } };
    }
    case 'params': {
      const param = agent?.parameter(key);
      return { slot: { kind: 'param', param }, value: { kind: 'param', name: key, param } };
    }
    case 'ops': {
      const action = agent?.action(key);
      return { slot: { kind: 'action', action }, value: { kind: 'operation', action: key, info: action } };
    }
    default:
      return { slot: { kind: 'unknown' }, value: FREE };
  }
}

/** What an item of a list of the given kind must be. */
export function itemOf(expect: Expect): Expect {
  if (expect.kind === 'operation') return { kind: 'shape', shape: OPERATION_MAP };
  if (expect.kind === 'shape' && expect.shape.kind === 'list') return { kind: 'shape', shape: expect.shape.item };
  return FREE;
}

/** The mapping kind an `operation` value is when it is a mapping. */
export function asMapExpect(expect: Expect): Expect {
  return expect.kind === 'operation' ? { kind: 'shape', shape: OPERATION_MAP } : expect;
}

interface Walk {
  path: (string | number)[];
  map?: YMap;
  mapExpect?: Expect;
  pair?: YPair;
  slot?: KeySlot;
  resource?: ResourceDecl;
  agent?: AgentInfo;
}

/** Describes the place at `offset` in the model's document. */
export function cursorAt(model: SpecModel, catalog: AgentCatalog, offset: number): Cursor {
  const w: Walk = { path: [] };
  if (!model.yaml.root || !touches(model.yaml.root.span, offset)) return { offset, path: [], on: 'none' };
  let node: YNode = model.yaml.root;
  let expect: Expect = ROOT;
  const result = (on: Cursor['on'], n: YNode, e?: Expect): Cursor => ({ offset, on, node: n, expect: e, ...w });

  for (;;) {
    if (node.kind === 'scalar') return result('value', node, expect);
    if (node.kind === 'seq') {
      const index = node.items.findIndex((item) => touches(item.span, offset) && !sameSpan(item.span, node.span));
      if (index < 0) return result('value', node, expect);
      w.path.push(index);
      expect = itemOf(expect);
      node = node.items[index];
      continue;
    }
    const map: YMap = node;
    const mapExpect = asMapExpect(expect);
    const own = map.pairs.filter((p) => !p.merged && !sameSpan(p.keySpan, map.span));
    const keyPair = own.find((p) => touches(p.keySpan, offset));
    const valuePair = keyPair ? undefined
      : own.find((p) => p.value.span.end > p.keySpan.end && touchesValue(model.text, p.value.span, offset));
    const next = keyPair ? { pair: keyPair, onKey: true } : valuePair ? { pair: valuePair, onKey: false } : undefined;
    if (!next) {
      // A mapping reached through an alias carries the alias's span on every pair: the caret is on the alias.
      const isAlias = map.pairs.length > 0 && map.pairs.every((p) => sameSpan(p.keySpan, map.span));
      if (isAlias) return result('value', map, expect);
      return { offset, on: 'none', node: map, ...w, map, mapExpect, pair: undefined, slot: undefined };
    }
    const { pair } = next;
    if (w.path.length === 1 && w.path[0] === 'resources') {
      w.resource = model.resources.find((r) => r.pair === pair);
      const agentName = w.resource?.agentRef?.name;
      w.agent = agentName === undefined ? undefined : catalog.get(agentName);
    }
    const meaning = keyIn(mapExpect, pair.key, w.agent);
    w.path.push(pair.key);
    w.map = map;
    w.mapExpect = mapExpect;
    w.pair = pair;
    w.slot = meaning.slot;
    if (next.onKey) return { offset, on: 'key', node: map, ...w };
    expect = meaning.value;
    node = pair.value;
  }
}

/** Like `touches`, but a value that ends with its line break does not reach into the next line. */
function touchesValue(text: string, span: Span, offset: number): boolean {
  if (offset < span.start || offset > span.end) return false;
  const last = text[span.end - 1];
  return offset < span.end || span.start === span.end || (last !== '\n' && last !== '\r');
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}
