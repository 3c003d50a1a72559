// version-mismatch and deprecated, entry by entry of the release table
// (server/src/spec/vocabulary/releases.ts): each name or value is written where a
// spec writes it, under each release line, and must raise exactly what the
// expectations below say — written by hand from the change logs, not computed from
// the table, so a wrong entry or a wrong judgement shows. Every entry raises on some
// line (its raising case) and is clean on another (its near miss); a spec without
// `pacemaker:` keeps the findings it always had.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLONE_OPTIONS, CLUSTER_PROPERTIES, META_ATTRIBUTES, OP_OPTIONS } from '../../../server/src/spec/attributes';
import { releaseAttribute } from '../../../server/src/spec/releaseAttributes';
import { RELEASE_CHANGES, RELEASE_LINES, ReleaseChange, ReleasePlace } from '../../../server/src/spec/vocabulary/releases';
import { applyFix, lines, runValidators } from '../helpers';

/** Per line 1.1, 2.0, 2.1, 3.0: x version-mismatch, d deprecated, - nothing. */
const EXPECTED: Readonly<Record<string, string>> = {
  'role Promoted': 'xx--',
  'role Unpromoted': 'xx--',
  'role Master': '--dx',
  'role Slave': '--dx',
  'clone promoted-max': 'x---',
  'clone promoted-node-max': 'x---',
  'clone master-max': '-ddx',
  'clone master-node-max': '-ddx',
  'meta critical': 'xx--',
  'meta multiple-active=stop_unexpected': 'xx--',
  'op on-fail=demote': 'x---',
  'op record-pending': '---d',
  'property no-quorum-policy=demote': 'x---',
  'property no-quorum-policy=fence': 'xx--',
  'property no-quorum-policy=suicide': '--dd',
  'property shutdown-lock': 'x---',
  'property shutdown-lock-limit': 'x---',
  'property fencing-enabled': 'xxx-',
  'property stonith-enabled': '---d',
  'property fencing-timeout': 'xxx-',
  'property stonith-timeout': '---d',
  'property fencing-action': 'xxx-',
  'property stonith-action': '---d',
  'property stonith-action=poweroff': '-ddx',
  'property fencing-max-attempts': 'xxx-',
  'property stonith-max-attempts': '---d',
  'property fencing-watchdog-timeout': 'xxx-',
  'property stonith-watchdog-timeout': '---d',
  'property fencing-reaction': 'xxx-',
  'property fence-reaction': 'x--d',
  'property transition-delay': 'x---',
  'property join-integration-timeout': 'x---',
  'property join-finalization-timeout': 'x---',
  'property crmd-transition-delay': '-ddx',
  'property crmd-integration-timeout': '-ddx',
  'property crmd-finalization-timeout': '-ddx',
  'property remove-after-stop': '--dx',
  'property concurrent-fencing': '---d',
};

const CODE = { x: 'version-mismatch', d: 'deprecated' } as const;
const SETS = { meta: META_ATTRIBUTES, op: OP_OPTIONS, clone: CLONE_OPTIONS, property: CLUSTER_PROPERTIES } as const;

function label(c: ReleaseChange): string {
  return `${c.place} ${c.name}${c.value === undefined ? '' : `=${c.value}`}`;
}

/** A value the name takes (the table's value when the entry is about one). */
function valueFor(place: Exclude<ReleasePlace, 'role'>, c: ReleaseChange): string {
  if (c.value !== undefined) return c.value;
  const rule = releaseAttribute(SETS[place], c.name, true)?.value;
  assert.ok(rule, `${label(c)} has a definition for a spec that states a release`);
  switch (rule.kind) {
    case 'boolean': return 'true';
    case 'duration': return '30s';
    case 'integer': case 'score': return '1';
    case 'enum': return (rule.values ?? [])[0];
    default: return 'x';
  }
}

/** A small clean spec with the entry's word where a spec writes it; `word` is what the finding covers. */
function specWith(c: ReleaseChange, line: string | undefined): { text: string; word: string } {
  const head = [...(line === undefined ? [] : [`pacemaker: "${line}"`]), 'cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }'];
  const dummy = ['resources:', '  d:', '    agent: ocf:pacemaker:Dummy'];
  const word = c.value ?? c.name;
  switch (c.place) {
    case 'role': return { text: lines(...head, ...dummy, `    ops: { monitor: { interval: 10s, role: ${c.name} } }`), word };
    case 'op': return { text: lines(...head, ...dummy, `    ops: { monitor: { interval: 10s, ${c.name}: ${valueFor('op', c)} } }`), word };
    case 'meta': return { text: lines(...head, ...dummy, `    meta: { ${c.name}: ${valueFor('meta', c)} }`), word };
    case 'clone': return { text: lines(...head, ...dummy, `    promotable: { ${c.name}: ${valueFor('clone', c)} }`), word };
    case 'property': return { text: lines(...head, 'properties:', `  ${c.name}: ${valueFor('property', c)}`), word };
  }
}

describe('the release table, entry by entry', () => {
  test('every entry has its expectations here, and each raises on some line and is clean on another', () => {
    assert.deepEqual(RELEASE_CHANGES.map(label).sort(), Object.keys(EXPECTED).sort());
    for (const [key, marks] of Object.entries(EXPECTED)) {
      assert.match(marks, /^[xd-]{4}$/, key);
      assert.ok(/[xd]/.test(marks) && marks.includes('-'), `${key} needs a raising case and a near miss`);
    }
  });

  for (const c of RELEASE_CHANGES) {
    test(`${label(c)}: ${EXPECTED[label(c)]} on ${RELEASE_LINES.join(', ')}`, () => {
      RELEASE_LINES.forEach((line, i) => {
        const { text, word } = specWith(c, line);
        // A value's entry: the name's own version finding (stonith-action on 3.0) is that entry's business.
        const found = runValidators(text).filter((d) => c.value === undefined || d.text !== c.name);
        const mark = EXPECTED[label(c)][i];
        const brief = found.map((d) => `${d.line} ${d.code} ${d.text}: ${d.message}`).join('\n');
        if (mark === '-') {
          assert.deepEqual(found, [], `${label(c)} on ${line} is clean:\n${brief}`);
          return;
        }
        assert.deepEqual(found.map((d) => [d.code, d.text]), [[CODE[mark as 'x' | 'd'], word]], `${label(c)} on ${line}:\n${brief}`);
        assert.equal(found[0].severity, mark === 'x' ? 'error' : 'warning');
        // Every removal in the table is 3.0's; a mismatch before that is a name too new for the line.
        const gone = c.removed !== undefined && line === '3.0';
        const use = mark === 'x' && !gone ? c.before : c.use;
        if (use !== undefined) {
          assert.match(found[0].message, new RegExp(`use '${use}'`), found[0].message);
          const fixed = applyFix(text, found[0].fixes?.[0] ?? assert.fail(`${label(c)} on ${line} offers a fix`));
          assert.ok(fixed.includes(use) && !new RegExp(`\\b${word}\\b`).test(fixed.replace(use, '')), fixed);
        }
        assert.match(found[0].message, /Pacemaker \d\.\d\.\d|pcs 0\.12\.0/, 'names the release');
      });
    });
  }
});

describe('version checks around the table', () => {
  const SPEC = (line: string, rest: string[]): string => lines(`pacemaker: ${line}`, 'cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', ...rest);
  const DUMMY = ['resources:', '  d:', '    agent: ocf:pacemaker:Dummy'];

  test('role words are checked in every place a role goes, in any case where Pacemaker reads any case', () => {
    const text = SPEC('"3.0"', [...DUMMY, '    meta: { target-role: master }', '    ops: { monitor: { interval: 10s, role: Slave } }',
      'constraints:', '  colocation:', '    - { resource: d, with: d, role: Master, with-role: Slave }']);
    assert.deepEqual(runValidators(text).map((d) => [d.code, d.line, d.text]), [
      ['version-mismatch', 8, 'master'], ['version-mismatch', 9, 'Slave'], ['version-mismatch', 12, 'Master'], ['version-mismatch', 12, 'Slave']]);
  });

  test('an operation role in the wrong case is bad-op-option only, not also a version finding', () => {
    const found = runValidators(SPEC('"3.0"', [...DUMMY, '    ops: { monitor: { interval: 10s, role: master } }']));
    assert.deepEqual(found.map((d) => d.code), ['bad-op-option']);
  });

  test('within a line, the newest release decides, and the message says which releases differ', () => {
    const [d] = runValidators(SPEC('"3.0"', ['properties:', '  stonith-enabled: true']));
    assert.match(d.message, /deprecated since Pacemaker 3\.0\.2: use 'fencing-enabled' \(Pacemaker 3\.0\.0 and 3\.0\.1 know only 'stonith-enabled'/);
    assert.equal(d.fixes?.[0].preferred, false, 'the rename would break 3.0.0, which Debian 13 ships: not the preferred fix');
    const [master] = runValidators(SPEC('"2.1"', [...DUMMY, '    meta: { target-role: Master }']));
    assert.equal(master.fixes?.[0].preferred, true);
  });

  test('the version checks do not shadow the others: stonith-disabled still warns about fencing-enabled: false', () => {
    const found = runValidators(SPEC('"3.0"', ['properties:', '  fencing-enabled: false']));
    assert.deepEqual(found.map((d) => d.code), ['stonith-disabled']);
  });

  test('a name the table adds is value-checked like any property, once a release is stated', () => {
    const found = runValidators(SPEC('"3.0"', ['properties:', '  fencing-timeout: soon', '  fencing-action: explode']));
    assert.deepEqual(found.map((d) => [d.code, d.text]), [['bad-duration', 'soon'], ['bad-property-value', 'explode']]);
  });

  test('the pacemaker key: any case of a known line is no problem; an invalid one turns the version checks off', () => {
    for (const line of ['"1.1"', '2.0', "'2.1'", '3.0']) assert.deepEqual(runValidators(SPEC(line, [])), [], line);
    const found = runValidators(SPEC('"2.2"', [...DUMMY, '    meta: { critical: true }']));
    assert.deepEqual(found.map((d) => [d.code, d.text]), [['version-mismatch', '"2.2"']]);
  });

  test('without pacemaker:, the names only the table knows are what they always were', () => {
    const found = runValidators(lines('cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', ...DUMMY, '    promotable: { master-max: 1 }',
      'properties:', '  fencing-timeout: 30s', '  no-quorum-policy: fence', '  fencing-enabled: true'));
    assert.deepEqual(found.map((d) => [d.code, d.text]), [['unknown-meta', 'master-max'], ['unknown-property', 'fencing-timeout'], ['bad-property-value', 'fence']]);
  });
});
