/**
 * The validate service: every diagnostic of a spec, as the editor and the CLI show
 * them. It runs each validator of the registry over the model, isolating them from
 * one another (a check that throws costs only its own findings and a line on
 * stderr), adds the YAML tree's own yaml-syntax and duplicate-key findings, and
 * returns one list sorted by position then code, without exact duplicates and
 * without the findings a YAML syntax error explains (syntaxShadow.ts).
 */
import { AgentCatalog } from '../agents/model';
import { SpecDiagnostic } from '../spec/diagnostic';
import { buildModel, SpecModel } from '../spec/model';
import { ALL_VALIDATORS } from './validators';
import { withoutSyntaxCascades } from './validators/syntaxShadow';
import { Validator } from './validators/types';

function compare(a: SpecDiagnostic, b: SpecDiagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
    || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

function same(a: SpecDiagnostic, b: SpecDiagnostic): boolean {
  return a.code === b.code && a.span.start === b.span.start && a.span.end === b.span.end && a.message === b.message;
}

/** Runs one validator; its findings, or none if it throws. */
function run(validator: Validator, model: SpecModel, catalog: AgentCatalog): SpecDiagnostic[] {
  const found: SpecDiagnostic[] = [];
  try {
    validator.check({ model, catalog, report: (d) => found.push(d) });
    return found;
  } catch (err) {
    const why = err instanceof Error ? err.stack ?? err.message : String(err);
    console.error(`stash-ha: the ${validator.codes.join('/')} check failed and was skipped: ${why}`);
    return [];
  }
}

/** Every diagnostic of a parsed spec, sorted by position then code. */
export function validate(model: SpecModel, catalog: AgentCatalog,
  validators: readonly Validator[] = ALL_VALIDATORS): SpecDiagnostic[] {
  const all = [...model.yaml.diagnostics];
  for (const v of validators) for (const d of run(v, model, catalog)) all.push(d);
  all.sort(compare);
  return withoutSyntaxCascades(all.filter((d, i) => i === 0 || !same(d, all[i - 1])), model.text);
}

/** Every diagnostic of spec text. */
export function validateText(text: string, catalog: AgentCatalog): SpecDiagnostic[] {
  return validate(buildModel(text), catalog);
}
