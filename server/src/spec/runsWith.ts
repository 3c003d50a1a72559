/**
 * The "runs with" relation of spec-format.md: two resources run with each other when
 * they are in the same group, or joined by colocation constraints of score INFINITY
 * (or no score, which defaults to it), in either direction, directly or through a
 * chain of them. A constraint naming a group joins all of the group's members; a
 * clone is named by its resource id, so it counts as itself. -INFINITY and finite
 * scores do not join anything.
 *
 * Built once per model (union-find over ids, near-linear) and shared by every check
 * that asks, so a spec of 20,000 resources does not pay for it per check.
 */
import { SpecModel } from './model';
import { parseScore, SCORE_INFINITY } from './values';
import { YScalar } from './yamlTree';

export interface RunsWith {
  /** Whether `a` and `b` run with each other; every id runs with itself. */
  together(a: string, b: string): boolean;
  /** A representative id of `id`'s set: equal for exactly the ids that run together. */
  setOf(id: string): string;
}

class UnionFind implements RunsWith {
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

/** True for an absent score (INFINITY by default) and for INFINITY / +INFINITY. */
export function joinsAlways(score: YScalar | undefined): boolean {
  if (score === undefined) return true;
  return score.value !== null && parseScore(score.text) === SCORE_INFINITY;
}

const cache = new WeakMap<SpecModel, RunsWith>();

/** The "runs with" relation of a model, computed on first use and kept with the model. */
export function runsWith(model: SpecModel): RunsWith {
  let relation = cache.get(model);
  if (!relation) {
    const uf = new UnionFind();
    for (const group of model.groups) for (const member of group.members) uf.union(group.id, member.id);
    for (const c of model.colocations) {
      if (c.resource && c.with && joinsAlways(c.score)) uf.union(c.resource.id, c.with.id);
    }
    relation = uf;
    cache.set(model, relation);
  }
  return relation;
}
