/**
 * The value forms of spec-format.md ("Values"), as Pacemaker reads them: booleans,
 * durations, scores, integers and ids. Pure functions, no diagnostics: checks decide
 * what a failed parse means where.
 */

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1', 'y']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0', 'n']);

/** Pacemaker's boolean words (crm_is_true); undefined when the text is none of them. */
export function parseBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

const UNIT_MS: Record<string, number> = {
  ms: 1, msec: 1, us: 0.001, usec: 0.001,
  s: 1000, sec: 1000, '': 1000,
  m: 60_000, min: 60_000,
  h: 3_600_000, hr: 3_600_000,
};

const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * A duration in milliseconds: an integer with an optional unit (ms, msec, us, usec,
 * s, sec, m, min, h, hr; none means seconds) or an ISO 8601 duration such as PT4M.
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  const m = /^(\d+)\s*([a-zA-Z]*)$/.exec(t);
  if (m) {
    const unit = UNIT_MS[m[2].toLowerCase()];
    return unit === undefined ? undefined : Number(m[1]) * unit;
  }
  const iso = ISO.exec(t.toUpperCase());
  if (!iso || t.length < 3 || /T$/i.test(t)) return undefined;
  const [, y, mo, w, d, h, mi, s] = iso.map((x) => (x === undefined ? 0 : Number(x)));
  const days = y * 365 + mo * 30 + w * 7 + d;
  return ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000;
}

/** Formats milliseconds for a person: `240s`, `1.5s`, `2m (120s)`. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s}s` : `${s.toFixed(3).replace(/0+$/, '')}s`;
}

export const SCORE_INFINITY = 1_000_000;

/** A score: an integer, INFINITY, +INFINITY or -INFINITY (Pacemaker caps at ±1,000,000). */
export function parseScore(text: string): number | undefined {
  const t = text.trim();
  if (/^\+?INFINITY$/i.test(t)) return SCORE_INFINITY;
  if (/^-INFINITY$/i.test(t)) return -SCORE_INFINITY;
  if (!/^[+-]?\d+$/.test(t)) return undefined;
  return Math.max(-SCORE_INFINITY, Math.min(SCORE_INFINITY, Number(t)));
}

/** An integer, optionally signed. */
export function parseInteger(text: string): number | undefined {
  const t = text.trim();
  return /^[+-]?\d+$/.test(t) ? Number(t) : undefined;
}

/** The id rule: a letter or `_`, then letters, digits, `_`, `.` and `-`. */
export function isValidId(id: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(id);
}
