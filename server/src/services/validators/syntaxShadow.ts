/**
 * Keeps a YAML syntax error from cascading. Where the parser stumbles, the tree it
 * recovers holds guesses (a key swallowing the next line, a mapping cut short), and
 * checks on those guesses report the same slip again under other codes: `agent
 * ocf:…` without its colon would also be an unknown key and a resource missing its
 * agent. So the other findings that a syntax error explains are left out:
 *
 * - those whose range touches the error's range,
 * - those that start on a line the error covers,
 * - a missing-field or missing-param at the parent of the broken line (the nearest
 *   line above it that is indented less): what went missing is usually on that line.
 *
 * And when the parser itself failed somewhere (not just an unknown alias), the part
 * it could not read may hold what a finding says is absent, so findings that claim
 * something is missing from the whole document are left out until it parses:
 * unknown-resource, unknown-node, vip-not-colocated and stash-home-not-shared; so is
 * an unknown key after the first parser error, usually a key the error pushed out of
 * its mapping.
 *
 * Findings about what is written, where it parsed, stay, so typing a half line does
 * not blank every other finding.
 */
import { DiagnosticCode } from '../../spec/codes';
import { SpecDiagnostic } from '../../spec/diagnostic';
import { LineIndex } from '../../spec/lines';

const ABSENCE: ReadonlySet<DiagnosticCode> = new Set(['missing-field', 'missing-param']);
const DOCUMENT_ABSENCE: ReadonlySet<DiagnosticCode> = new Set(['unknown-resource', 'unknown-node', 'vip-not-colocated', 'stash-home-not-shared']);

/** yaml-syntax findings of the parser (yamlTree.ts words them so), as opposed to the alias resolver's. */
function fromParser(d: SpecDiagnostic): boolean {
  return d.message.startsWith('YAML syntax:');
}

/** The indentation of a line, a tab counting to the next multiple of 8; undefined for a blank or comment line. */
function indentOf(line: string): number | undefined {
  let col = 0;
  for (const c of line) {
    if (c === ' ') col++;
    else if (c === '\t') col = (Math.floor(col / 8) + 1) * 8;
    else return c === '#' ? undefined : col;
  }
  return undefined;
}

/** How far up the parent of a broken line is looked for: a child's slip is near its parent. */
const PARENT_REACH = 50;

/** The nearest line above `line` indented less than it, if one is near. */
function parentLine(lines: LineIndex, line: number): number | undefined {
  const own = indentOf(lines.lineText(line)) ?? 0;
  for (let l = line - 1; l >= Math.max(0, line - PARENT_REACH); l--) {
    const indent = indentOf(lines.lineText(l));
    if (indent !== undefined && indent < own) return l;
    if (indent === 0) return undefined;
  }
  return undefined;
}

/** Disjoint, sorted [start, end] intervals covering the given ones. */
function merged(spans: readonly { start: number; end: number }[]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: [number, number][] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last[1]) last[1] = Math.max(last[1], s.end);
    else out.push([s.start, s.end]);
  }
  return out;
}

/** Whether [start, end] touches one of the disjoint sorted intervals. */
function touches(intervals: readonly [number, number][], start: number, end: number): boolean {
  let lo = 0;
  let hi = intervals.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid][0] <= end) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && intervals[found][1] >= start;
}

/** `all` without the findings that its yaml-syntax findings explain. */
export function withoutSyntaxCascades(all: readonly SpecDiagnostic[], text: string): SpecDiagnostic[] {
  const syntax = all.filter((d) => d.code === 'yaml-syntax');
  if (syntax.length === 0) return [...all];
  const lines = new LineIndex(text);
  const brokenLines = new Set<number>();
  const parents = new Set<number>();
  for (const d of syntax) {
    const first = lines.positionAt(d.span.start).line;
    const last = lines.positionAt(d.span.end).line;
    for (let l = first; l <= last; l++) brokenLines.add(l);
    const parent = parentLine(lines, first);
    if (parent !== undefined) parents.add(parent);
  }
  const ranges = merged(syntax.map((d) => d.span));
  const firstParserError = syntax.find(fromParser)?.span.start;
  return all.filter((d) => {
    if (d.code === 'yaml-syntax') return true;
    if (firstParserError !== undefined) {
      if (DOCUMENT_ABSENCE.has(d.code)) return false;
      if (d.code === 'unknown-key' && d.span.start > firstParserError) return false;
    }
    if (touches(ranges, d.span.start, d.span.end)) return false;
    const line = lines.positionAt(d.span.start).line;
    if (brokenLines.has(line)) return false;
    return !(ABSENCE.has(d.code) && parents.has(line));
  });
}
