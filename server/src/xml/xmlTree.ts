/**
 * The one XML reader, over fast-xml-parser: an ordered element tree for OCF agent
 * meta-data and for Pacemaker's answers (crm_mon, cibadmin). Document order is kept,
 * so resources come out in the order crm_mon lists them. Attribute values stay
 * strings as written (entities decoded); an element's text is its text and CDATA
 * pieces joined, each trimmed. Malformed, truncated or empty XML is an error result
 * with the line (and column) where the parser stopped, never a throw. It knows no
 * Pacemaker vocabulary: reading `true` or `INFINITY` is the callers' business.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

export type XmlParse =
  | { readonly ok: true; readonly root: XmlElement }
  | { readonly ok: false; readonly error: string; readonly line?: number; readonly column?: number };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
});

type Raw = Record<string, unknown>;

function toElement(raw: Raw): XmlElement | undefined {
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (name === undefined || name === '#text' || name.startsWith('?') || name.startsWith('!')) return undefined;
  // No prototype, so an attribute lookup never finds `constructor` or `__proto__`.
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries((raw[':@'] ?? {}) as Raw)) attrs[k] = String(v);
  const body = Array.isArray(raw[name]) ? (raw[name] as Raw[]) : [];
  const children: XmlElement[] = [];
  let text = '';
  for (const item of body) {
    if ('#text' in item) text += String(item['#text']);
    else {
      const child = toElement(item);
      if (child) children.push(child);
    }
  }
  return { name, attrs, children, text };
}

/** Parses one XML document into its root element. */
export function parseXml(text: string): XmlParse {
  if (text.trim() === '') return { ok: false, error: 'not well-formed XML (line 1): the document is empty', line: 1 };
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const where = line ? ` (line ${line}${col ? `, column ${col}` : ''})` : '';
    return { ok: false, error: `not well-formed XML${where}: ${msg}`, ...(line ? { line } : {}), ...(col ? { column: col } : {}) };
  }
  let items: Raw[];
  try {
    items = parser.parse(text) as Raw[];
  } catch (err) {
    return { ok: false, error: `cannot read the XML: ${err instanceof Error ? err.message : String(err)}` };
  }
  // The validator lets stray elements after the root pass: the first element is the document, the rest is ignored.
  for (const item of items) {
    const root = toElement(item);
    if (root) return { ok: true, root };
  }
  return { ok: false, error: 'no root element' };
}

/** The direct children with this name. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** The first direct child with this name. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

/** Every descendant with this name, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const c of element.children) {
    if (c.name === name) found.push(c);
    found.push(...descendants(c, name));
  }
  return found;
}

/** An attribute as a string, or undefined when absent or empty. */
export function attr(element: XmlElement | undefined, name: string): string | undefined {
  const v = element?.attrs[name];
  return v === undefined || v === '' ? undefined : v;
}
