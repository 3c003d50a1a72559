/**
 * Pacemaker's value words: booleans, integers, durations and scores, each read the
 * way Pacemaker reads it and given one normal text form, so that two texts Pacemaker
 * takes alike (`yes` and `true`, `15` and `15s`, `+INFINITY` and `INFINITY`) compare
 * equal wherever the spec, the checker or a live cluster's answer meet. Pure
 * functions, no diagnostics: the checks decide what a failed parse means where.
 */

/** The words crm_is_true takes for true and false, in any case. */
export const TRUE_WORDS: readonly string[] = ['true', 'yes', 'on', 'y', '1'];
export const FALSE_WORDS: readonly string[] = ['false', 'no', 'off', 'n', '0'];

const TRUE = new Set(TRUE_WORDS);
const FALSE = new Set(FALSE_WORDS);

/** Pacemaker's boolean words (crm_is_true), blanks around ignored; undefined when the text is none of them. */
export function parseBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}

/** A boolean's normal form: `true` or `false`. */
export function normalBoolean(text: string): 'true' | 'false' | undefined {
  const b = parseBoolean(text);
  return b === undefined ? undefined : b ? 'true' : 'false';
}

/** An integer, optionally signed. */
export function parseInteger(text: string): number | undefined {
  const t = text.trim();
  return /^[+-]?\d+$/.test(t) ? Number(t) : undefined;
}

/** An integer's normal form: no sign for positives, no leading zeros (`+05` → `5`). */
export function normalInteger(text: string): string | undefined {
  const n = parseInteger(text);
  return n === undefined ? undefined : String(n === 0 ? 0 : n);
}

/** Milliseconds per duration unit, in any case; no unit means seconds. */
export const DURATION_UNITS: ReadonlyMap<string, number> = new Map([
  ['ms', 1], ['msec', 1], ['us', 0.001], ['usec', 0.001],
  ['s', 1000], ['sec', 1000],
  ['m', 60_000], ['min', 60_000],
  ['h', 3_600_000], ['hr', 3_600_000],
]);

const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * A duration in milliseconds: an integer with an optional unit (ms, msec, us, usec,
 * s, sec, m, min, h, hr; none means seconds) or an ISO 8601 duration such as PT4M.
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  const m = /^(\d+)\s*([a-zA-Z]*)$/.exec(t);
  if (m) {
    const unit = m[2] === '' ? 1000 : DURATION_UNITS.get(m[2].toLowerCase());
    return unit === undefined ? undefined : Number(m[1]) * unit;
  }
  const iso = ISO.exec(t.toUpperCase());
  if (!iso || t.length < 3 || /T$/i.test(t)) return undefined;
  const [, y, mo, w, d, h, mi, s] = iso.map((x) => (x === undefined ? 0 : Number(x)));
  const days = y * 365 + mo * 30 + w * 7 + d;
  return ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000;
}

/**
 * Milliseconds as a duration Pacemaker reads back to the same value, in the largest
 * of s, ms and us that holds it whole: `15s`, `1500ms`, `2us`.
 */
export function formatDuration(ms: number): string {
  if (Number.isInteger(ms / 1000)) return `${ms / 1000}s`;
  if (Number.isInteger(ms)) return `${ms}ms`;
  return `${Math.round(ms * 1000)}us`;
}

/** A duration's normal form: whole milliseconds with their unit (`15` and `15s` are both `15000ms`). */
export function normalDuration(text: string): string | undefined {
  const ms = parseDuration(text);
  if (ms === undefined) return undefined;
  return Number.isInteger(ms) ? `${ms}ms` : `${Math.round(ms * 1000)}us`;
}

/** Formats milliseconds for a person: `240s`, `1.5s`. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s}s` : `${s.toFixed(3).replace(/0+$/, '')}s`;
}

/** Pacemaker's INFINITY: scores are capped at ±1,000,000. */
export const SCORE_INFINITY = 1_000_000;

const cap = (n: number): number => Math.max(-SCORE_INFINITY, Math.min(SCORE_INFINITY, n));

/** Whether the text is the word INFINITY or +INFINITY (any case, blanks around ignored). */
export function isInfinity(text: string): boolean {
  return /^\s*\+?INFINITY\s*$/i.test(text);
}

/** A score: an integer, INFINITY, +INFINITY or -INFINITY (Pacemaker caps at ±1,000,000). */
export function parseScore(text: string): number | undefined {
  const t = text.trim();
  if (/^\+?INFINITY$/i.test(t)) return SCORE_INFINITY;
  if (/^-INFINITY$/i.test(t)) return -SCORE_INFINITY;
  if (!/^[+-]?\d+$/.test(t)) return undefined;
  return cap(Number(t));
}

/** A score as text: `INFINITY` and `-INFINITY` at the caps, else the integer. */
export function formatScore(score: number): string {
  const n = cap(Math.trunc(score));
  if (n === SCORE_INFINITY) return 'INFINITY';
  if (n === -SCORE_INFINITY) return '-INFINITY';
  return String(n === 0 ? 0 : n);
}

/** A score's normal form: `+INFINITY`, `infinity` and `1000000` are all `INFINITY`; `+5` is `5`. */
export function normalScore(text: string): string | undefined {
  const n = parseScore(text);
  return n === undefined ? undefined : formatScore(n);
}

/**
 * A score or count as Pacemaker reads one in its own output (char2score): ±INFINITY
 * in any case, else the leading integer (`5000ms` is 5000), capped at ±1,000,000.
 * Lenient on purpose, for what a cluster wrote; a spec's values go through `parseScore`.
 */
export function pacemakerNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().replace(/^\+/, '');
  if (/^INFINITY$/i.test(t)) return SCORE_INFINITY;
  if (/^-INFINITY$/i.test(t)) return -SCORE_INFINITY;
  const n = Number.parseInt(t, 10);
  if (Number.isNaN(n)) return undefined;
  return cap(n);
}
