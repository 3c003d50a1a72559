/**
 * Id navigation over a spec model: the outline, and go-to-definition, references and
 * rename for resource, group and node ids. Plain functions of offsets and spans; the
 * LSP handlers translate them. Resources and groups share one id space, nodes have
 * their own. A rename only ever edits text that is the id itself: a use reached
 * through an alias is renamed at its anchored original, once.
 */
import { aliasOrigins, AliasedUse } from '../spec/anchors';
import { Span, TextEdit } from '../spec/diagnostic';
import { replaceLiteral } from '../spec/edits';
import { SpecModel } from '../spec/model';
import { isValidId, isValidNodeName } from '../spec/vocabulary';

export { documentSymbols } from './outline';
export type { SpecSymbol } from './outline';

export interface IdHit {
  readonly id: string;
  readonly kind: 'resource' | 'group' | 'node';
  readonly span: Span;
  readonly isDeclaration: boolean;
}

interface Occurrence extends IdHit {
  /** Whether the document text at `span` is the id itself (plain or quoted), not an alias. */
  readonly literal: boolean;
}

function isLiteral(text: string, span: Span, id: string): boolean {
  return replaceLiteral(text, span, id, id) !== undefined;
}

/** Every declaration and reference whose span holds `offset` (ends inclusive, so a cursor just after an id counts). */
function occurrencesAt(model: SpecModel, offset: number): Occurrence[] {
  const out: Occurrence[] = [];
  const at = (span: Span) => span.start <= offset && offset <= span.end;
  const push = (id: string, kind: IdHit['kind'], span: Span, isDeclaration: boolean) => {
    if (at(span)) out.push({ id, kind, span, isDeclaration, literal: isLiteral(model.text, span, id) });
  };
  for (const r of model.resources) push(r.id, 'resource', r.idSpan, true);
  for (const g of model.groups) push(g.id, 'group', g.idSpan, true);
  for (const n of model.nodes) push(n.id, 'node', n.idSpan, true);
  for (const r of model.resourceRefs) if (at(r.span)) push(r.id, model.ids.get(r.id)?.kind ?? 'resource', r.span, false);
  for (const r of model.nodeRefs) push(r.id, 'node', r.span, false);
  return out;
}

/**
 * The id at `offset`: a name written there, or an alias that stands for exactly one
 * id (such as `with: *vip`). Undefined elsewhere, and on an alias standing for several.
 */
export function idAt(model: SpecModel, offset: number): IdHit | undefined {
  const all = occurrencesAt(model, offset);
  const hit = all.find((o) => o.literal)
    ?? (all.length > 0 && all.every((o) => o.id === all[0].id && o.kind === all[0].kind) ? all[0] : undefined);
  return hit && { id: hit.id, kind: hit.kind, span: hit.span, isDeclaration: hit.isDeclaration };
}

function inNodeSpace(hit: IdHit): boolean {
  return hit.kind === 'node';
}

/** Where the id at `offset` is declared (its first declaration). */
export function definition(model: SpecModel, offset: number): Span | undefined {
  const hit = idAt(model, offset);
  if (!hit) return undefined;
  return (inNodeSpace(hit) ? model.nodeIds.get(hit.id) : model.ids.get(hit.id))?.idSpan;
}

interface Use {
  readonly span: Span;
  readonly isDeclaration: boolean;
}

/** Every declaration and reference of `hit`'s id in its id space, in document order, each span once. */
function usesOf(model: SpecModel, hit: IdHit): Use[] {
  const uses: Use[] = [];
  if (inNodeSpace(hit)) {
    for (const n of model.nodes) if (n.id === hit.id) uses.push({ span: n.idSpan, isDeclaration: true });
    for (const r of model.nodeRefs) if (r.id === hit.id) uses.push({ span: r.span, isDeclaration: false });
  } else {
    for (const d of [...model.resources, ...model.groups]) if (d.id === hit.id) uses.push({ span: d.idSpan, isDeclaration: true });
    for (const r of model.resourceRefs) if (r.id === hit.id) uses.push({ span: r.span, isDeclaration: false });
  }
  const seen = new Set<string>();
  return uses
    .filter((u) => {
      const key = `${u.span.start}:${u.span.end}:${u.isDeclaration}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function uniqueSpans(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The spans that name the id at `offset`: its references, and its declarations when asked. */
export function references(model: SpecModel, offset: number, includeDeclaration: boolean): Span[] {
  const hit = idAt(model, offset);
  if (!hit) return [];
  return uniqueSpans(usesOf(model, hit).filter((u) => includeDeclaration || !u.isDeclaration).map((u) => u.span));
}

/** The id under the cursor and the text to offer for renaming it; the span excludes quotes. */
export function prepareRename(model: SpecModel, offset: number): { span: Span; placeholder: string } | undefined {
  const hit = idAt(model, offset);
  if (!hit) return undefined;
  const written = model.text.slice(hit.span.start, hit.span.end);
  const quoted = written !== hit.id && isLiteral(model.text, hit.span, hit.id);
  const span = quoted ? { start: hit.span.start + 1, end: hit.span.end - 1 } : hit.span;
  return { span, placeholder: hit.id };
}

/** Words YAML 1.1 readers take for booleans or null: written quoted so every reader sees a string. */
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null)$/i;

function nameProblem(model: SpecModel, hit: IdHit, name: string): string | undefined {
  if (inNodeSpace(hit)) {
    if (!isValidNodeName(name)) {
      return `'${name}' is not a valid node name: use letters, digits, '_', '.' and '-', starting with a letter, digit or '_'.`;
    }
    if (model.nodeIds.has(name)) return `A node named '${name}' already exists: choose another name.`;
    return undefined;
  }
  if (!isValidId(name)) {
    return `'${name}' is not a valid id: an id starts with a letter or '_' and holds only letters, digits, '_', '.' and '-'.`;
  }
  const taken = model.ids.get(name);
  if (taken) {
    return `'${name}' is already the id of ${taken.kind === 'group' ? 'a group' : 'a resource'} (resources and groups share one id space): choose another name.`;
  }
  return undefined;
}

/** The edit renaming one literal occurrence, keeping its quoting. */
function renameAt(text: string, span: Span, id: string, name: string): TextEdit | undefined {
  if (text.slice(span.start, span.end) === id) return { span, newText: RESERVED.test(name) ? `"${name}"` : name };
  return replaceLiteral(text, span, id, name);
}

/**
 * The edits renaming the id at `offset` everywhere it is declared and referenced, or
 * why it cannot be renamed (no id there, an invalid name, a name already taken).
 */
export function rename(model: SpecModel, offset: number, newName: string): { edits: TextEdit[] } | { error: string } {
  const hit = idAt(model, offset);
  if (!hit) return { error: 'There is no resource, group or node id at the cursor to rename.' };
  if (newName === hit.id) return { edits: [] };
  const problem = nameProblem(model, hit, newName);
  if (problem) return { error: problem };
  const edits: TextEdit[] = [];
  const aliased: AliasedUse[] = [];
  for (const use of usesOf(model, hit)) {
    const edit = renameAt(model.text, use.span, hit.id, newName);
    if (edit) edits.push(edit);
    else aliased.push({ span: use.span, role: use.isDeclaration ? 'key' : 'ref' });
  }
  for (const span of aliasOrigins(model.text, aliased, hit.id)) {
    const edit = renameAt(model.text, span, hit.id, newName);
    if (edit) edits.push(edit);
  }
  const seen = new Set<number>();
  const unique = edits
    .sort((a, b) => a.span.start - b.span.start)
    .filter((e) => (seen.has(e.span.start) ? false : (seen.add(e.span.start), true)));
  return { edits: unique };
}
