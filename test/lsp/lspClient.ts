/**
 * A small LSP client for tests: spawns the built server (`node dist/server.js
 * --stdio`), speaks JSON-RPC over its stdio with vscode-jsonrpc, and initializes it
 * with client capabilities like VS Code's. Notifications are recorded, and tests wait
 * for the one they need with a deadline (`waitFor`), never with sleeps.
 *
 * Every write to the server is tracked until it is done: vscode-jsonrpc writes a
 * notification a turn of the event loop after it is sent, so a `didClose` sent at the
 * end of a test used to be written after `kill()` had ended the server, failing with
 * EPIPE (or "write after a stream was destroyed") after the test had ended. `stop()`
 * and `kill()` therefore let the writes already sent finish first, then close the
 * server's stdin, and only then wait for it to exit.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  Diagnostic, InitializeResult, Position, PublishDiagnosticsParams, TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { VSCODE_CAPABILITIES } from './vscodeCapabilities';

export const REPO = join(__dirname, '..', '..', '..');
export const SERVER = join(REPO, 'dist', 'server.js');

export interface StartOptions {
  /** Workspace folder (a path); its file: URI goes in workspaceFolders. */
  readonly workspace?: string;
  readonly initializationOptions?: unknown;
  /** LSP trace level; with 'messages' the server sends $/logTrace lines. */
  readonly trace?: 'off' | 'messages' | 'verbose';
}

interface Recorded {
  readonly method: string;
  readonly params: unknown;
}

interface Waiter {
  readonly method: string;
  readonly accept: (params: unknown) => boolean;
  readonly resolve: (params: unknown) => void;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

export class LspClient {
  readonly notifications: Recorded[] = [];
  readonly stderr: string[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly exited: Promise<number | null>;
  private readonly versions = new Map<string, number>();
  /** Notifications sent whose write has not finished yet. */
  private readonly writing = new Set<Promise<void>>();
  /** Writes to the server that failed, and errors of its stdin pipe, for `stop()` to report. */
  private readonly writeFailures: string[] = [];
  initializeResult?: InitializeResult;

  private constructor(private readonly proc: ChildProcess, readonly connection: MessageConnection) {
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.stdin?.on('error', (err) => this.writeFailures.push(`stdin: ${err.message}`));
    proc.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    const record = (method: string, params: unknown): void => {
      this.notifications.push({ method, params });
      for (const w of [...this.waiters]) {
        if (w.method === method && w.accept(params)) {
          this.waiters.delete(w);
          w.resolve(params);
        }
      }
    };
    connection.onNotification(record);
    // vscode-jsonrpc keeps $/logTrace for its own tracer; this handler replaces that one.
    connection.onNotification('$/logTrace', (params: unknown) => record('$/logTrace', params));
    connection.onRequest('window/showMessageRequest', (params: unknown) => {
      this.notifications.push({ method: 'window/showMessageRequest', params });
      return null;
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.listen();
  }

  /** Spawns the server and runs initialize/initialized. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    if (!proc.stdout || !proc.stdin) throw new Error('no stdio for the server');
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new LspClient(proc, connection);
    const folder = options.workspace;
    client.initializeResult = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'Visual Studio Code', version: '1.82.0' },
      locale: 'en',
      rootUri: folder ? fileUri(folder) : null,
      workspaceFolders: folder ? [{ uri: fileUri(folder), name: 'workspace' }] : null,
      capabilities: VSCODE_CAPABILITIES,
      initializationOptions: options.initializationOptions ?? { metadataPaths: [], trusted: true },
      trace: options.trace ?? 'off',
    });
    void client.notify('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown, timeoutMs = 10_000): Promise<R> {
    return withDeadline(this.connection.sendRequest<R>(method, params), timeoutMs, `${method} did not answer`);
  }

  /**
   * Sends a notification; the promise settles when it is written (awaiting it is
   * optional: `stop()` and `kill()` wait for every write still under way).
   */
  notify(method: string, params: unknown): Promise<void> {
    const sent = this.connection.sendNotification(method, params);
    const done = sent.then(
      () => undefined,
      (err: unknown) => { this.writeFailures.push(`${method}: ${err instanceof Error ? err.message : String(err)}`); },
    );
    this.writing.add(done);
    void done.then(() => this.writing.delete(done));
    return sent;
  }

  /** Settles when every notification sent so far is written (or has failed). */
  private async flush(): Promise<void> {
    while (this.writing.size > 0) await Promise.all([...this.writing]);
  }

  /**
   * The next notification of `method` that `accept` takes, from the ones recorded at or
   * after index `since` (default: only future ones).
   */
  waitFor<T>(method: string, accept: (params: T) => boolean = () => true, timeoutMs = 10_000, since = this.notifications.length): Promise<T> {
    const seen = this.notifications.slice(since).find((n) => n.method === method && accept(n.params as T));
    if (seen) return Promise.resolve(seen.params as T);
    let waiter: Waiter | undefined;
    const found = new Promise<T>((resolve) => {
      waiter = { method, accept: (p) => accept(p as T), resolve: (p) => resolve(p as T) };
      this.waiters.add(waiter);
    });
    return withDeadline(found, timeoutMs, `no ${method} notification within ${timeoutMs} ms`)
      .finally(() => { if (waiter) this.waiters.delete(waiter); });
  }

  /** The next diagnostics published for `uri` that `accept` takes. */
  diagnostics(uri: string, accept: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000, since?: number): Promise<Diagnostic[]> {
    return this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics',
      (p) => p.uri === uri && accept(p.diagnostics, p), timeoutMs, since).then((p) => p.diagnostics);
  }

  /** Opens a document and returns its first diagnostics. */
  async open(uri: string, text: string, languageId = 'stash-cluster'): Promise<Diagnostic[]> {
    const since = this.notifications.length;
    this.versions.set(uri, 1);
    void this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return this.diagnostics(uri, (_d, p) => p.version === undefined || p.version === 1, 20_000, since);
  }

  /** Sends a change (whole text, or ranged edits as VS Code does) and returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<{ contents: { kind: string; value: string }; range?: unknown } | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  /**
   * Runs shutdown and exit as VS Code does: exit is sent only once shutdown has been
   * answered, and stdin is closed only once exit is written. Resolves with the
   * server's exit code; rejects if any write to the server failed meanwhile.
   */
  async stop(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.notify('exit', null);
    await this.flush();
    this.proc.stdin?.end();
    const code = await withDeadline(this.exited, 5000, 'the server did not exit after shutdown/exit');
    this.connection.dispose();
    if (this.writeFailures.length > 0) throw new Error(`writes to the server failed: ${this.writeFailures.join('; ')}`);
    return code;
  }

  /**
   * Goes away as a client that crashed would: closes our end of the server's stdout
   * (its next write fails with EPIPE) or of its stdin, once the writes already sent
   * are done.
   */
  async hangUp(which: 'stdout' | 'stdin'): Promise<void> {
    await this.flush();
    if (which === 'stdout') this.proc.stdout?.destroy();
    else this.proc.stdin?.end();
  }

  /** The server's exit code, once it has exited by itself. */
  exitCode(timeoutMs = 10_000): Promise<number | null> {
    return withDeadline(this.exited, timeoutMs, `the server did not exit within ${timeoutMs} ms`);
  }

  /**
   * Ends the server whatever state a test left it in (for `after` hooks): lets the
   * writes already sent finish, closes its stdin (on which the server exits by
   * itself), and kills it only if it is still there after 5 s.
   */
  async kill(): Promise<void> {
    if (this.alive) {
      await settlesWithin(this.flush(), 5000);
      this.proc.stdin?.end();
      if (!(await settlesWithin(this.exited, 5000))) {
        this.proc.kill('SIGKILL');
        await this.exited;
      }
    }
    this.connection.dispose();
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }
}

/** Whether `p` settled within `ms` (a hung server must not hang the hook that ends it). */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  try {
    return await Promise.race([p.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

function withDeadline<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** The offset of the `nth` (0-based) occurrence of `needle` in `text`, plus `delta`, as an LSP position. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' (#${nth}) not in the text`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
