/**
 * Markdown descriptions of the things a spec names: agents, agent parameters,
 * attribute vocabularies, value rules, durations and ids. Hover shows them whole;
 * completion uses the same text as item documentation, so both say the same thing.
 */
import { AgentAction, AgentInfo, AgentParameter } from '../agents/model';
import { AttributeDef, AttributeSet, ValueRule } from '../spec/attributes';
import { LineIndex } from '../spec/lines';
import { GroupDecl, NodeDecl, ResourceDecl, SpecModel } from '../spec/model';
import { parseDuration } from '../spec/vocabulary';

/** Seconds for a person: `240 s`, `1.5 s`. */
export function secondsText(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(3))} s`;
}

/** `PT4M` → `240 s`; undefined when the text is not a duration. */
export function durationText(text: string): string | undefined {
  const ms = parseDuration(text);
  return ms === undefined ? undefined : secondsText(ms);
}

/** What values a rule accepts, in words. */
export function describeRule(rule: ValueRule): string {
  switch (rule.kind) {
    case 'boolean': return 'boolean (true/false; yes/no, on/off and 1/0 work too)';
    case 'duration': return 'duration (a number with an optional unit ms, s, m or h — no unit means seconds — or ISO 8601 such as PT4M)';
    case 'score': return 'score (an integer, INFINITY or -INFINITY)';
    case 'integer': {
      const bounds = [rule.min !== undefined ? `≥ ${rule.min}` : '', rule.max !== undefined ? `≤ ${rule.max}` : ''].filter(Boolean).join(', ');
      return `integer${bounds ? ` ${bounds}` : ''}${rule.infinity ? ', or INFINITY' : ''}`;
    }
    case 'enum': {
      const deprecated = Object.keys(rule.deprecated ?? {});
      return `one of ${(rule.values ?? []).map((v) => `\`${v}\``).join(', ')}`
        + (deprecated.length ? ` (deprecated: ${deprecated.map((d) => `\`${d}\` → \`${rule.deprecated?.[d]}\``).join(', ')})` : '');
    }
    default: return 'text';
  }
}

/** A meta attribute, operation option, clone option or cluster property. */
export function describeAttribute(set: AttributeSet, def: AttributeDef): string {
  const alias = def.alias ? `\n\nAlso known as \`${def.alias}\`.` : '';
  return `**${def.name}** — ${set.noun}\n\n${def.doc}\n\nValue: ${describeRule(def.value)}.${alias}`;
}

const DURATION_TYPES = new Set(['second', 'time', 'timeout', 'duration']);

/** True when an agent parameter's value is a duration. */
export function isDurationParam(param: AgentParameter): boolean {
  return DURATION_TYPES.has(param.type);
}

/** An agent parameter: descriptions, type, default and flags. */
export function describeParam(param: AgentParameter, agent: AgentInfo): string {
  const flags = [
    param.required ? 'required' : 'optional',
    param.unique ? 'unique (no two resources may share its value)' : '',
    param.uniqueGroup ? `unique together with the other parameters of group \`${param.uniqueGroup}\`` : '',
    param.reloadable ? 'reloadable without a restart' : '',
  ].filter(Boolean).join(' · ');
  const type = param.type === 'select' && param.options.length
    ? `select: ${param.options.map((o) => `\`${o}\``).join(', ')}` : param.type;
  const parts = [`**${param.name}** — parameter of \`${agent.name}\``];
  if (param.shortdesc) parts.push(`*${param.shortdesc}*`);
  if (param.longdesc && param.longdesc !== param.shortdesc) parts.push(param.longdesc);
  const facts = [`Type: ${type}`, flags];
  if (param.default !== undefined && param.default !== '') {
    const seconds = isDurationParam(param) ? durationText(param.default) : undefined;
    facts.push(`Default: \`${param.default}\`${seconds ? ` (${seconds})` : ''}`);
  }
  parts.push(facts.join('  \n'));
  if (param.deprecated) {
    const instead = param.replacedWith.length ? ` Use ${param.replacedWith.map((r) => `\`${r}\``).join(' or ')} instead.` : '';
    parts.push(`**Deprecated.**${instead}${param.deprecatedDesc ? ` ${param.deprecatedDesc}` : ''}`);
  }
  return parts.join('\n\n');
}

/** An action's advertised timings, e.g. `interval 15 s, timeout 30 s`. */
export function actionTimings(action: AgentAction): string {
  const t = [
    action.interval !== undefined ? `interval ${secondsText(action.interval * 1000)}` : '',
    action.timeout !== undefined ? `timeout ${secondsText(action.timeout * 1000)}` : '',
    action.role ? `role ${action.role}` : '',
    action.depth ? `depth ${action.depth}` : '',
  ].filter(Boolean);
  return t.length ? t.join(', ') : 'no timings';
}

/** An agent: what it is, where its meta-data came from, its required parameters and actions. */
export function describeAgent(agent: AgentInfo): string {
  const required = agent.parameters.filter((p) => p.required).map((p) => `\`${p.name}\``);
  const actions = agent.actions.map((a) => `${a.name}${a.timeout !== undefined || a.interval !== undefined ? ` (${actionTimings(a)})` : ''}`);
  const parts = [`**${agent.name}**${agent.shortdesc ? ` — ${agent.shortdesc}` : ''}`];
  if (agent.longdesc && agent.longdesc !== agent.shortdesc) parts.push(agent.longdesc);
  parts.push([
    `Meta-data from: ${agent.origin}${agent.version ? ` (version ${agent.version})` : ''}`,
    `Required parameters: ${required.length ? required.join(', ') : 'none'}`,
    actions.length ? `Actions: ${actions.join('; ')}` : '',
  ].filter(Boolean).join('  \n'));
  return parts.join('\n\n');
}

function lineOf(model: SpecModel, offset: number): number {
  return new LineIndex(model.text).positionAt(offset).line + 1;
}

/** A resource or group id: what it is and where it is declared. */
export function describeId(model: SpecModel, decl: ResourceDecl | GroupDecl): string {
  const where = `declared on line ${lineOf(model, decl.idSpan.start)}`;
  if (decl.kind === 'group') {
    const members = decl.members.map((m) => `\`${m.id}\``).join(', ');
    return `**${decl.id}** — group of ${members || 'no members'} (in start order), ${where}`;
  }
  const agent = decl.agentRef?.name ?? decl.agent?.text;
  const clone = decl.clone ? ` · ${decl.clone.key}` : '';
  return `**${decl.id}** — resource${agent ? ` \`${agent}\`` : ''}${clone}, ${where}`;
}

/** A node id: its address, SSH settings and where it is declared. */
export function describeNode(model: SpecModel, node: NodeDecl): string {
  const address = node.address?.value !== null && node.address ? ` at \`${node.address.text}\`` : '';
  return `**${node.id}** — cluster node${address}, declared on line ${lineOf(model, node.idSpan.start)}`;
}
