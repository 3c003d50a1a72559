/**
 * How two descriptions of one agent differ where the checks would notice: the
 * parameters (present, required, type, default, unique) and the actions (present,
 * timeout, interval). fetch-metadata says so when the nodes' Stash agent is not the
 * one bundled with stash-ha; descriptions and version strings do not count.
 */
import { AgentAction, AgentInfo, AgentParameter } from './model';

function param(p: AgentParameter): string {
  return `${p.required ? 'required' : 'optional'} ${p.type}${p.unique ? ' unique' : ''}${p.default !== undefined ? ` default ${JSON.stringify(p.default)}` : ''}`;
}

function action(a: AgentAction): string {
  return [a.timeout !== undefined ? `timeout ${a.timeout}s` : 'no timeout', ...(a.interval !== undefined ? [`interval ${a.interval}s`] : []), ...(a.role ? [`role ${a.role}`] : [])].join(', ');
}

/** Each difference of `theirs` from `ours` as a short sentence; empty when the checks cannot tell them apart. */
export function agentDifferences(ours: AgentInfo, theirs: AgentInfo): string[] {
  const out: string[] = [];
  for (const p of ours.parameters) {
    const t = theirs.parameter(p.name);
    if (t === undefined) out.push(`parameter ${p.name} is missing`);
    else if (param(t) !== param(p)) out.push(`parameter ${p.name} is ${param(t)}, not ${param(p)}`);
  }
  for (const t of theirs.parameters) if (ours.parameter(t.name) === undefined) out.push(`parameter ${t.name} is extra`);
  const key = (a: AgentAction) => `${a.name}${a.role ? `/${a.role}` : ''}`;
  for (const a of ours.actions) {
    const t = theirs.actions.find((x) => key(x) === key(a));
    if (t === undefined) out.push(`action ${key(a)} is missing`);
    else if (action(t) !== action(a)) out.push(`action ${key(a)} has ${action(t)}, not ${action(a)}`);
  }
  for (const t of theirs.actions) if (!ours.actions.some((a) => key(a) === key(t))) out.push(`action ${key(t)} is extra`);
  return out;
}
