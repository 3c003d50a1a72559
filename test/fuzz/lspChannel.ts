/**
 * Fuzz inputs through the built language server, as VS Code drives it: one long-lived
 * `node dist/server.js --stdio` per worker, each input opened as a document (the
 * bytes read as UTF-8, as the editor would), its diagnostics awaited, then outline,
 * hover and completion asked, and the document closed. The answer must come, every
 * range must lie in the text, the server must log no error, and each step (the
 * diagnostics, each request) may use at most HANG_CPU_MS of the server's CPU and
 * HANG_WALL_MS of wall time: a step past that is a hang.
 * A server that crashed or hung is replaced for the next input. Test-only.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { Diagnostic, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src';
import { VSCODE_CAPABILITIES } from '../lsp/vscodeCapabilities';
import { badRange, cpuMs, HANG_CPU_MS, HANG_WALL_MS, textOf } from './checks';
import { ChannelResult, DIST } from './cliChannel';

export const SERVER = join(DIST, 'server.js');

class Aborted extends Error {
  constructor(readonly kind: 'crash' | 'hang', message: string) {
    super(message);
  }
}

/** One running server and what it said. */
class Server {
  readonly proc: ChildProcess;
  readonly connection: MessageConnection;
  readonly errors: string[] = [];
  readonly exited: Promise<string>;
  private readonly published = new Map<string, (d: Diagnostic[]) => void>();

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    if (!this.proc.stdout || !this.proc.stdin || !this.proc.stderr) throw new Error('no stdio for the server');
    this.proc.stdin.on('error', () => undefined);
    this.proc.stderr.on('data', (chunk: Buffer) => this.errors.push(`stderr: ${chunk.toString().slice(0, 500)}`));
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve(`the server exited (${signal ?? `code ${String(code)}`})`)));
    this.connection = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.connection.onError(() => undefined);
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.published.get(p.uri)?.(p.diagnostics));
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) this.errors.push(`logged error: ${p.message.slice(0, 500)}`);
    });
    this.connection.onNotification(() => undefined);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid, clientInfo: { name: 'Visual Studio Code', version: '1.82.0' }, rootUri: null, workspaceFolders: null,
      capabilities: VSCODE_CAPABILITIES, initializationOptions: { metadataPaths: [], trusted: false }, trace: 'off',
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** The diagnostics next published for `uri`. */
  diagnostics(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.published.set(uri, (d) => { this.published.delete(uri); resolve(d); }));
  }

  kill(): void {
    this.connection.dispose();
    this.proc.kill('SIGKILL');
  }
}

/** A worker's server: runs one input at a time, replacing the server after a crash or hang. */
export class LspChannel {
  private server?: Server;
  private count = 0;

  private async current(): Promise<Server> {
    if (!this.server) {
      this.server = new Server();
      await this.server.initialize();
    }
    return this.server;
  }

  /** Runs one input through the server. */
  async run(bytes: Buffer): Promise<ChannelResult> {
    const server = await this.current();
    const pid = server.proc.pid ?? 0;
    const text = textOf(bytes);
    const lines = new LineIndex(text);
    const uri = `file:///fuzz/input-${++this.count}.cluster.yaml`;
    const started = performance.now();
    const cpu0 = cpuMs(pid) ?? 0;
    /** CPU used for this input so far, and where the step under way began. */
    let cpu = 0;
    let step = { name: 'diagnostics', cpu: 0, wall: started };
    const errorsBefore = server.errors.length;
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<never>((_, reject) => {
      timer = setInterval(() => {
        cpu = (cpuMs(pid) ?? cpu0 + cpu) - cpu0;
        if (cpu - step.cpu > HANG_CPU_MS) reject(new Aborted('hang', `lsp: ${step.name} took more than ${HANG_CPU_MS / 1000} s of the server's CPU`));
        else if (performance.now() - step.wall > HANG_WALL_MS) reject(new Aborted('hang', `lsp: no ${step.name} within ${HANG_WALL_MS / 1000} s`));
      }, 50);
    });
    const died = server.exited.then((why) => { throw new Aborted('crash', `lsp: ${why}`); });
    const within = <T>(name: string, p: () => PromiseLike<T>): Promise<T> => {
      step = { name, cpu: (cpuMs(pid) ?? cpu0 + cpu) - cpu0, wall: performance.now() };
      return Promise.race([Promise.resolve(p()), budget, died]);
    };
    try {
      const published = server.diagnostics(uri);
      void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'stash-cluster', version: 1, text } });
      const ds = await within('diagnostics', () => published);
      for (const d of ds) {
        const problem = badRange(lines, d.range.start, d.range.end);
        if (problem) throw new Aborted('crash', `lsp: ${String(d.code)} at ${JSON.stringify(d.range)}: ${problem}`);
      }
      const textDocument = { uri };
      const middle = lines.positionAt(Math.floor(text.length / 2));
      const end = lines.positionAt(text.length);
      await within('outline', () => server.connection.sendRequest('textDocument/documentSymbol', { textDocument }));
      const hover = await within('hover', () => server.connection.sendRequest<{ range?: Range } | null>('textDocument/hover', { textDocument, position: middle }));
      if (hover?.range) {
        const problem = badRange(lines, hover.range.start, hover.range.end);
        if (problem) throw new Aborted('crash', `lsp: hover range ${JSON.stringify(hover.range)}: ${problem}`);
      }
      await within('completion', () => server.connection.sendRequest('textDocument/completion', { textDocument, position: end }));
      await within('close', () => server.connection.sendNotification('textDocument/didClose', { textDocument }));
      cpu = (cpuMs(pid) ?? cpu0 + cpu) - cpu0;
      const errors = server.errors.slice(errorsBefore);
      if (errors.length > 0) throw new Aborted('crash', `lsp: ${errors.join(' / ')}`);
      return { cpuMs: cpu, wallMs: performance.now() - started };
    } catch (error) {
      this.server = undefined;
      server.kill();
      const aborted = error instanceof Aborted ? error : new Aborted('crash', `lsp: ${error instanceof Error ? error.message : String(error)}`);
      return { kind: aborted.kind, problem: aborted.message, cpuMs: cpu, wallMs: performance.now() - started };
    } finally {
      clearInterval(timer);
      budget.catch(() => undefined);
      died.catch(() => undefined);
    }
  }

  /** Ends the server. */
  close(): void {
    this.server?.kill();
    this.server = undefined;
  }
}
