/**
 * op-timeout-short: an operation whose timeout is below the one the agent advertises
 * for that action (for a monitor with a role, the monitor advertised for that role).
 * The timeout is the one Pacemaker would use: the operation's own, else the
 * `op-defaults` timeout, else Pacemaker's default of 20 s. (pcs fills in the agent's
 * timeouts only for operations it adds itself, never for ones a user writes, so an
 * operation written without a timeout really runs with 20 s.) Disabled operations
 * never run and are not checked. Compared in milliseconds. A missing timeout is
 * reported at the action key, or, for one operation of a list, at that operation.
 * While the op-defaults timeout does not parse (bad-duration), operations without
 * their own timeout are not judged.
 */
import { AgentAction, AgentInfo } from '../../agents/model';
import { resourcesWithAgents } from '../../agents/specResources';
import { diag, SpecFix, Span, TextEdit } from '../../spec/diagnostic';
import { addToMapping, fillEmptyKey, replaceLiteral } from '../../spec/edits';
import { scalarText } from '../../spec/model';
import { formatSeconds, normalRole, parseBoolean, parseDuration } from '../../spec/vocabulary';
import { YMap, YNode, YPair } from '../../spec/yamlTree';
import { Validator } from './types';

/** Pacemaker's operation timeout when neither the operation nor op-defaults set one. */
export const PACEMAKER_DEFAULT_TIMEOUT_MS = 20_000;

/** A role to compare by: Master and Promoted alike, any case; a word that is no role as itself. */
const roleKey = (role: string | undefined): string | undefined =>
  role === undefined ? undefined : (normalRole(role) ?? role).toLowerCase();

/** The advertised action an operation is measured against. */
function advertised(agent: AgentInfo, name: string, role: string | undefined): AgentAction | undefined {
  const same = agent.actions.filter((a) => a.name === name);
  const wanted = roleKey(role);
  return same.find((a) => roleKey(a.role) === wanted) ?? same.find((a) => a.role === undefined) ?? same[0];
}

/** One operation under an action key; `item` is its 1-based place when the action holds a list. */
interface Operation {
  readonly map: YMap | undefined;
  readonly item?: number;
}

/** The operations under one action key: a mapping, a list of mappings, or an empty value. */
function operationsOf(value: YNode): Operation[] {
  if (value.kind === 'map') return [{ map: value }];
  if (value.kind === 'seq') return value.items.flatMap((i, n) => (i.kind === 'map' ? [{ map: i, item: n + 1 }] : []));
  return value.value === null ? [{ map: undefined }] : [];
}

/** The first line of a span: where a finding about a list item without a key points. */
function firstLine(text: string, span: Span): Span {
  const nl = text.indexOf('\n', span.start);
  return { start: span.start, end: nl < 0 || nl > span.end ? span.end : nl };
}

function addTimeout(text: string, pair: YPair, op: YMap | undefined, seconds: number): TextEdit | undefined {
  const entry = [{ key: 'timeout', value: `${seconds}s` }];
  if (op) return pair.merged ? undefined : addToMapping(text, op, entry);
  return fillEmptyKey(text, pair, entry);
}

export const opTimeoutShort: Validator = {
  codes: ['op-timeout-short'],
  check({ model, catalog, report }) {
    const defaultsText = scalarText(model.opDefaults?.get('timeout')?.value);
    const defaultsMs = defaultsText === undefined ? undefined : parseDuration(defaultsText);
    // An op-defaults timeout that does not parse is bad-duration's finding; what it
    // would mean for each operation without its own timeout is not guessed at.
    const defaultsUnreadable = defaultsText !== undefined && defaultsMs === undefined;
    for (const { resource, agent } of resourcesWithAgents(model.resources, catalog)) {
      for (const pair of resource.ops?.pairs ?? []) {
        for (const { map: op, item } of operationsOf(pair.value)) {
          const enabled = scalarText(op?.get('enabled')?.value);
          if (enabled !== undefined && parseBoolean(enabled) === false) continue;
          const role = scalarText(op?.get('role')?.value);
          const action = advertised(agent, pair.key, role);
          if (action?.timeout === undefined) continue;
          const wantMs = action.timeout * 1000;
          const want = formatSeconds(wantMs);
          const which = item === undefined ? '' : ` #${item}${role === undefined ? '' : ` (role ${role})`}`;
          const what = `the ${pair.key} operation${which} of '${resource.id}'`;
          const own = op?.get('timeout')?.value;
          const ownText = scalarText(own);
          if (own && ownText !== undefined) {
            const ms = parseDuration(ownText);
            if (ms === undefined || ms >= wantMs) continue;
            const edit = replaceLiteral(model.text, own.span, ownText, want);
            const fixes: SpecFix[] = edit ? [{ title: `Set timeout to ${want}`, edits: [edit], preferred: true }] : [];
            report(diag('op-timeout-short', own.span,
              `Timeout ${ownText} of ${what} is below the ${want} that ${agent.name} advertises for ${pair.key}: set it to at least ${want}.`, fixes));
            continue;
          }
          const ms = defaultsMs ?? PACEMAKER_DEFAULT_TIMEOUT_MS;
          if (defaultsUnreadable || ms >= wantMs) continue;
          const source = defaultsMs !== undefined ? `the op-defaults timeout of ${formatSeconds(ms)}` : `Pacemaker's default of ${formatSeconds(ms)}`;
          const edit = addTimeout(model.text, pair, op, action.timeout);
          const fixes: SpecFix[] = edit ? [{ title: `Add timeout: ${want}`, edits: [edit], preferred: true }] : [];
          const at = op && item !== undefined && !pair.merged ? firstLine(model.text, op.span) : pair.keySpan;
          report(diag('op-timeout-short', at,
            `${what[0].toUpperCase()}${what.slice(1)} has no timeout, so it gets ${source}, below the ${want} that ${agent.name} advertises: add timeout: ${want}.`, fixes));
        }
      }
    }
  },
};
