/**
 * How `stash-ha lint` prints what it found: diagnostics turned from document offsets
 * into 1-based line/column records, then written as linter-style text lines or as one
 * JSON array. Columns count UTF-16 code units, as the editor and LSP do; `endColumn` is
 * the column just past the last character of the range (ESLint's convention), so a
 * one-character range at column 5 ends at column 6.
 */
import { LineIndex, Severity, SpecDiagnostic } from '../../../server/src';

/** One finding as the CLI reports it; the JSON output is an array of exactly these. */
export interface LintRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export type OutputFormat = 'text' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json'];

/** The records of one file's diagnostics, in document order. */
export function toRecords(file: string, text: string, diagnostics: readonly SpecDiagnostic[]): LintRecord[] {
  const lines = new LineIndex(text);
  return [...diagnostics]
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
    .map((d) => {
      const start = lines.positionAt(d.span.start);
      const end = lines.positionAt(Math.max(d.span.start, d.span.end));
      return {
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
      };
    });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `file:line:col: severity code message` lines and a closing summary line. */
export function formatText(records: readonly LintRecord[], fileCount: number): string {
  const lines = records.map((r) =>
    `${r.file}:${r.line}:${r.column}: ${r.severity} ${r.code} ${r.message.replace(/\s*\n\s*/g, ' ')}`);
  const count = (s: Severity): number => records.filter((r) => r.severity === s).length;
  const files = plural(fileCount, 'file');
  if (records.length === 0) {
    lines.push(`no problems in ${files}`);
  } else {
    const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning')];
    const other = records.length - count('error') - count('warning');
    if (other > 0) parts.push(plural(other, 'note'));
    lines.push(`${plural(records.length, 'problem')} (${parts.join(', ')}) in ${files}`);
  }
  return lines.join('\n') + '\n';
}

/** One JSON array of every record, for CI tools and editors. */
export function formatJson(records: readonly LintRecord[]): string {
  return JSON.stringify(records, null, 2) + '\n';
}
