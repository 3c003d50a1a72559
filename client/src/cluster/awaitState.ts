/**
 * Waits for the cluster to reach a state: takes snapshots until a check passes
 * or a deadline does. Each try is one status query (over the warm connection);
 * tries are spaced by the injected clock, so tests can run it without waiting.
 */
import { Clock } from '../remote/processRunner';
import { ClusterConnection } from './clusterConnection';
import { ClusterSnapshot } from './snapshot';

/** A check's verdict: done, or what it saw instead (for the timeout message). */
export type Check = { readonly done: true } | { readonly done: false; readonly seen: string };

export type Awaited =
  | { readonly ok: true; readonly snapshot: ClusterSnapshot; readonly elapsedMs: number }
  | { readonly ok: false; readonly error: string; readonly snapshot?: ClusterSnapshot; readonly elapsedMs: number };

export async function awaitState(
  connection: ClusterConnection,
  clock: Clock,
  what: string,
  check: (snapshot: ClusterSnapshot) => Check,
  timeoutMs: number,
  intervalMs = 500,
): Promise<Awaited> {
  const started = clock.now();
  let seen = 'no status yet';
  let last: ClusterSnapshot | undefined;
  for (;;) {
    const tried = clock.now();
    const status = await connection.status();
    if (status.ok) {
      last = status.snapshot;
      const verdict = check(status.snapshot);
      if (verdict.done) return { ok: true, snapshot: status.snapshot, elapsedMs: clock.now() - started };
      seen = verdict.seen;
    } else {
      seen = status.error;
    }
    if (clock.now() - started >= timeoutMs) {
      return { ok: false, error: `timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}; last seen: ${seen}`, ...(last ? { snapshot: last } : {}), elapsedMs: clock.now() - started };
    }
    const rest = intervalMs - (clock.now() - tried);
    if (rest > 0) await clock.sleep(rest);
  }
}
