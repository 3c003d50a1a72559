/**
 * The spec held against the live cluster in the editor, on the Clusters view's
 * sessions and connections: every refresh already brings the CIB and corosync's
 * nodes (the status query reads them), so the CodeLens at the top of a spec ("Live:
 * in sync", "Live: 3 differences · Show · Apply…"), the `live-drift` Information
 * diagnostics on the lines that differ (a collection of their own, apart from the
 * language server's) and the live side of the diff editor cost no round trip of
 * their own. They follow the spec as the editor holds it, unsaved edits included.
 */
import * as vscode from 'vscode';
import { buildModel, createCatalog, desiredCluster, writeSpec } from '../../../server/src';
import { ClusterRegistry } from '../clusters/clusterRegistry';
import { ClusterSession } from '../clusters/clusterSession';
import { APPLY_SPEC, REFRESH_ONE, SHOW_LIVE_DIFF } from '../commands/manifest';
import { LANGUAGE_ID } from '../language/specClient';
import { readSettings } from '../settings';
import { compareWithLive, driftMarks, liveShapedLikeSpec, LiveState, readWhen, summaryOf } from './liveCompare';

/** The scheme of the diff editor's live side: `stash-ha-live:/<name>.live.cluster.yaml?<spec uri>`. */
export const LIVE_SCHEME = 'stash-ha-live';
export const DRIFT_CODE = 'live-drift';
export const DRIFT_SOURCE = 'stash-ha (live cluster)';

const EDIT_DELAY_MS = 300;

/** The live side's URI for a spec: named for the spec, so the tab reads well and the language is the spec's. */
export function liveUri(session: ClusterSession): vscode.Uri {
  const base = session.specLabel.split('/').pop()?.replace(/\.cluster\.ya?ml$/, '') ?? 'cluster';
  return vscode.Uri.from({ scheme: LIVE_SCHEME, path: `/${base}.live.cluster.yaml`, query: session.key });
}

export class LiveSpecs implements vscode.Disposable, vscode.CodeLensProvider, vscode.TextDocumentContentProvider {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('stash-ha-live');
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly contentChanged = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.contentChanged.event;
  /** The last comparison per spec document, valid for one document version and one live read. */
  private readonly compared = new Map<string, { version: number; read: object; state: LiveState }>();
  /** What each open live document was written from. */
  private readonly liveShown = new Map<string, string>();
  private readonly disposables: vscode.Disposable[];
  private editTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly registry: ClusterRegistry) {
    this.disposables = [
      this.diagnostics, this.lensesChanged, this.contentChanged,
      vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID, scheme: 'file' }, this),
      vscode.workspace.registerTextDocumentContentProvider(LIVE_SCHEME, this),
      registry.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isSpec(e.document)) this.updateSoon();
      }),
      vscode.workspace.onDidOpenTextDocument((d) => { if (this.isSpec(d)) this.update(); }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.diagnostics.delete(d.uri);
        this.compared.delete(d.uri.toString());
        if (d.uri.scheme === LIVE_SCHEME) this.liveShown.delete(d.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('stashHa.readOnly')) this.lensesChanged.fire(); }),
    ];
    this.update();
  }

  private isSpec(doc: vscode.TextDocument): boolean {
    return doc.uri.scheme === 'file' && this.registry.get(doc.uri.toString()) !== undefined;
  }

  /** The spec held against the last live read, as the document's text is now; undefined without a read. */
  stateOf(doc: vscode.TextDocument): LiveState | undefined {
    const read = this.registry.get(doc.uri.toString())?.live();
    if (read === undefined) return undefined;
    const key = doc.uri.toString();
    const cached = this.compared.get(key);
    if (cached && cached.version === doc.version && cached.read === read) return cached.state;
    const state = compareWithLive(doc.getText(), read);
    this.compared.set(key, { version: doc.version, read, state });
    return state;
  }

  private updateSoon(): void {
    if (this.editTimer) clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => {
      this.editTimer = undefined;
      this.update();
    }, EDIT_DELAY_MS);
  }

  /** Marks the open specs' drifting lines, asks for fresh lenses, and refreshes open live documents. */
  update(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (!this.isSpec(doc)) continue;
      const state = this.stateOf(doc);
      if (state?.kind !== 'compared') {
        this.diagnostics.delete(doc.uri);
        continue;
      }
      const marks = driftMarks(state.comparison, doc.getText()).map((m) => {
        const range = new vscode.Range(doc.positionAt(m.span.start), doc.positionAt(m.span.end));
        const d = new vscode.Diagnostic(range, m.message, vscode.DiagnosticSeverity.Information);
        d.code = DRIFT_CODE;
        d.source = DRIFT_SOURCE;
        return d;
      });
      const { version } = state.comparison;
      if (version?.span) {
        // While connected, a stated release the cluster does not run is the checker's own code, as an error.
        const d = new vscode.Diagnostic(new vscode.Range(doc.positionAt(version.span.start), doc.positionAt(version.span.end)), version.message, vscode.DiagnosticSeverity.Error);
        d.code = version.code;
        d.source = DRIFT_SOURCE;
        marks.unshift(d);
      }
      this.diagnostics.set(doc.uri, marks);
    }
    for (const [uri, shownFrom] of this.liveShown) {
      const live = vscode.Uri.parse(uri);
      if (this.shownFrom(live.query) !== shownFrom) this.contentChanged.fire(live);
    }
    this.lensesChanged.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const session = this.registry.get(doc.uri.toString());
    if (session === undefined) return [];
    const view = session.view();
    if (view.state === 'untrusted' || view.state === 'no-nodes') return [];
    const key = /^cluster\s*:/m.exec(doc.getText());
    const at = key ? doc.positionAt(key.index) : new vscode.Position(0, 0);
    const range = new vscode.Range(at, at);
    const lens = (title: string, command = '', tooltip?: string): vscode.CodeLens =>
      new vscode.CodeLens(range, { title, command, ...(command ? { arguments: [doc.uri] } : {}), ...(tooltip ? { tooltip } : {}) });
    switch (view.state) {
      case 'not-connected':
        return [lens('Live: not read yet'), lens('Read the Cluster', REFRESH_ONE, 'Read the live cluster (one status query) and compare it with this spec')];
      case 'connecting':
        return [lens('Live: reading the cluster…')];
      case 'failed':
        return [lens('Live: the cluster could not be read', '', view.error?.message), lens('Retry', REFRESH_ONE, view.error?.hint)];
      default:
        break;
    }
    const state = this.stateOf(doc);
    if (state === undefined) return [lens('Live: reading the cluster…')];
    if (state.kind === 'unreadable') return [lens('Live: the CIB could not be read', '', state.error), lens('Retry', REFRESH_ONE)];
    const c = state.comparison;
    const when = `The live cluster as ${readWhen(c)}`;
    if (c.open.length === 0) return [lens(summaryOf(c), SHOW_LIVE_DIFF, `${when}: it holds what this spec states. Click to see the two side by side.`)];
    return [
      lens(summaryOf(c), '', `${when}: ${c.open.map((d) => d.path).join(', ')}`),
      lens('Show', SHOW_LIVE_DIFF, 'The live cluster as a spec, beside this spec'),
      ...(readSettings(doc.uri).readOnly ? [] : [lens('Apply…', APPLY_SPEC, 'Show the plan (pcs commands, pushed as one CIB change) and ask')]),
    ];
  }

  /** The open document of a spec, if it is open. */
  private specDocument(key: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  /** What a live document shows depends on: the live read and the spec's text (its version). */
  private shownFrom(key: string): string {
    const read = this.registry.get(key)?.live();
    const doc = this.specDocument(key);
    return `${read?.takenAt ?? '-'} ${read?.answer.ok ? read.answer.node : '-'} ${doc?.version ?? '-'}`;
  }

  /**
   * The live cluster written as a spec for the diff editor's left side: what `stash-ha
   * import` writes, cut to what the spec states and in its order (liveShapedLikeSpec),
   * so the editor's highlighted lines are the differences the CodeLens counts.
   */
  provideTextDocumentContent(uri: vscode.Uri): string {
    const session = this.registry.get(uri.query);
    const read = session?.live();
    this.liveShown.set(uri.toString(), this.shownFrom(uri.query));
    if (session === undefined) return '# This cluster spec is no longer in the workspace.\n';
    if (read === undefined) return `# ${session.name}: the live cluster has not been read (refresh it in the Clusters view).\n`;
    if (!read.answer.ok) return `# ${session.name}: the live cluster could not be read: ${read.answer.error}\n`;
    const doc = this.specDocument(uri.query);
    const live = doc ? liveShapedLikeSpec(desiredCluster(buildModel(doc.getText())), read.answer.live) : read.answer.live;
    return writeSpec(live, {
      catalog: createCatalog(),
      header: [`${session.name}: the live cluster as ${readWhen({ node: read.answer.node, takenAt: read.takenAt })}, as the spec states it (read-only).`],
    });
  }

  dispose(): void {
    if (this.editTimer) clearTimeout(this.editTimer);
    for (const d of this.disposables) d.dispose();
  }
}
