/**
 * The operations `pcs resource create` (pcs 0.10 and later) writes by itself from an
 * agent's meta-data, checked against pcs 0.11.5 (lib/cib/resource/agent.py and
 * operations.py): every action the agent advertises except meta-data, status and
 * validate-all (a fence agent: only monitor), plus a monitor when the agent has
 * none; each with the action's interval (none: 60s for monitor, 0s otherwise),
 * timeout, role and depth (as OCF_CHECK_LEVEL); a second operation of an action with
 * an interval already taken gets the next free second. An operation the user names
 * replaces every default of its action. Import leaves out what matches these, so a
 * spec says only what the admin typed.
 */
import { AgentInfo } from './model';

export interface DefaultOperation {
  readonly action: string;
  readonly intervalMs: number;
  readonly timeoutMs?: number;
  readonly role?: string;
  readonly checkLevel?: number;
}

const NOT_CREATED = new Set(['meta-data', 'status', 'validate-all']);

/** The operations pcs creates for a new resource of `agent` when the user names none. */
export function pcsDefaultOperations(agent: AgentInfo): DefaultOperation[] {
  const stonith = agent.name.startsWith('stonith:');
  const actions = agent.actions.filter((a) => (stonith ? a.name === 'monitor' : !NOT_CREATED.has(a.name)));
  if (!actions.some((a) => a.name === 'monitor')) actions.push({ name: 'monitor' });
  const taken = new Map<string, Set<number>>();
  return actions.map((a) => {
    const used = taken.get(a.name) ?? new Set<number>();
    taken.set(a.name, used);
    let seconds = a.interval !== undefined && a.interval > 0 ? a.interval : a.name === 'monitor' ? 60 : 0;
    while (used.has(seconds)) seconds += 1;
    used.add(seconds);
    return {
      action: a.name, intervalMs: seconds * 1000,
      ...(a.timeout !== undefined ? { timeoutMs: a.timeout * 1000 } : {}),
      ...(a.role ? { role: a.role } : {}),
      ...(a.depth !== undefined && a.depth !== 0 ? { checkLevel: a.depth } : {}),
    };
  });
}
