/**
 * The settings the client sends: in `initializationOptions` when the server starts,
 * and as `workspace/didChangeConfiguration` `{ settings: { stashHa: … } }` when a
 * setting changes or the user trusts the workspace. Files named by
 * `stashHa.metadataPaths` are read only in a trusted workspace.
 */

import { StashHaSettings } from '../settings';

export type { StashHaSettings };

export const DEFAULT_SETTINGS: StashHaSettings = { metadataPaths: [], trusted: false };

/**
 * Reads settings from an untyped message body, keeping only well-formed values, so a
 * client that sends something odd gets defaults rather than a crash.
 */
export function readSettings(raw: unknown, previous: StashHaSettings = DEFAULT_SETTINGS): StashHaSettings {
  if (raw === null || typeof raw !== 'object') return previous;
  const r = raw as Record<string, unknown>;
  const paths = Array.isArray(r.metadataPaths)
    ? r.metadataPaths.filter((p): p is string => typeof p === 'string' && p.trim() !== '').slice(0, 100)
    : previous.metadataPaths;
  const trusted = typeof r.trusted === 'boolean' ? r.trusted : previous.trusted;
  return { metadataPaths: paths, trusted };
}

/** The `stashHa` section of a didChangeConfiguration body, if it has one. */
export function settingsSection(settings: unknown): unknown {
  return settings !== null && typeof settings === 'object' ? (settings as Record<string, unknown>).stashHa : undefined;
}
