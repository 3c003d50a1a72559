/**
 * The last line of defence: an exception or rejected promise that escapes every
 * handler (a bug) is logged to the client's output instead of ending the server, so
 * one bad moment does not cost the user diagnostics for the rest of the session.
 */
import { Connection } from 'vscode-languageserver/node';
import { errorText } from './context';

export function registerProcessGuards(connection: Connection): void {
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${errorText(reason)}`));
  process.on('uncaughtException', (err) => connection.console.error(`Uncaught exception: ${errorText(err)}`));
}
