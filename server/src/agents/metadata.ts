/**
 * The one parser from OCF resource-agent meta-data XML (OCF 1.0 and 1.1) to the typed
 * model of `model.ts`. Built-in agents, Stash's own agent, workspace files and live
 * clusters all come through here, so the checks see every agent the same way.
 *
 * It reads both OCF dialects in one pass, as pcs does: OCF 1.0's `unique="1"`,
 * `deprecated="1"` and `obsoletes="old"`, and OCF 1.1's `unique-group`, `reloadable`
 * and `<deprecated><replaced-with/>`. It never throws: a document that is not
 * well-formed XML, or not OCF meta-data, gives an error result saying where and why.
 * It does not validate against the OCF RelaxNG schema.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDuration } from '../spec/values';
import { AgentAction, AgentInfo, AgentParameter } from './model';

export type MetadataResult =
  | { readonly ok: true; readonly agent: AgentInfo; /** The `<resource-agent name>` as written. */ readonly xmlName: string }
  | { readonly ok: false; readonly error: string; readonly line?: number; readonly column?: number };

export interface MetadataSource {
  /** The canonical name (`ocf:heartbeat:IPaddr2`); the XML only holds the type. Defaults to the XML's name. */
  readonly name?: string;
  /** Where the XML came from, kept as `AgentInfo.origin`. */
  readonly origin: string;
}

/** The data of an agent, without its lookup methods. */
export type AgentData = Omit<AgentInfo, 'parameter' | 'action'>;

const LISTS = new Set(['parameter', 'action', 'option', 'replaced-with', 'longdesc', 'shortdesc', 'desc']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (tag) => LISTS.has(tag),
});

/** A parsed XML element as fast-xml-parser gives it: text, or an object of children and `@attributes`. */
type El = string | { readonly [key: string]: unknown };

function attr(el: unknown, name: string): string | undefined {
  if (el === null || typeof el !== 'object') return undefined;
  const v = (el as Record<string, unknown>)[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

function child(el: unknown, name: string): unknown {
  return el !== null && typeof el === 'object' ? (el as Record<string, unknown>)[name] : undefined;
}

function children(el: unknown, name: string): El[] {
  const v = child(el, name);
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => (x === null || x === undefined ? '' : (x as El)));
}

function textOf(el: unknown): string {
  if (typeof el === 'string') return el;
  const t = child(el, '#text');
  return typeof t === 'string' ? t : '';
}

/** The English description among several languages, else the first. */
function desc(el: unknown, name: string): string {
  const all = children(el, name);
  const en = all.find((d) => attr(d, 'lang') === 'en') ?? all[0];
  return en === undefined ? '' : textOf(en).trim();
}

const isOne = (v: string | undefined): boolean => v === '1';

function seconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  return ms === undefined ? undefined : ms / 1000;
}

function readParameters(root: unknown): AgentParameter[] | string {
  const raw = children(child(root, 'parameters'), 'parameter');
  const replacedBy = new Map<string, string[]>();
  for (const p of raw) {
    const name = attr(p, 'name');
    const old = attr(p, 'obsoletes');
    if (name && old) replacedBy.set(old, [...(replacedBy.get(old) ?? []), name]);
  }
  const out: AgentParameter[] = [];
  for (const [i, p] of raw.entries()) {
    const name = attr(p, 'name');
    if (!name) return `parameter number ${i + 1} has no name attribute`;
    const content = children(p, 'content')[0];
    const deprecatedEl = children(p, 'deprecated')[0];
    const replacedWith = [
      ...children(deprecatedEl, 'replaced-with').flatMap((r) => attr(r, 'name') ?? []),
      ...(replacedBy.get(name) ?? []),
    ];
    const deprecatedDesc = deprecatedEl === undefined ? '' : desc(deprecatedEl, 'desc');
    out.push({
      name,
      type: attr(content, 'type') ?? 'string',
      options: children(content, 'option').flatMap((o) => attr(o, 'value') ?? []),
      required: isOne(attr(p, 'required')),
      unique: isOne(attr(p, 'unique')),
      ...(attr(p, 'unique-group') ? { uniqueGroup: attr(p, 'unique-group') } : {}),
      reloadable: isOne(attr(p, 'reloadable')),
      ...(attr(content, 'default') !== undefined ? { default: attr(content, 'default') } : {}),
      deprecated: deprecatedEl !== undefined || isOne(attr(p, 'deprecated')),
      replacedWith,
      ...(deprecatedDesc ? { deprecatedDesc } : {}),
      shortdesc: desc(p, 'shortdesc'),
      longdesc: desc(p, 'longdesc'),
    });
  }
  return out;
}

function readActions(root: unknown): AgentAction[] | string {
  const out: AgentAction[] = [];
  for (const [i, a] of children(child(root, 'actions'), 'action').entries()) {
    const name = attr(a, 'name');
    if (!name) return `action number ${i + 1} has no name attribute`;
    const timeout = seconds(attr(a, 'timeout'));
    const interval = seconds(attr(a, 'interval'));
    const depthText = attr(a, 'depth');
    const depth = depthText !== undefined && /^\d+$/.test(depthText.trim()) ? Number(depthText) : undefined;
    const role = attr(a, 'role');
    out.push({
      name,
      ...(timeout !== undefined ? { timeout } : {}),
      ...(interval !== undefined ? { interval } : {}),
      ...(depth !== undefined ? { depth } : {}),
      ...(role ? { role } : {}),
    });
  }
  return out;
}

/**
 * Makes an AgentInfo from its data. The lookup methods are not enumerable, so two
 * agents with equal data are deep-equal and `{ ...agent, name }` copies only data.
 */
export function createAgentInfo(data: AgentData): AgentInfo {
  const params = new Map(data.parameters.map((p) => [p.name, p]));
  const actions = new Map<string, AgentAction>();
  for (const a of data.actions) if (!actions.has(a.name)) actions.set(a.name, a);
  const info = { ...data } as AgentInfo;
  Object.defineProperty(info, 'parameter', { value: (name: string) => params.get(name), enumerable: false });
  Object.defineProperty(info, 'action', { value: (name: string) => actions.get(name), enumerable: false });
  return Object.freeze(info);
}

/** Parses OCF meta-data XML into an AgentInfo, or says why it cannot. Never throws. */
export function parseMetadata(xml: string, source: MetadataSource): MetadataResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const where = line ? ` (line ${line}${col ? `, column ${col}` : ''})` : '';
    return { ok: false, error: `not well-formed XML${where}: ${msg}`, ...(line ? { line } : {}), ...(col ? { column: col } : {}) };
  }
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (err) {
    return { ok: false, error: `cannot read the XML: ${err instanceof Error ? err.message : String(err)}` };
  }
  const root = child(doc, 'resource-agent');
  if (root === undefined) return { ok: false, error: 'not OCF meta-data: there is no <resource-agent> element' };
  const xmlName = attr(root, 'name') ?? '';
  const name = source.name ?? xmlName;
  if (!name) return { ok: false, error: 'the <resource-agent> element has no name attribute' };
  const parameters = readParameters(root);
  if (typeof parameters === 'string') return { ok: false, error: parameters };
  const actions = readActions(root);
  if (typeof actions === 'string') return { ok: false, error: actions };
  const version = attr(root, 'version');
  const ocfVersion = textOf(children(root, 'version')[0]).trim() || '1.0';
  const agent = createAgentInfo({
    name,
    ...(version !== undefined ? { version } : {}),
    ocfVersion,
    shortdesc: desc(root, 'shortdesc') || (attr(root, 'shortdesc') ?? ''),
    longdesc: desc(root, 'longdesc'),
    parameters,
    actions,
    origin: source.origin,
  });
  return { ok: true, agent, xmlName };
}
