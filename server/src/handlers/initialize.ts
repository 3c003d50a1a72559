/**
 * The LSP lifecycle: what the server offers (capabilities), what it reads from the
 * client at start (workspace folders, settings with workspace trust, an optional
 * diagnostics delay), and a clean stop on shutdown (after which a closed channel
 * ends the server with exit code 0).
 */
import { CodeActionKind, InitializeParams, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { readSettings } from './configuration';
import { ServerContext } from './context';
import { DiagnosticsScheduler } from './diagnostics';
import { ProcessGuards } from './processGuards';
import { WorkspaceAgents } from './workspaceAgents';

/** The longest diagnostics delay a client may ask for, in ms. */
const MAX_DEBOUNCE_MS = 5000;

export function registerLifecycle(ctx: ServerContext, agents: WorkspaceAgents, scheduler: DiagnosticsScheduler, guards: ProcessGuards): void {
  let folders: string[] = [];
  let options: unknown;
  let folderEvents = false;

  ctx.connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    options = params.initializationOptions;
    folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    const delay = (options as { diagnosticDelayMs?: unknown } | undefined)?.diagnosticDelayMs;
    if (typeof delay === 'number' && delay >= 0 && delay <= MAX_DEBOUNCE_MS) scheduler.setDebounce(delay);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'stash-ha' },
    };
  });

  ctx.connection.onInitialized(() => {
    void agents.configure({ folders, settings: readSettings(options) });
    if (folderEvents) {
      ctx.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
        void agents.configure({ folders });
      });
    }
  });

  ctx.connection.onShutdown(() => {
    guards.shutdownReceived();
    scheduler.dispose();
  });
}
