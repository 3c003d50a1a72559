/**
 * unique-param: two resources of the same agent share the value of a parameter the
 * agent marks unique, or the values of a whole OCF 1.1 unique group. As pcs does,
 * only values written in the spec count (defaults are per resource), and a resource
 * that sets none of a group's parameters is not compared. A parameter marked
 * `unique="1"` is a group of its own, whatever the OCF version. Reported on the later
 * resource's value; one pass with a hash map, so it stays linear.
 */
import { AgentInfo } from '../../agents/model';
import { paramValues, resourcesWithAgents } from '../../agents/specResources';
import { diag } from '../../spec/diagnostic';
import { Validator } from './types';

interface UniqueGroup {
  /** The unique-group name, or undefined for a single `unique="1"` parameter. */
  readonly name?: string;
  readonly params: readonly string[];
}

function groupsOf(agent: AgentInfo): UniqueGroup[] {
  const groups: UniqueGroup[] = [];
  const named = new Map<string, string[]>();
  for (const p of agent.parameters) {
    if (p.unique) groups.push({ params: [p.name] });
    if (p.uniqueGroup === undefined) continue;
    const members = named.get(p.uniqueGroup);
    if (members) members.push(p.name);
    else named.set(p.uniqueGroup, [p.name]);
  }
  for (const [name, params] of named) {
    if (!(params.length === 1 && agent.parameter(params[0])?.unique)) groups.push({ name, params });
  }
  return groups;
}

export const uniqueParam: Validator = {
  codes: ['unique-param'],
  check({ model, catalog, report }) {
    const groupCache = new Map<string, UniqueGroup[]>();
    const firstUser = new Map<string, string>();
    for (const { resource, agent } of resourcesWithAgents(model.resources, catalog)) {
      let groups = groupCache.get(agent.name);
      if (!groups) groupCache.set(agent.name, (groups = groupsOf(agent)));
      if (groups.length === 0) continue;
      const values = paramValues(resource);
      for (const [i, group] of groups.entries()) {
        const texts = group.params.map((n) => values.get(n)?.text ?? '');
        if (texts.every((t) => t === '')) continue;
        const key = `${agent.name}\0${i}\0${texts.join('\0')}`;
        const first = firstUser.get(key);
        if (first === undefined) {
          firstUser.set(key, resource.id);
          continue;
        }
        const at = group.params.map((n) => values.get(n)).find((v) => v !== undefined && v.text !== '');
        if (!at) continue;
        const message = group.name === undefined
          ? `Resource '${resource.id}' has ${group.params[0]} '${texts[0]}', as resource '${first}' does: `
            + `${agent.name} requires each resource to have its own ${group.params[0]}. Change one of them.`
          : `Resource '${resource.id}' has the same ${group.params.join(', ')} as resource '${first}' `
            + `(${texts.map((t) => `'${t}'`).join(', ')}): ${agent.name} requires the unique group '${group.name}' `
            + 'to differ between resources. Change one of them.';
        report(diag('unique-param', at.scalar.span, message));
      }
    }
  },
};
