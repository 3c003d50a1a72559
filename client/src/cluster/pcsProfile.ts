/**
 * The version profile: everything the cluster library does differently for the pcs
 * it finds on a node (`pcs --version`), in one place, each difference with the
 * release that made it and how it showed. The argv builders (pcsArgv.ts for the
 * operations, pcsConfigArgv.ts for apply and export) read their choices from here
 * rather than comparing versions themselves.
 *
 * What each Pacemaker release *writes* differently is read, not chosen, so it lives
 * in the vocabulary the readers share (server/src/spec/vocabulary): crm_mon before
 * 2.1 writes agents as `ocf::heartbeat:IPaddr2` (clusterAgentName) and roles as
 * Master/Slave (normalRole); what each release *accepts* in a spec is the release
 * table (vocabulary/releases.ts).
 *
 * Checked for real on the lab's three stacks: pcs 0.10.8 (Debian 11), 0.11.5
 * (Debian 12), 0.12.0.2 (Debian 13); pcs 0.9 (CentOS 7) from its documentation and
 * fixtures only, since no Debian release has it.
 */
import { legacyRoleName, Role } from '../../../server/src';

/**
 * The version in what `pcs --version` prints, in all its parts: Debian 13's pcs is
 * `0.12.0.2` (a reading of three parts made it 0.12.0, seen on the trixie lab).
 */
export function pcsVersionOf(output: string): string | undefined {
  return /^(\d+(?:\.\d+)+)/.exec(output.trim())?.[1];
}

/** "0.11.5" → [0, 11, 5]; missing parts are 0. */
export function parseVersion(text: string): number[] {
  return text.split('.').map((p) => Number.parseInt(p, 10)).map((n) => (Number.isNaN(n) ? 0 : n));
}

/** Compares dotted versions numerically: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface PcsProfile {
  readonly version: string;
  /**
   * 0.11 and later: `pcs resource move R N` waits for the move and removes the
   * cli-prefer constraint it made (the old behaviour is `move-with-constraint`);
   * before, it only makes the constraint, so a fail-over waits for the resource on
   * the target and then runs `pcs resource clear`. Seen: pcs 0.10.8 leaves
   * cli-prefer-vip until cleared; 0.11.5 and 0.12.0.2 leave nothing.
   */
  readonly moveClearsItself: boolean;
  /** 0.10 and later: `pcs node standby N`; 0.9: `pcs cluster standby N`. */
  readonly nodeStandby: boolean;
  /** 0.10 and later: a cleanup on one node is `node=N`; 0.9: `--node N`. */
  readonly cleanupNodeWord: boolean;
  /**
   * 0.11 and later write and expect Promoted/Unpromoted (pcs 0.12 refuses Master and
   * Slave); 0.10 and 0.9 speak master/slave, which is all Pacemaker before 2.1 knows.
   */
  readonly newRoles: boolean;
  /** `promotable` (0.10 and later) or `master` (0.9) makes a promotable clone. */
  readonly promotable: 'promotable' | 'master';
  /** `pcs resource [op] defaults update …` (0.10 and later; the only form in 0.12) or `… defaults …` (0.9). */
  readonly defaultsUpdate: boolean;
  /** `delete` (0.10 and later) or `remove` (0.9), for constraints and operations. */
  readonly remove: 'delete' | 'remove';
  /**
   * 0.12: a constraint's score is `score=VALUE`; the bare score of older pcs is
   * deprecated there ("Specifying score as a standalone value is deprecated", seen on
   * 0.12.0.2 for `pcs constraint colocation add`), and no older pcs takes `score=`.
   */
  readonly scoreOption: boolean;
  /**
   * 0.9 sets a cluster up as `pcs cluster setup --name NAME NODE…` (corosync 2);
   * 0.10 and later as `pcs cluster setup NAME NODE addr=…` (corosync 3, knet).
   */
  readonly setupNameOption: boolean;
  /** A role in the words this pcs reads and writes: `Promoted` on 0.11+, `Master` before. */
  roleWord(role: Role): string;
}

/** The profile of a pcs version, as `pcs --version` prints it. */
export function pcsProfile(version: string): PcsProfile {
  const at = (v: string): boolean => compareVersions(version, v) >= 0;
  const newRoles = at('0.11');
  return Object.freeze({
    version,
    moveClearsItself: at('0.11'),
    nodeStandby: at('0.10'),
    cleanupNodeWord: at('0.10'),
    newRoles,
    promotable: at('0.10') ? 'promotable' : 'master',
    defaultsUpdate: at('0.10'),
    remove: at('0.10') ? 'delete' : 'remove',
    scoreOption: at('0.12'),
    setupNameOption: !at('0.10'),
    roleWord: (role: Role) => (newRoles ? role : legacyRoleName(role)),
  } as const);
}
