/**
 * The Stash HA language server: checks `*.cluster.yaml` specs as they are typed and
 * offers hover, completion, quick fixes, outline, go to definition, references and
 * rename. This file only wires the connection to the handlers; each handler
 * translates LSP to a service in services/.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ServerContext } from './handlers/context';
import { registerCodeAction } from './handlers/codeAction';
import { registerCompletion } from './handlers/completion';
import { DiagnosticsScheduler } from './handlers/diagnostics';
import { registerDocumentSymbol } from './handlers/documentSymbol';
import { SpecDocuments } from './handlers/documents';
import { registerHover } from './handlers/hover';
import { registerLifecycle } from './handlers/initialize';
import { registerNavigation } from './handlers/navigation';
import { registerProcessGuards } from './handlers/processGuards';
import { registerWorkspace } from './handlers/workspace';
import { WorkspaceAgents } from './handlers/workspaceAgents';

const connection = createConnection(ProposedFeatures.all);
const guards = registerProcessGuards(connection);
const documents = new SpecDocuments();
const agents = new WorkspaceAgents(connection, () => scheduler.recheckAll());
const ctx: ServerContext = {
  connection,
  documents,
  catalog: () => agents.catalog(),
  catalogReady: () => agents.settled(),
};
const scheduler = new DiagnosticsScheduler(ctx);

registerLifecycle(ctx, agents, scheduler, guards);
registerWorkspace(ctx, agents);
scheduler.register();
registerHover(ctx);
registerCompletion(ctx);
registerCodeAction(ctx);
registerDocumentSymbol(ctx);
registerNavigation(ctx);

documents.all.listen(connection);
connection.listen();
