/**
 * The spec held against the live cluster, as the editor shows it: the differences
 * between a spec's text (as the editor holds it, unsaved edits included) and the live
 * cluster the last refresh read, the one-line summary the CodeLens shows, and where
 * in the text each difference is marked. The same comparison as `stash-ha diff`
 * (server/src's diffClusters on one desired-cluster type); pure, no `vscode`.
 */
import {
  asMap, buildModel, desiredCluster, DesiredCluster, DesiredResource, diffClusters, Difference, LiveCluster, liveVersionMismatch,
  LiveVersionMismatch, Span,
} from '../../../server/src';
import { LiveRead } from '../cluster/clusterConnection';

export interface LiveComparison {
  readonly spec: DesiredCluster;
  readonly live: DesiredCluster;
  readonly differences: readonly Difference[];
  /** Added, changed and live-only: what makes the spec and the cluster differ (apply's work). */
  readonly open: readonly Difference[];
  readonly leftovers: number;
  readonly unsupported: number;
  /** A stated `pacemaker` that is not the line the cluster runs: a version-mismatch on the key while connected. */
  readonly version?: LiveVersionMismatch;
  /** The node the live cluster was read from, and when. */
  readonly node: string;
  readonly takenAt: string;
}

export type LiveState =
  | { readonly kind: 'compared'; readonly comparison: LiveComparison }
  | { readonly kind: 'unreadable'; readonly error: string };

const OPEN_KINDS = new Set<Difference['kind']>(['add', 'change', 'live-only']);

/** Compares a spec's text with what the last refresh read. */
export function compareWithLive(specText: string, read: LiveRead): LiveState {
  if (!read.answer.ok) return { kind: 'unreadable', error: read.answer.error };
  const spec = desiredCluster(buildModel(specText));
  const { live } = read.answer;
  const differences = diffClusters(spec, live);
  const version = liveVersionMismatch(spec, live);
  return {
    kind: 'compared',
    comparison: {
      spec, live: live.desired, differences,
      open: differences.filter((d) => OPEN_KINDS.has(d.kind)),
      leftovers: differences.filter((d) => d.kind === 'leftover').length,
      unsupported: differences.filter((d) => d.kind === 'unsupported').length,
      ...(version ? { version } : {}),
      node: read.answer.node, takenAt: read.takenAt,
    },
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Live: in sync", "Live: 3 differences", with what is listed apart. */
export function summaryOf(c: LiveComparison): string {
  const extra = [
    ...(c.leftovers > 0 ? [plural(c.leftovers, 'leftover of a move', 'leftovers of moves')] : []),
    ...(c.unsupported > 0 ? [`${c.unsupported} not in the spec format`] : []),
  ];
  const head = c.open.length === 0 ? 'Live: in sync' : `Live: ${plural(c.open.length, 'difference')}`;
  if (c.version) extra.unshift(`the cluster runs Pacemaker ${c.version.live}`);
  return extra.length > 0 ? `${head} (${extra.join(', ')})` : head;
}

/** When the cluster was read, as a person reads it: "read from node02 at 10:31:05". */
export function readWhen(c: Pick<LiveComparison, 'node' | 'takenAt'>): string {
  const t = new Date(c.takenAt);
  const time = Number.isNaN(t.getTime()) ? c.takenAt : t.toLocaleTimeString('en-GB', { hour12: false });
  return `read from ${c.node} at ${time}`;
}

function shownValue(text: string | null): string {
  if (text === null) return 'nothing';
  return text === '' || /\s/.test(text) ? JSON.stringify(text) : `'${text}'`;
}

/** What a difference says on its line of the spec. */
export function driftMessage(d: Difference): string {
  switch (d.kind) {
    case 'change':
      return d.spec === null
        ? `The live cluster has ${d.path} = ${shownValue(d.live)}, which the spec does not state (params are a resource's whole definition); Apply removes it.`
        : `The live cluster has ${shownValue(d.live)} for ${d.path}; the spec says ${shownValue(d.spec)}.${d.hint ? ` Apply leaves this to you: ${d.hint}.` : ''}`;
    case 'add':
      return `${d.path} is not on the live cluster.${d.hint ? ` Apply leaves this to you: ${d.hint}.` : ' Apply creates it.'}`;
    case 'live-only':
      return `Only on the live cluster: ${d.path} (${d.live ?? ''}).${d.hint ? ` By hand: ${d.hint}.` : ' stash-ha apply --prune removes it.'}`;
    default:
      return `${d.path}: ${d.live ?? d.spec ?? ''}`;
  }
}

/** A difference's mark in the text: its own span, or (for what only the cluster has) the key of the section it belongs to. */
export interface DriftMark {
  readonly span: Span;
  readonly message: string;
  readonly difference: Difference;
}

const SECTION_OF: Readonly<Record<string, string>> = {
  resources: 'resources', groups: 'groups', nodes: 'nodes', constraints: 'constraints',
  properties: 'properties', 'resource-defaults': 'resource-defaults', 'op-defaults': 'op-defaults',
};

/** Where each added, changed or live-only difference is marked in `specText`. */
export function driftMarks(c: LiveComparison, specText: string): DriftMark[] {
  const model = buildModel(specText);
  const root = asMap(model.root);
  const firstLine: Span = { start: 0, end: Math.max(0, specText.search(/\r?\n|$/)) };
  return c.open.map((d) => {
    if (d.span) return { span: d.span, message: driftMessage(d), difference: d };
    const section = SECTION_OF[d.path.split(/[.[]/)[0]];
    const key = section === undefined ? undefined : root?.get(section)?.keySpan;
    const cluster = root?.get('cluster')?.keySpan;
    return { span: key ?? cluster ?? firstLine, message: driftMessage(d), difference: d };
  });
}

/** `live`'s items, those `spec` also has first and in its order, then the rest as they come. */
function inSpecOrder<T>(spec: readonly T[], live: readonly T[], key: (x: T) => string): T[] {
  const rank = new Map(spec.map((x, i) => [key(x), i]));
  const known = live.filter((x) => rank.has(key(x))).sort((a, b) => (rank.get(key(a)) ?? 0) - (rank.get(key(b)) ?? 0));
  return [...known, ...live.filter((x) => !rank.has(key(x)))];
}

/** Only the attributes the spec states, in its order: the ones compared for stated keys only. */
function statedOnly<T extends { readonly name: string }>(spec: readonly T[], live: readonly T[]): T[] {
  return inSpecOrder(spec, live, (a) => a.name).filter((a) => spec.some((s) => s.name === a.name));
}

function shapedResource(s: DesiredResource | undefined, r: DesiredResource): DesiredResource {
  if (s === undefined) return r;
  const { clone, ...rest } = r;
  const shapedClone = clone && s.clone ? { ...clone, options: statedOnly(s.clone.options, clone.options) } : clone;
  return {
    ...rest,
    // Params are the definition: every live one is shown (one the spec lacks is a difference).
    params: inSpecOrder(s.params, r.params, (p) => p.name),
    meta: statedOnly(s.meta, r.meta),
    ops: r.ops.filter((o) => s.ops.some((x) => x.action === o.action)),
    ...(shapedClone ? { clone: shapedClone } : {}),
  };
}

/**
 * The live cluster cut to the comparison's own rules and put in the spec's order, for
 * the diff editor's live side: params whole; meta attributes, operations, clone
 * options, properties and defaults only where the spec states them; what the spec
 * has first and in its order, what only the cluster has after. So what the diff
 * editor shows as different is what the CodeLens counts, not what pcs filled in.
 */
export function liveShapedLikeSpec(spec: DesiredCluster, live: LiveCluster): LiveCluster {
  const d = live.desired;
  const resources = inSpecOrder(spec.resources, d.resources, (r) => r.id).map((r) => shapedResource(spec.resources.find((s) => s.id === r.id), r));
  return {
    ...live,
    desired: {
      ...d,
      nodes: inSpecOrder(spec.nodes, d.nodes, (n) => n.name),
      resources,
      groups: inSpecOrder(spec.groups, d.groups, (g) => g.id),
      properties: statedOnly(spec.properties, d.properties),
      resourceDefaults: statedOnly(spec.resourceDefaults, d.resourceDefaults),
      opDefaults: statedOnly(spec.opDefaults, d.opDefaults),
    },
  };
}
