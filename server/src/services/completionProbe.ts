/**
 * Makes the text around the caret parseable before completion looks at it. A
 * half-typed key (`    sta`) reads as YAML as the tail of the previous value, and an
 * empty line is no node at all, so the probe writes a placeholder key or value at the
 * caret (the word typed so far, or MARK when there is none) and says which kind of
 * place the caret is in. Only text at and after the caret changes, so every offset
 * before it means the same in both texts.
 */
import { Span } from '../spec/diagnostic';

/** The placeholder written where nothing is typed yet; a valid id, so it parses anywhere. */
export const MARK = 'stashHaCaret';

export type ProbeKind =
  /** Where a key of a block mapping goes (a line with nothing before the word). */
  | 'key'
  /** A block sequence item (`- word`). */
  | 'item'
  /** A value after `key:`. */
  | 'value'
  /** Right after `{`, `[` or `,`: a flow mapping key or a flow sequence item. */
  | 'flow'
  /** A new line of a block sequence, read as an item whose `- ` is still to be typed (`lineItemProbe`). */
  | 'line'
  | 'other';

export interface Probe {
  readonly kind: ProbeKind;
  /** The patched text. */
  readonly text: string;
  /** Where to look in the patched text: inside the word or placeholder. */
  readonly at: number;
  /** The word being typed, in the original text: what a completion replaces. */
  readonly word: Span;
  /** The word's text (empty on an empty line). */
  readonly prefix: string;
  /** True when the word is already followed by `:` (the caret is on an existing key). */
  readonly keyHasColon: boolean;
}

const STOP = new Set([' ', '\t', '\n', '\r', ',', '[', ']', '{', '}', '#', '"', "'"]);

/** A colon that separates a key from its value (followed by a space, a flow end or the line end). */
function isSeparator(text: string, i: number): boolean {
  if (text[i] !== ':') return false;
  const next = text[i + 1];
  return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r' || next === ',' || next === '}' || next === ']';
}

function isWordChar(text: string, i: number): boolean {
  return !STOP.has(text[i]) && !isSeparator(text, i);
}

/** Finds the word at `offset` and patches the text so the place parses as what it is. */
export function probe(text: string, offset: number): Probe {
  const at = Math.max(0, Math.min(offset, text.length));
  let start = at;
  while (start > 0 && isWordChar(text, start - 1)) start--;
  let end = at;
  while (end < text.length && isWordChar(text, end)) end++;
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  let lineEnd = text.length;
  for (let i = end; i < text.length; i++) {
    if (text[i] === '\n' || text[i] === '\r') { lineEnd = i; break; }
  }
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  const word = { start, end };
  const prefix = text.slice(start, at);
  const keyHasColon = /^\s*:(\s|$)/.test(after);
  const empty = start === end;
  const patch = (insertAt: number, insert: string, probeAt: number, kind: ProbeKind): Probe => ({
    kind, text: text.slice(0, insertAt) + insert + text.slice(insertAt), at: probeAt, word, prefix, keyHasColon,
  });
  const placeholder = empty ? MARK : '';

  if (/^\s*$/.test(before)) {
    if (keyHasColon) return { kind: 'key', text, at, word, prefix, keyHasColon };
    return patch(end, `${placeholder}:${after.length > 0 && !/^\s/.test(after) ? ' ' : ''}`, at, 'key');
  }
  if (/^\s*(-\s+)+$/.test(before)) {
    return keyHasColon ? { kind: 'key', text, at, word, prefix, keyHasColon } : patch(end, placeholder, at, 'item');
  }
  if (/:$/.test(before)) return patch(end, ` ${placeholder}`, at + 1, 'value');
  if (/:\s+$/.test(before)) return patch(end, placeholder, at, 'value');
  if (/[{[,]\s*$/.test(before)) {
    return keyHasColon ? { kind: 'key', text, at, word, prefix, keyHasColon } : patch(end, placeholder, at, 'flow');
  }
  return patch(end, placeholder, at, 'other');
}

/**
 * The nearest line above `lineStart` that holds more than a comment and is indented
 * no deeper than `column`: a block sequence continues at `column` when it is a `- `
 * item there.
 */
function continuesSequence(text: string, lineStart: number, column: number): boolean {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const indent = line.length - line.trimStart().length;
    if (/^\s*(#.*)?$/.test(line) || indent > column) continue;
    return indent === column && /^-(\s|$)/.test(line.slice(indent));
  }
  return false;
}

/**
 * The other reading of a line with nothing but the word on it, where it continues a
 * block sequence at the same column (`    - { … }` above): a new item, patched as
 * `- word`. Undefined where the line is no such place. `p` is `probe`'s reading of
 * the same caret. The patch goes before the word, so offsets from the word on shift
 * by 2 (`at` included); the word span stays that of the original text.
 */
export function lineItemProbe(text: string, offset: number, p: Probe = probe(text, offset)): Probe | undefined {
  if (p.kind !== 'key' || p.keyHasColon) return undefined;
  const lineStart = Math.max(text.lastIndexOf('\n', p.word.start - 1), text.lastIndexOf('\r', p.word.start - 1)) + 1;
  if (!continuesSequence(text, lineStart, p.word.start - lineStart)) return undefined;
  const at = Math.max(0, Math.min(offset, text.length));
  const placeholder = p.word.start === p.word.end ? MARK : '';
  return {
    kind: 'line', word: p.word, prefix: p.prefix, keyHasColon: false, at: at + 2,
    text: `${text.slice(0, p.word.start)}- ${text.slice(p.word.start, p.word.end)}${placeholder}${text.slice(p.word.end)}`,
  };
}
