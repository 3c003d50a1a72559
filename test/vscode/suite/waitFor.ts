/**
 * Waiting in the extension host: until a condition over VS Code's state holds,
 * asked again whenever an event says that state changed, with a deadline whose
 * error says what was last seen. No polling and no sleeps.
 */
import * as vscode from 'vscode';

/**
 * Resolves with `probe()`'s value as soon as it is not undefined: now, or after one
 * of `events` fires. Rejects after `timeoutMs` with `describe()`'s account of what
 * it saw instead.
 */
export function waitUntil<T>(
  what: string,
  events: ReadonlyArray<vscode.Event<unknown>>,
  probe: () => T | undefined,
  describe: () => string,
  timeoutMs = 60_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      settle();
    };
    const check = (): void => {
      const value = probe();
      if (value !== undefined) finish(() => resolve(value));
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last seen: ${describe()}`))), timeoutMs);
    for (const event of events) subscriptions.push(event(check));
    check();
  });
}

/** A diagnostic's code as a string ('' when it has none). */
export function codeOf(d: vscode.Diagnostic): string {
  if (d.code === undefined) return '';
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** `line code` for each diagnostic, 1-based lines, sorted. */
export function findings(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1} ${codeOf(d)}`).sort();
}

/** Waits until the diagnostics of `uri` satisfy `done` (for instance: match what is expected). */
export function waitForDiagnostics(uri: vscode.Uri, done: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 60_000): Promise<vscode.Diagnostic[]> {
  return waitUntil(
    `the diagnostics of ${uri.path}`,
    [vscode.languages.onDidChangeDiagnostics],
    () => { const d = vscode.languages.getDiagnostics(uri); return done(d) ? d : undefined; },
    () => JSON.stringify(findings(vscode.languages.getDiagnostics(uri))),
    timeoutMs,
  );
}
