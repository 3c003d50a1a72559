/**
 * The rows of the contract's "Versions" table (version-mismatch, deprecated): the
 * contract's example with a `pacemaker:` line and one name of the wrong release.
 * See contract.test.ts for what is asserted; versions.test.ts walks every entry of
 * the release table. The base spec states no release and raises nothing, so the
 * rows without `pacemaker:` are the proof that such a spec keeps its findings.
 */
import { BASE, edit, Row } from './contractSpec';

/** The contract's example for release line `line` (the key goes first, line 1). */
export const FOR = (line: string, text = BASE): string => `pacemaker: "${line}"\n${text}`;

const PROPERTIES = (props: string, text = BASE): string => edit(text, ['  no-quorum-policy: ignore\n', `  no-quorum-policy: ignore\n${props}`]);
const MONITOR_ROLE = (role: string, text = BASE): string => edit(text, ['{ interval: 15s, timeout: 30s }', `{ interval: 15s, timeout: 30s, role: ${role} }`]);
const STASH_META = (meta: string, text = BASE): string => edit(text, ['      migration-threshold: 1\n', `      migration-threshold: 1\n${meta}`]);

export const VERSIONS_ROWS: readonly Row[] = [
  {
    code: 'version-mismatch', severity: 'error',
    when: 'a role, meta attribute, operation option, property or value that the stated release does not have; also a pacemaker value that is no known release line',
    cases: [
      { name: 'Promoted on 1.1: came with 2.1.0, Master is its name there', code: 'version-mismatch', line: 24,
        text: FOR('1.1', MONITOR_ROLE('Promoted')), range: 'Promoted',
        says: [/Role 'Promoted' of operation option 'role' in operation 'monitor' of resource 'stash_res' came with Pacemaker 2\.1\.0/,
          /this spec is for Pacemaker 1\.1/, /use 'Master'/] },
      { name: 'Master on 3.0: pcs 0.12 refuses the legacy role names', code: 'version-mismatch', line: 28,
        text: FOR('3.0', STASH_META('      target-role: Master\n')), range: 'Master',
        says: [/pcs 0\.12\.0 \(made for Pacemaker 3\.0\) refuses role 'Master' of meta attribute 'target-role'/, /deprecated since Pacemaker 2\.1\.0/, /use 'Promoted'/] },
      { name: 'fencing-enabled on 2.1: a 3.0.2 name', code: 'version-mismatch', line: 8,
        text: FOR('2.1', PROPERTIES('  fencing-enabled: true\n')), range: 'fencing-enabled',
        says: [/Cluster property 'fencing-enabled' in 'properties' came with Pacemaker 3\.0\.2/, /use 'stonith-enabled'/] },
      { name: 'a property 3.0 removed', code: 'version-mismatch', line: 8,
        text: FOR('3.0', PROPERTIES('  remove-after-stop: false\n')), range: 'remove-after-stop',
        says: [/Pacemaker 3\.0\.0 removed cluster property 'remove-after-stop'/, /deprecated since Pacemaker 2\.1\.0/, /remove it/] },
      { name: 'a whole release where the line goes', code: 'version-mismatch', line: 1, text: `pacemaker: 2.1.5\n${BASE}`, range: '2.1.5',
        says: [/'2\.1\.5' is no Pacemaker release line/, /takes 1\.1, 2\.0, 2\.1 or 3\.0/, /Did you mean '2\.1'\?/] },
    ],
    nearMisses: [
      { name: 'each line, with the names it has', text: FOR('2.1', STASH_META('      critical: true\n', PROPERTIES('  stonith-enabled: true\n  shutdown-lock: true\n'))) },
      { name: 'Promoted and fencing-enabled on 3.0', text: FOR('3.0', MONITOR_ROLE('Promoted', PROPERTIES('  fencing-enabled: true\n'))) },
      { name: 'a release line as a YAML number', text: `pacemaker: 2.0\n${PROPERTIES('  shutdown-lock: true\n')}` },
      { name: 'no pacemaker key: Promoted, Master and fencing-enabled are all fine, as before', text: STASH_META('      target-role: Master\n', PROPERTIES('  fencing-enabled: true\n')) },
    ],
  },
  {
    code: 'deprecated', severity: 'warning',
    when: 'a name the stated release still accepts but has replaced, with the new name as the fix',
    cases: [
      { name: 'Master on 2.1', code: 'deprecated', line: 28, text: FOR('2.1', STASH_META('      target-role: Master\n')), range: 'Master',
        says: [/Role 'Master' of meta attribute 'target-role' in 'meta' of resource 'stash_res' is deprecated since Pacemaker 2\.1\.0/, /use 'Promoted'/] },
      { name: 'stonith-enabled on 3.0: 3.0.2 renamed it, and says which releases still need it', code: 'deprecated', line: 8,
        text: FOR('3.0', PROPERTIES('  stonith-enabled: true\n')), range: 'stonith-enabled',
        says: [/is deprecated since Pacemaker 3\.0\.2: use 'fencing-enabled'/, /Pacemaker 3\.0\.0 and 3\.0\.1 know only 'stonith-enabled'/] },
      { name: 'suicide on 2.1 (2.1.9 calls it fence)', code: 'deprecated', line: 7, text: FOR('2.1', edit(BASE, ['no-quorum-policy: ignore', 'no-quorum-policy: suicide'])),
        range: 'suicide', says: [/Value 'suicide' of cluster property 'no-quorum-policy'/, /deprecated since Pacemaker 2\.1\.9: use 'fence'/] },
    ],
    nearMisses: [
      { name: 'Master on 2.0, before the rename', text: FOR('2.0', STASH_META('      target-role: Master\n')) },
      { name: 'the new names on 3.0', text: FOR('3.0', STASH_META('      target-role: Promoted\n',
        edit(PROPERTIES('  fencing-enabled: true\n'), ['no-quorum-policy: ignore', 'no-quorum-policy: fence']))) },
      { name: 'no pacemaker key: stonith-enabled and Master raise nothing', text: STASH_META('      target-role: Master\n', PROPERTIES('  stonith-enabled: true\n')) },
    ],
  },
];
