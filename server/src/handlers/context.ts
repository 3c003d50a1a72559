/**
 * What every handler gets: the connection, the open documents with their parsed
 * models, and the agent catalog in force. Plus `guard`, the one place a failing
 * request becomes a log line instead of a dead server.
 */
import { Connection } from 'vscode-languageserver/node';
import { AgentCatalog } from '../agents/model';
import { SpecDocuments } from './documents';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: SpecDocuments;
  /** The catalog now in force (it changes when workspace meta-data files do). */
  catalog(): AgentCatalog;
  /** Settles when the workspace meta-data files read so far are in the catalog. */
  catalogReady(): Promise<void>;
}

/** Describes an error for the log, with its stack when there is one. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.stack ?? err.message : String(err);
}

/**
 * Runs one request's work; an exception (a bug, a stack overflow on a pathological
 * document) is logged and answered with `fallback`, so the server keeps serving.
 */
export function guard<T>(ctx: Pick<ServerContext, 'connection'>, what: string, fallback: T, work: () => T): T {
  try {
    return work();
  } catch (err) {
    ctx.connection.console.error(`${what} failed: ${errorText(err)}`);
    return fallback;
  }
}
