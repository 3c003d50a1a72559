/**
 * The argv of each pcs command an operation runs, by pcs version. pcs changed in
 * ways that matter here: 0.11 made `resource move` remove its own constraint
 * once the resource runs on the target (the old behaviour became
 * `move-with-constraint`); 0.10 moved `cluster standby` to `node standby` and
 * cleanup's `--node` to `node=`. Names are checked before they get here
 * (names.ts) and arrive as separate argv words, so pcs never reads one as an
 * option and no shell ever splits one.
 */

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

/** Whether `pcs resource move` removes its constraint itself (pcs 0.11 and later). */
export function moveClearsItself(pcsVersion: string): boolean {
  return compareVersions(pcsVersion, '0.11') >= 0;
}

/**
 * Moves a resource or group to a node. On 0.11+ pcs waits (up to `waitSec`) and
 * removes the constraint; before that it only creates cli-prefer-<id>, which the
 * caller clears once the move is done.
 */
export function moveArgv(pcsVersion: string, resource: string, node: string, waitSec: number): string[] {
  if (moveClearsItself(pcsVersion)) return ['pcs', 'resource', 'move', resource, node, `--wait=${Math.max(1, Math.round(waitSec))}`];
  return ['pcs', 'resource', 'move', resource, node];
}

/** Removes move/ban constraints of a resource (on one node, when given). */
export function clearArgv(resource: string, node?: string): string[] {
  return ['pcs', 'resource', 'clear', resource, ...(node === undefined ? [] : [node])];
}

export function standbyArgv(pcsVersion: string, node: string, on: boolean): string[] {
  const verb = on ? 'standby' : 'unstandby';
  return compareVersions(pcsVersion, '0.10') >= 0 ? ['pcs', 'node', verb, node] : ['pcs', 'cluster', verb, node];
}

export function cleanupArgv(pcsVersion: string, resource: string, node?: string): string[] {
  const base = ['pcs', 'resource', 'cleanup', resource];
  if (node === undefined) return base;
  return compareVersions(pcsVersion, '0.10') >= 0 ? [...base, `node=${node}`] : [...base, '--node', node];
}

export function enableArgv(resource: string, enable: boolean): string[] {
  return ['pcs', 'resource', enable ? 'enable' : 'disable', resource];
}
