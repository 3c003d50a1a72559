/**
 * One walk of the resolved YAML tree against ROOT_SHAPE (schema.ts), yielding typed
 * findings: keys the format does not have, values of the wrong YAML type, required
 * keys that are absent, and every scalar and attribute a value rule applies to. The
 * structure validators (unknown-key, type-mismatch, missing-field, the value codes)
 * each turn their kind of finding into diagnostics; the walk itself knows no
 * messages and no codes. It is cached per model, so they walk the tree once together.
 *
 * `x-` keys are skipped in every fixed-key mapping (the format's own mappings and the
 * attribute vocabularies); ids (resources, groups, nodes) are not fixed keys.
 */
import { AttributeDef, AttributeSet, OP_OPTIONS } from '../../spec/attributes';
import { Span } from '../../spec/diagnostic';
import { SpecModel } from '../../spec/model';
import { releaseAttribute, statedRelease } from '../../spec/releaseAttributes';
import { FieldDef, isExtensionKey, ROOT_SHAPE, Shape } from '../../spec/schema';
import { YMap, YNode, YPair, YScalar } from '../../spec/yamlTree';
import { ScalarShape } from './valueRules';

/** Where a finding is: a noun phrase ("resource 'x'", "'ssh' of node 'n'") and the phrase for messages ("in resource 'x'"). */
export interface Place {
  readonly label: string;
  readonly at: string;
}

export type Finding =
  | { readonly kind: 'unknown-key'; readonly pair: YPair; readonly known: readonly string[]; readonly place: Place }
  /** Two keys of one mapping that exclude each other; `pair` is the later one. */
  | { readonly kind: 'conflict'; readonly pair: YPair; readonly other: string; readonly place: Place }
  | { readonly kind: 'wrong-type'; readonly node: YNode; readonly shape: Shape; readonly subject: string }
  /** A required key that is absent (or present without a value); `span` is where to report it. */
  | { readonly kind: 'missing'; readonly field: FieldDef; readonly span: Span; readonly place: Place; readonly empty: boolean }
  /**
   * A mapping or list with fewer entries than the format needs (`nodes: {}`, a group
   * without members); `subject` names it, `noun` one entry, `doc` says what it is for.
   */
  | { readonly kind: 'too-few'; readonly subject: string; readonly noun: string; readonly doc: string; readonly span: Span; readonly min: number }
  | { readonly kind: 'scalar'; readonly node: YScalar; readonly shape: ScalarShape; readonly subject: string; readonly keySpan: Span }
  | { readonly kind: 'attribute'; readonly set: AttributeSet; readonly pair: YPair; readonly def?: AttributeDef; readonly place: Place };

const ROOT: Place = { label: 'the spec', at: 'at the top level' };

function place(label: string): Place {
  return { label, at: `in ${label}` };
}

/** The first line of a span: where a finding about a multi-line list item points. */
function firstLine(text: string, span: Span): Span {
  const nl = text.indexOf('\n', span.start);
  return { start: span.start, end: nl < 0 || nl > span.end ? span.end : nl };
}

class Walker {
  readonly findings: Finding[] = [];
  /** `versioned`: the spec states its Pacemaker release, whose names the vocabularies then know too. */
  constructor(private readonly text: string, private readonly versioned: boolean) {}

  root(node: YNode | undefined): void {
    const start = { start: 0, end: 0 };
    if (node === undefined || (node.kind === 'scalar' && node.value === null)) {
      this.missingFields(ROOT_SHAPE, undefined, start, ROOT);
      return;
    }
    if (node.kind !== 'map') {
      // One finding: the keys it lacks are a consequence of not being a mapping.
      this.findings.push({ kind: 'wrong-type', node, shape: ROOT_SHAPE, subject: 'The spec' });
      return;
    }
    if (ROOT_SHAPE.kind === 'map') this.map(node, node.pairs[0]?.keySpan ?? start, ROOT, ROOT_SHAPE);
  }

  private missingFields(shape: Shape, map: YMap | undefined, anchor: Span, where: Place): void {
    if (shape.kind !== 'map') return;
    for (const field of shape.fields) {
      if (field.required && !map?.get(field.name)) {
        this.findings.push({ kind: 'missing', field, span: anchor, place: where, empty: false });
      }
    }
  }

  /** A fixed-key mapping; `anchor` is the span missing keys are reported at. */
  private map(map: YMap, anchor: Span, where: Place, shape: Extract<Shape, { kind: 'map' }>, owner?: string): void {
    const byName = fieldIndex(shape.fields);
    for (const pair of map.pairs) {
      if (isExtensionKey(pair.key)) continue;
      const field = byName.get(pair.key);
      if (!field) {
        this.findings.push({ kind: 'unknown-key', pair, known: shape.fields.map((f) => f.name), place: where });
        continue;
      }
      for (const other of field.conflictsWith ?? []) {
        const o = map.get(other);
        if (o && o.keySpan.start < pair.keySpan.start) this.findings.push({ kind: 'conflict', pair, other, place: where });
      }
      const label = where === ROOT ? `'${field.name}'` : `'${field.name}' of ${where.label}`;
      if (field.required && isBlank(pair.value) && SCALAR_KINDS.has(field.shape.kind)) {
        this.findings.push({ kind: 'missing', field, span: pair.keySpan, place: where, empty: true });
        continue;
      }
      this.value(pair.value, field.shape, label, pair.keySpan, owner);
      const min = field.shape.kind === 'dict' ? field.shape.minEntries : undefined;
      if (min !== undefined && (pair.value.kind === 'map' ? pair.value.pairs.length : isEmpty(pair.value) ? 0 : min) < min) {
        this.findings.push({ kind: 'too-few', subject: `'${field.name}'`, noun: 'entry', doc: field.doc, span: pair.keySpan, min });
      }
    }
    this.missingFields(shape, map, anchor, where);
  }

  /**
   * Any value of a shape. `label` names it, `keySpan` is the key it sits under (or its
   * item head), `owner` names the nearest resource, group or node it belongs to.
   */
  private value(node: YNode, shape: Shape, label: string, keySpan: Span, owner: string | undefined): void {
    switch (shape.kind) {
      case 'string':
      case 'ref':
      case 'agent':
        if (node.kind !== 'scalar') this.wrong(node, shape, label);
        return;
      case 'integer':
      case 'value':
        if (node.kind !== 'scalar') this.wrong(node, shape, label);
        else this.findings.push({ kind: 'scalar', node, shape, subject: label, keySpan });
        return;
      case 'map':
        if (isEmpty(node)) this.missingFields(shape, undefined, keySpan, place(label));
        else if (node.kind !== 'map') this.wrong(node, shape, label);
        else this.map(node, keySpan, place(label), shape, owner);
        return;
      case 'dict':
        if (node.kind === 'map') {
          for (const pair of node.pairs) {
            const entry = `${shape.keyKind} '${pair.key}'`;
            this.value(pair.value, shape.value, entry, pair.keySpan, entry);
          }
        } else if (!isEmpty(node)) this.wrong(node, shape, label);
        return;
      case 'list':
        if (shape.minItems !== undefined && (isEmpty(node) || (node.kind === 'seq' && node.items.length < shape.minItems))) {
          this.findings.push({ kind: 'too-few', subject: capitalizeFirst(label), noun: shape.itemNoun ?? 'item', doc: LIST_DOC, span: keySpan, min: shape.minItems });
        }
        if (node.kind === 'seq') {
          node.items.forEach((item, i) => {
            const noun = `${shape.itemNoun ?? 'item'} ${i + 1}`;
            const itemLabel = label === owner || !shape.itemNoun ? `${noun} of ${label}` : noun;
            this.value(item, shape.item, itemLabel, firstLine(this.text, item.span), owner);
          });
        } else if (!isEmpty(node)) this.wrong(node, shape, label);
        return;
      case 'attributes':
        if (node.kind === 'map') this.attributes(node, shape.set, place(label));
        else if (!isEmpty(node)) this.wrong(node, shape, label);
        return;
      case 'params':
        if (node.kind === 'map') {
          for (const pair of node.pairs) {
            if (pair.value.kind !== 'scalar') this.wrong(pair.value, { kind: 'string' }, `parameter '${pair.key}' of ${owner ?? label}`);
          }
        } else if (!isEmpty(node)) this.wrong(node, shape, label);
        return;
      case 'ops':
        if (node.kind === 'map') this.ops(node, owner ?? label);
        else if (!isEmpty(node)) this.wrong(node, shape, label);
        return;
    }
  }

  private ops(map: YMap, owner: string): void {
    const op: Shape = { kind: 'attributes', set: OP_OPTIONS };
    for (const pair of map.pairs) {
      const label = `operation '${pair.key}' of ${owner}`;
      if (pair.value.kind === 'seq') {
        pair.value.items.forEach((item, i) => this.value(item, op, `operation '${pair.key}' #${i + 1} of ${owner}`, item.span, owner));
      } else {
        this.value(pair.value, op, label, pair.keySpan, owner);
      }
    }
  }

  private attributes(map: YMap, set: AttributeSet, where: Place): void {
    for (const pair of map.pairs) {
      if (isExtensionKey(pair.key)) continue;
      if (pair.value.kind !== 'scalar') {
        this.wrong(pair.value, { kind: 'string' }, `${set.noun} '${pair.key}' ${where.at}`);
        continue;
      }
      this.findings.push({ kind: 'attribute', set, pair, def: releaseAttribute(set, pair.key, this.versioned), place: where });
    }
  }

  private wrong(node: YNode, shape: Shape, subject: string): void {
    this.findings.push({ kind: 'wrong-type', node, shape, subject });
  }
}

const indexes = new WeakMap<readonly FieldDef[], ReadonlyMap<string, FieldDef>>();

/** The fields of a mapping shape by name, built once per shape. */
function fieldIndex(fields: readonly FieldDef[]): ReadonlyMap<string, FieldDef> {
  let index = indexes.get(fields);
  if (!index) {
    index = new Map(fields.map((f) => [f.name, f]));
    indexes.set(fields, index);
  }
  return index;
}

/** What a list that needs entries is for; only groups have a minimum. */
const LIST_DOC = 'A group holds the resources that run together on one node, in start order: list them, or remove the group.';

function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const SCALAR_KINDS = new Set<Shape['kind']>(['string', 'ref', 'agent', 'integer', 'value']);

function isEmpty(node: YNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}

/** Empty, or text of blanks only (`cluster: ""`): for a required single value, as good as absent. */
function isBlank(node: YNode): boolean {
  return node.kind === 'scalar' && (node.value === null || node.text.trim() === '');
}

const cache = new WeakMap<SpecModel, readonly Finding[]>();

/** The structure findings of a model, computed once per model. */
export function structureFindings(model: SpecModel): readonly Finding[] {
  let findings = cache.get(model);
  if (!findings) {
    const walker = new Walker(model.text, statedRelease(model) !== undefined);
    walker.root(model.yaml.root);
    findings = walker.findings;
    cache.set(model, findings);
  }
  return findings;
}
