/**
 * Which agent "Deploy the Stash Agent" pushes: the workspace's own agent/stash
 * when this repository is the workspace (so a change to the agent can be tried
 * at once), else the agent packaged inside the extension.
 */
import * as vscode from 'vscode';

async function read(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

export async function agentToDeploy(extensionUri: vscode.Uri): Promise<{ bytes: Uint8Array; origin: string } | string> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const manifest = await read(vscode.Uri.joinPath(folder.uri, 'package.json'));
    let name: unknown;
    try {
      name = manifest ? (JSON.parse(new TextDecoder().decode(manifest)) as { name?: unknown }).name : undefined;
    } catch {
      name = undefined;
    }
    if (name !== 'stash-ha') continue;
    const uri = vscode.Uri.joinPath(folder.uri, 'agent', 'stash');
    const bytes = await read(uri);
    if (bytes) return { bytes, origin: `${uri.fsPath} (this workspace)` };
  }
  const packaged = vscode.Uri.joinPath(extensionUri, 'agent', 'stash');
  const bytes = await read(packaged);
  return bytes ? { bytes, origin: `${packaged.fsPath} (packaged with the extension)` } : `the extension has no agent/stash at ${packaged.fsPath}; reinstall it`;
}
