import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, readSettings, settingsSection } from '../../../server/src/handlers/configuration';

describe('readSettings', () => {
  test('reads what the client sends', () => {
    assert.deepEqual(readSettings({ metadataPaths: ['/a.xml', 'rel/b.xml'], trusted: true }), { metadataPaths: ['/a.xml', 'rel/b.xml'], trusted: true });
  });

  test('ignores malformed values, keeping the previous or default ones', () => {
    assert.deepEqual(readSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings('x'), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings({ metadataPaths: [1, '', ' ', '/ok.xml'], trusted: 'yes' }), { metadataPaths: ['/ok.xml'], trusted: false });
    const previous = { metadataPaths: ['/p.xml'], trusted: true };
    assert.deepEqual(readSettings({ trusted: false }, previous), { metadataPaths: ['/p.xml'], trusted: false });
  });

  test('the stashHa section of a didChangeConfiguration body', () => {
    assert.deepEqual(settingsSection({ stashHa: { trusted: true } }), { trusted: true });
    assert.equal(settingsSection({ other: 1 }), undefined);
    assert.equal(settingsSection(null), undefined);
  });
});
