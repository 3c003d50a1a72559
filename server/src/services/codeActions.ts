/**
 * Quick fixes: the fixes a check attached to its diagnostics (SpecDiagnostic.fixes:
 * did-you-mean, add the missing required parameters, add the colocation a VIP needs,
 * …) for the diagnostics that touch the requested range. The checks decide what a
 * fix edits; this only picks and orders them.
 */
import { SpecDiagnostic, SpecFix, Span } from '../spec/diagnostic';

export interface SpecCodeAction {
  readonly title: string;
  readonly fix: SpecFix;
  /** The diagnostic the fix resolves. */
  readonly diagnostic: SpecDiagnostic;
  readonly preferred: boolean;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * The quick fixes for the diagnostics that overlap `range` (or, when `only` is given,
 * for those diagnostics only), preferred fixes first.
 */
export function codeActions(diagnostics: readonly SpecDiagnostic[], range: Span, only?: (d: SpecDiagnostic) => boolean): SpecCodeAction[] {
  const actions: SpecCodeAction[] = [];
  for (const d of diagnostics) {
    if (!d.fixes?.length) continue;
    if (only ? !only(d) : !overlaps(d.span, range)) continue;
    for (const fix of d.fixes) actions.push({ title: fix.title, fix, diagnostic: d, preferred: fix.preferred === true });
  }
  return actions.sort((a, b) => Number(b.preferred) - Number(a.preferred));
}
