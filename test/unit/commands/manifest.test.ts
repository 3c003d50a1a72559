// package.json's commands and menus are generated from the operations table;
// the committed manifest must be what `npm run manifest` writes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATIONS } from '../../../client/src/cluster/operations';
import { commandIdOf, COMMANDS, manifestContributions, MENUS } from '../../../client/src/commands/manifest';
import { repoRoot } from '../helpers';

const pkg = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as {
  contributes: { commands: unknown[]; menus: Record<string, unknown[]>; views: Record<string, { id: string }[]>; configuration: { properties: Record<string, unknown> } };
};

describe('the extension manifest', () => {
  test('commands and menus equal the generated ones (run npm run manifest after changing the table)', () => {
    const generated = manifestContributions();
    assert.deepEqual(pkg.contributes.commands, generated.commands);
    assert.deepEqual(pkg.contributes.menus, generated.menus);
  });

  test('one command per operation row, ids stashHa.<verb><Noun>, each in a tree context menu', () => {
    for (const row of OPERATIONS) {
      const id = commandIdOf(row);
      assert.match(id, /^stashHa\.[a-z]+[A-Za-z]*$/);
      assert.ok(COMMANDS.some((c) => c.command === id && c.operation === row.id), id);
      assert.ok(MENUS['view/item/context'].some((m) => m.command === id && m.when.includes('viewItem =~')), `${id} in a context menu`);
    }
    assert.equal(new Set(COMMANDS.map((c) => c.command)).size, COMMANDS.length);
  });

  test('the contract\'s ids and settings', () => {
    assert.deepEqual(pkg.contributes.views.stashHa.map((v) => v.id), ['stashHa.clusters']);
    for (const key of ['stashHa.sshConfigFile', 'stashHa.refreshInterval', 'stashHa.readOnly', 'stashHa.metadataPaths', 'stashHa.trace.server']) {
      assert.ok(key in pkg.contributes.configuration.properties, key);
    }
    const failOver = COMMANDS.find((c) => c.title === 'Fail Over Stash to This Node');
    assert.ok(failOver);
    assert.ok(MENUS['view/item/context'].some((m) => m.command === failOver.command && /\^node online/.test(m.when)));
  });
});
