/** textDocument/hover → services/hover. */
import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver/node';
import { hover } from '../services/hover';
import { guard, ServerContext } from './context';
import { toRange } from './convert';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover((params: HoverParams): Hover | null => guard(ctx, 'Hover', null, () => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const h = hover(ctx.documents.model(doc), ctx.catalog(), doc.offsetAt(params.position));
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(doc, h.span) } : null;
  }));
}
