/**
 * Where every remote command is recorded: the extension passes its output
 * channel, the CLI standard error (with --verbose) or nothing, tests a list.
 * Only command lines, exit codes and timings are logged, never standard input
 * (an uploaded agent) or anything else that could hold a secret.
 */

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };

/** A logger that keeps its lines in memory, for tests and for attaching to a report. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  warn(message: string): void {
    this.lines.push(`warning: ${message}`);
  }
}
