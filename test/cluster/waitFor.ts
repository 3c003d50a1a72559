// Waits on a condition with a deadline: the probe is asked again until it
// answers, and a timeout reports what the probe last saw, so a failing test
// says which state the cluster was stuck in.
import { setTimeout as pause } from 'node:timers/promises';

/** A probe's answer: the value waited for, or a description of what it saw instead. */
export type Probe<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly seen: string };

/** The value a wait ended with and how long it took. */
export interface Waited<T> {
  readonly value: T;
  readonly seconds: number;
}

/**
 * Asks `probe` until it is done or `timeoutMs` has passed (then throws). A probe
 * that throws counts as not done. Tries are spaced by `intervalMs` at least, so
 * a fast probe does not spin.
 */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<Probe<T>>,
  intervalMs = 200,
): Promise<Waited<T>> {
  const started = performance.now();
  let seen = 'nothing yet';
  for (;;) {
    const tried = performance.now();
    try {
      const answer = await probe();
      if (answer.done) return { value: answer.value, seconds: (performance.now() - started) / 1000 };
      seen = answer.seen;
    } catch (error) {
      seen = error instanceof Error ? error.message : String(error);
    }
    if (performance.now() - started > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last seen: ${seen}`);
    }
    const rest = intervalMs - (performance.now() - tried);
    if (rest > 0) await pause(rest);
  }
}
