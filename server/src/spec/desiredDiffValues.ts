/**
 * What a difference between a spec and a live cluster is (its kind, its path in the
 * spec's terms, both sides as written, the spec's span, what it is about), and how
 * two values are held against each other: by their normal forms.
 */
import type { DesiredValue } from './desired';
import { Span } from './diagnostic';
import { AgentRef } from './vocabulary';

/** The normal forms values have: words and numbers, and agents. */
type Comparable = string | number | AgentRef;

export type DifferenceKind = 'add' | 'change' | 'live-only' | 'unsupported' | 'leftover';

/** What a difference is about: the planner acts on it, the views group by it. */
export type DiffSubject =
  | { readonly kind: 'cluster' }
  | { readonly kind: 'node'; readonly name: string }
  | { readonly kind: 'attributes'; readonly section: 'properties' | 'resource-defaults' | 'op-defaults'; readonly name: string }
  | { readonly kind: 'resource'; readonly id: string; readonly part?: ResourcePart }
  | { readonly kind: 'group'; readonly id: string }
  | { readonly kind: 'constraint'; readonly type: 'colocation' | 'order' | 'location'; readonly index?: number; readonly liveId?: string }
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'leftover'; readonly id: string };

/** Which part of a resource differs; `op` is the index into the spec resource's operations. */
export type ResourcePart =
  | { readonly kind: 'agent' }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'meta'; readonly name: string }
  | { readonly kind: 'op'; readonly op: number; readonly key?: string }
  | { readonly kind: 'clone' }
  | { readonly kind: 'clone-option'; readonly name: string };

export interface Difference {
  readonly kind: DifferenceKind;
  /** Where, in the spec's terms: `resources.stash_res.meta.migration-threshold`. */
  readonly path: string;
  /** What the live cluster has, as it wrote it; null where it has nothing. */
  readonly live: string | null;
  /** What the spec says, as written; null where it says nothing. */
  readonly spec: string | null;
  /** The place in the spec (absent for what only the live cluster has). */
  readonly span?: Span;
  readonly subject: DiffSubject;
  /** For what apply leaves to the admin (nodes, the cluster's name): the command to run by hand. */
  readonly hint?: string;
}

/** The normal form two values are compared by: the value where it normalised, else the text. */
export function normalOf(v: DesiredValue<Comparable> | undefined): string | undefined {
  if (v === undefined) return undefined;
  const value = v.value;
  if (value === undefined) return v.text;
  // An agent compares by its canonical name.
  return typeof value === 'object' ? value.name : String(value);
}

/** Whether two values are one (both absent counts as one). */
export function sameValue(a: DesiredValue<Comparable> | undefined, b: DesiredValue<Comparable> | undefined): boolean {
  return normalOf(a) === normalOf(b);
}

/** The text shown for a side: as written, or null when absent. */
export function shown(v: DesiredValue<Comparable> | undefined): string | null {
  return v === undefined ? null : v.text;
}

/** A change of one value, with the spec's span. */
export function changed(path: string, subject: DiffSubject, live: DesiredValue<Comparable> | undefined, spec: DesiredValue<Comparable>): Difference {
  return { kind: 'change', path, live: shown(live), spec: shown(spec), ...(spec.span ? { span: spec.span } : {}), subject };
}
