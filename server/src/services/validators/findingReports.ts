/**
 * Turns structure findings about names and values into diagnostics, for the
 * validators that share them: an unknown attribute name (unknown-meta,
 * unknown-property, bad-op-option) and a value a rule rejects (type-mismatch,
 * bad-duration, bad-score, bad-meta-value, bad-property-value, bad-op-option).
 * Each validator picks its code; the wording lives here once.
 */
import { DiagnosticCode } from '../../spec/codes';
import { diag, SpecDiagnostic, SpecFix, Span } from '../../spec/diagnostic';
import { replaceLiteral } from '../../spec/edits';
import { SpecModel } from '../../spec/model';
import { didYouMean } from '../../spec/suggest';
import { YScalar } from '../../spec/yamlTree';
import { structureFindings } from './structureWalk';
import { checkRule, checkScalar, codeForRule, codeForScalar, ValueProblem } from './valueRules';

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "meta attribute" → "meta attributes", "cluster property" → "cluster properties". */
export function plural(noun: string): string {
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

/**
 * The fix that replaces `current` written at `span` by `newText`; none when the span
 * does not hold it literally (through an alias or a `<<` merge the span is the alias,
 * and editing there would change the anchor's other users).
 */
export function replaceFix(text: string, span: Span, current: string, newText: string): SpecFix[] {
  const edit = replaceLiteral(text, span, current, newText);
  return edit ? [{ title: `Change '${current}' to '${newText}'`, edits: [edit], preferred: true }] : [];
}

/** Unknown names of the attribute sets whose unknown code is `code`, with did-you-mean and a fix. */
export function unknownAttributeDiagnostics(model: SpecModel, code: DiagnosticCode): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  for (const f of structureFindings(model)) {
    if (f.kind !== 'attribute' || f.def || f.set.unknownCode !== code) continue;
    const names = f.set.attributes.map((a) => a.name);
    const dym = didYouMean(f.pair.key, names);
    const tail = dym.suggestion ? dym.text : ` Known ${plural(f.set.noun)}: ${names.join(', ')}.`;
    const fixes = dym.suggestion ? replaceFix(model.text, f.pair.keySpan, f.pair.key, dym.suggestion) : [];
    out.push(diag(code, f.pair.keySpan, `Unknown ${f.set.noun} '${f.pair.key}' ${f.place.at}.${tail}`, fixes));
  }
  return out;
}

function valueDiagnostic(model: SpecModel, code: DiagnosticCode, subject: string, node: YScalar, keySpan: Span,
  problem: ValueProblem): SpecDiagnostic {
  const empty = node.value === null;
  const what = empty ? `${subject} has no value` : `${subject} is '${node.text}'`;
  const dym = problem.suggestion ? ` Did you mean '${problem.suggestion}'?` : '';
  const fixes = problem.suggestion && !empty ? replaceFix(model.text, node.span, node.text, problem.suggestion) : [];
  return diag(code, empty ? keySpan : node.span, `${capitalize(what)}: expected ${problem.expected}.${dym}`, fixes);
}

/** Scalars and attribute values a rule rejects, where the failure is reported as `code`. */
export function badValueDiagnostics(model: SpecModel, code: DiagnosticCode): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  for (const f of structureFindings(model)) {
    if (f.kind === 'scalar' && codeForScalar(f.shape) === code) {
      const problem = checkScalar(f.shape, f.node);
      if (problem) out.push(valueDiagnostic(model, code, f.subject, f.node, f.keySpan, problem));
    } else if (f.kind === 'attribute' && f.def && codeForRule(f.def.value, f.set.valueCode) === code
      && f.pair.value.kind === 'scalar') {
      const problem = checkRule(f.def.value, f.pair.value.text);
      const subject = `${f.set.noun} '${f.pair.key}' ${f.place.at}`;
      if (problem) out.push(valueDiagnostic(model, code, subject, f.pair.value, f.pair.keySpan, problem));
    }
  }
  return out;
}
