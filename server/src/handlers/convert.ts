/**
 * Translation between the services' offsets and LSP's line/character positions, and
 * from SpecDiagnostic to LSP Diagnostic. Nothing else in the server knows both.
 */
import { Diagnostic, DiagnosticSeverity, Range, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Severity } from '../spec/codes';
import { SpecDiagnostic, Span, TextEdit } from '../spec/diagnostic';

/** The source name shown next to every diagnostic. */
export const SOURCE = 'stash-ha';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toSpan(doc: TextDocument, range: Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

export function toTextEdit(doc: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: toRange(doc, edit.span), newText: edit.newText };
}

export function toDiagnostic(doc: TextDocument, d: SpecDiagnostic): Diagnostic {
  return { range: toRange(doc, d.span), severity: SEVERITY[d.severity], code: d.code, source: SOURCE, message: d.message };
}

/** True when two LSP ranges are the same. */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}
