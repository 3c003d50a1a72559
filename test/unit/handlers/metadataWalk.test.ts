import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { findMetadataFiles } from '../../../server/src/handlers/metadataWalk';

describe('findMetadataFiles', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'stash-ha-walk-'));
    for (const d of ['a/b/c', 'node_modules/x', '.git/y', 'deep/1/2/3/4/5']) mkdirSync(join(root, d), { recursive: true });
    for (const f of ['top.metadata.xml', 'a/b/c/ocf.x.Y.metadata.xml', 'a/other.xml', 'node_modules/x/n.metadata.xml', '.git/y/g.metadata.xml', 'deep/1/2/3/4/5/d.metadata.xml']) {
      writeFileSync(join(root, f), '<resource-agent/>');
    }
    symlinkSync(join(root, 'a'), join(root, 'loop'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const rel = (files: string[]): string[] => files.map((f) => relative(root, f)).sort();

  test('finds *.metadata.xml, skipping node_modules, .git and symbolic links', async () => {
    const r = await findMetadataFiles([root]);
    assert.deepEqual(rel(r.files), ['a/b/c/ocf.x.Y.metadata.xml', 'deep/1/2/3/4/5/d.metadata.xml', 'top.metadata.xml']);
    assert.equal(r.truncated, false);
  });

  test('stops at its limits and says so', async () => {
    const shallow = await findMetadataFiles([root], { maxDepth: 2, maxFolders: 1000, maxFiles: 100 });
    assert.deepEqual(rel(shallow.files), ['top.metadata.xml']);
    const few = await findMetadataFiles([root], { maxDepth: 20, maxFolders: 1000, maxFiles: 1 });
    assert.equal(few.files.length, 1);
    assert.equal(few.truncated, true);
    const folders = await findMetadataFiles([root], { maxDepth: 20, maxFolders: 2, maxFiles: 100 });
    assert.equal(folders.truncated, true);
  });

  test('a missing folder is simply empty', async () => {
    assert.deepEqual(await findMetadataFiles([join(root, 'nope')]), { files: [], truncated: false });
  });
});
