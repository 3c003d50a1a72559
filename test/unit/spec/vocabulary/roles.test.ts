import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPRECATED_ROLES, isActiveRole, legacyRoleName, normalRole, ROLES } from '../../../../server/src/spec/vocabulary';

describe('vocabulary: roles', () => {
  test('Master and Slave are Promoted and Unpromoted, in any case, as Pacemaker reads them', () => {
    const cases: [string, string | undefined][] = [
      ['Master', 'Promoted'], ['Slave', 'Unpromoted'], ['master', 'Promoted'], ['SLAVE', 'Unpromoted'],
      ['Promoted', 'Promoted'], ['unpromoted', 'Unpromoted'], ['Started', 'Started'], ['stopped', 'Stopped'],
      ['Unknown', 'Unknown'], [' Started ', 'Started'], ['Starting', undefined], ['', undefined], ['constructor', undefined],
    ];
    for (const [text, role] of cases) assert.equal(normalRole(text), role, text);
  });

  test('the roles a spec names, the deprecated names, and the old name of each', () => {
    assert.deepEqual(ROLES, ['Started', 'Stopped', 'Promoted', 'Unpromoted']);
    assert.deepEqual(DEPRECATED_ROLES, { Master: 'Promoted', Slave: 'Unpromoted' });
    assert.deepEqual(ROLES.map(legacyRoleName), ['Started', 'Stopped', 'Master', 'Slave']);
  });

  test('active roles', () => {
    assert.deepEqual(['Started', 'Promoted', 'Unpromoted', 'Master', 'Stopped', 'Unknown', 'Starting'].map(isActiveRole),
      [true, true, true, true, false, false, false]);
  });
});
