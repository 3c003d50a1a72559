/**
 * The last line of defence, and the way out once the client is gone.
 *
 * An exception or rejected promise that escapes every handler (a bug) is logged to
 * the client's output instead of ending the server, so one bad moment does not cost
 * the user diagnostics for the rest of the session.
 *
 * But when the client's end of the channel has closed (its end of our stdout, or the
 * IPC channel), nobody is left to log to: a write then fails, and logging that failure
 * to the same connection threw again inside the handler, so the server died with exit
 * code 7 and a stack trace. So a closed channel ends the server at once and quietly,
 * with 0 after a shutdown request and 1 otherwise, as the LSP asks for an exit; the
 * library already does the same when stdin ends. This module does not keep the
 * server alive after that, nor log anywhere else.
 */
import { ConnectionError, ConnectionErrors } from 'vscode-languageserver/node';
import { errorText } from './context';

/** Error codes of a write to a pipe, socket or IPC channel whose other end is gone. */
const CLOSED_CHANNEL_CODES = new Set([
  'EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ERR_IPC_CHANNEL_CLOSED',
]);

/** Whether `err` says the client can no longer be written to (as opposed to a bug). */
export function isClosedChannel(err: unknown): boolean {
  if (err instanceof ConnectionError) return err.code === ConnectionErrors.Closed || err.code === ConnectionErrors.Disposed;
  const code = (err as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && CLOSED_CHANNEL_CODES.has(code);
}

/** What the guards need of the process; the real one in the server, a stand-in in tests. */
export interface GuardedProcess {
  readonly argv: readonly string[];
  readonly stdout: NodeJS.EventEmitter;
  on(event: 'uncaughtException', listener: (err: unknown) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  exit(code: number): void;
}

export interface ProcessGuards {
  /** Called when the client asks for shutdown: a later closed channel then exits with 0. */
  shutdownReceived(): void;
}

/** Where the guards log a bug: the connection's console (the client's output channel). */
export interface GuardLog {
  readonly console: { error(message: string): void };
}

/** Installs the guards on `proc` (the real process by default). */
export function registerProcessGuards(connection: GuardLog, proc: GuardedProcess = process): ProcessGuards {
  let shutdown = false;
  let leaving = false;
  const leave = (): void => {
    if (leaving) return;
    leaving = true;
    proc.exit(shutdown ? 0 : 1);
  };
  const report = (what: string, err: unknown): void => {
    if (leaving) return;
    if (isClosedChannel(err)) return leave();
    try {
      connection.console.error(`${what}: ${errorText(err)}`);
    } catch (logErr) {
      // Logging can only fail because the channel closed in the meantime.
      if (isClosedChannel(logErr)) return leave();
      throw logErr;
    }
  };
  proc.on('unhandledRejection', (reason) => report('Unhandled rejection', reason));
  proc.on('uncaughtException', (err) => report('Uncaught exception', err));
  if (proc.argv.includes('--stdio')) {
    // Our stdout is the channel: the client closed its end (EPIPE), or the stream ended.
    proc.stdout.on('error', (err: unknown) => (isClosedChannel(err) ? leave() : report('stdout', err)));
    proc.stdout.on('close', leave);
  }
  proc.on('disconnect', leave);
  return { shutdownReceived: () => { shutdown = true; } };
}
