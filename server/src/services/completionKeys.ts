/**
 * Key completions for one mapping: the format's fields, an attribute vocabulary, an
 * agent's parameters (required first, deprecated last) or its actions, minus the keys
 * the mapping already has. Inserts `key: ` in the form the place needs: a nested block
 * for a mapping or list value in block style, `key: ` in flow style, and just the name
 * when the key is already followed by a colon.
 */
import { AgentInfo } from '../agents/model';
import { ValueRule } from '../spec/attributes';
import { Indentation } from '../spec/edits';
import { Shape } from '../spec/schema';
import type { SpecCompletionItem } from './completion';
import { Expect } from './cursor';
import { actionTimings, describeAttribute, describeParam } from './describe';

export interface KeyStyle {
  /** The mapping is `{ … }`. */
  readonly flow: boolean;
  /** The key already has its colon: insert the name only. */
  readonly bare: boolean;
  /** The document's indentation, for a nested block (relative to the caret line). */
  readonly indent: Indentation;
}

/** Actions offered under `ops` when the agent is unknown. */
const STANDARD_ACTIONS = ['start', 'stop', 'monitor', 'promote', 'demote', 'notify', 'reload', 'migrate_to', 'migrate_from'];

/** The keys a mapping of kind `expect` may still take. */
export function keyCompletions(expect: Expect, present: ReadonlySet<string>, agent: AgentInfo | undefined, style: KeyStyle): SpecCompletionItem[] {
  if (expect.kind !== 'shape') return [];
  const shape = expect.shape;
  switch (shape.kind) {
    case 'map':
      return shape.fields.filter((f) => !present.has(f.name) && !f.conflictsWith?.some((k) => present.has(k))).map((f) => ({
        label: f.name, kind: 'field' as const, insertText: keyText(f.name, f.shape, style),
        detail: f.required ? 'required' : undefined, documentation: f.doc,
        sortText: `${f.required ? 0 : 1}${String(shape.fields.indexOf(f)).padStart(3, '0')}`,
        retrigger: !style.bare && hasChoices(f.shape),
      }));
    case 'attributes':
      return shape.set.attributes
        .filter((a) => !present.has(a.name) && !(a.alias && present.has(a.alias)))
        .map((a) => ({
          label: a.name, kind: 'property' as const, insertText: keyText(a.name, undefined, style),
          detail: shape.set.noun, documentation: describeAttribute(shape.set, a),
          retrigger: !style.bare && ruleHasChoices(a.value),
        }));
    case 'params':
      if (!agent) return [];
      return agent.parameters.filter((p) => !present.has(p.name)).map((p) => ({
        label: p.name, kind: 'field' as const, insertText: keyText(p.name, undefined, style),
        detail: [p.required ? 'required' : '', p.type, p.deprecated ? 'deprecated' : ''].filter(Boolean).join(' · '),
        documentation: describeParam(p, agent),
        sortText: `${p.deprecated ? 2 : p.required ? 0 : 1}${p.name}`,
        deprecated: p.deprecated,
        retrigger: !style.bare && (p.type === 'select' || p.type === 'boolean'),
      }));
    case 'ops':
      return actionNames(agent).filter((a) => !present.has(a)).map((name) => {
        const action = agent?.action(name);
        const timings = [
          action?.interval !== undefined ? `interval: ${action.interval}s` : '',
          action?.timeout !== undefined ? `timeout: ${action.timeout}s` : '',
        ].filter(Boolean).join(', ');
        const insertText = style.bare ? name : timings ? `${name}: { ${timings} }` : `${name}: { $0 }`;
        return {
          label: name, kind: 'action' as const, insertText, snippet: !style.bare && !timings,
          detail: action ? `advertised: ${actionTimings(action)}` : 'operation',
          documentation: agent && action ? `\`${agent.name}\` advertises ${actionTimings(action)} for ${name}.` : undefined,
        };
      });
    default:
      return [];
  }
}

function actionNames(agent: AgentInfo | undefined): string[] {
  if (!agent) return STANDARD_ACTIONS;
  return [...new Set(agent.actions.map((a) => a.name))].filter((n) => n !== 'meta-data');
}

/** `name: `, or a nested block in the document's indentation when the value is a mapping or a list. */
function keyText(name: string, shape: Shape | undefined, style: KeyStyle): string {
  if (style.bare) return name;
  if (style.flow || !shape) return `${name}: `;
  switch (shape.kind) {
    case 'map': case 'dict': case 'attributes': case 'params': case 'ops':
      return `${name}:\n${' '.repeat(style.indent.step)}`;
    case 'list':
      return `${name}:\n${' '.repeat(style.indent.seqIndent)}- `;
    default:
      return `${name}: `;
  }
}

function hasChoices(shape: Shape): boolean {
  return shape.kind === 'agent' || shape.kind === 'ref' || (shape.kind === 'value' && ruleHasChoices(shape.rule));
}

function ruleHasChoices(rule: ValueRule): boolean {
  return rule.kind === 'enum' || rule.kind === 'boolean' || rule.kind === 'score' || (rule.kind === 'integer' && rule.infinity === true);
}
