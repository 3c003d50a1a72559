/**
 * Text edits that quick fixes are made of: renaming a key or value written at a
 * place, and adding entries to a mapping in the style the document already uses
 * (block lines at the mapping's indentation, or `, key: value` inside `{ … }`).
 *
 * Every function returns undefined rather than guess when the place is not written
 * literally in the text, e.g. a mapping reached through an alias (`*common`): editing
 * there would change the anchor's other users, so no fix is offered.
 */
import { Span, TextEdit } from './diagnostic';
import { YMap, YNode, YPair, YSeq } from './yamlTree';

export interface Entry {
  readonly key: string;
  /** The value as Pacemaker reads it; empty gives `""`, for the user to fill in. */
  readonly value: string;
}

/** A plain scalar when it reads back as the same text, else a double-quoted one. */
export function yamlScalar(value: string): string {
  return /^[A-Za-z0-9_/][A-Za-z0-9_./+=@-]*$/.test(value) ? value : JSON.stringify(value);
}

/** Replaces a key or scalar written at `span` as `expected` (plain or quoted) with `replacement`. */
export function replaceLiteral(text: string, span: Span, expected: string, replacement: string): TextEdit | undefined {
  const written = text.slice(span.start, span.end);
  if (written === expected) return { span, newText: replacement };
  const q = written[0];
  if ((q === '"' || q === "'") && written.length >= 2 && written.endsWith(q) && written.slice(1, -1) === expected) {
    return { span: { start: span.start + 1, end: span.end - 1 }, newText: replacement };
  }
  return undefined;
}

/** The document's line break, read from its first line (not a scan of the whole text: fixes are built per finding). */
function eolOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Offset of the end of the line holding `offset` (before its line break). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

function blockLines(entries: readonly Entry[], indent: number, eol: string): string {
  return entries.map((e) => `${' '.repeat(indent)}${e.key}: ${yamlScalar(e.value)}`).join(eol);
}

function flowPairs(entries: readonly Entry[]): string {
  return entries.map((e) => `${e.key}: ${yamlScalar(e.value)}`).join(', ');
}

/** Inserts `pairsText` as the last pairs of the flow mapping `{ … }` at `map`. */
function flowInsert(text: string, map: YMap, pairsText: string): TextEdit | undefined {
  const close = map.span.end - 1;
  if (text[map.span.start] !== '{' || text[close] !== '}') return undefined;
  let last = close - 1;
  while (last > map.span.start && /\s/.test(text[last])) last--;
  if (last === map.span.start) return { span: { start: map.span.start, end: map.span.end }, newText: `{ ${pairsText} }` };
  const sep = text[last] === ',' ? ' ' : ', ';
  return { span: { start: last + 1, end: last + 1 }, newText: `${sep}${pairsText}` };
}

/** Inserts `lines` (already indented) after the last line of the block mapping at `map`. */
function blockInsert(text: string, map: YMap, lines: string): TextEdit {
  const eol = eolOf(text);
  const end = map.span.end;
  if (text[end - 1] === '\n') return { span: { start: end, end }, newText: `${lines}${eol}` };
  const at = lineEnd(text, end);
  return { span: { start: at, end: at }, newText: `${eol}${lines}` };
}

/** Adds `entries` to an existing mapping, block or flow. */
export function addToMapping(text: string, map: YMap, entries: readonly Entry[]): TextEdit | undefined {
  const first = text[map.span.start];
  if (first === '*' || entries.length === 0) return undefined;
  if (first === '{') return flowInsert(text, map, flowPairs(entries));
  return blockInsert(text, map, blockLines(entries, columnOf(text, map.span.start), eolOf(text)));
}

/** Fills `key:` whose value is empty with a block mapping of `entries`, indented under the key. */
export function fillEmptyKey(text: string, pair: YPair, entries: readonly Entry[]): TextEdit | undefined {
  if (pair.merged || pair.value.kind !== 'scalar' || pair.value.value !== null || entries.length === 0) return undefined;
  if (text.slice(pair.keySpan.start, pair.keySpan.end) !== pair.key) return undefined;
  const eol = eolOf(text);
  const at = lineEnd(text, pair.keySpan.end);
  return { span: { start: at, end: at }, newText: `${eol}${blockLines(entries, columnOf(text, pair.keySpan.start) + 2, eol)}` };
}

/** Adds `key:` holding a mapping of `entries` to the mapping `parent`, in the parent's style. */
export function addKeyWithMapping(text: string, parent: YMap, key: string, entries: readonly Entry[]): TextEdit | undefined {
  const first = text[parent.span.start];
  if (first === '*' || entries.length === 0) return undefined;
  if (first === '{') return flowInsert(text, parent, `${key}: { ${flowPairs(entries)} }`);
  const eol = eolOf(text);
  const indent = columnOf(text, parent.span.start);
  return blockInsert(text, parent, `${' '.repeat(indent)}${key}:${eol}${blockLines(entries, indent + 2, eol)}`);
}

/** How a document indents: the step of a nested mapping, and of a block sequence under its key (0 for `key:\n- item`). */
export interface Indentation {
  readonly step: number;
  readonly seqIndent: number;
}

/** Whether a collection is written in block style at its own place (not `{…}`, `[…]` or an alias). */
function isBlockAt(text: string, node: YNode): boolean {
  const c = text[node.span.start];
  return node.kind !== 'scalar' && c !== '{' && c !== '[' && c !== '*';
}

/** A parsed tree belongs to one text, so its indentation is read once. */
const indentationCache = new WeakMap<YNode, Indentation>();

/**
 * The indentation the document already uses, read from the first nested block
 * mapping and block sequence found breadth-first. The look is bounded (the first few
 * pairs of each mapping, a few hundred in all) so that a fix built for each of
 * thousands of findings stays cheap on a large spec; 2 and "same as the step" when
 * the document shows none.
 */
export function indentationOf(text: string, root: YNode | undefined): Indentation {
  const known = root && indentationCache.get(root);
  if (known) return known;
  let step: number | undefined;
  let seqIndent: number | undefined;
  const queue: YNode[] = root && isBlockAt(text, root) ? [root] : [];
  let budget = 300;
  for (let i = 0; i < queue.length && budget > 0 && (step === undefined || seqIndent === undefined); i++) {
    const node = queue[i];
    if (node.kind === 'seq') {
      for (const item of node.items.slice(0, 10)) if (isBlockAt(text, item)) queue.push(item);
      continue;
    }
    if (node.kind !== 'map') continue;
    for (const pair of node.pairs.slice(0, 10)) {
      budget--;
      const v = pair.value;
      if (pair.merged || !isBlockAt(text, v)) continue;
      const d = columnOf(text, v.span.start) - columnOf(text, pair.keySpan.start);
      if (v.kind === 'map' && step === undefined && d > 0) step = d;
      if (v.kind === 'seq' && seqIndent === undefined && d >= 0) seqIndent = d;
      queue.push(v);
    }
  }
  const s = step ?? (seqIndent !== undefined && seqIndent > 0 ? seqIndent : 2);
  const found = { step: s, seqIndent: seqIndent ?? s };
  if (root) indentationCache.set(root, found);
  return found;
}

/** `{ k: v, … }`: one item of a list of mappings, such as a constraint. */
function flowItem(item: readonly Entry[]): string {
  return `{ ${flowPairs(item)} }`;
}

/** `- k: v` and the following keys under it, starting at column `dash`. */
function blockItem(item: readonly Entry[], dash: number, eol: string, flow: boolean, keyOffset = 2): string {
  if (flow || item.length === 0) return `${' '.repeat(dash)}- ${flowItem(item)}`;
  const [first, ...rest] = item;
  const head = `${' '.repeat(dash)}-${' '.repeat(keyOffset - 1)}${first.key}: ${yamlScalar(first.value)}`;
  return rest.length === 0 ? head : `${head}${eol}${blockLines(rest, dash + keyOffset, eol)}`;
}

/** The text of `keys[0]:` … `keys[n-1]:` nested in block style at `column`, ending with a list holding `item`. */
function blockNest(keys: readonly string[], column: number, item: readonly Entry[], flow: boolean, ind: Indentation, eol: string): string {
  const lines: string[] = [];
  let col = column;
  keys.forEach((key, i) => {
    lines.push(`${' '.repeat(col)}${yamlScalar(key)}:`);
    col += i === keys.length - 1 ? ind.seqIndent : ind.step;
  });
  lines.push(blockItem(item, col, eol, flow));
  return lines.join(eol);
}

/** The flow text of `keys[0]: { … keys[n-1]: [ item ] }` (without the first key when `keys` is empty: `[ item ]`). */
function flowNest(keys: readonly string[], item: readonly Entry[]): string {
  let inner = `[ ${flowItem(item)} ]`;
  for (let i = keys.length - 1; i > 0; i--) inner = `{ ${yamlScalar(keys[i])}: ${inner} }`;
  return keys.length === 0 ? inner : `${yamlScalar(keys[0])}: ${inner}`;
}

/** Appends `lines` (already indented) after the last line of the block collection `node`. */
function blockAppend(text: string, node: YMap | YSeq, lines: string): TextEdit {
  const eol = eolOf(text);
  const end = node.span.end;
  if (text[end - 1] === '\n') return { span: { start: end, end }, newText: `${lines}${eol}` };
  const at = lineEnd(text, end);
  return { span: { start: at, end: at }, newText: `${eol}${lines}` };
}

/**
 * Appends a mapping item to a sequence, block or flow. `flow` chooses `- { k: v }`
 * over block keys for a block sequence; by default the item follows the style of the
 * sequence's last item.
 */
export function appendToSequence(text: string, seq: YSeq, item: readonly Entry[], flow?: boolean): TextEdit | undefined {
  const first = text[seq.span.start];
  if (first === '*') return undefined;
  if (first === '[') {
    const close = seq.span.end - 1;
    if (text[close] !== ']') return undefined;
    const last = seq.items[seq.items.length - 1];
    if (!last) return { span: { start: seq.span.start, end: seq.span.end }, newText: `[ ${flowItem(item)} ]` };
    return { span: { start: last.span.end, end: last.span.end }, newText: `, ${flowItem(item)}` };
  }
  const last = seq.items[seq.items.length - 1];
  const lastIsFlow = last !== undefined && (text[last.span.start] === '{' || last.kind === 'scalar');
  const asFlow = flow ?? (last === undefined || lastIsFlow);
  const dash = columnOf(text, seq.span.start);
  const keyOffset = last && last.kind === 'map' && !lastIsFlow ? Math.max(2, columnOf(text, last.span.start) - dash) : 2;
  return blockAppend(text, seq, blockItem(item, dash, eolOf(text), asFlow, keyOffset));
}

/** Whether `pair` is written at its own place as `key` (plain or quoted), not brought in by an alias or merge. */
function writtenHere(text: string, pair: YPair): boolean {
  return !pair.merged && replaceLiteral(text, pair.keySpan, pair.key, pair.key) !== undefined;
}

/** Fills an empty `key:` (or `key: ~`) with the nested keys and a list holding `item`. */
function fillEmpty(text: string, parent: YMap, pair: YPair, keys: readonly string[], item: readonly Entry[], flow: boolean, ind: Indentation): TextEdit | undefined {
  const v = pair.value;
  if (v.kind !== 'scalar' || v.value !== null || v.quoted || !writtenHere(text, pair)) return undefined;
  const flowValue = keys.length === 0 ? flowNest([], item) : `{ ${flowNest(keys, item)} }`;
  if (v.span.end > v.span.start) {
    return /^(?:~|null|Null|NULL)$/.test(text.slice(v.span.start, v.span.end)) ? { span: v.span, newText: flowValue } : undefined;
  }
  let colon = pair.keySpan.end;
  while (colon < text.length && text[colon] !== ':') colon++;
  if (colon >= text.length) return undefined;
  if (!isBlockAt(text, parent)) return { span: { start: colon + 1, end: colon + 1 }, newText: ` ${flowValue}` };
  const eol = eolOf(text);
  const col = columnOf(text, pair.keySpan.start) + (keys.length === 0 ? ind.seqIndent : ind.step);
  const at = lineEnd(text, colon);
  const body = keys.length === 0 ? blockItem(item, col, eol, flow) : blockNest(keys, col, item, flow, ind, eol);
  return { span: { start: at, end: at }, newText: `${eol}${body}` };
}

/**
 * Adds `item` to the list at `path` under the mapping `root` (e.g. `constraints`,
 * `colocation`), creating the missing mappings and the list in the document's style:
 * block keys at its indentation, or flow text inside `{ … }`. `flow` chooses whether a
 * new item in a block list is written `- { k: v }` or as block keys; by default it
 * follows the list's last item, and a new list gets `- { k: v }`.
 * Undefined when a step is not a mapping (or the list not a list) written in place.
 */
export function addListItem(text: string, root: YMap, path: readonly string[], item: readonly Entry[], flow?: boolean): TextEdit | undefined {
  const ind = indentationOf(text, root);
  let map = root;
  for (let i = 0; i < path.length; i++) {
    const pair = map.get(path[i]);
    const rest = path.slice(i);
    if (!pair) {
      if (text[map.span.start] === '*') return undefined;
      if (!isBlockAt(text, map)) return flowInsert(text, map, flowNest(rest, item));
      return blockAppend(text, map, blockNest(rest, columnOf(text, map.span.start), item, flow ?? true, ind, eolOf(text)));
    }
    if (!writtenHere(text, pair)) return undefined;
    const v = pair.value;
    if (v.kind === 'scalar') return fillEmpty(text, map, pair, rest.slice(1), item, flow ?? true, ind);
    if (i === path.length - 1) return v.kind === 'seq' ? appendToSequence(text, v, item, flow) : undefined;
    if (v.kind !== 'map') return undefined;
    map = v;
  }
  return undefined;
}
