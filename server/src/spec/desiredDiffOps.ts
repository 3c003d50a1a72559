/**
 * Operations of a resource compared as the contract says: only the operations and
 * keys the spec has, so those pcs made from the agent's meta-data (and their ids)
 * are never a difference. A spec operation stands for the live one of its action and
 * role (no role is Started), the one with its interval where the spec gives one.
 */
import type { DesiredOperation, DesiredResource } from './desired';
import { changed, Difference, DiffSubject, sameValue } from './desiredDiffValues';

function roleOf(op: DesiredOperation): string {
  return op.role?.value ?? op.role?.text ?? 'Started';
}

/** The live operation each spec operation stands for, by the spec's index; undefined where there is none. */
export function matchOperations(spec: readonly DesiredOperation[], live: readonly DesiredOperation[]): (DesiredOperation | undefined)[] {
  const used = new Set<DesiredOperation>();
  const take = (s: DesiredOperation, exact: boolean): DesiredOperation | undefined => {
    const l = live.find((o) => !used.has(o) && o.action === s.action && roleOf(o) === roleOf(s) && (!exact || sameValue(o.interval, s.interval)));
    if (l) used.add(l);
    return l;
  };
  const matched = spec.map((s) => (s.interval ? take(s, true) : undefined));
  return matched.map((m, i) => m ?? take(spec[i], false));
}

/** `resources.R.ops.monitor`, or `resources.R.ops.monitor[1]` when the spec lists several of the action. */
export function operationPath(resource: DesiredResource, index: number): string {
  const op = resource.ops[index];
  const same = resource.ops.filter((o) => o.action === op.action);
  const base = `resources.${resource.id}.ops.${op.action}`;
  return same.length > 1 ? `${base}[${same.indexOf(op)}]` : base;
}

/** An operation's options as pcs takes them: `interval=15s timeout=30s`. */
export function operationWords(op: DesiredOperation): string[] {
  return [
    ...(op.interval ? [`interval=${op.interval.text}`] : []),
    ...(op.timeout ? [`timeout=${op.timeout.text}`] : []),
    ...(op.role ? [`role=${op.role.text}`] : []),
    ...op.options.filter((o) => o.text !== '').map((o) => `${o.name}=${o.text}`),
  ];
}

export function diffOperations(spec: DesiredResource, live: DesiredResource): Difference[] {
  const out: Difference[] = [];
  const matched = matchOperations(spec.ops, live.ops);
  spec.ops.forEach((s, i) => {
    const path = operationPath(spec, i);
    const subject = (key?: string): DiffSubject => ({ kind: 'resource', id: spec.id, part: { kind: 'op', op: i, ...(key ? { key } : {}) } });
    const l = matched[i];
    if (l === undefined) {
      out.push({ kind: 'change', path, live: null, spec: operationWords(s).join(' ') || s.action, ...(s.span ? { span: s.span } : {}), subject: subject() });
      return;
    }
    const keys = [
      ...(s.interval ? [['interval', s.interval, l.interval] as const] : []),
      ...(s.timeout ? [['timeout', s.timeout, l.timeout] as const] : []),
      ...(s.role ? [['role', s.role, l.role] as const] : []),
      ...s.options.filter((o) => o.text !== '').map((o) => [o.name, o, l.options.find((x) => x.name === o.name)] as const),
    ];
    for (const [key, want, have] of keys) {
      if (!sameValue(want, have)) out.push(changed(`${path}.${key}`, subject(key), have, want));
    }
  });
  return out;
}
