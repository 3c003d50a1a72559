/**
 * A live cluster written as a spec (`stash-ha import`): as short as what the admin
 * would have typed. Values are written as the CIB holds them; operations only where
 * they differ from what pcs creates from the agent's meta-data (pcsDefaults.ts), so
 * `op monitor interval=15s` comes back as `monitor: { interval: 15s }` and pcs's own
 * start and stop operations not at all; constraint fields only where they are not
 * Pacemaker's defaults; the properties Pacemaker sets itself and the meta attributes
 * the operations set (target-role, is-managed) never. What the format cannot say is
 * listed in comments at the top. The text is YAML the checker reads back to the same
 * desired cluster (a scalar is quoted where YAML would read it otherwise).
 */
import { pcsDefaultOperations } from '../agents/pcsDefaults';
import { AgentCatalog } from '../agents/model';
import type { DesiredAttribute, DesiredCluster, DesiredOperation, DesiredResource } from './desired';
import type { LiveCluster } from './desiredCib';
import { normalRole } from './vocabulary';

export interface WriteOptions {
  /** Where the operations pcs would create come from. */
  readonly catalog: AgentCatalog;
  /** Lines for the comment at the top, without `# `. */
  readonly header?: readonly string[];
  /** SSH settings of the nodes, by node name (the user and port the import was reached with). */
  readonly ssh?: (node: string) => { readonly user?: string; readonly port?: number } | undefined;
}

/** Meta attributes the operations set: disable, enable, manage, unmanage. */
const OPERATIONAL_META = new Set(['target-role', 'is-managed']);

const PLAIN = /^[A-Za-z0-9_./+-](?:[A-Za-z0-9_./:@%+=~-]*[A-Za-z0-9_./@%+=~-])?$/;
const YAML_NULL = /^(?:null|Null|NULL|~)$/;

/** A scalar as YAML: plain where that reads back as the same text, else double-quoted. */
export function yamlScalar(text: string): string {
  return PLAIN.test(text) && !YAML_NULL.test(text) && text !== '<<' ? text : JSON.stringify(text);
}

function flow(pairs: readonly (readonly [string, string])[]): string {
  return `{ ${pairs.map(([k, v]) => `${yamlScalar(k)}: ${yamlScalar(v)}`).join(', ')} }`;
}

/** A mapping under `key` at `indent`: on one line when it fits in 100 columns, else a block. */
function mapping(indent: string, key: string, pairs: readonly (readonly [string, string])[]): string[] {
  const line = `${indent}${yamlScalar(key)}: ${flow(pairs)}`;
  if (pairs.length === 0) return [`${indent}${yamlScalar(key)}: {}`];
  if (line.length <= 100) return [line];
  return [`${indent}${yamlScalar(key)}:`, ...pairs.map(([k, v]) => `${indent}  ${yamlScalar(k)}: ${yamlScalar(v)}`)];
}

function attributes(list: readonly DesiredAttribute[]): [string, string][] {
  return list.map((a) => [a.name, a.text]);
}

function opPairs(op: DesiredOperation): [string, string][] {
  return [
    ...(op.interval ? [['interval', op.interval.text] as [string, string]] : []),
    ...(op.timeout ? [['timeout', op.timeout.text] as [string, string]] : []),
    ...(op.role ? [['role', op.role.text] as [string, string]] : []),
    ...attributes(op.options),
  ];
}

/** Whether the live operations of one action are exactly what pcs creates for it by itself. */
function asPcsMadeThem(ops: readonly DesiredOperation[], resource: DesiredResource, catalog: AgentCatalog): boolean {
  const agent = resource.agent?.value ? catalog.get(resource.agent.value.name) : undefined;
  if (agent === undefined) return false;
  const defaults = pcsDefaultOperations(agent).filter((d) => d.action === ops[0].action);
  if (defaults.length !== ops.length) return false;
  const left = [...defaults];
  return ops.every((op) => {
    const checkLevel = op.options.find((o) => o.name === 'OCF_CHECK_LEVEL');
    if (op.options.some((o) => o !== checkLevel)) return false;
    const i = left.findIndex((d) => d.intervalMs === (op.interval?.value ?? 0) && d.timeoutMs === op.timeout?.value
      && normalRole(d.role ?? 'Started') === (op.role?.value ?? 'Started')
      && (d.checkLevel === undefined ? checkLevel === undefined : String(d.checkLevel) === checkLevel?.text));
    if (i < 0) return false;
    left.splice(i, 1);
    return true;
  });
}

function operations(resource: DesiredResource, catalog: AgentCatalog): string[] {
  const actions = [...new Set(resource.ops.map((o) => o.action))];
  const lines: string[] = [];
  for (const action of actions) {
    const ops = resource.ops.filter((o) => o.action === action);
    if (asPcsMadeThem(ops, resource, catalog)) continue;
    if (ops.length === 1) lines.push(...mapping('      ', action, opPairs(ops[0])));
    else lines.push(`      ${yamlScalar(action)}:`, ...ops.map((o) => `        - ${flow(opPairs(o))}`));
  }
  return lines.length === 0 ? [] : ['    ops:', ...lines];
}

function resource(r: DesiredResource, catalog: AgentCatalog): string[] {
  const meta = r.meta.filter((m) => !OPERATIONAL_META.has(m.name));
  const clone = r.clone ? attributes(r.clone.options.filter((o) => !OPERATIONAL_META.has(o.name))) : undefined;
  return [
    `  ${yamlScalar(r.id)}:`,
    `    agent: ${yamlScalar(r.agent?.text ?? '')}`,
    ...(r.params.length > 0 ? mapping('    ', 'params', attributes(r.params)) : []),
    ...operations(r, catalog),
    ...(meta.length > 0 ? mapping('    ', 'meta', attributes(meta)) : []),
    ...(r.clone && clone ? mapping('    ', r.clone.kind, clone) : []),
  ];
}

function constraints(c: DesiredCluster['constraints']): string[] {
  const item = (pairs: [string, string | undefined][]) => `    - ${flow(pairs.filter((p): p is [string, string] => p[1] !== undefined))}`;
  const notStarted = (text: string | undefined, value: string | undefined) => (value === 'Started' ? undefined : text);
  const colocation = c.colocations.map((x) => item([['resource', x.resource.id], ['with', x.with.id], ['score', x.score.text],
    ['role', notStarted(x.role?.text, x.role?.value)], ['with-role', notStarted(x.withRole?.text, x.withRole?.value)]]));
  const order = c.orders.map((o) => {
    const kind = o.kind?.value ?? 'Mandatory';
    const first = o.firstAction?.value ?? 'start';
    const symmetrical = o.symmetrical?.value === undefined || o.symmetrical.value === (kind === 'Serialize' ? 'false' : 'true') ? undefined : o.symmetrical.text;
    return item([['first', o.first.id], ['then', o.then.id], ['kind', kind === 'Mandatory' ? undefined : o.kind?.text], ['symmetrical', symmetrical],
      ['first-action', first === 'start' ? undefined : o.firstAction?.text], ['then-action', (o.thenAction?.value ?? first) === first ? undefined : o.thenAction?.text]]);
  });
  const location = c.locations.map((l) => item([['resource', l.resource.id], ['node', l.node.id], ['score', l.score.text]]));
  const lists: [string, string[]][] = [['colocation', colocation], ['order', order], ['location', location]];
  const body = lists.filter(([, items]) => items.length > 0).flatMap(([name, items]) => [`  ${name}:`, ...items]);
  return body.length === 0 ? [] : ['', 'constraints:', ...body];
}

function section(title: string, pairs: [string, string][]): string[] {
  return pairs.length === 0 ? [] : ['', `${title}:`, ...pairs.map(([k, v]) => `  ${yamlScalar(k)}: ${yamlScalar(v)}`)];
}

/** The spec of a live cluster, as text. */
export function writeSpec(live: LiveCluster, options: WriteOptions): string {
  const d = live.desired;
  const header = [
    ...(options.header ?? []),
    ...(live.unsupported.length === 0 ? [] : [
      'Not imported: the spec format cannot say these, and apply leaves them as they are:',
      ...live.unsupported.map((u) => `  - ${u.what} (${u.path})`),
    ]),
  ];
  const nodes = d.nodes.map((n) => {
    const ssh = options.ssh?.(n.name);
    const sshPairs: [string, string][] = [...(ssh?.user ? [['user', ssh.user] as [string, string]] : []), ...(ssh?.port ? [['port', String(ssh.port)] as [string, string]] : [])];
    const address = `address: ${yamlScalar(n.address?.text ?? n.name)}`;
    return `  ${yamlScalar(n.name)}: { ${address}${sshPairs.length > 0 ? `, ssh: ${flow(sshPairs)}` : ''} }`;
  });
  const groups = d.groups.map((g) => `  ${yamlScalar(g.id)}: [${g.members.map((m) => yamlScalar(m.id)).join(', ')}]`);
  const lines = [
    ...header.map((h) => `#${h === '' ? '' : ` ${h}`}`),
    ...(header.length > 0 ? [''] : []),
    `cluster: ${yamlScalar(d.name?.text ?? 'cluster')}`,
    '',
    'nodes:', ...nodes,
    ...section('properties', attributes(d.properties)),
    ...section('resource-defaults', attributes(d.resourceDefaults)),
    ...section('op-defaults', attributes(d.opDefaults)),
    ...(d.resources.length > 0 ? ['', 'resources:', ...d.resources.flatMap((r) => resource(r, options.catalog))] : []),
    ...(groups.length > 0 ? ['', 'groups:', ...groups] : []),
    ...constraints(d.constraints),
  ];
  return `${lines.join('\n')}\n`;
}
