/**
 * missing-param: a parameter the agent requires is absent, or set to nothing. As in
 * pcs, a deprecated parameter is never required, and a required parameter that
 * replaced older ones (OCF 1.1 `replaced-with`, OCF 1.0 `obsoletes`) is satisfied by
 * any of them. The range is the resource's `params` key, or its id when it has no
 * `params`; the quick fixes add the missing parameters in the document's style.
 * `params` written as a list or a single value is type-mismatch's finding alone.
 */
import { AgentInfo, AgentParameter } from '../../agents/model';
import { paramValues, resourcesWithAgents } from '../../agents/specResources';
import { diag, SpecFix, TextEdit } from '../../spec/diagnostic';
import { addKeyWithMapping, addToMapping, Entry, fillEmptyKey } from '../../spec/edits';
import { ResourceDecl } from '../../spec/model';
import { Validator } from './types';

const replacedCache = new WeakMap<AgentInfo, ReadonlyMap<string, ReadonlySet<string>>>();

/** For each parameter, the older parameters it replaces, followed transitively. */
function replacedBy(agent: AgentInfo): ReadonlyMap<string, ReadonlySet<string>> {
  const cached = replacedCache.get(agent);
  if (cached) return cached;
  const olds = new Map<string, Set<string>>();
  for (const p of agent.parameters) {
    for (const successor of p.replacedWith) {
      const set = olds.get(successor) ?? new Set<string>();
      set.add(p.name);
      olds.set(successor, set);
    }
  }
  const closure = new Map<string, Set<string>>();
  for (const p of agent.parameters) {
    const found = new Set<string>();
    const todo = [...(olds.get(p.name) ?? [])];
    for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
      if (found.has(name) || name === p.name) continue;
      found.add(name);
      todo.push(...(olds.get(name) ?? []));
    }
    closure.set(p.name, found);
  }
  replacedCache.set(agent, closure);
  return closure;
}

function addEdit(text: string, resource: ResourceDecl, entries: readonly Entry[]): TextEdit | undefined {
  const paramsPair = resource.map?.get('params');
  if (resource.params) return paramsPair?.merged ? undefined : addToMapping(text, resource.params, entries);
  if (paramsPair) return fillEmptyKey(text, paramsPair, entries);
  return resource.map ? addKeyWithMapping(text, resource.map, 'params', entries) : undefined;
}

/** `params` written as something other than a mapping: type-mismatch reports that, and nothing in it can be read. */
function paramsNotAMapping(resource: ResourceDecl): boolean {
  const value = resource.map?.get('params')?.value;
  return value !== undefined && value.kind !== 'map' && !(value.kind === 'scalar' && value.value === null);
}

function entryOf(p: AgentParameter): Entry {
  return { key: p.name, value: p.default ?? '' };
}

export const missingParam: Validator = {
  codes: ['missing-param'],
  check({ model, catalog, report }) {
    for (const { resource, agent } of resourcesWithAgents(model.resources, catalog)) {
      if (paramsNotAMapping(resource)) continue;
      const values = paramValues(resource);
      const isSet = (name: string): boolean => resource.params?.get(name) !== undefined;
      const missing: AgentParameter[] = [];
      for (const p of agent.parameters) {
        if (!p.required || p.deprecated) continue;
        const value = values.get(p.name);
        if (value && value.text === '') {
          report(diag('missing-param', value.pair.keySpan,
            `Parameter '${p.name}' of ${agent.name} is empty, but the agent requires a value: give it one.`));
          continue;
        }
        if (isSet(p.name) || [...(replacedBy(agent).get(p.name) ?? [])].some(isSet)) continue;
        missing.push(p);
      }
      if (missing.length === 0) continue;
      const paramsPair = resource.map?.get('params');
      const span = paramsPair ? paramsPair.keySpan : resource.idSpan;
      const all = addEdit(model.text, resource, missing.map(entryOf));
      for (const p of missing) {
        const fixes: SpecFix[] = [];
        const one = addEdit(model.text, resource, [entryOf(p)]);
        if (one) fixes.push({ title: `Add required parameter '${p.name}'`, edits: [one], preferred: missing.length === 1 });
        if (all && missing.length > 1) {
          fixes.push({ title: `Add all ${missing.length} missing required parameters`, edits: [all], preferred: true });
        }
        const where = paramsPair ? 'add it under params' : 'add it under a params key';
        report(diag('missing-param', span,
          `Resource '${resource.id}' lacks the parameter '${p.name}' that ${agent.name} requires: ${where}.`, fixes));
      }
    }
  },
};
