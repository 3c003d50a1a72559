/** textDocument/completion → services/completion, as LSP items that replace the word typed so far. */
import {
  CompletionItem, CompletionItemKind, CompletionItemTag, CompletionList, CompletionParams, InsertTextFormat, InsertTextMode, MarkupKind,
} from 'vscode-languageserver/node';
import { completion, SpecCompletionKind } from '../services/completion';
import { guard, ServerContext } from './context';
import { toRange } from './convert';

const KIND: Record<SpecCompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  field: CompletionItemKind.Field,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  agent: CompletionItemKind.Module,
  reference: CompletionItemKind.Reference,
  node: CompletionItemKind.Constant,
  action: CompletionItemKind.Event,
  snippet: CompletionItemKind.Snippet,
};

/** Re-opens the suggestion list after a key whose value has choices is inserted. */
const RETRIGGER = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion((params: CompletionParams): CompletionList => guard(ctx, 'Completion', { isIncomplete: false, items: [] }, () => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return { isIncomplete: false, items: [] };
    const result = completion(doc.getText(), ctx.catalog(), doc.offsetAt(params.position), ctx.documents.model(doc));
    const range = toRange(doc, result.span);
    const items = result.items.map((i): CompletionItem => ({
      label: i.label,
      kind: KIND[i.kind],
      detail: i.detail,
      documentation: i.documentation ? { kind: MarkupKind.Markdown, value: i.documentation } : undefined,
      sortText: i.sortText,
      filterText: i.filterText ?? i.label,
      textEdit: { range, newText: i.insertText },
      insertTextFormat: i.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: i.insertText.includes('\n') ? InsertTextMode.adjustIndentation : undefined,
      tags: i.deprecated ? [CompletionItemTag.Deprecated] : undefined,
      command: i.retrigger ? RETRIGGER : undefined,
    }));
    return { isIncomplete: false, items };
  }));
}
