/**
 * unknown-op: an operation the resource's agent does not advertise in its meta-data
 * (pcs refuses those unless forced). `monitor` is always allowed: Pacemaker can
 * monitor any resource and pcs adds a monitor even to agents that do not list one.
 */
import { resourcesWithAgents } from '../../agents/specResources';
import { diag, SpecFix } from '../../spec/diagnostic';
import { replaceLiteral } from '../../spec/edits';
import { suggest } from '../../spec/suggest';
import { Validator } from './types';

/** Operations every resource has, whatever its agent advertises. */
const ALWAYS = ['monitor'];

export const unknownOp: Validator = {
  codes: ['unknown-op'],
  check({ model, catalog, report }) {
    for (const { resource, agent } of resourcesWithAgents(model.resources, catalog)) {
      for (const pair of resource.ops?.pairs ?? []) {
        if (agent.action(pair.key) || ALWAYS.includes(pair.key)) continue;
        const advertised = [...new Set([...agent.actions.map((a) => a.name), ...ALWAYS])];
        const likely = suggest(pair.key, advertised.filter((a) => !resource.ops?.get(a)));
        const message = `Operation '${pair.key}' is not one ${agent.name} advertises`
          + (likely ? `: did you mean '${likely}'?` : `; it has ${advertised.join(', ')}.`);
        const edit = likely && !pair.merged ? replaceLiteral(model.text, pair.keySpan, pair.key, likely) : undefined;
        const fixes: SpecFix[] = edit ? [{ title: `Rename to '${likely}'`, edits: [edit], preferred: true }] : [];
        report(diag('unknown-op', pair.keySpan, message, fixes));
      }
    }
  },
};
