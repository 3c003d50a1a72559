/**
 * What the demo has to undo, recorded as it is made: each step that creates
 * something adds how to remove it, and `run` removes everything in reverse order
 * once. A step that fails is reported and the rest still run, so one stuck
 * process never leaves namespaces behind.
 */

export interface TeardownStep {
  readonly what: string;
  readonly run: () => Promise<void> | void;
}

export class Teardown {
  private readonly steps: TeardownStep[] = [];
  private ran?: Promise<string[]>;

  /** Records how to undo something that was just made (or is about to be). */
  add(what: string, run: () => Promise<void> | void): void {
    this.steps.push({ what, run });
  }

  /** Undoes everything, last first; resolves with the failures (empty when all went). Runs once. */
  run(say: (line: string) => void): Promise<string[]> {
    this.ran ??= (async () => {
      const failures: string[] = [];
      for (const step of [...this.steps].reverse()) {
        const started = performance.now();
        try {
          await step.run();
          say(`  ${step.what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
        } catch (error) {
          const message = `${step.what} failed: ${error instanceof Error ? error.message : String(error)}`;
          failures.push(message);
          say(`  ${message}`);
        }
      }
      return failures;
    })();
    return this.ran;
  }
}
