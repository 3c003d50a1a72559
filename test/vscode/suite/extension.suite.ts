/** The extension loads and activates in a real VS Code. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension } from './fixtures';

suite('extension', () => {
  test('is loaded under its package.json id and activates', async () => {
    const extension = await activeExtension();
    assert.equal(extension.id, EXTENSION_ID);
    assert.equal(extension.isActive, true);
    assert.equal((extension.packageJSON as { main?: string }).main, './dist/client.js');
  });

  test('contributes the stash-cluster language', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('stash-cluster'));
  });
});
