/**
 * A snippet body as data, and its text: the YAML a structural completion inserts,
 * written as keys, scalars, placeholders and choices (as yaml-language-server's
 * `defaultSnippets` are written as JSON) and rendered here in the document's own
 * indentation. Tab stops are numbered in reading order, so bodies built from parts
 * never clash. The text is relative to the caret: lines after the first are indented
 * from column 0 and the editor adds the caret line's indentation (LSP
 * `InsertTextMode.adjustIndentation`). It knows no spec structure; `snippetBodies.ts`
 * says what a body holds.
 */
import { Indentation } from '../spec/edits';

/** A scalar written as is, a placeholder with a default, or a choice (the first option is the default). */
export type SnippetScalar =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'tab'; readonly text: string }
  | { readonly kind: 'choice'; readonly options: readonly string[] };

/** What fits on one line: a scalar or `{ k: v, … }`. */
export type SnippetInline = SnippetScalar | { readonly kind: 'flow'; readonly entries: readonly SnippetEntry[] };

/** A value: inline, a block mapping under its key, or a block list of inline items. */
export type SnippetValue =
  | SnippetInline
  | { readonly kind: 'block'; readonly entries: readonly SnippetEntry[] }
  | { readonly kind: 'list'; readonly items: readonly SnippetInline[] };

export interface SnippetEntry {
  readonly key: SnippetScalar;
  readonly value: SnippetValue;
}

export const literal = (t: string): SnippetScalar => ({ kind: 'text', text: t });
export const tab = (t: string): SnippetScalar => ({ kind: 'tab', text: t });
/** A choice of `options`; a placeholder with `fallback` when there are none. */
export const choice = (options: readonly string[], fallback = ''): SnippetScalar =>
  options.length > 0 ? { kind: 'choice', options } : tab(fallback);
export const entry = (key: string | SnippetScalar, value: SnippetValue): SnippetEntry =>
  ({ key: typeof key === 'string' ? literal(key) : key, value });
export const flowMap = (entries: readonly SnippetEntry[]): SnippetInline => ({ kind: 'flow', entries });
export const blockMap = (entries: readonly SnippetEntry[]): SnippetValue => ({ kind: 'block', entries });
export const blockList = (items: readonly SnippetInline[]): SnippetValue => ({ kind: 'list', items });

/** A snippet as completion offers it. */
export interface SnippetDef {
  readonly label: string;
  /** Words besides the label that find it as it is typed. */
  readonly filter: string;
  readonly detail: string;
  readonly body: SnippetBody;
}

/** What a body renders to. */
export interface RenderedSnippet {
  /** LSP snippet syntax. */
  readonly snippet: string;
  /** The same text with every placeholder at its default: what the user gets by pressing Tab through it. */
  readonly plain: string;
}

/**
 * A plain scalar where YAML reads it back as the same text (agent names keep their
 * colons: `ocf:heartbeat:stash`), else a double-quoted one.
 */
function yamlScalar(value: string): string {
  const plain = /^[A-Za-z0-9_/.+-][A-Za-z0-9_./+=@:-]*$/.test(value) && !value.endsWith(':') && value !== '-';
  return plain ? value : JSON.stringify(value);
}

/** `$`, `}` and `\` are special in snippet text; in a choice `,` and `|` are too. */
function escapeText(t: string): string {
  return t.replace(/[$}\\]/g, '\\$&');
}
function escapeChoice(t: string): string {
  return t.replace(/[$}\\,|]/g, '\\$&');
}

class Writer {
  private next = 1;
  constructor(private readonly plainMode: boolean, private readonly ind: Indentation) {}

  scalar(s: SnippetScalar): string {
    if (s.kind === 'text') return this.plainMode ? yamlScalar(s.text) : escapeText(yamlScalar(s.text));
    if (s.kind === 'tab') return this.plainMode ? yamlScalar(s.text) : `\${${this.next++}:${escapeText(yamlScalar(s.text))}}`;
    const options = s.options.map(yamlScalar);
    return this.plainMode ? options[0] : `\${${this.next++}|${options.map(escapeChoice).join(',')}|}`;
  }

  inline(v: SnippetInline): string {
    if (v.kind !== 'flow') return this.scalar(v);
    return `{ ${v.entries.map((e) => `${this.scalar(e.key)}: ${this.inlineValue(e.value)}`).join(', ')} }`;
  }

  private inlineValue(v: SnippetValue): string {
    if (v.kind === 'block') return this.inline(flowMap(v.entries));
    if (v.kind === 'list') return `[ ${v.items.map((i) => this.inline(i)).join(', ')} ]`;
    return this.inline(v);
  }

  entries(entries: readonly SnippetEntry[], col: number): string[] {
    return entries.flatMap((e) => {
      const head = `${' '.repeat(col)}${this.scalar(e.key)}:`;
      if (e.value.kind === 'block') return [head, ...this.entries(e.value.entries, col + this.ind.step)];
      if (e.value.kind === 'list') return [head, ...this.items(e.value.items, col + this.ind.seqIndent)];
      return [`${head} ${this.inline(e.value)}`];
    });
  }

  items(items: readonly SnippetInline[], col: number): string[] {
    return items.map((i) => `${' '.repeat(col)}- ${this.inline(i)}`);
  }
}

/** What a body is: the entries of a block mapping, the items of a block list, or one inline value. */
export type SnippetBody =
  | { readonly kind: 'entries'; readonly entries: readonly SnippetEntry[] }
  | { readonly kind: 'items'; readonly items: readonly SnippetInline[] }
  | { readonly kind: 'inline'; readonly value: SnippetInline };

/** Renders a body at the caret in the document's indentation. */
export function renderSnippet(body: SnippetBody, ind: Indentation): RenderedSnippet {
  const render = (plainMode: boolean): string => {
    const w = new Writer(plainMode, ind);
    if (body.kind === 'entries') return w.entries(body.entries, 0).join('\n');
    if (body.kind === 'items') return w.items(body.items, 0).join('\n');
    return w.inline(body.value);
  };
  return { snippet: render(false), plain: render(true) };
}
