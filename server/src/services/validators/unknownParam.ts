/**
 * unknown-param: a parameter the resource's agent does not have (pcs refuses it too).
 * `trace_ra` and `trace_file` are always allowed for `ocf:heartbeat:*` and
 * `ocf:pacemaker:*`, as pcs allows them. A near miss gets a did-you-mean and a quick
 * fix that renames the key where it is written (never to a parameter already set).
 */
import { implicitParams } from '../../agents/catalog';
import { resourcesWithAgents } from '../../agents/specResources';
import { diag, SpecFix } from '../../spec/diagnostic';
import { replaceLiteral } from '../../spec/edits';
import { suggest } from '../../spec/suggest';
import { Validator } from './types';

const LISTED = 12;

function listOf(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown}, …` : shown;
}

export const unknownParam: Validator = {
  codes: ['unknown-param'],
  check({ model, catalog, report }) {
    for (const { resource, agent } of resourcesWithAgents(model.resources, catalog)) {
      const pairs = resource.params?.pairs ?? [];
      if (pairs.length === 0) continue;
      const extra = implicitParams(agent.name);
      for (const pair of pairs) {
        if (agent.parameter(pair.key) || extra.includes(pair.key)) continue;
        const unused = [...agent.parameters.map((p) => p.name), ...extra].filter((n) => !resource.params?.get(n));
        const likely = suggest(pair.key, unused);
        let message = `Unknown parameter '${pair.key}' for ${agent.name}: `;
        if (likely) message += `did you mean '${likely}'?`;
        else if (agent.parameters.length === 0) message += 'the agent takes no parameters; remove it.';
        else message += `remove it, or use one of its parameters: ${listOf(agent.parameters.map((p) => p.name))}.`;
        const edit = likely && !pair.merged ? replaceLiteral(model.text, pair.keySpan, pair.key, likely) : undefined;
        const fixes: SpecFix[] = edit ? [{ title: `Rename to '${likely}'`, edits: [edit], preferred: true }] : [];
        report(diag('unknown-param', pair.keySpan, message, fixes));
      }
    }
  },
};
