/**
 * Workspace notifications: changed meta-data files (from the client's file watcher)
 * and changed settings or trust (`workspace/didChangeConfiguration`), both of which
 * rebuild the agent catalog in WorkspaceAgents.
 */
import { DidChangeConfigurationParams, DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { readSettings, settingsSection } from './configuration';
import { ServerContext } from './context';
import { WorkspaceAgents } from './workspaceAgents';

export function registerWorkspace(ctx: ServerContext, agents: WorkspaceAgents): void {
  ctx.connection.onDidChangeWatchedFiles((params: DidChangeWatchedFilesParams) => {
    void agents.filesChanged(params.changes);
  });
  ctx.connection.onDidChangeConfiguration((params: DidChangeConfigurationParams) => {
    const section = settingsSection(params.settings);
    if (section === undefined) return;
    void agents.configure({ settings: readSettings(section, agents.currentSettings()) });
  });
}
