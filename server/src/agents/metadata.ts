/**
 * The one parser from OCF resource-agent meta-data XML (OCF 1.0 and 1.1) to the typed
 * model of `model.ts`. Built-in agents, Stash's own agent, workspace files and live
 * clusters all come through here, so the checks see every agent the same way.
 *
 * It reads both OCF dialects in one pass, as pcs does: OCF 1.0's `unique="1"`,
 * `deprecated="1"` and `obsoletes="old"`, and OCF 1.1's `unique-group`, `reloadable`
 * and `<deprecated><replaced-with/>`. It never throws: a document that is not
 * well-formed XML, or not OCF meta-data, gives an error result saying where and why.
 * It reads the XML through the one reader (`xml/xmlTree.ts`) and does not validate
 * against the OCF RelaxNG schema.
 */
import { parseDuration } from '../spec/vocabulary';
import { child, childrenNamed, parseXml, XmlElement } from '../xml/xmlTree';
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

/** An attribute as written, an empty one included (`default=""` is a default). */
function attr(el: XmlElement | undefined, name: string): string | undefined {
  return el?.attrs[name];
}

/** The English description among several languages, else the first. */
function desc(el: XmlElement | undefined, name: string): string {
  const all = childrenNamed(el, name);
  const en = all.find((d) => attr(d, 'lang') === 'en') ?? all[0];
  return en === undefined ? '' : en.text.trim();
}

const isOne = (v: string | undefined): boolean => v === '1';

function seconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  return ms === undefined ? undefined : ms / 1000;
}

function readParameters(root: XmlElement): AgentParameter[] | string {
  const raw = childrenNamed(child(root, 'parameters'), 'parameter');
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
    const content = child(p, 'content');
    const deprecatedEl = child(p, 'deprecated');
    const replacedWith = [
      ...childrenNamed(deprecatedEl, 'replaced-with').flatMap((r) => attr(r, 'name') ?? []),
      ...(replacedBy.get(name) ?? []),
    ];
    const deprecatedDesc = deprecatedEl === undefined ? '' : desc(deprecatedEl, 'desc');
    out.push({
      name,
      type: attr(content, 'type') ?? 'string',
      options: childrenNamed(content, 'option').flatMap((o) => attr(o, 'value') ?? []),
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

function readActions(root: XmlElement): AgentAction[] | string {
  const out: AgentAction[] = [];
  for (const [i, a] of childrenNamed(child(root, 'actions'), 'action').entries()) {
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
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  if (root.name !== 'resource-agent') return { ok: false, error: 'not OCF meta-data: there is no <resource-agent> element' };
  const xmlName = attr(root, 'name') ?? '';
  const name = source.name ?? xmlName;
  if (!name) return { ok: false, error: 'the <resource-agent> element has no name attribute' };
  const parameters = readParameters(root);
  if (typeof parameters === 'string') return { ok: false, error: parameters };
  const actions = readActions(root);
  if (typeof actions === 'string') return { ok: false, error: actions };
  const version = attr(root, 'version');
  const ocfVersion = child(root, 'version')?.text.trim() || '1.0';
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
