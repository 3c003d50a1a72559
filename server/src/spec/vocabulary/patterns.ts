/**
 * The value forms of the vocabulary as regular-expression sources a JSON Schema can
 * carry (ECMA syntax, no flags, so case-insensitive words are spelt out as
 * `[tT][rR]…`). The JSON Schema is generated from these and `names.ts` tests ids and
 * node names with them. The words are spelt out again here, as regex text; a unit
 * test proves each pattern accepts exactly what the parser in `values.ts` accepts,
 * so the editor's two views of a value cannot drift apart.
 */
/** `true` → `[tT][rR][uU][eE]`: a word matched in any case without regex flags. */
function anyCase(word: string): string {
  return word.replace(/[A-Za-z]/g, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

function words(list: readonly string[]): string {
  return `(?:${list.map(anyCase).join('|')})`;
}

/** A pattern matching exactly one of `list`, in any case. */
export function anyCaseWords(list: readonly string[]): string {
  return `^${words(list)}$`;
}

const UNIT_WORDS = ['msec', 'ms', 'usec', 'us', 'sec', 's', 'min', 'm', 'hr', 'h'];
const ISO_DURATION = 'P(?!\\s*$)(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+W)?(?:[0-9]+D)?(?:T(?=[0-9])(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\\.[0-9]+)?S)?)?';

/** Pattern sources, each anchored and allowing the surrounding blanks the parsers trim. */
export const VALUE_PATTERNS = {
  /** Resource and group ids (`isValidId`). */
  id: '^[A-Za-z_][A-Za-z0-9_.-]*$',
  /**
   * Node names: letters, digits, `_`, `.` and `-`, not starting with `-` or `.`. pcs
   * itself refuses only `{`, `}` and line breaks, and corosync takes any name, so the
   * host-name rule (no `_`) would refuse clusters pcs builds; this is the rule the
   * cluster commands accept a node name by (`isValidNodeName`).
   */
  nodeName: '^[A-Za-z0-9_][A-Za-z0-9_.-]*$',
  boolean: `^\\s*${words(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n'])}\\s*$|^\\s*[01]\\s*$`,
  integer: '^\\s*[+-]?[0-9]+\\s*$',
  /** An integer or INFINITY / +INFINITY (migration-threshold and the like). */
  integerOrInfinity: `^\\s*(?:[+-]?[0-9]+|\\+?${anyCase('INFINITY')})\\s*$`,
  score: `^\\s*(?:[+-]?[0-9]+|[+-]?${anyCase('INFINITY')})\\s*$`,
  duration: `^\\s*(?:[0-9]+\\s*${words(UNIT_WORDS)}?|${ISO_DURATION.replace(/[A-Z]/g, (c) => `[${c}${c.toLowerCase()}]`)})\\s*$`,
} as const;
