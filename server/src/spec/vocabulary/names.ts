/**
 * The rules for what a person names: resource and group ids (Pacemaker's id rule,
 * an XML ID) and node names, with the reason a name breaks them. The regular
 * expressions are the ones the JSON Schema carries (`patterns.ts`).
 */
import { VALUE_PATTERNS } from './patterns';

const ID = new RegExp(VALUE_PATTERNS.id);
const NODE_NAME = new RegExp(VALUE_PATTERNS.nodeName);

/** The id rule: a letter or `_`, then letters, digits, `_`, `.` and `-`. */
export function isValidId(id: string): boolean {
  return ID.test(id);
}

/**
 * Whether a node name is one pcs and the cluster commands can work with: letters,
 * digits, `_`, `.` and `-`, not starting with `-` or `.` (so never read as an option).
 */
export function isValidNodeName(name: string): boolean {
  return NODE_NAME.test(name);
}

/** Why a resource id cannot be one, or undefined when it can. */
export function badResourceId(id: string): string | undefined {
  if (isValidId(id)) return undefined;
  return `'${printable(id)}' is not a valid resource id (a letter or _ first, then letters, digits, _ . -)`;
}

/** Why a node name cannot be one, or undefined when it can. */
export function badNodeName(name: string): string | undefined {
  if (isValidNodeName(name)) return undefined;
  return `'${printable(name)}' is not a valid node name`;
}

/** A name as it can be shown in one line of a message. */
export function printable(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
