/**
 * The argv of each pcs command an operation runs. What differs between pcs
 * releases (the move that clears itself from 0.11 on, `node standby` and cleanup's
 * `node=` from 0.10 on) is the version profile's (pcsProfile.ts); this file only
 * spells the commands. Names are checked before they get here (names.ts) and arrive
 * as separate argv words, so pcs never reads one as an option and no shell ever
 * splits one.
 */
import { pcsProfile } from './pcsProfile';

/**
 * Moves a resource or group to a node. Where pcs's move clears itself it also waits
 * (up to `waitSec`); before that it only creates cli-prefer-<id>, which the caller
 * clears once the move is done.
 */
export function moveArgv(pcsVersion: string, resource: string, node: string, waitSec: number): string[] {
  if (pcsProfile(pcsVersion).moveClearsItself) return ['pcs', 'resource', 'move', resource, node, `--wait=${Math.max(1, Math.round(waitSec))}`];
  return ['pcs', 'resource', 'move', resource, node];
}

/** Removes move/ban constraints of a resource (on one node, when given). */
export function clearArgv(resource: string, node?: string): string[] {
  return ['pcs', 'resource', 'clear', resource, ...(node === undefined ? [] : [node])];
}

export function standbyArgv(pcsVersion: string, node: string, on: boolean): string[] {
  const verb = on ? 'standby' : 'unstandby';
  return pcsProfile(pcsVersion).nodeStandby ? ['pcs', 'node', verb, node] : ['pcs', 'cluster', verb, node];
}

export function cleanupArgv(pcsVersion: string, resource: string, node?: string): string[] {
  const base = ['pcs', 'resource', 'cleanup', resource];
  if (node === undefined) return base;
  return pcsProfile(pcsVersion).cleanupNodeWord ? [...base, `node=${node}`] : [...base, '--node', node];
}

export function enableArgv(resource: string, enable: boolean): string[] {
  return ['pcs', 'resource', enable ? 'enable' : 'disable', resource];
}
