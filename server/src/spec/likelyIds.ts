/**
 * Did-you-mean for names that refer to resources, groups and nodes: the declared id
 * an undeclared name most likely misspells. The checks that report an undeclared name
 * and the "runs with" relation (which reads a misspelt name in a colocation as the id
 * it meant, so one typo is one finding) ask the same question, so the answer is kept
 * per model and name. pcs's names for a clone (`x-clone`, `x-master`) mean the cloned
 * resource `x`, which is how a spec names a clone.
 *
 * A look-up compares the name with every declared id. A spec with thousands of ids
 * and thousands of undeclared names (a renamed scheme, a pasted list) would make that
 * quadratic, so the comparisons per model are bounded: past the bound, only a
 * case-only difference is still found (by a hash look-up), and other names go without
 * a suggestion. An ordinary spec never comes near it.
 */
import { SpecModel } from './model';
import { suggest } from './suggest';

/** `resource`: resources only (group members); `any`: resources and groups; `node`: nodes. */
export type NameKind = 'resource' | 'any' | 'node';

/** Name comparisons allowed per model (about a microsecond each). */
export const COMPARISON_BUDGET = 100_000;

interface Candidates {
  readonly ids: readonly string[];
  /** Lower-cased id → the first id spelt so. */
  readonly byLowerCase: ReadonlyMap<string, string>;
}

class Likely {
  private readonly candidates = new Map<NameKind, Candidates>();
  private readonly answers = new Map<string, string | undefined>();
  private budget = COMPARISON_BUDGET;

  constructor(private readonly model: SpecModel) {}

  private candidatesOf(kind: NameKind): Candidates {
    let c = this.candidates.get(kind);
    if (!c) {
      const ids = kind === 'node' ? [...this.model.nodeIds.keys()]
        : kind === 'any' ? [...this.model.ids.keys()]
          : this.model.resources.map((r) => r.id);
      const byLowerCase = new Map<string, string>();
      for (const id of ids) if (!byLowerCase.has(id.toLowerCase())) byLowerCase.set(id.toLowerCase(), id);
      c = { ids, byLowerCase };
      this.candidates.set(kind, c);
    }
    return c;
  }

  get(kind: NameKind, name: string): string | undefined {
    const key = `${kind}\0${name}`;
    if (this.answers.has(key)) return this.answers.get(key);
    const { ids, byLowerCase } = this.candidatesOf(kind);
    let answer = kind === 'any' ? cloneBase(this.model, name) : undefined;
    answer ??= byLowerCase.get(name.toLowerCase());
    if (answer === name) answer = undefined;
    if (answer === undefined && ids.length <= this.budget) {
      this.budget -= ids.length;
      answer = suggest(name, ids);
    }
    this.answers.set(key, answer);
    return answer;
  }
}

/**
 * `x` for `x-clone` or `x-master` when `x` is a cloned resource: the ids pcs gives a
 * clone (and, before pcs 0.10, a promotable one), which a spec names by the resource.
 */
export function cloneBase(model: SpecModel, name: string): string | undefined {
  const m = /^(.+)-(?:clone|master)$/.exec(name);
  const decl = m ? model.ids.get(m[1]) : undefined;
  return decl?.kind === 'resource' && decl.clone ? decl.id : undefined;
}

const cache = new WeakMap<SpecModel, Likely>();

/** The declared id of `kind` that `name` most likely misspells, if one is close enough. */
export function likelyName(model: SpecModel, kind: NameKind, name: string): string | undefined {
  let likely = cache.get(model);
  if (!likely) {
    likely = new Likely(model);
    cache.set(model, likely);
  }
  return likely.get(kind, name);
}
