/**
 * Structural snippets in completion, offered only where the format tables say they
 * fit, as yaml-language-server offers a JSON Schema's `defaultSnippets`: a whole spec
 * at the top of an empty document, a node under `nodes:`, resources under
 * `resources:`, a group under `groups:`, the constraint lists under `constraints:`
 * and a constraint as an item of its list, operations under `ops:`, meta attributes
 * under `meta:` and `resource-defaults:`, properties under `properties:`. Nowhere
 * else: not in `params`, not in a flow mapping, not on a key that is already written.
 * Each is written in the document's indentation and sorts after the keys and values.
 */
import { AgentCatalog } from '../agents/model';
import { CLUSTER_PROPERTIES, META_ATTRIBUTES } from '../spec/attributes';
import { indentationOf } from '../spec/edits';
import { SpecModel } from '../spec/model';
import { CONSTRAINT_FIELDS, TOP_FIELDS } from '../spec/schema';
import type { SpecCompletionItem } from './completion';
import { Probe } from './completionProbe';
import { Cursor, Expect, itemOf } from './cursor';
import {
  clusterSnippet, constraintListSnippets, constraintSnippet, groupSnippet, metaSnippet, nodeSnippet, operationsSnippet, propertiesSnippet,
} from './snippetBodies';
import { resourceSnippets, SpecIds } from './snippetResources';
import { renderSnippet, SnippetDef } from './snippetText';

/** Sorts after keys and values, whose sort texts and labels start with a digit or a letter. */
const SORT_PREFIX = '~';

/**
 * The snippets that fit at the caret. `present` holds the keys of the caret's mapping
 * other than the one being typed; `first` is where their sort order starts, after
 * snippets already offered for another reading of the same line.
 */
export function snippetsAt(model: SpecModel, catalog: AgentCatalog, c: Cursor, p: Probe, present: ReadonlySet<string>,
  first = 0): SpecCompletionItem[] {
  const defs = snippetDefs(model, catalog, c, p, present);
  if (defs.length === 0) return [];
  const ind = indentationOf(model.text, model.yaml.root);
  return defs.map((d, i) => {
    const r = renderSnippet(d.body, ind);
    return {
      label: d.label, kind: 'snippet', insertText: r.snippet, snippet: true, detail: d.detail,
      documentation: `\`\`\`yaml\n${r.plain}\n\`\`\``,
      sortText: `${SORT_PREFIX}${String(first + i).padStart(2, '0')}`,
      filterText: `${d.label} ${d.filter}`,
    };
  });
}

function snippetDefs(model: SpecModel, catalog: AgentCatalog, c: Cursor, p: Probe, present: ReadonlySet<string>): SnippetDef[] {
  const ids = (): SpecIds => specIds(model, c);
  const last = c.path[c.path.length - 1];
  if (c.on === 'value' && c.node?.kind === 'scalar' && typeof last === 'number' && c.expect) {
    // A list item: after `- `, in `[ … ]`, or on a new line of a block list where `- ` is still to be typed.
    if (p.kind !== 'item' && p.kind !== 'flow' && p.kind !== 'line') return [];
    const s = itemSnippet(c.expect, ids());
    return s ? [p.kind === 'line' ? dashed(s) : s] : [];
  }
  if (c.on !== 'key' || p.kind !== 'key' || p.keyHasColon || !c.map || c.mapExpect?.kind !== 'shape') return [];
  if (model.text[c.map.span.start] === '{') return [];
  const shape = c.mapExpect.shape;
  switch (shape.kind) {
    case 'map':
      if (shape.fields === TOP_FIELDS) return present.size === 0 && c.path.length === 1 ? some(clusterSnippet(catalog)) : [];
      return shape.fields === CONSTRAINT_FIELDS ? constraintListSnippets(present, ids()) : [];
    case 'dict':
      if (shape.keyKind === 'node') return [nodeSnippet(ids())];
      return shape.keyKind === 'resource' ? resourceSnippets(catalog, ids()) : [groupSnippet(ids())];
    case 'list': {
      // The first line under an empty list's key, read as a key: an item goes there, with its `- `.
      const s = itemSnippet(itemOf(c.mapExpect), ids());
      return s ? [dashed(s)] : [];
    }
    case 'attributes':
      if (shape.set === META_ATTRIBUTES) return some(metaSnippet(present));
      return shape.set === CLUSTER_PROPERTIES ? some(propertiesSnippet(present)) : [];
    case 'ops':
      return some(operationsSnippet(c.agent, present));
    default:
      return [];
  }
}

/** The snippet for an item of a list of `expect`: a constraint, for the constraint lists. */
function itemSnippet(expect: Expect, ids: SpecIds): SnippetDef | undefined {
  return expect.kind === 'shape' && expect.shape.kind === 'map' ? constraintSnippet(expect.shape.fields, ids) : undefined;
}

/** The item as a new line of a block list: `- { … }`. */
function dashed(d: SnippetDef): SnippetDef {
  return d.body.kind === 'inline' ? { ...d, body: { kind: 'items', items: [d.body.value] } } : d;
}

function some(d: SnippetDef | undefined): SnippetDef[] {
  return d ? [d] : [];
}

/** The ids of the spec, without the key being typed (which the probe made a placeholder entry). */
function specIds(model: SpecModel, c: Cursor): SpecIds {
  const typed = c.on === 'key' ? c.pair : undefined;
  const resources = model.resources.filter((r) => r.pair !== typed);
  const groups = model.groups.filter((g) => g.pair !== typed);
  const nodes = model.nodes.filter((n) => n.pair !== typed);
  const grouped = new Set(groups.flatMap((g) => g.members.map((m) => m.id)));
  const unique = (ids: string[]): string[] => [...new Set(ids)];
  const address = nodes[nodes.length - 1]?.address;
  return {
    resources: unique([...resources, ...groups].map((d) => d.id)),
    ungrouped: unique(resources.map((r) => r.id).filter((id) => !grouped.has(id))),
    nodes: unique(nodes.map((n) => n.id)),
    lastAddress: address && address.value !== null ? address.text : undefined,
  };
}
