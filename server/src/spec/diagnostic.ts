/**
 * What every check returns: a code, a severity, a span of the document text, a
 * message a person can act on, and optionally the edits that fix it (the quick fixes
 * of the editor are made from these, so a check and its fix live together).
 */
import { DiagnosticCode, SEVERITY_OF, Severity } from './codes';

/** Offsets into the document text (UTF-16 code units, as JavaScript strings and LSP count). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface SpecFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix a user most likely wants (LSP `isPreferred`). */
  readonly preferred?: boolean;
}

export interface SpecDiagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly SpecFix[];
}

/** Builds a diagnostic with the severity the code has in the contract. */
export function diag(code: DiagnosticCode, span: Span, message: string, fixes?: SpecFix[]): SpecDiagnostic {
  return fixes && fixes.length > 0
    ? { code, severity: SEVERITY_OF[code], span, message, fixes }
    : { code, severity: SEVERITY_OF[code], span, message };
}
