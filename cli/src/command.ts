/**
 * What a subcommand of `stash-ha` is: its help (which also declares its options
 * and arguments for the parser) and the function that runs it. The entry finds a
 * subcommand by name, parses its arguments and calls `run`; a subcommand never
 * parses argv itself.
 */
import { Clock, ProcessRunner, spawnRunner, systemClock } from '../../client/src/remote/processRunner';
import { ParsedArgs } from './args';
import { HelpText } from './help';
import { CliIo } from './io';

/** Arranges for `cleanup` to run before an interrupt ends the process; returns what stops the arrangement. */
export type InterruptHook = (cleanup: () => Promise<void>) => () => void;

/** What a subcommand gets from outside besides its streams; tests pass recordings. */
export interface CliDeps {
  readonly runner: ProcessRunner;
  readonly clock: Clock;
  /** Absent: signals end the process at once, leaving ssh masters running until ControlPersist ends them. */
  readonly onInterrupt?: InterruptHook;
}

export interface CliCommand extends HelpText {
  /** One line for the list of subcommands. */
  readonly summary: string;
  run(args: ParsedArgs, io: CliIo, deps: CliDeps): Promise<number>;
}

const INTERRUPTS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Ctrl-C (or SIGTERM, SIGHUP) still ends the process by that signal, so the shell
 * sees 130 and the like, but only after `cleanup` has closed the ssh masters and
 * removed their socket directory. A second signal during cleanup ends it at once.
 */
export const processInterrupts: InterruptHook = (cleanup) => {
  const stop = (): void => { for (const s of INTERRUPTS) process.off(s, onSignal); };
  function onSignal(signal: NodeJS.Signals): void {
    stop();
    void cleanup().catch(() => undefined).finally(() => process.kill(process.pid, signal));
  }
  for (const s of INTERRUPTS) process.on(s, onSignal);
  return stop;
};

/** The real runner, clock and signals. */
export function processDeps(): CliDeps {
  return { runner: spawnRunner(), clock: systemClock, onInterrupt: processInterrupts };
}
