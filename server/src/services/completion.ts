/**
 * Completion: the keys the format allows at the caret (minus those already there),
 * agent names, an agent's parameters (required first) and actions, and the values a
 * place accepts: select options, booleans, enum words, scores, resource/group ids and
 * node ids; after them, the structural snippets that fit there (completionSnippets.ts).
 * Works in block and flow style and on an empty line, because it reads a probed copy
 * of the text (completionProbe.ts) rather than the text as typed.
 */
import { AgentCatalog } from '../agents/model';
import { ValueRule } from '../spec/attributes';
import { Span } from '../spec/diagnostic';
import { buildModel, SpecModel } from '../spec/model';
import { Shape } from '../spec/schema';
import { YMap } from '../spec/yamlTree';
import { indentationOf } from '../spec/edits';
import { lineItemProbe, probe, Probe } from './completionProbe';
import { asMapExpect, cursorAt, Cursor } from './cursor';
import { describeAgent, describeAttribute, describeId, describeNode, describeParam } from './describe';
import { keyCompletions } from './completionKeys';
import { snippetsAt } from './completionSnippets';

export type SpecCompletionKind = 'property' | 'field' | 'value' | 'enum' | 'agent' | 'reference' | 'node' | 'action' | 'snippet';

export interface SpecCompletionItem {
  readonly label: string;
  readonly kind: SpecCompletionKind;
  readonly insertText: string;
  /** insertText is an LSP snippet (`$0` marks where the caret ends). */
  readonly snippet?: boolean;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly sortText?: string;
  /** What the editor matches the typed word against, when not the label. */
  readonly filterText?: string;
  readonly deprecated?: boolean;
  /** Ask the editor for completions again after inserting (the value has choices). */
  readonly retrigger?: boolean;
}

export interface SpecCompletions {
  /** The text the items replace: the word typed so far. */
  readonly span: Span;
  readonly items: readonly SpecCompletionItem[];
}

/**
 * Completions at `offset` of `text`. `model`, when given, is the model of `text`
 * itself; it is used instead of a new parse when the caret needs no placeholder.
 */
export function completion(text: string, catalog: AgentCatalog, offset: number, model?: SpecModel): SpecCompletions {
  const p = probe(text, offset);
  const probed = p.text === text && model ? model : buildModel(p.text);
  const c = cursorAt(probed, catalog, p.at);
  let original: SpecModel | undefined = p.text === text ? probed : model;
  /** Whether a patched text parses as well as the document does: else the place it reads is not where the caret is. */
  const parses = (m: SpecModel): boolean => {
    original ??= buildModel(text);
    return m === original || syntaxErrors(m) <= syntaxErrors(original);
  };
  const keyReading = parses(probed);
  // A new line under `- ` items is also a new item there (and only that, when it does not parse as a key).
  const line = lineItemProbe(text, offset, p);
  const lineModel = line && buildModel(line.text);
  const lineSnippets = line && lineModel && parses(lineModel)
    ? snippetsAt(lineModel, catalog, cursorAt(lineModel, catalog, line.at), line, new Set()) : undefined;
  if (lineSnippets && !keyReading) return { span: p.word, items: lineSnippets };
  const keySnippets = keyReading ? snippetsAt(probed, catalog, c, p, presentKeysAt(c), lineSnippets?.length) : [];
  return { span: p.word, items: [...itemsAt(probed, catalog, c, p), ...lineSnippets ?? [], ...keySnippets] };
}

function syntaxErrors(model: SpecModel): number {
  return model.yaml.diagnostics.filter((d) => d.code === 'yaml-syntax').length;
}

function presentKeysAt(c: Cursor): ReadonlySet<string> {
  return c.on === 'key' && c.map ? presentKeys(c.map, c) : new Set();
}

function itemsAt(model: SpecModel, catalog: AgentCatalog, c: Cursor, p: Probe): SpecCompletionItem[] {
  if (c.on === 'key' && c.mapExpect && c.map) {
    return keyCompletions(c.mapExpect, presentKeys(c.map, c), c.agent, { flow: isFlow(model, c.map), bare: p.keyHasColon, indent: indentationOf(model.text, model.yaml.root) });
  }
  if (c.on !== 'value' || !c.expect || c.node?.kind !== 'scalar') return [];
  const expect = c.expect;
  const wantsMap = asMapExpect(expect);
  if (p.kind === 'item' && wantsMap.kind === 'shape' && (wantsMap.shape.kind === 'map' || wantsMap.shape.kind === 'attributes')) {
    return keyCompletions(wantsMap, new Set(), c.agent, { flow: false, bare: false, indent: indentationOf(model.text, model.yaml.root) });
  }
  if (p.kind === 'key') return [];
  switch (expect.kind) {
    case 'attribute':
      return expect.def ? ruleValues(expect.def.value, describeAttribute(expect.set, expect.def)) : [];
    case 'param': {
      const param = expect.param;
      if (!param || !c.agent) return [];
      const doc = describeParam(param, c.agent);
      const values = param.type === 'select' ? param.options : param.type === 'boolean' ? ['true', 'false'] : [];
      const items: SpecCompletionItem[] = values.map((v) => ({ label: v, kind: 'enum', insertText: v, documentation: doc }));
      if (param.default !== undefined && param.default !== '' && !values.includes(param.default)) {
        items.push({ label: param.default, kind: 'value', insertText: param.default, detail: 'default', documentation: doc });
      }
      return items;
    }
    case 'shape':
      return shapeValues(model, catalog, c, expect.shape);
    default:
      return [];
  }
}

function shapeValues(model: SpecModel, catalog: AgentCatalog, c: Cursor, shape: Shape): SpecCompletionItem[] {
  switch (shape.kind) {
    case 'agent':
      return catalog.names().flatMap((name) => {
        const agent = catalog.get(name);
        return agent ? [{
          label: name, kind: 'agent' as const, insertText: name,
          detail: `${agent.shortdesc || 'agent'} (${agent.origin})`, documentation: describeAgent(agent),
        }] : [];
      });
    case 'ref':
      return shape.to === 'node' ? nodeIds(model, c) : resourceIds(model, c);
    case 'value':
      return ruleValues(shape.rule);
    default:
      return [];
  }
}

function resourceIds(model: SpecModel, c: Cursor): SpecCompletionItem[] {
  const here = c.node?.span;
  const taken = new Set<string>();
  if (c.path[0] === 'groups' && typeof c.path[1] === 'string') taken.add(c.path[1]);
  for (const pair of c.map?.pairs ?? []) {
    if (pair !== c.pair && pair.value.kind === 'scalar' && pair.value.value !== null) taken.add(pair.value.text);
  }
  const items: SpecCompletionItem[] = [];
  for (const decl of model.ids.values()) {
    if (taken.has(decl.id) || (here && decl.idSpan.start <= here.end && decl.idSpan.end >= here.start)) continue;
    items.push({
      label: decl.id, kind: 'reference', insertText: decl.id,
      detail: decl.kind === 'group' ? 'group' : `resource${decl.agentRef ? ` ${decl.agentRef.name}` : ''}`,
      documentation: describeId(model, decl),
    });
  }
  return items;
}

function nodeIds(model: SpecModel, c: Cursor): SpecCompletionItem[] {
  const here = c.node?.span;
  return model.nodes
    .filter((n) => !(here && n.idSpan.start <= here.end && n.idSpan.end >= here.start))
    .map((n) => ({ label: n.id, kind: 'node' as const, insertText: n.id, detail: 'node', documentation: describeNode(model, n) }));
}

/** The words a value rule accepts, where it accepts a short list of them. */
function ruleValues(rule: ValueRule, documentation?: string): SpecCompletionItem[] {
  const words = (values: readonly string[], deprecated = false): SpecCompletionItem[] =>
    values.map((v, i) => ({
      label: v, kind: 'enum' as const, insertText: v, documentation, deprecated,
      sortText: `${deprecated ? 1 : 0}${String(i).padStart(3, '0')}`,
    }));
  switch (rule.kind) {
    case 'enum': return [...words(rule.values ?? []), ...words(Object.keys(rule.deprecated ?? {}), true)];
    case 'boolean': return words(['true', 'false']);
    case 'score': return words(['INFINITY', '-INFINITY']);
    case 'integer': return rule.infinity ? words(['INFINITY']) : [];
    default: return [];
  }
}

/** Keys of the mapping other than the one being typed. */
function presentKeys(map: YMap, c: Cursor): Set<string> {
  return new Set(map.pairs.filter((p) => p !== c.pair).map((p) => p.key));
}

/** True when the mapping is written in flow style (`{ … }`). */
function isFlow(model: SpecModel, map: YMap): boolean {
  return model.text[map.span.start] === '{';
}
