/**
 * The Problems panel as a person reads it: one entry per marker row of
 * `.markers-panel`, with the severity, message, source, code and position the row
 * shows. Only rows in sight are in the page (the list is virtual): a test that
 * expects many problems should keep the panel large or filter it.
 */
import { waitFor } from '../../cluster/waitFor';
import type { PageElement } from './pageElement';
import { Workbench } from './workbench';

export interface Problem {
  /** From the row's icon: 'error', 'warning', 'info'. */
  readonly severity: string;
  readonly message: string;
  /** The diagnostic's source, as `stash-ha` in `stash-ha(unknown-param)`. */
  readonly source: string;
  readonly code: string;
  /** 1-based, as the row shows `[Ln 37, Col 7]`. */
  readonly line: number;
  readonly column: number;
}

/** Shows the Problems panel (idempotent, unlike its Ctrl+Shift+M toggle). */
export async function openProblems(workbench: Workbench): Promise<void> {
  await workbench.runCommand('Problems: Focus on Problems View');
  await workbench.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: workbench.timeoutMs });
}

/** The marker rows the Problems panel shows now, top to bottom (the rows naming a file, which group them, left out). */
export async function readProblems(workbench: Workbench): Promise<Problem[]> {
  const rows = await workbench.page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => (els as unknown as PageElement[])
    .filter((el) => el.querySelector('.marker-message') !== null)
    .map((el) => {
      const text = (selector: string): string => el.querySelector(selector)?.textContent?.trim() ?? '';
      const icon = el.querySelector('.marker-icon');
      return {
        index: Number(el.getAttribute('data-index')),
        severity: ['error', 'warning', 'info'].find((s) => icon?.classList.contains(s)) ?? '',
        message: text('.marker-message'),
        source: text('.marker-source'),
        code: text('.marker-code'),
        position: text('.marker-line'),
      };
    }));
  return rows.sort((a, b) => a.index - b.index).map(({ index: _index, position, ...row }) => {
    const m = /\[Ln (\d+), Col (\d+)\]/.exec(position);
    return { ...row, line: m ? Number(m[1]) : 0, column: m ? Number(m[2]) : 0 };
  });
}

/**
 * Waits until the Problems panel's rows satisfy `done` and returns them; on the
 * deadline, throws with the rows last seen.
 */
export async function waitForProblems(workbench: Workbench, what: string, done: (problems: Problem[]) => boolean): Promise<Problem[]> {
  const waited = await waitFor(what, workbench.timeoutMs, async () => {
    const problems = await readProblems(workbench);
    return done(problems)
      ? { done: true, value: problems }
      : { done: false, seen: JSON.stringify(problems.map((p) => `${p.line} ${p.code} ${p.severity}`)) };
  });
  return waited.value;
}
