/**
 * Pacemaker's release lines and the names each release added, renamed or removed:
 * the one table the version-aware checks (`version-mismatch`, `deprecated`) read.
 * Every entry names the release it comes from and where that is written down
 * (Pacemaker's ChangeLog.md and upgrade notes, its option tables and CIB schemas,
 * pcs's CHANGELOG.md), so a wrong entry can be checked against its source.
 *
 * A spec states a release line (`pacemaker: "2.1"`), not a release; a line is
 * judged as its newest release, so a name that came within a line (`fencing-enabled`,
 * Pacemaker 3.0.2) is known to it and a name replaced within a line is deprecated
 * there, and the messages say which releases of the line differ. pcs counts as part
 * of the release it is made for (pcs 0.12 requires Pacemaker 3.0): what that pcs
 * refuses, a spec for that line cannot have. Pure data and lookups; no spec
 * structure, no diagnostics.
 */

/** The release lines a spec may state, oldest first. */
export const RELEASE_LINES = ['1.1', '2.0', '2.1', '3.0'] as const;
export type ReleaseLine = (typeof RELEASE_LINES)[number];

export interface ReleaseLineInfo {
  readonly line: ReleaseLine;
  /** The pcs line made for it. */
  readonly pcs: string;
  /** Where a person meets it (the Debian release and its exact versions, where Debian ships one). */
  readonly seenIn: string;
}

/** What each line is and where it ships (Debian's versions as its archive serves them). */
export const RELEASE_LINE_INFO: Readonly<Record<ReleaseLine, ReleaseLineInfo>> = {
  '1.1': { line: '1.1', pcs: '0.9', seenIn: 'CentOS 7' },
  '2.0': { line: '2.0', pcs: '0.10', seenIn: 'Debian 11 bullseye ships 2.0.5 with pcs 0.10.8' },
  '2.1': { line: '2.1', pcs: '0.11', seenIn: 'Debian 12 bookworm ships 2.1.5 with pcs 0.11.5' },
  '3.0': { line: '3.0', pcs: '0.12', seenIn: 'Debian 13 trixie ships 3.0.0 with pcs 0.12.0.2' },
};

/** A release line as a spec writes it (`2.1`, `"3.0"`); undefined for anything else. */
export function parseReleaseLine(text: string): ReleaseLine | undefined {
  const t = text.trim();
  return (RELEASE_LINES as readonly string[]).includes(t) ? (t as ReleaseLine) : undefined;
}

/** The line of a release: `2.0.5` → `2.0`. */
export function lineOfRelease(release: string): ReleaseLine {
  const line = release.split('.').slice(0, 2).join('.');
  const known = parseReleaseLine(line);
  if (known === undefined) throw new Error(`release ${release} is on no known line`);
  return known;
}

/** Negative, zero or positive as line `a` is older than, the same as or newer than `b`. */
export function compareLines(a: ReleaseLine, b: ReleaseLine): number {
  return RELEASE_LINES.indexOf(a) - RELEASE_LINES.indexOf(b);
}

/**
 * Where a name or value is written: a role word (an operation's `role`,
 * `target-role`, a colocation's `role` / `with-role`), or an entry of one of the
 * attribute vocabularies.
 */
export type ReleasePlace = 'role' | 'meta' | 'op' | 'clone' | 'property';

/** The value kind of a name the base vocabulary does not list (its rule in attributes' terms). */
export type ReleaseValueKind = 'boolean' | 'duration' | 'score' | 'integer' | { readonly words: readonly string[] };

/** One event in a name's life: the Pacemaker release, and pcs when pcs is what changed. */
export interface ReleaseEvent {
  /** The Pacemaker release (`2.1.0`); for a pcs change, the first release of the line that pcs is made for. */
  readonly release: string;
  /** Set when the change is pcs's: `pcs 0.12.0`. */
  readonly by?: string;
  /** Where it is written down. */
  readonly source: string;
}

export interface ReleaseChange {
  readonly place: ReleasePlace;
  /** The attribute's name (for `role`: the role word). */
  readonly name: string;
  /** For a value of an attribute: the value word. */
  readonly value?: string;
  readonly added?: ReleaseEvent;
  readonly deprecated?: ReleaseEvent;
  readonly removed?: ReleaseEvent;
  /** The name (or value) that replaces it. */
  readonly use?: string;
  /** For an added name: what the releases before it use instead. */
  readonly before?: string;
  /** For a name the base vocabulary does not list: what its value is, and a line of help. */
  readonly kind?: ReleaseValueKind;
  readonly doc?: string;
  /** Why, for the message, when the name has no replacement. */
  readonly note?: string;
}

const CHANGELOG = 'Pacemaker ChangeLog.md';
const PCS_CHANGELOG = 'pcs CHANGELOG.md';
const at = (release: string, source = CHANGELOG, by?: string): ReleaseEvent => (by ? { release, by, source } : { release, source });

/** pcs 0.12.0 (for Pacemaker 3.0): "Legacy role names are no longer accepted by pcs, use Promoted, Unpromoted, --promoted, promotable, promoted-max". */
const PCS_012_LEGACY = at('3.0.0', `${PCS_CHANGELOG} 0.12.0a1, Removed`, 'pcs 0.12.0');
/** Pacemaker 3.0.2 renamed the fencing properties from stonith-* (ChangeLog 3.0.2, "Cluster property changes"; lib/common/options.c keeps the old names as aliases). */
const FENCING_302 = at('3.0.2', `${CHANGELOG} 3.0.2, cluster property changes`);

/** The table: every name and value of the spec's vocabulary whose meaning depends on the release. */
export const RELEASE_CHANGES: readonly ReleaseChange[] = [
  // Roles: Pacemaker 2.1.0 (OCF 1.1) "allow Promoted and Unpromoted role names in CIB (in addition to Master and Slave, which are deprecated)".
  { place: 'role', name: 'Promoted', added: at('2.1.0', `${CHANGELOG} 2.1.0`), before: 'Master' },
  { place: 'role', name: 'Unpromoted', added: at('2.1.0', `${CHANGELOG} 2.1.0`), before: 'Slave' },
  { place: 'role', name: 'Master', deprecated: at('2.1.0', `${CHANGELOG} 2.1.0; ${PCS_CHANGELOG} 0.11.1, Deprecated`), removed: PCS_012_LEGACY, use: 'Promoted' },
  { place: 'role', name: 'Slave', deprecated: at('2.1.0', `${CHANGELOG} 2.1.0; ${PCS_CHANGELOG} 0.11.1, Deprecated`), removed: PCS_012_LEGACY, use: 'Unpromoted' },

  // Promotable clones: Pacemaker 2.0.0 replaced master resources and master-max / master-node-max by clones with promoted-max / promoted-node-max.
  { place: 'clone', name: 'promoted-max', added: at('2.0.0', `${CHANGELOG} 2.0.0`), before: 'master-max' },
  { place: 'clone', name: 'promoted-node-max', added: at('2.0.0', `${CHANGELOG} 2.0.0`), before: 'master-node-max' },
  { place: 'clone', name: 'master-max', deprecated: at('2.0.0', `${CHANGELOG} 2.0.0`), removed: PCS_012_LEGACY, use: 'promoted-max',
    kind: 'integer', doc: 'The name before Pacemaker 2.0 for promoted-max: how many copies may be promoted at once.' },
  { place: 'clone', name: 'master-node-max', deprecated: at('2.0.0', `${CHANGELOG} 2.0.0`), removed: PCS_012_LEGACY, use: 'promoted-node-max',
    kind: 'integer', doc: 'The name before Pacemaker 2.0 for promoted-node-max: how many promoted copies one node may hold.' },

  // Meta attributes.
  { place: 'meta', name: 'critical', added: at('2.1.0', `${CHANGELOG} 2.1.0, "support for noncritical resources"`) },
  { place: 'meta', name: 'multiple-active', value: 'stop_unexpected', added: at('2.1.3', 'Pacemaker 2.1.3 lib/pengine/complex.c') },

  // Operation options.
  { place: 'op', name: 'on-fail', value: 'demote', added: at('2.0.5', `${CHANGELOG} 2.0.5, "Add on-fail=demote and no-quorum-policy=demote"`) },
  { place: 'op', name: 'record-pending', deprecated: at('3.0.0', `${CHANGELOG} 3.0.0, "deprecate record-pending operation option"`),
    note: 'Pacemaker records pending operations by default since 2.0: remove it' },

  // Cluster properties.
  { place: 'property', name: 'no-quorum-policy', value: 'demote', added: at('2.0.5', `${CHANGELOG} 2.0.5`) },
  { place: 'property', name: 'no-quorum-policy', value: 'fence', added: at('2.1.9', `${CHANGELOG} 2.1.9, "new no-quorum-policy value fence replaces now-deprecated suicide"`), before: 'suicide' },
  { place: 'property', name: 'no-quorum-policy', value: 'suicide', deprecated: at('2.1.9', `${CHANGELOG} 2.1.9`), use: 'fence' },
  { place: 'property', name: 'shutdown-lock', added: at('2.0.4', `${CHANGELOG} 2.0.4, "new feature shutdown-locks"`) },
  { place: 'property', name: 'shutdown-lock-limit', added: at('2.0.4', `${CHANGELOG} 2.0.4`) },
  { place: 'property', name: 'fencing-enabled', added: FENCING_302, before: 'stonith-enabled' },
  { place: 'property', name: 'stonith-enabled', deprecated: FENCING_302, use: 'fencing-enabled' },
  { place: 'property', name: 'fencing-timeout', added: FENCING_302, before: 'stonith-timeout',
    kind: 'duration', doc: 'The name Pacemaker 3.0.2 and later give to stonith-timeout: how long a fencing action may take.' },
  { place: 'property', name: 'stonith-timeout', deprecated: FENCING_302, use: 'fencing-timeout' },
  { place: 'property', name: 'fencing-action', added: FENCING_302, before: 'stonith-action',
    kind: { words: ['reboot', 'off'] }, doc: 'The name Pacemaker 3.0.2 and later give to stonith-action: what a fence device does to a node.' },
  { place: 'property', name: 'stonith-action', deprecated: FENCING_302, use: 'fencing-action',
    kind: { words: ['reboot', 'off', 'poweroff'] }, doc: 'What a fence device does to a node: reboot or off.' },
  { place: 'property', name: 'stonith-action', value: 'poweroff', deprecated: at('2.0.0', `${CHANGELOG} 2.0.0, "deprecate stonith-action value poweroff"`),
    removed: at('3.0.0', `${CHANGELOG} 3.0.0, "drop support for deprecated poweroff value of stonith-action"`), use: 'off' },
  { place: 'property', name: 'fencing-max-attempts', added: FENCING_302, before: 'stonith-max-attempts',
    kind: 'score', doc: 'The name Pacemaker 3.0.2 and later give to stonith-max-attempts: how often fencing a node may fail before the cluster gives up on it.' },
  { place: 'property', name: 'stonith-max-attempts', added: at('1.1.17', `${CHANGELOG} 1.1.17`), deprecated: FENCING_302, use: 'fencing-max-attempts',
    kind: 'score', doc: 'How often fencing a node may fail before the cluster gives up on it.' },
  { place: 'property', name: 'fencing-watchdog-timeout', added: FENCING_302, before: 'stonith-watchdog-timeout',
    kind: 'duration', doc: 'The name Pacemaker 3.0.2 and later give to stonith-watchdog-timeout: how long a node without quorum takes to self-fence by watchdog.' },
  { place: 'property', name: 'stonith-watchdog-timeout', deprecated: FENCING_302, use: 'fencing-watchdog-timeout',
    kind: 'duration', doc: 'How long a node without quorum takes to self-fence by watchdog (SBD).' },
  { place: 'property', name: 'fencing-reaction', added: FENCING_302, before: 'fence-reaction',
    kind: { words: ['stop', 'panic'] }, doc: 'The name Pacemaker 3.0.2 and later give to fence-reaction: what a node does when told it was fenced.' },
  { place: 'property', name: 'fence-reaction', added: at('2.0.3', `${CHANGELOG} 2.0.3, "new fence-reaction cluster option"`), deprecated: FENCING_302, use: 'fencing-reaction',
    kind: { words: ['stop', 'panic'] }, doc: 'What a node does when told it was fenced: stop, or panic.' },
  // The controller's options took their 2.0 names (daemons/controld in 2.0.0 reads the crmd-* names as aliases); 3.0.0 dropped the old ones.
  ...([['crmd-transition-delay', 'transition-delay'], ['crmd-integration-timeout', 'join-integration-timeout'],
    ['crmd-finalization-timeout', 'join-finalization-timeout']] as const).flatMap(([old, name]): ReleaseChange[] => [
    { place: 'property', name, added: at('2.0.0', 'Pacemaker 2.0.0 daemons/controld/controld_control.c'), before: old,
      kind: 'duration', doc: `A controller timing (called ${old} before Pacemaker 2.0); rarely worth changing.` },
    { place: 'property', name: old, deprecated: at('2.0.0', 'Pacemaker 2.0.0 daemons/controld/controld_control.c'),
      removed: at('3.0.0', `${CHANGELOG} 3.0.0, "drop support for deprecated cluster options crmd-…"`), use: name,
      kind: 'duration', doc: `The name before Pacemaker 2.0 for ${name}.` },
  ]),
  { place: 'property', name: 'remove-after-stop', deprecated: at('2.1.0', `${CHANGELOG} 2.1.0, "deprecate the remove-after-stop cluster property"`),
    removed: at('3.0.0', `${CHANGELOG} 3.0.0`), kind: 'boolean', doc: 'Remove resources from the status section once they stop (deprecated).',
    note: 'remove it' },
  { place: 'property', name: 'concurrent-fencing', deprecated: at('3.0.0', `${CHANGELOG} 3.0.0, "deprecate concurrent-fencing cluster option, which now defaults to true"`),
    kind: 'boolean', doc: 'Whether several nodes may be fenced at once.', note: 'it is always true from 3.0 on: remove it' },
];

const KEY = (place: ReleasePlace, name: string, value?: string): string => `${place}\0${name}\0${value ?? ''}`;
const BY_KEY: ReadonlyMap<string, ReleaseChange> = new Map(RELEASE_CHANGES.map((c) => [KEY(c.place, c.name, c.value), c]));

/** The table's entry for a name (no value) or for one value of a name; role words are `('role', word)`. */
export function releaseChange(place: ReleasePlace, name: string, value?: string): ReleaseChange | undefined {
  return BY_KEY.get(KEY(place, name, value));
}

/** The values the table knows for a name, beyond what the base vocabulary lists (`fence` for no-quorum-policy). */
export function releaseValues(place: ReleasePlace, name: string): string[] {
  return RELEASE_CHANGES.filter((c) => c.place === place && c.name === name && c.value !== undefined).map((c) => c.value as string);
}

/** The names of a place the table knows, with a value kind: those the base vocabulary may lack. */
export function releaseNames(place: ReleasePlace): ReleaseChange[] {
  return RELEASE_CHANGES.filter((c) => c.place === place && c.value === undefined && c.kind !== undefined);
}

/** What a release line makes of one entry. */
export type ReleaseVerdict =
  | { readonly kind: 'known' }
  /** The line does not have it: too old (`added`), or it is gone (`removed`). */
  | { readonly kind: 'missing'; readonly why: 'added' | 'removed'; readonly event: ReleaseEvent; readonly use?: string }
  | { readonly kind: 'deprecated'; readonly event: ReleaseEvent; readonly use?: string };

/** The entry as the stated line sees it, the line judged as its newest release. */
export function releaseVerdict(change: ReleaseChange, line: ReleaseLine): ReleaseVerdict {
  if (change.added && compareLines(line, lineOfRelease(change.added.release)) < 0) {
    return { kind: 'missing', why: 'added', event: change.added, use: change.before };
  }
  if (change.removed && compareLines(line, lineOfRelease(change.removed.release)) >= 0) {
    return { kind: 'missing', why: 'removed', event: change.removed, use: change.use };
  }
  if (change.deprecated && compareLines(line, lineOfRelease(change.deprecated.release)) >= 0) {
    return { kind: 'deprecated', event: change.deprecated, use: change.use };
  }
  return { kind: 'known' };
}

/** `Pacemaker 2.1.0`, or `pcs 0.12.0 (made for Pacemaker 3.0)`. */
export function releaseEventName(event: ReleaseEvent): string {
  return event.by ? `${event.by} (made for Pacemaker ${lineOfRelease(event.release)})` : `Pacemaker ${event.release}`;
}

/**
 * For an event within a line (3.0.2, not 3.0.0): the releases of the line before it,
 * which still behave the old way (`3.0.0 and 3.0.1`); undefined at a line's first release.
 */
export function earlierInLine(event: ReleaseEvent): string | undefined {
  if (event.by) return undefined;
  const [major, minor, patch] = event.release.split('.').map(Number);
  if (!(patch > 0)) return undefined;
  const before = Array.from({ length: patch }, (_, i) => `${major}.${minor}.${i}`);
  return before.length === 1 ? before[0] : `${before.slice(0, -1).join(', ')} and ${before[before.length - 1]}`;
}
