// A minimal language client for the benchmark: starts a language server as a child
// process over stdio (argv array, no shell), speaks LSP through vscode-jsonrpc as VS
// Code does, answers the server's requests (configuration, registrations) and lets the
// caller wait for the next publishDiagnostics of a document, with a deadline.
import { spawn } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

export class LspClient {
  /**
   * @param {string[]} argv program and arguments
   * @param {{ configuration?: (section: string) => unknown }} options answers workspace/configuration
   */
  constructor(argv, options = {}) {
    this.proc = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.waiters = [];
    this.notifications = new Map();
    this.conn.onNotification('textDocument/publishDiagnostics', (params) => {
      const at = performance.now();
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== params.uri || !w.accept(params)) return true;
        clearTimeout(w.timer);
        w.resolve({ at, params });
        return false;
      });
    });
    this.conn.onNotification((method) => { this.notifications.set(method, (this.notifications.get(method) ?? 0) + 1); });
    /** How many times the server asked for each configuration section. */
    this.configurationAsked = new Map();
    this.conn.onRequest('workspace/configuration', (params) => params.items.map((item) => {
      const section = item.section ?? '';
      this.configurationAsked.set(section, (this.configurationAsked.get(section) ?? 0) + 1);
      return options.configuration?.(section) ?? null;
    }));
    this.conn.onRequest(() => null);
    this.conn.onError(() => {});
    this.conn.listen();
  }

  request(method, params) {
    return this.conn.sendRequest(method, params);
  }

  notify(method, params) {
    return this.conn.sendNotification(method, params);
  }

  /** Resolves with { at, params } at the next publishDiagnostics for `uri` that `accept` takes. */
  nextDiagnostics(uri, timeoutMs, accept = () => true) {
    return new Promise((resolve, reject) => {
      const waiter = { uri, accept, resolve };
      waiter.timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** How many times the server has sent `method`. */
  seen(method) {
    return this.notifications.get(method) ?? 0;
  }

  /** Resolves when `condition()` holds, polling every few ms; rejects after `timeoutMs`. */
  async until(condition, timeoutMs, what) {
    const deadline = performance.now() + timeoutMs;
    while (!condition()) {
      if (performance.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async initialize(params) {
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, ...params });
    await this.notify('initialized', {});
    return result;
  }

  /** Asks the server to shut down; kills it if it does not exit within `graceMs`. */
  async stop(graceMs = 3000) {
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    try {
      await Promise.race([this.request('shutdown', null).then(() => this.notify('exit', null)), this.exited]);
    } catch { /* a busy or dead server is killed below */ }
    await this.exited;
    clearTimeout(timer);
    this.conn.dispose();
  }

  kill() {
    this.proc.kill('SIGKILL');
    this.conn.dispose();
    return this.exited;
  }
}
