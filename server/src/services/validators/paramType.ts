/**
 * param-type: a parameter value that breaks the content type the agent declares:
 * integer (also nonnegative_integer and port), boolean (Pacemaker's true/false
 * words), select (one of the `<option>`s), and durations (second, timeout,
 * duration).
 *
 * The meta-data of real agents is not always right about types, and the agent is
 * what counts, so two exceptions keep the check from refusing what the agent takes:
 * a type the agent's own default breaks is not enforced (ping's integer `dampen`
 * defaults to `5s`; drbd's boolean `unfence_extra_args` holds mount-style options),
 * and a few values an agent documents beyond its type are allowed (Filesystem's
 * boolean `force_unmount` also takes `safe`).
 */
import { AgentParameter } from '../../agents/model';
import { paramValues, resourcesWithAgents } from '../../agents/specResources';
import { diag, SpecFix } from '../../spec/diagnostic';
import { replaceLiteral } from '../../spec/edits';
import { suggest } from '../../spec/suggest';
import { parseBoolean, parseDuration, parseInteger } from '../../spec/vocabulary';
import { Validator } from './types';

/** Values an agent accepts beyond its declared type, by `AGENT PARAMETER`. */
const ALSO_ACCEPTED = new Map<string, readonly string[]>([
  ['ocf:heartbeat:Filesystem force_unmount', ['safe']],
]);

/** What the type expects, for a message; undefined when the value fits or the type is not checked. */
function breaks(p: AgentParameter, value: string): string | undefined {
  switch (p.type) {
    case 'integer':
      return parseInteger(value) === undefined ? 'an integer' : undefined;
    case 'nonnegative_integer': {
      const n = parseInteger(value);
      return n === undefined || n < 0 ? 'an integer of 0 or more' : undefined;
    }
    case 'port': {
      const n = parseInteger(value);
      return n === undefined || n < 0 || n > 65535 ? 'a port number (0 to 65535)' : undefined;
    }
    case 'boolean':
      return parseBoolean(value) === undefined ? 'a boolean (true or false; also yes/no, on/off, 1/0)' : undefined;
    case 'select':
      return p.options.length > 0 && !p.options.includes(value) ? `one of ${p.options.join(', ')}` : undefined;
    case 'second':
    case 'timeout':
    case 'duration':
      return parseDuration(value) === undefined ? 'a duration such as 30s, 5min or PT1M' : undefined;
    default:
      return undefined;
  }
}

const enforcedCache = new WeakMap<AgentParameter, boolean>();

/** Whether the agent means its declared type: its own default, when set, fits it. */
function enforced(p: AgentParameter): boolean {
  let yes = enforcedCache.get(p);
  if (yes === undefined) {
    yes = p.default === undefined || p.default === '' || breaks(p, p.default) === undefined;
    enforcedCache.set(p, yes);
  }
  return yes;
}

export const paramType: Validator = {
  codes: ['param-type'],
  check({ model, catalog, report }) {
    for (const { resource, agent } of resourcesWithAgents(model.resources, catalog)) {
      for (const [name, { scalar, text }] of paramValues(resource)) {
        const p = agent.parameter(name);
        if (!p || text === '' || !enforced(p) || ALSO_ACCEPTED.get(`${agent.name} ${name}`)?.includes(text)) continue;
        const expected = breaks(p, text);
        if (expected === undefined) continue;
        const likely = p.type === 'select' ? suggest(text, p.options) : undefined;
        let message = `Parameter '${name}' of ${agent.name} takes ${expected}, not '${text}'`;
        message += likely ? `: did you mean '${likely}'?` : '.';
        if (p.deprecated) {
          message += ` It is deprecated${p.replacedWith.length ? `: use ${p.replacedWith.map((r) => `'${r}'`).join(' or ')} instead` : ''}.`;
        }
        const edit = likely ? replaceLiteral(model.text, scalar.span, text, likely) : undefined;
        const fixes: SpecFix[] = edit ? [{ title: `Change to '${likely}'`, edits: [edit], preferred: true }] : [];
        report(diag('param-type', scalar.span, message, fixes));
      }
    }
  },
};
