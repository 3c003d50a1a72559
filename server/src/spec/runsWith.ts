/**
 * The "runs with" relation of spec-format.md: two resources run with each other when
 * they are in the same group, or joined by colocation constraints of score INFINITY
 * (or no score, which defaults to it), in either direction, directly or through a
 * chain of them. A constraint naming a group joins all of the group's members; a
 * clone is named by its resource id, so it counts as itself. -INFINITY and finite
 * scores do not join anything. A name that is not declared stands for the id it most
 * likely misspells (likelyIds.ts), so a typo in a constraint is unknown-resource's
 * finding alone, not also a warning about what the constraint fails to join.
 *
 * Built once per model (union-find over ids, near-linear) and shared by every check
 * that asks, so a spec of 20,000 resources does not pay for it per check.
 */
import { likelyName, NameKind } from './likelyIds';
import { asMap, asSeq, SpecModel } from './model';
import { parseScore, SCORE_INFINITY } from './vocabulary';
import { YNode, YScalar } from './yamlTree';

export interface RunsWith {
  /** Whether `a` and `b` run with each other; every id runs with itself. */
  together(a: string, b: string): boolean;
  /** A representative id of `id`'s set: equal for exactly the ids that run together. */
  setOf(id: string): string;
  /**
   * False when some group or colocation is written in a shape that cannot be read (a
   * mapping where the list goes, a constraint without `with`): who runs with whom is
   * then not known, and checks that would warn about a missing tie keep quiet, since
   * the structure checks already report the mistake.
   */
  readonly complete: boolean;
}

class UnionFind implements RunsWith {
  complete = true;
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly parent: number[] = [];
  private readonly rank: number[] = [];

  private indexOf(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(id, i);
      this.names.push(id);
      this.parent.push(i);
      this.rank.push(0);
    }
    return i;
  }

  private find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[i] !== root) {
      const next = this.parent[i];
      this.parent[i] = root;
      i = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    let x = this.find(this.indexOf(a));
    let y = this.find(this.indexOf(b));
    if (x === y) return;
    if (this.rank[x] < this.rank[y]) [x, y] = [y, x];
    this.parent[y] = x;
    if (this.rank[x] === this.rank[y]) this.rank[x]++;
  }

  setOf(id: string): string {
    const i = this.index.get(id);
    return i === undefined ? id : this.names[this.find(i)];
  }

  together(a: string, b: string): boolean {
    return a === b || this.setOf(a) === this.setOf(b);
  }
}

/**
 * True for an absent or empty score (INFINITY by default) and for INFINITY /
 * +INFINITY. A score that does not parse counts as INFINITY too: bad-score reports
 * it, and a second finding about what it fails to join would repeat that one slip.
 */
export function joinsAlways(score: YScalar | undefined): boolean {
  if (score === undefined || score.value === null) return true;
  const n = parseScore(score.text);
  return n === undefined || n === SCORE_INFINITY;
}

/** The id a reference means: itself when declared, else the declared id it most likely misspells. */
function meant(model: SpecModel, kind: NameKind, id: string): string {
  return model.ids.has(id) ? id : likelyName(model, kind, id) ?? id;
}

function readable(node: YNode | undefined, kind: YNode['kind']): boolean {
  return node === undefined || node.kind === kind || (node.kind === 'scalar' && node.value === null);
}

/** Whether every group and colocation of the spec could be read (see `RunsWith.complete`). */
function tiesReadable(model: SpecModel): boolean {
  const groups = model.root?.get('groups')?.value;
  if (!readable(groups, 'map')) return false;
  for (const pair of asMap(groups)?.pairs ?? []) {
    if (!readable(pair.value, 'seq')) return false;
    if (asSeq(pair.value)?.items.some((item) => item.kind !== 'scalar')) return false;
  }
  const constraints = model.root?.get('constraints')?.value;
  if (!readable(constraints, 'map')) return false;
  const colocation = asMap(constraints)?.get('colocation')?.value;
  if (!readable(colocation, 'seq')) return false;
  const items = asSeq(colocation)?.items ?? [];
  return items.every((item) => item.kind === 'map') && model.colocations.every((c) => c.resource && c.with);
}

const cache = new WeakMap<SpecModel, RunsWith>();

/** The "runs with" relation of a model, computed on first use and kept with the model. */
export function runsWith(model: SpecModel): RunsWith {
  let relation = cache.get(model);
  if (!relation) {
    const uf = new UnionFind();
    for (const group of model.groups) for (const member of group.members) uf.union(group.id, meant(model, 'resource', member.id));
    for (const c of model.colocations) {
      if (c.resource && c.with && joinsAlways(c.score)) uf.union(meant(model, 'any', c.resource.id), meant(model, 'any', c.with.id));
    }
    uf.complete = tiesReadable(model);
    relation = uf;
    cache.set(model, relation);
  }
  return relation;
}
