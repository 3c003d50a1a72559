/**
 * A small LSP client for tests: spawns the built server (`node dist/server.js
 * --stdio`), speaks JSON-RPC over its stdio with vscode-jsonrpc, and initializes it
 * with client capabilities like VS Code's. Notifications are recorded, and tests wait
 * for the one they need with a deadline (`waitFor`), never with sleeps.
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
  initializeResult?: InitializeResult;

  private constructor(private readonly proc: ChildProcess, readonly connection: MessageConnection) {
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
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
    client.notify('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown, timeoutMs = 10_000): Promise<R> {
    return withDeadline(this.connection.sendRequest<R>(method, params), timeoutMs, `${method} did not answer`);
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
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
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return this.diagnostics(uri, (_d, p) => p.version === undefined || p.version === 1, 20_000, since);
  }

  /** Sends a change (whole text, or ranged edits as VS Code does) and returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<{ contents: { kind: string; value: string }; range?: unknown } | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  /** Runs shutdown and exit as VS Code does; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    const code = await withDeadline(this.exited, 5000, 'the server did not exit after shutdown/exit');
    this.connection.dispose();
    return code;
  }

  /** Ends the server if a test failed before stopping it. */
  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
    this.connection.dispose();
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
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
