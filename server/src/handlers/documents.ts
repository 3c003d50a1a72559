/**
 * The open spec documents (LSP text sync, incremental) and, per document version,
 * its parsed model and its diagnostics, so hover, completion, code actions and the
 * diagnostics run all share one parse and one check of each version.
 */
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AgentCatalog } from '../agents/model';
import { validate } from '../services/validate';
import { SpecDiagnostic } from '../spec/diagnostic';
import { buildModel, SpecModel } from '../spec/model';

interface Analysis {
  readonly version: number;
  readonly model: SpecModel;
  /** The diagnostics, with the catalog they were computed against. */
  diagnostics?: { readonly catalog: AgentCatalog; readonly list: readonly SpecDiagnostic[] };
}

export class SpecDocuments {
  readonly all = new TextDocuments(TextDocument);
  private readonly analyses = new Map<string, Analysis>();

  constructor() {
    this.all.onDidClose((e) => this.analyses.delete(e.document.uri));
  }

  get(uri: string): TextDocument | undefined {
    return this.all.get(uri);
  }

  /** True while `version` is the document's current version. */
  isCurrent(uri: string, version: number): boolean {
    return this.all.get(uri)?.version === version;
  }

  /** The model of the document's current text, parsed once per version. */
  model(doc: TextDocument): SpecModel {
    return this.analysis(doc).model;
  }

  /** The diagnostics of the document's current text against `catalog`, checked once per version and catalog. */
  diagnostics(doc: TextDocument, catalog: AgentCatalog): readonly SpecDiagnostic[] {
    const a = this.analysis(doc);
    if (a.diagnostics?.catalog !== catalog) a.diagnostics = { catalog, list: validate(a.model, catalog) };
    return a.diagnostics.list;
  }

  private analysis(doc: TextDocument): Analysis {
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const fresh: Analysis = { version: doc.version, model: buildModel(doc.getText()) };
    if (this.all.get(doc.uri)) this.analyses.set(doc.uri, fresh);
    return fresh;
  }
}
