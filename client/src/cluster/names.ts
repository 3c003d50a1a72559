/**
 * Checks on names that come from people (CLI arguments, tree items) before any
 * command is built with them. Quoting already keeps every name away from the
 * shell; these checks also keep a name from being read by pcs as an option
 * (`--force`) or from naming something that cannot exist.
 */

/** Pacemaker's id rule (an XML ID): a letter or `_` first, then letters, digits, `_`, `.`, `-`. */
const ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Node names are host names in practice: no leading dash, no spaces or control characters. */
const NODE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Why a resource id cannot be one, or undefined when it can. */
export function badResourceId(id: string): string | undefined {
  if (ID.test(id)) return undefined;
  return `'${printable(id)}' is not a valid resource id (a letter or _ first, then letters, digits, _ . -)`;
}

/** Why a node name cannot be one, or undefined when it can. */
export function badNodeName(name: string): string | undefined {
  if (NODE.test(name)) return undefined;
  return `'${printable(name)}' is not a valid node name`;
}

/** A name as it can be shown in one line of a message. */
export function printable(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
