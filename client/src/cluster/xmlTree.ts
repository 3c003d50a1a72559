/**
 * A small ordered element tree over fast-xml-parser, for reading Pacemaker's
 * XML answers (crm_mon, cibadmin). Document order is kept, so resources come out
 * in the order crm_mon lists them. Attribute values stay strings; entities are
 * decoded. Malformed or truncated XML is reported, not thrown.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

export type XmlParse = { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly error: string };

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
  if (text.trim() === '') return { ok: false, error: 'empty output' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, error: `malformed XML at line ${valid.err.line}: ${valid.err.msg}` };
  const items = parser.parse(text) as Raw[];
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

/** An attribute read as a boolean the way Pacemaker writes them (true/false, 1/0). */
export function flag(element: XmlElement | undefined, name: string): boolean {
  const v = element?.attrs[name]?.toLowerCase();
  return v === 'true' || v === '1' || v === 'yes';
}

/** An attribute as a string, or undefined when absent or empty. */
export function attr(element: XmlElement | undefined, name: string): string | undefined {
  const v = element?.attrs[name];
  return v === undefined || v === '' ? undefined : v;
}
