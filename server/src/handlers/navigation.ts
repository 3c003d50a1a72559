/**
 * Go to definition, find references and rename for resource, group and node ids →
 * services/navigation. A refused rename (the new id is taken or invalid) answers with
 * an error the editor shows as the reason.
 */
import { LSPErrorCodes, Location, PrepareRenameParams, Range, ReferenceParams, RenameParams, ResponseError, TextDocumentPositionParams, WorkspaceEdit } from 'vscode-languageserver/node';
import { definition, prepareRename, references, rename } from '../services/navigation';
import { guard, ServerContext } from './context';
import { toRange, toTextEdit } from './convert';

export function registerNavigation(ctx: ServerContext): void {
  const { connection, documents } = ctx;

  connection.onDefinition((params: TextDocumentPositionParams): Location | null => guard(ctx, 'Definition', null, () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const span = definition(documents.model(doc), doc.offsetAt(params.position));
    return span ? { uri: doc.uri, range: toRange(doc, span) } : null;
  }));

  connection.onReferences((params: ReferenceParams): Location[] => guard(ctx, 'References', [], () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return references(documents.model(doc), doc.offsetAt(params.position), params.context.includeDeclaration)
      .map((span) => ({ uri: doc.uri, range: toRange(doc, span) }));
  }));

  connection.onPrepareRename((params: PrepareRenameParams): { range: Range; placeholder: string } | null => guard(ctx, 'Prepare rename', null, () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const r = prepareRename(documents.model(doc), doc.offsetAt(params.position));
    return r ? { range: toRange(doc, r.span), placeholder: r.placeholder } : null;
  }));

  connection.onRenameRequest((params: RenameParams): WorkspaceEdit | null => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const result = guard(ctx, 'Rename', undefined, () => rename(documents.model(doc), doc.offsetAt(params.position), params.newName));
    if (result === undefined) return null;
    if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    return { changes: { [doc.uri]: result.edits.map((e) => toTextEdit(doc, e)) } };
  });
}
