/**
 * A guard in front of the YAML parser: finds where a document nests deeper than a
 * limit, by one linear scan of the text. The `yaml` package composes nested
 * collections recursively, and around 900 levels of `[` (or of compact `- - -`
 * sequences) a regular expression compiled that deep in the stack makes V8 abort the
 * whole process ("RegExpCompiler Allocation failed"), which no try/catch can stop. A
 * cluster spec nests a handful of levels, so anything past the limit is refused
 * before it is parsed.
 *
 * The scan knows enough YAML to count what the parser would: flow brackets outside
 * quoted scalars and comments, block levels by indentation, and the indicators that
 * open a node on the same line: `- ` (a sequence item), `? ` (a complex key) and `: `
 * (its value), so `? ? ? a` and `- ? - ? a` count a level per indicator. It errs towards counting too little only where a
 * quote or comment would be misread, never towards refusing an ordinary spec.
 */

/** Deeper than this, a document is not parsed. */
export const MAX_NESTING = 100;

const OPENS_NODE = new Set(['[', '{', ',', ':', '-', '?']);

/** Indicators that open a block node when a blank follows: a sequence item, a complex key, its value. */
const BLOCK_INDICATORS = new Set(['-', '?', ':']);

/** The offset where nesting first exceeds `limit`, or undefined when it never does. */
export function excessNesting(text: string, limit = MAX_NESTING): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // At a line start: measure indentation and leading `- ` indicators.
    let col = 0;
    while (i < n && text[i] === ' ') { i++; col++; }
    if (flow === 0 && i < n && text[i] !== '\n' && text[i] !== '\r' && text[i] !== '#') {
      while (indents.length > 0 && indents[indents.length - 1] >= col) indents.pop();
      indents.push(col);
      let indicators = 0;
      while (BLOCK_INDICATORS.has(text[i]) && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        indicators++;
        i += 2;
        while (text[i] === ' ' || text[i] === '\t') i++;
        if (indents.length + indicators > limit) return i;
      }
      if (indents.length + indicators > limit) return i;
    }
    let prev = ' ';
    const depthHere = indents.length;
    while (i < n && text[i] !== '\n' && text[i] !== '\r') {
      const c = text[i];
      if (c === '#' && (prev === ' ' || prev === '\t')) {
        while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
        break;
      }
      if ((c === '"' || c === "'") && (prev === ' ' || prev === '\t' || OPENS_NODE.has(prev))) {
        i = skipQuoted(text, i);
        prev = c;
        continue;
      }
      if (c === '[' || c === '{') {
        flow++;
        if (depthHere + flow > limit) return i;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
      if (c !== ' ' && c !== '\t') prev = c;
      else prev = ' ';
      i++;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
  }
  return undefined;
}

/** The offset just past the quoted scalar that starts at `start`. */
function skipQuoted(text: string, start: number): number {
  const q = text[start];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (q === '"' && c === '\\') { i += 2; continue; }
    if (c === q) {
      if (q === "'" && text[i + 1] === "'") { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return i;
}
