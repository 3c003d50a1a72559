/**
 * Hover: what the key or value under the cursor means. Keys show the format's help
 * (schema.ts, attributes.ts) or the agent's parameter description; values show
 * durations in seconds, agents with their description and origin, and ids with
 * what they name.
 */
import { AgentCatalog } from '../agents/model';
import { Span } from '../spec/diagnostic';
import { SpecModel } from '../spec/model';
import { YScalar } from '../spec/yamlTree';
import { Cursor, cursorAt, Expect, KeySlot } from './cursor';
import {
  actionTimings, describeAgent, describeAttribute, describeId, describeNode, describeParam, describeRule,
  durationText, isDurationParam,
} from './describe';

export interface SpecHover {
  readonly markdown: string;
  readonly span: Span;
}

/** The hover at `offset`, or undefined where there is nothing to say. */
export function hover(model: SpecModel, catalog: AgentCatalog, offset: number): SpecHover | undefined {
  const c = cursorAt(model, catalog, offset);
  if (c.on === 'key' && c.pair && c.slot) {
    const markdown = keyHover(model, c, c.slot);
    return markdown === undefined ? undefined : { markdown, span: c.pair.keySpan };
  }
  if (c.on === 'value' && c.node?.kind === 'scalar' && c.node.value !== null && c.expect) {
    const markdown = valueHover(model, catalog, c, c.node, c.expect);
    return markdown === undefined ? undefined : { markdown, span: c.node.span };
  }
  return undefined;
}

function keyHover(model: SpecModel, c: Cursor, slot: KeySlot): string | undefined {
  switch (slot.kind) {
    case 'field':
      return `**${slot.field.name}**${slot.field.required ? ' (required)' : ''}\n\n${slot.field.doc}`;
    case 'attribute':
      return slot.def ? describeAttribute(slot.set, slot.def) : `Not a known ${slot.set.noun}.`;
    case 'param':
      if (slot.param && c.agent) return describeParam(slot.param, c.agent);
      return c.agent ? `\`${c.agent.name}\` has no parameter \`${c.pair?.key}\`.` : undefined;
    case 'action': {
      const name = c.pair?.key ?? '';
      if (!c.agent) return `**${name}** — operation`;
      return slot.action
        ? `**${name}** — operation of \`${c.agent.name}\`; the agent advertises ${actionTimings(slot.action)}.`
        : `**${name}** — \`${c.agent.name}\` does not advertise this action.`;
    }
    case 'id': {
      const key = c.pair?.key ?? '';
      if (slot.idKind === 'node') {
        const node = model.nodeIds.get(key);
        return node ? describeNode(model, node) : undefined;
      }
      const decl = model.ids.get(key);
      return decl ? describeId(model, decl) : undefined;
    }
    case 'extension':
      return `**${c.pair?.key}** — an \`x-\` key: yours, never checked (a place for YAML anchors).`;
    default:
      return undefined;
  }
}

function valueHover(model: SpecModel, catalog: AgentCatalog, c: Cursor, node: YScalar, expect: Expect): string | undefined {
  const text = node.text;
  switch (expect.kind) {
    case 'attribute': {
      if (!expect.def) return undefined;
      const seconds = expect.def.value.kind === 'duration' ? durationText(text) : undefined;
      const head = seconds ? `\`${text}\` = **${seconds}**\n\n` : '';
      const advertised = expect.set.id === 'op' && c.pair?.key === 'timeout' ? advertisedTimeout(c) : '';
      return `${head}${describeAttribute(expect.set, expect.def)}${advertised}`;
    }
    case 'param': {
      if (!expect.param || !c.agent) return undefined;
      const seconds = isDurationParam(expect.param) ? durationText(text) : undefined;
      return `${seconds ? `\`${text}\` = **${seconds}**\n\n` : ''}${describeParam(expect.param, c.agent)}`;
    }
    case 'shape':
      break;
    default:
      return undefined;
  }
  const shape = expect.shape;
  if (shape.kind === 'agent') {
    const agent = catalog.get(text);
    return agent ? describeAgent(agent) : `**${text}** — no meta-data is known for this agent, so its parameters go unchecked.`;
  }
  if (shape.kind === 'ref') {
    if (shape.to === 'node') {
      const n = model.nodeIds.get(text);
      return n ? describeNode(model, n) : `No node \`${text}\` in this spec.`;
    }
    const decl = model.ids.get(text);
    return decl ? describeId(model, decl) : `No resource or group \`${text}\` in this spec.`;
  }
  if (shape.kind === 'value' && expect.field) {
    return `**${expect.field.name}**: ${describeRule(shape.rule)}\n\n${expect.field.doc}`;
  }
  return undefined;
}

/** For an operation's timeout: what the agent advertises for that action. */
function advertisedTimeout(c: Cursor): string {
  const action = c.path[0] === 'resources' && c.path[2] === 'ops' ? c.path[3] : undefined;
  const info = typeof action === 'string' ? c.agent?.action(action) : undefined;
  return info?.timeout !== undefined ? `\n\n\`${c.agent?.name}\` advertises ${info.timeout} s for ${action}.` : '';
}
