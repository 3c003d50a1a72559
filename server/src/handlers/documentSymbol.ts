/** textDocument/documentSymbol → services/navigation's outline, as hierarchical symbols. */
import { DocumentSymbol, DocumentSymbolParams, SymbolKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, SpecSymbol } from '../services/navigation';
import { guard, ServerContext } from './context';
import { toRange } from './convert';

const KIND: Record<SpecSymbol['kind'], SymbolKind> = {
  cluster: SymbolKind.Package,
  section: SymbolKind.Namespace,
  node: SymbolKind.Struct,
  resource: SymbolKind.Class,
  group: SymbolKind.Array,
  constraint: SymbolKind.Event,
  property: SymbolKind.Property,
};

function toSymbol(doc: TextDocument, s: SpecSymbol): DocumentSymbol {
  return {
    name: s.name || ' ',
    detail: s.detail,
    kind: KIND[s.kind],
    range: toRange(doc, s.span),
    selectionRange: toRange(doc, s.selectionSpan),
    children: s.children.map((c) => toSymbol(doc, c)),
  };
}

export function registerDocumentSymbol(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol((params: DocumentSymbolParams): DocumentSymbol[] => guard(ctx, 'Outline', [], () => {
    const doc = ctx.documents.get(params.textDocument.uri);
    return doc ? documentSymbols(ctx.documents.model(doc)).map((s) => toSymbol(doc, s)) : [];
  }));
}
