/**
 * What the suite knows of its workspace: the folder the workbench opened (a temp
 * copy of examples/, made by test/vscode/workspace.ts, or any folder holding the
 * example specs when run through @vscode/test-electron).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The extension's id, `publisher.name` from package.json. */
export const EXTENSION_ID = 'stash-ha.stash-ha';

/** The one workspace folder; fails the test when the workbench opened none. */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the workbench opened no folder: run the suite with a workspace (test/vscode/workspace.ts)');
  return folder.uri;
}

/** A file of the workspace folder. */
export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

/** Activates the extension (a no-op when it is active) and returns it. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  await extension.activate();
  return extension;
}
