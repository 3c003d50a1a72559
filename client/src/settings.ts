/**
 * The extension's settings, typed and read in one place (package.json declares
 * them with their descriptions). Values of the wrong type fall back to the
 * defaults rather than reaching the SSH layer.
 */
import * as vscode from 'vscode';

export interface ExtensionSettings {
  /** An ssh config file for `ssh -F`; empty: ~/.ssh/config. */
  readonly sshConfigFile?: string;
  /** Seconds between automatic refreshes while the view is visible; 0: off. */
  readonly refreshIntervalSec: number;
  /** No command that changes the cluster. */
  readonly readOnly: boolean;
  readonly connectTimeoutSec: number;
}

export const DEFAULT_REFRESH_SEC = 15;

/** The settings for one workspace folder (or the window when none). */
export function readSettings(scope?: vscode.Uri): ExtensionSettings {
  const c = vscode.workspace.getConfiguration('stashHa', scope);
  const file = c.get<unknown>('sshConfigFile');
  const interval = c.get<unknown>('refreshInterval');
  const timeout = c.get<unknown>('connectTimeout');
  return {
    ...(typeof file === 'string' && file.trim() !== '' ? { sshConfigFile: resolveInWorkspace(file.trim(), scope) } : {}),
    refreshIntervalSec: typeof interval === 'number' && Number.isFinite(interval) && interval >= 0 ? interval : DEFAULT_REFRESH_SEC,
    readOnly: c.get<unknown>('readOnly') === true,
    connectTimeoutSec: typeof timeout === 'number' && timeout > 0 ? timeout : 10,
  };
}

/** A relative path is read from the workspace folder; `~/` is left to the SSH layer. */
function resolveInWorkspace(path: string, scope?: vscode.Uri): string {
  if (path.startsWith('/') || path.startsWith('~')) return path;
  const folder = (scope ? vscode.workspace.getWorkspaceFolder(scope) : undefined) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, path).fsPath : path;
}
