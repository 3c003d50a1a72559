/**
 * The argv of each pcs command that builds or changes configuration (resources,
 * operations, meta attributes, clones, groups, constraints, properties, defaults),
 * by pcs version: 0.10 renamed master to promotable, added `defaults update` and
 * `constraint delete`; 0.11 speaks Promoted/Unpromoted where 0.10 and 0.9 say
 * master/slave (and Pacemaker before 2.1 knows only those). Values go to pcs the way
 * the spec wrote them, except what pcs reads otherwise: role words in the release's
 * names, operation durations in a form pcs validates. Every name and value is one
 * argv word; nothing here is a shell string.
 */
import {
  DesiredAttribute, DesiredColocation, DesiredLocation, DesiredOperation, DesiredOrder, DesiredResource, formatScore, legacyRoleName,
  operationWords, parseScore, Role,
} from '../../../server/src';
import { PcsProfile, pcsProfile } from './pcsProfile';

/** What differs between pcs releases in the commands the plan uses: the version profile (pcsProfile.ts). */
export type PcsSyntax = PcsProfile;

export function pcsSyntax(version: string): PcsSyntax {
  return pcsProfile(version);
}

/** A role as this pcs writes it: `Promoted` on 0.11, `Master` before. */
export function roleWord(syntax: PcsSyntax, role: Role): string {
  return syntax.roleWord(role);
}

/** The id pcs gives the clone of a resource it clones: `R-clone`, or `R-master` for pcs 0.9's master. */
export function defaultCloneId(syntax: PcsSyntax, resource: DesiredResource): string {
  return resource.clone?.kind === 'promotable' && syntax.promotable === 'master' ? `${resource.id}-master` : `${resource.id}-clone`;
}

/** `name=value` words; an empty value (a spec's `key:`) is left out, as pcs would unset it. */
export function pairWords(attrs: readonly DesiredAttribute[]): string[] {
  return attrs.filter((a) => a.text !== '').map((a) => `${a.name}=${a.text}`);
}

/** pcs validates operation durations as an integer with s, sec, m, min, h or hr (or none); other forms go as seconds. */
function pcsDuration(op: DesiredOperation, key: 'interval' | 'timeout'): DesiredOperation {
  const v = op[key];
  if (v === undefined || /^\s*\d+\s*(s|sec|m|min|h|hr)?\s*$/i.test(v.text) || v.value === undefined || v.value % 1000 !== 0) return op;
  return { ...op, [key]: { ...v, text: `${v.value / 1000}s` } };
}

/** An operation's words for pcs: `interval=15s timeout=30s role=Promoted …`. */
export function opWords(syntax: PcsSyntax, op: DesiredOperation): string[] {
  const ready = pcsDuration(pcsDuration(op, 'interval'), 'timeout');
  const role = ready.role?.value;
  return operationWords(role === undefined ? ready : { ...ready, role: { ...ready.role, text: roleWord(syntax, role) } });
}

function isStonith(r: DesiredResource): boolean {
  return r.agent?.value?.standard === 'stonith';
}

/** `pcs resource create` (or `pcs stonith create`) of a resource with its params, operations, meta and clone. */
export function createArgv(syntax: PcsSyntax, r: DesiredResource): string[] {
  const agent = r.agent?.value;
  const head = isStonith(r) ? ['pcs', 'stonith', 'create', r.id, agent?.type ?? ''] : ['pcs', 'resource', 'create', r.id, agent?.name ?? r.agent?.text ?? ''];
  const ops = r.ops.flatMap((op) => ['op', op.action, ...opWords(syntax, op)]);
  const meta = pairWords(r.meta);
  const clone = r.clone ? [r.clone.kind === 'promotable' ? syntax.promotable : 'clone', ...pairWords(r.clone.options)] : [];
  return [...head, ...pairWords(r.params), ...ops, ...(meta.length > 0 ? ['meta', ...meta] : []), ...clone];
}

/** Sets (`name=value`) or unsets (`name=`) params of an existing resource. */
export function updateParamsArgv(r: DesiredResource, words: readonly string[]): string[] {
  return ['pcs', isStonith(r) ? 'stonith' : 'resource', 'update', r.id, ...words];
}

/** Replaces the one operation of its action (pcs updates the first of that action). */
export function updateOpArgv(syntax: PcsSyntax, r: DesiredResource, op: DesiredOperation): string[] {
  return ['pcs', isStonith(r) ? 'stonith' : 'resource', 'update', r.id, 'op', op.action, ...opWords(syntax, op)];
}

export function addOpArgv(syntax: PcsSyntax, id: string, op: DesiredOperation): string[] {
  return ['pcs', 'resource', 'op', 'add', id, op.action, ...opWords(syntax, op)];
}

export function removeOpArgv(syntax: PcsSyntax, opId: string): string[] {
  return ['pcs', 'resource', 'op', syntax.remove, opId];
}

/** Meta attributes of a resource, group or clone (by its id). */
export function metaArgv(id: string, words: readonly string[]): string[] {
  return ['pcs', 'resource', 'meta', id, ...words];
}

/** Makes an existing resource a clone or a promotable clone. */
export function cloneArgv(syntax: PcsSyntax, r: DesiredResource): string[] {
  const options = pairWords(r.clone?.options ?? []);
  if (r.clone?.kind !== 'promotable') return ['pcs', 'resource', 'clone', r.id, ...options];
  // pcs 0.9's master takes the new id before the resource's.
  return syntax.promotable === 'master' ? ['pcs', 'resource', 'master', defaultCloneId(syntax, r), r.id, ...options] : ['pcs', 'resource', 'promotable', r.id, ...options];
}

export function uncloneArgv(id: string): string[] {
  return ['pcs', 'resource', 'unclone', id];
}

export function deleteResourceArgv(id: string, stonith: boolean): string[] {
  return ['pcs', stonith ? 'stonith' : 'resource', 'delete', id];
}

/** Adds members to a group (creating it), at the end or before/after a member. */
export function groupAddArgv(group: string, members: readonly string[], place?: { readonly before?: string; readonly after?: string }): string[] {
  const where = place?.before ? ['--before', place.before] : place?.after ? ['--after', place.after] : [];
  return ['pcs', 'resource', 'group', 'add', group, ...members, ...where];
}

export function groupRemoveArgv(group: string, members: readonly string[]): string[] {
  return ['pcs', 'resource', 'group', 'remove', group, ...members];
}

export function ungroupArgv(group: string): string[] {
  return ['pcs', 'resource', 'ungroup', group];
}

/** A side of a constraint as the CIB names it: a cloned resource by its clone. */
export type ConstraintIds = (id: string) => string;

function roleArg(syntax: PcsSyntax, role: DesiredColocation['role']): string[] {
  const r = role?.value;
  if (r === undefined || r === 'Started') return [];
  return [syntax.newRoles ? r : legacyRoleName(r).toLowerCase()];
}

export function colocationArgv(syntax: PcsSyntax, c: DesiredColocation, ids: ConstraintIds): string[] {
  const score = c.score.value ?? c.score.text;
  return ['pcs', 'constraint', 'colocation', 'add', ...roleArg(syntax, c.role), ids(c.resource.id), 'with', ...roleArg(syntax, c.withRole), ids(c.with.id),
    syntax.scoreOption ? `score=${score}` : score];
}

/** Both actions are always given: pcs makes a missing then-action start, Pacemaker makes it first-action. */
export function orderArgv(o: DesiredOrder, ids: ConstraintIds): string[] {
  const first = o.firstAction?.value ?? 'start';
  const then = o.thenAction?.value ?? first;
  return [
    'pcs', 'constraint', 'order', first, ids(o.first.id), 'then', then, ids(o.then.id),
    ...(o.kind?.value ? [`kind=${o.kind.value}`] : []), ...(o.symmetrical?.value ? [`symmetrical=${o.symmetrical.value}`] : []),
  ];
}

/** `prefers NODE=SCORE`, or `avoids NODE=|SCORE|` for a negative score. */
export function locationArgv(l: DesiredLocation, ids: ConstraintIds): string[] {
  const score = parseScore(l.score.text) ?? 0;
  return ['pcs', 'constraint', 'location', ids(l.resource.id), score < 0 ? 'avoids' : 'prefers', `${l.node.id}=${formatScore(Math.abs(score))}`];
}

export function constraintDeleteArgv(syntax: PcsSyntax, id: string): string[] {
  return ['pcs', 'constraint', syntax.remove, id];
}

export function propertyArgv(words: readonly string[]): string[] {
  return ['pcs', 'property', 'set', ...words];
}

export function defaultsArgv(syntax: PcsSyntax, section: 'resource-defaults' | 'op-defaults', words: readonly string[]): string[] {
  return ['pcs', 'resource', ...(section === 'op-defaults' ? ['op'] : []), 'defaults', ...(syntax.defaultsUpdate ? ['update'] : []), ...words];
}
