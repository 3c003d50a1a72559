/**
 * textDocument/codeAction → services/codeActions: the fixes the checks attached to the
 * diagnostics in the request, as quick fixes linked to those diagnostics.
 */
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import { codeActions } from '../services/codeActions';
import { SpecDiagnostic } from '../spec/diagnostic';
import { guard, ServerContext } from './context';
import { sameRange, SOURCE, toDiagnostic, toSpan, toTextEdit } from './convert';

export function registerCodeAction(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params: CodeActionParams): CodeAction[] => guard(ctx, 'Code action', [], () => {
    const only = params.context.only;
    if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const diagnostics = ctx.documents.diagnostics(doc, ctx.catalog());
    const asked = params.context.diagnostics.filter((d) => d.source === undefined || d.source === SOURCE);
    const matching = (d: SpecDiagnostic): Diagnostic | undefined => {
      const lsp = toDiagnostic(doc, d);
      return asked.find((a) => a.code === d.code && sameRange(a.range, lsp.range));
    };
    const actions = codeActions(diagnostics, toSpan(doc, params.range), asked.length > 0 ? (d) => matching(d) !== undefined : undefined);
    return actions.map((a): CodeAction => ({
      title: a.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [matching(a.diagnostic) ?? toDiagnostic(doc, a.diagnostic)],
      isPreferred: a.preferred,
      edit: { changes: { [doc.uri]: a.fix.edits.map((e) => toTextEdit(doc, e)) } },
    }));
  }));
}
