/**
 * Publishes diagnostics: at once when a document opens, and once typing pauses
 * (debounced) after a change. Parsing and checking run in two steps with a turn of
 * the event loop between them, so requests queued meanwhile (hover, completion) are
 * answered, and a check whose document has moved on to a newer version, or closed,
 * is dropped instead of published.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerContext, errorText } from './context';
import { toDiagnostic } from './convert';

/** How long typing must pause before a changed document is checked. */
export const DEFAULT_DEBOUNCE_MS = 200;

/** The longest a check waits for workspace meta-data files to be read. */
const CATALOG_WAIT_MS = 1000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly open = new Set<string>();
  private disposed = false;

  constructor(private readonly ctx: ServerContext, private debounceMs = DEFAULT_DEBOUNCE_MS) {}

  /** Changes how long typing must pause before a check. */
  setDebounce(ms: number): void {
    this.debounceMs = ms;
  }

  /** Wires the scheduler to the document events. */
  register(): void {
    const docs = this.ctx.documents.all;
    // TextDocuments reports an open as a content change too: the first one is the open.
    docs.onDidChangeContent((e) => {
      const uri = e.document.uri;
      const opened = !this.open.has(uri);
      this.open.add(uri);
      this.schedule(uri, opened ? 0 : this.debounceMs);
    });
    docs.onDidClose((e) => this.closed(e.document.uri));
  }

  /** Checks the document after `delay` ms; a later call for the same document replaces this one. */
  schedule(uri: string, delay = this.debounceMs): void {
    if (this.disposed) return;
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.check(uri);
    }, delay));
  }

  /** Re-checks every open document soon (the catalog changed). */
  recheckAll(): void {
    for (const doc of this.ctx.documents.all.all()) this.schedule(doc.uri, 0);
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /**
   * Waits for workspace meta-data being read, but not for long: in a huge workspace
   * the first check goes ahead with the agents known so far and is redone when the
   * catalog is complete.
   */
  private async catalogOrTimeout(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, CATALOG_WAIT_MS); });
    await Promise.race([this.ctx.catalogReady(), timeout]);
    clearTimeout(timer);
  }

  private closed(uri: string): void {
    this.open.delete(uri);
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async check(uri: string): Promise<void> {
    const { documents, connection } = this.ctx;
    const doc: TextDocument | undefined = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const started = performance.now();
    try {
      await this.catalogOrTimeout();
      if (this.disposed || !documents.isCurrent(uri, version)) return;
      const parseStart = performance.now();
      documents.model(doc);
      const parseMs = performance.now() - parseStart;
      await nextTurn();
      if (this.disposed || !documents.isCurrent(uri, version)) return;
      const checkStart = performance.now();
      const list = documents.diagnostics(doc, this.ctx.catalog());
      const diagnostics = list.map((d) => toDiagnostic(doc, d));
      const checkMs = performance.now() - checkStart;
      if (this.disposed || !documents.isCurrent(uri, version)) return;
      const sent = connection.sendDiagnostics({ uri, version, diagnostics });
      // Shown only when the client traces the server (stashHa.trace.server).
      connection.tracer.log(`Checked ${uri} version ${version} in ${(performance.now() - started).toFixed(2)} ms `
        + `(parse ${parseMs.toFixed(2)} ms, checks ${checkMs.toFixed(2)} ms): ${list.length} finding(s).`);
      await sent;
    } catch (err) {
      connection.console.error(`Checking ${uri} failed: ${errorText(err)}`);
    }
  }
}
