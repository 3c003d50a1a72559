/**
 * Pacemaker's role names, old and new. Pacemaker 2.1 renamed Master and Slave to
 * Promoted and Unpromoted; every release since reads both, in any case (text2role),
 * and crm_mon before 2.1 writes the old ones. Everything here speaks the new names.
 */

export type Role = 'Started' | 'Stopped' | 'Promoted' | 'Unpromoted' | 'Unknown';

/** The roles a spec may name (an operation's role, target-role, a colocation's roles). */
export const ROLES: readonly Role[] = ['Started', 'Stopped', 'Promoted', 'Unpromoted'];

/** The names before Pacemaker 2.1, each with the name that replaced it. */
export const DEPRECATED_ROLES: Readonly<Record<string, Role>> = { Master: 'Promoted', Slave: 'Unpromoted' };


const BY_LOWER: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...[...ROLES, 'Unknown' as const].map((r): [string, Role] => [r.toLowerCase(), r]),
  ...Object.entries(DEPRECATED_ROLES).map(([old, role]): [string, Role] => [old.toLowerCase(), role]),
]);

/** A role by its new name (`Master` → `Promoted`, `slave` → `Unpromoted`); undefined for a word that is no role. */
export function normalRole(text: string): Role | undefined {
  return BY_LOWER.get(text.trim().toLowerCase());
}

/** The name a Pacemaker before 2.1 knows a role by (`Promoted` → `Master`). */
export function legacyRoleName(role: Role): string {
  return Object.keys(DEPRECATED_ROLES).find((old) => DEPRECATED_ROLES[old] === role) ?? role;
}

const ACTIVE: ReadonlySet<Role | undefined> = new Set<Role>(['Started', 'Promoted', 'Unpromoted']);

/** Whether a resource in this role runs on its node (Started, Promoted, Unpromoted, by either name). */
export function isActiveRole(text: string): boolean {
  return ACTIVE.has(normalRole(text));
}
