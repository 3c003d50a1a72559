/**
 * Turns spec text into a small resolved tree: mappings, sequences and scalars, each
 * with the span a diagnostic should point at. Anchors, aliases and `<<` merge keys are
 * resolved here, once, so no check ever sees an alias: a node reached through an alias
 * carries the alias's span (the place where the alias is used). Duplicate keys are
 * found here with a hash set (the `yaml` package's own check is quadratic) and the
 * later occurrence is dropped from the tree after being reported. A key that is not a
 * single value (a mapping or list used as a key, as `? ` and `{…}: v` write one) is a
 * finding and its pair is left out: serialising such a key as text is exponential in
 * its nesting. Resolving aliases is bounded twice: by the number of nodes made (an
 * alias bomb) and by the depth of the resolved tree (a chain of aliases of deep lists
 * nests far deeper than the text does, which the guard in `nesting.ts` bounds).
 *
 * It does not know the spec format; `model.ts` reads the format out of this tree.
 */
import { parseDocument, isAlias, isMap, isPair, isScalar, isSeq, visit, Alias, Document, Node as YamlNode } from 'yaml';
import { diag, SpecDiagnostic, Span } from './diagnostic';
import { excessNesting, MAX_NESTING } from './nesting';

export type YNode = YScalar | YMap | YSeq;

export interface YScalar {
  readonly kind: 'scalar';
  readonly span: Span;
  /** The value as YAML 1.2 (core schema) reads it; null for an empty value. */
  readonly value: string | number | boolean | null;
  /** The text as Pacemaker would receive it: the source of a plain scalar, the value of a quoted one. */
  readonly text: string;
  readonly quoted: boolean;
}

export interface YPair {
  readonly key: string;
  readonly keySpan: Span;
  /** `key:` with nothing after it is an empty scalar (value null) spanning the end of the key. */
  readonly value: YNode;
  /** True when the pair came in through a `<<` merge key; its spans are the merge's alias. */
  readonly merged: boolean;
}

export interface YMap {
  readonly kind: 'map';
  readonly span: Span;
  /** Pairs in document order, merged pairs after explicit ones; later duplicates are left out. */
  readonly pairs: readonly YPair[];
  get(key: string): YPair | undefined;
}

export interface YSeq {
  readonly kind: 'seq';
  readonly span: Span;
  readonly items: readonly YNode[];
}

export interface ParsedYaml {
  readonly text: string;
  readonly root: YNode | undefined;
  /** yaml-syntax and duplicate-key findings. */
  readonly diagnostics: readonly SpecDiagnostic[];
}

/**
 * The longest text that is checked, in UTF-16 code units (as JavaScript and LSP count):
 * 1 MiB. A cluster spec is a few kilobytes, a generated one of 2,000 resources about
 * 0.55 MB; parsing is linear but not cheap, and the slowest YAML to parse (one long flow
 * list) takes about 2.4 s per MB on this project's 2-core machine, so past this size an
 * editor would wait seconds on every keystroke. A longer text is one yaml-syntax
 * finding on its first line and is not parsed.
 */
export const MAX_SPEC_LENGTH = 1024 * 1024;

/**
 * Past this many resolved nodes, alias expansion stops (a "billion laughs" document).
 * The bound grows with the text, so a large honest spec never meets it while a small
 * exploding one stops in milliseconds.
 */
export function maxResolvedNodes(textLength: number): number {
  return 250_000 + 4 * textLength;
}

class MapImpl implements YMap {
  readonly kind = 'map';
  private readonly index = new Map<string, YPair>();
  readonly pairs: YPair[] = [];
  constructor(readonly span: Span) {}
  get(key: string): YPair | undefined {
    return this.index.get(key);
  }
  /** Adds a pair unless its key is present; returns false for a repeat. */
  add(pair: YPair): boolean {
    if (this.index.has(pair.key)) return false;
    this.index.set(pair.key, pair);
    this.pairs.push(pair);
    return true;
  }
}

function spanOf(node: { range?: [number, number, number] | null } | null | undefined, fallback: Span): Span {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : fallback;
}

/** An alias's own text (`*name`): the parser's range can run on past it when the line around it is broken. */
function aliasSpanOf(alias: Alias, fallback: Span): Span {
  const span = spanOf(alias, fallback);
  return { start: span.start, end: Math.min(span.end, span.start + 1 + alias.source.length) };
}

/**
 * The text of a scalar's parsed value. The schema used here yields strings, numbers,
 * booleans and null only; anything else is written as JSON rather than
 * `[object Object]`.
 */
export function scalarValueText(v: unknown): string {
  switch (typeof v) {
    case 'string': return v;
    case 'number': case 'boolean': case 'bigint': return String(v);
    default: return v === null || v === undefined ? '' : JSON.stringify(v) ?? '';
  }
}

/** A key's text, '' for an empty key; undefined for a key that is a collection, not a single value. */
function scalarKeyText(key: unknown): string | undefined {
  if (isScalar(key)) {
    const v = key.value;
    if (v === null || v === undefined) return '';
    if (typeof key.source === 'string' && key.type === 'PLAIN') return key.source;
    return scalarValueText(v);
  }
  return key === null || key === undefined ? '' : undefined;
}

const KEY_ADVICE = "A key must be a single value such as a name, not a mapping or a list: write it as text (quote it if it holds ': ' or starts with '[', '{' or '?').";

class Resolver {
  readonly diagnostics: SpecDiagnostic[] = [];
  private count = 0;
  private exploded = false;
  private tooDeep = false;
  /** Spans already reported for a key that is no single value (the same alias may be resolved many times). */
  private readonly badKeys = new Set<string>();
  private readonly active = new Set<YamlNode>();
  /**
   * Each alias's target, found in one pass: `Alias.resolve` walks the whole document
   * on every call, which makes a spec with thousands of aliases quadratic.
   */
  private readonly targets = new Map<Alias, YamlNode | undefined>();

  constructor(doc: Document.Parsed, private readonly maxNodes: number, mayHaveAliases: boolean) {
    const anchored = new Map<string, YamlNode>();
    // A text without `*` has no alias to resolve: skip the walk (a few % of a large spec's time).
    if (mayHaveAliases) visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) this.targets.set(node, anchored.get(node.source));
        else if (node.anchor) anchored.set(node.anchor, node);
      },
    });
  }

  /**
   * A key's text; an alias used as a key (`*name: …`) stands for its anchored scalar.
   * Undefined for a key that is no single value, reported once per place.
   */
  private keyText(key: unknown, span: Span): string | undefined {
    let text: string | undefined;
    if (!isAlias(key)) text = scalarKeyText(key);
    else {
      const target = this.targets.get(key);
      if (!target) {
        this.diagnostics.push(diag('yaml-syntax', span, `Unknown alias *${key.source}: define the anchor &${key.source} before using it.`));
        return '';
      }
      text = scalarKeyText(target);
    }
    if (text === undefined && !this.badKeys.has(`${span.start}:${span.end}`)) {
      this.badKeys.add(`${span.start}:${span.end}`);
      const what = isSeq(key) || (isAlias(key) && isSeq(this.targets.get(key))) ? 'list' : 'mapping';
      this.diagnostics.push(diag('type-mismatch', span, `This key is a ${what}, so the entry is not checked. ${KEY_ADVICE}`));
    }
    return text;
  }

  /**
   * Converts one node at `depth` levels below the root; `over` is the alias span every
   * descendant takes when reached through an alias.
   */
  convert(node: unknown, over: Span | undefined, fallback: Span, depth = 0): YNode {
    if (depth > MAX_NESTING) {
      if (!this.tooDeep) {
        this.tooDeep = true;
        this.diagnostics.push(diag('yaml-syntax', over ?? fallback,
          `Through its aliases this nests deeper than ${MAX_NESTING} levels; what lies deeper is not checked. Use fewer nested aliases.`));
      }
      return { kind: 'scalar', span: over ?? fallback, value: null, text: '', quoted: false };
    }
    if (++this.count > this.maxNodes) {
      if (!this.exploded) {
        this.exploded = true;
        this.diagnostics.push(diag('yaml-syntax', over ?? fallback,
          `Aliases expand to more than ${this.maxNodes.toLocaleString('en-US')} nodes; the rest is not checked. Use fewer nested aliases.`));
      }
      return { kind: 'scalar', span: over ?? fallback, value: null, text: '', quoted: false };
    }
    if (isAlias(node)) {
      const aliasSpan = over ?? aliasSpanOf(node, fallback);
      const target = this.targets.get(node);
      if (!target || this.active.has(target)) {
        if (!target) this.diagnostics.push(diag('yaml-syntax', aliasSpan, `Unknown alias *${node.source}: define the anchor &${node.source} before using it.`));
        return { kind: 'scalar', span: aliasSpan, value: null, text: '', quoted: false };
      }
      this.active.add(target);
      try {
        return this.convert(target, aliasSpan, aliasSpan, depth);
      } finally {
        this.active.delete(target);
      }
    }
    const span = over ?? spanOf(node as YamlNode, fallback);
    if (isMap(node)) return this.convertMap(node.items, span, over, depth);
    if (isSeq(node)) {
      const items = node.items.map((item) => this.convert(item, over, span, depth + 1));
      return { kind: 'seq', span, items };
    }
    if (isScalar(node)) {
      const v = node.value;
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      let value: string | number | boolean | null;
      if (v === null || v === undefined) value = null;
      else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') value = v;
      else value = scalarValueText(v);
      const text = !quoted && typeof node.source === 'string' && node.type === 'PLAIN'
        ? node.source : (value === null ? '' : String(value));
      return { kind: 'scalar', span, value, text, quoted };
    }
    return { kind: 'scalar', span, value: null, text: '', quoted: false };
  }

  private convertMap(items: readonly unknown[], span: Span, over: Span | undefined, depth: number): YMap {
    const map = new MapImpl(span);
    const merges: { value: unknown; span: Span }[] = [];
    for (const item of items) {
      if (!isPair(item)) continue;
      const k = item.key;
      if (isScalar(k) && typeof k.value === 'symbol') {
        const value = item.value as YamlNode | null;
        const fallback = spanOf(k, span);
        merges.push({ value, span: over ?? (isAlias(value) ? aliasSpanOf(value, fallback) : spanOf(value, fallback)) });
        continue;
      }
      const key = this.keyText(k, over ?? (isAlias(k) ? aliasSpanOf(k, span) : spanOf(k as YamlNode, span)));
      if (key === undefined) continue;
      const keySpan = over ?? spanOf(k as YamlNode, span);
      const value = item.value == null
        ? { kind: 'scalar' as const, span: { start: keySpan.end, end: keySpan.end }, value: null, text: '', quoted: false }
        : this.convert(item.value, over, keySpan, depth + 1);
      if (!map.add({ key, keySpan, value, merged: false }) && over === undefined) {
        this.diagnostics.push(diag('duplicate-key', keySpan,
          `Key '${key}' repeats in this mapping: keep one '${key}' and remove or rename the other.`));
      }
    }
    for (const merge of merges) this.mergeInto(map, merge.value, merge.span, over, depth);
    return map;
  }

  /**
   * Adds the pairs of a `<<` source (a mapping, or a list of them) that the mapping does
   * not set itself. What comes in through an alias points at that alias (each alias of
   * a list at its own); a mapping written in place keeps its own spans.
   */
  private mergeInto(map: MapImpl, value: unknown, span: Span, over: Span | undefined, depth: number): void {
    const sources = isSeq(value) ? value.items : [value];
    for (const source of sources) {
      const alias = isAlias(source);
      const at = over ?? (alias ? aliasSpanOf(source, span) : undefined);
      const resolved = this.convert(source, at, at ?? span, depth);
      if (alias && !this.targets.get(source)) continue;
      if (resolved.kind !== 'map') {
        this.diagnostics.push(diag('yaml-syntax', at ?? resolved.span, 'A << merge key takes a mapping or a list of mappings (usually an alias such as *common).'));
        continue;
      }
      for (const pair of resolved.pairs) map.add({ key: pair.key, keySpan: at ?? pair.keySpan, value: pair.value, merged: true });
    }
  }
}

/**
 * The parser's errors as yaml-syntax findings, each with a word on the fix: the first
 * on each line only (one slip often makes the parser complain twice about one place),
 * the first only of the "unexpected token in YAML stream" errors (once the parser has
 * left the document it says so for every line that follows), a misaligned entry at
 * the entry rather than at the blank before it, and a quoted scalar left open at its
 * opening quote rather than at the end of the document, where the parser notices it.
 */
function syntaxDiagnostics(doc: Document.Parsed, text: string): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  const lines = new Set<number>();
  let openQuotes: [number, number][] | undefined;
  /** Once the parser has left the document, every later line is "unexpected": one finding says so. */
  let leftDocument = false;
  for (const err of doc.errors) {
    let start = Math.max(0, Math.min(err.pos[0], text.length));
    let end = Math.max(start, Math.min(err.pos[1], text.length));
    if (err.code === 'BAD_INDENT' && /^\s*$/.test(text.slice(start, end))) {
      // Reported at the whitespace before the misaligned entry: point at the entry.
      const at = nextContent(text, start);
      if (at !== undefined) {
        start = at;
        const stop = text.slice(start).search(/[\s:]/);
        end = stop < 0 ? text.length : start + Math.max(1, stop);
      }
    } else if (err.code === 'MISSING_CHAR' && /quote/.test(err.message)) {
      openQuotes ??= quotedRanges(doc);
      const open = openQuotes.find(([from, to]) => from <= start && start <= to);
      if (open) {
        start = open[0];
        const nl = text.indexOf('\n', start);
        end = nl < 0 ? text.length : nl;
      }
    }
    const line = text.lastIndexOf('\n', start - 1);
    const outside = err.code === 'UNEXPECTED_TOKEN' && /in YAML stream/.test(err.message);
    if (lines.has(line) || (outside && leftDocument)) continue;
    lines.add(line);
    leftDocument ||= outside;
    const advice = outside ? SYNTAX_ADVICE.outside : adviceFor(err.code, err.message);
    out.push(diag('yaml-syntax', { start, end: end > start ? end : Math.min(text.length, start + 1) },
      `YAML syntax: ${err.message.split('\n')[0].replace(/\.?$/, '.')} ${advice}`));
  }
  return out;
}

/** How to fix what the parser found, by its error code. */
const SYNTAX_ADVICE: Record<string, string> = {
  MISSING_CHAR: 'Add what is missing here.',
  TAB_AS_INDENT: 'Indent with spaces: YAML does not allow tabs there.',
  BAD_INDENT: 'Line it up with the other entries of its mapping or list.',
  MULTILINE_IMPLICIT_KEY: "A key must end with ': ' on its own line: add the missing ': ' after the key, or indent the next line like its siblings.",
  BLOCK_AS_IMPLICIT_KEY: "A value cannot hold ': ' unquoted: quote the value, or put the nested mapping on its own indented lines.",
  BLOCK_IN_FLOW: 'Inside [ ] or { } write entries on one line, separated by commas.',
  UNEXPECTED_TOKEN: 'Remove the stray character, or quote the value that holds it.',
  MULTIPLE_DOCS: "A spec is one document: remove the '---' and what follows, or put it in its own file.",
  BAD_ALIAS: "Write an alias as *name, where &name is an anchor defined above.",
  DUPLICATE_KEY: 'Keep one of the keys.',
  outside: 'From here on the text is outside the spec: check the indentation here and the lines above (a stray --- or a line that closes the top-level mapping).',
  default: "Check the indentation, the ': ' after each key and the closing quotes and brackets here.",
};

/** The offset of the first character at or after `from` that is neither blank nor in a comment line. */
function nextContent(text: string, from: number): number | undefined {
  const re = /[^\s#]|#/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] !== '#') return m.index;
    const nl = text.indexOf('\n', m.index);
    if (nl < 0) return undefined;
    re.lastIndex = nl + 1;
  }
  return undefined;
}

function adviceFor(code: string, message: string): string {
  if (code === 'MISSING_CHAR' && /quote/.test(message)) return 'Close the quote, or remove the opening one.';
  if (code === 'MISSING_CHAR' && /followed by map values/.test(message)) return "Add ': ' and a value after the key, or remove the line.";
  return SYNTAX_ADVICE[code] ?? SYNTAX_ADVICE.default;
}

/** Start and end offsets of every quoted scalar. */
function quotedRanges(doc: Document.Parsed): [number, number][] {
  const out: [number, number][] = [];
  visit(doc, {
    Scalar: (_key, node) => {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) out.push([node.range[0], node.range[2]]);
    },
  });
  return out;
}

/** Parses spec text into the resolved tree; never throws on malformed input. */
export function parseYaml(text: string): ParsedYaml {
  if (text.length > MAX_SPEC_LENGTH) {
    const nl = text.indexOf('\n');
    const span = { start: 0, end: nl < 0 || nl > 200 ? Math.min(text.length, 200) : Math.max(1, nl) };
    return { text, root: undefined, diagnostics: [diag('yaml-syntax', span,
      `This document is ${text.length.toLocaleString('en-US')} characters long, more than the ${MAX_SPEC_LENGTH.toLocaleString('en-US')} (1 MiB) a spec may have, ` +
      'so it is not checked. A cluster spec is a few kilobytes: remove what is not part of the cluster, or split it into one spec per cluster.')] };
  }
  const tooDeep = excessNesting(text);
  if (tooDeep !== undefined) {
    const span = { start: tooDeep, end: Math.min(text.length, tooDeep + 1) };
    return { text, root: undefined, diagnostics: [diag('yaml-syntax', span,
      `Nesting deeper than ${MAX_NESTING} levels: a cluster spec never needs that many, so this document is not checked. Flatten it.`)] };
  }
  const doc = parseDocument(text, { uniqueKeys: false, merge: true, prettyErrors: false, strict: false });
  const resolver = new Resolver(doc, maxResolvedNodes(text.length), text.includes('*'));
  const diagnostics = syntaxDiagnostics(doc, text);
  const whole = { start: 0, end: text.length };
  const root = doc.contents == null ? undefined : resolver.convert(doc.contents, undefined, whole);
  return { text, root, diagnostics: [...diagnostics, ...resolver.diagnostics] };
}
