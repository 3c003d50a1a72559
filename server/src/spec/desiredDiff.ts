/**
 * The comparison of a spec's desired cluster with a live one (spec-format.md, "The
 * live cluster"): two values of one type, compared by their normal forms, so `15`
 * and `15s` or `yes` and `true` are no difference. What the spec states is what is
 * compared, as with `kubectl apply`: a resource's params are its definition (a param
 * live and not in the spec differs); its meta, operations, clone options, the
 * properties and the defaults are compared only for the keys the spec has; a
 * resource, group or constraint on one side only is added or live-only; nodes and
 * the cluster's name are compared but left to the admin. What the format cannot
 * say and the leftovers of moves are listed apart. Pure: the plan (apply) and the
 * views (diff, the editor) read the same list.
 */
import { CLUSTER_PROPERTIES } from './attributes';
import type { DesiredAttribute, DesiredCluster, DesiredResource } from './desired';
import type { LiveCluster } from './desiredCib';
import { diffConstraints, diffGroups } from './desiredDiffConstraints';
import { diffOperations } from './desiredDiffOps';
import { changed, Difference, DiffSubject, sameValue } from './desiredDiffValues';
import type { Span } from './diagnostic';
import { parseReleaseLine } from './vocabulary';

/** Compares the keys `spec` has with the same keys of `live`; a key's other name (fencing-enabled) counts too. */
function diffStated(spec: readonly DesiredAttribute[], live: readonly DesiredAttribute[], path: string,
  subjectOf: (name: string) => DiffSubject, alias: (name: string) => string | undefined = () => undefined): Difference[] {
  const out: Difference[] = [];
  for (const s of spec) {
    const l = live.find((a) => a.name === s.name) ?? live.find((a) => a.name === alias(s.name));
    if (s.text === '' && l === undefined) continue;
    if (!sameValue(s, l)) out.push(changed(`${path}.${s.name}`, subjectOf(s.name), l, s));
  }
  return out;
}

/** Params are the definition: every name on either side, '' being unset as pcs takes it. */
function diffParams(spec: DesiredResource, live: DesiredResource): Difference[] {
  const out: Difference[] = [];
  const set = (ps: readonly DesiredAttribute[]) => ps.filter((p) => p.text !== '');
  const specParams = set(spec.params);
  const liveParams = set(live.params);
  const subject = (name: string): DiffSubject => ({ kind: 'resource', id: spec.id, part: { kind: 'param', name } });
  for (const s of specParams) {
    const l = liveParams.find((p) => p.name === s.name);
    if (l?.text !== s.text) out.push(changed(`resources.${spec.id}.params.${s.name}`, subject(s.name), l, s));
  }
  for (const l of liveParams) {
    if (specParams.some((p) => p.name === l.name)) continue;
    out.push({ kind: 'change', path: `resources.${spec.id}.params.${l.name}`, live: l.text, spec: null, ...(spec.span ? { span: spec.span } : {}), subject: subject(l.name) });
  }
  return out;
}

function diffClone(spec: DesiredResource, live: DesiredResource): Difference[] {
  const path = `resources.${spec.id}`;
  const subject: DiffSubject = { kind: 'resource', id: spec.id, part: { kind: 'clone' } };
  if ((spec.clone?.kind ?? null) !== (live.clone?.kind ?? null)) {
    const span = spec.clone?.span ?? spec.span;
    return [{ kind: 'change', path: `${path}.${spec.clone?.kind ?? live.clone?.kind ?? 'clone'}`, live: live.clone?.kind ?? null, spec: spec.clone?.kind ?? null, ...(span ? { span } : {}), subject }];
  }
  if (spec.clone === undefined || live.clone === undefined) return [];
  return diffStated(spec.clone.options, live.clone.options, `${path}.${spec.clone.kind}`,
    (name) => ({ kind: 'resource', id: spec.id, part: { kind: 'clone-option', name } }));
}

function diffResource(spec: DesiredResource, live: DesiredResource): Difference[] {
  const path = `resources.${spec.id}`;
  if (spec.agent && !sameValue(spec.agent, live.agent)) {
    // Another agent is another resource: nothing else of it compares.
    return [changed(`${path}.agent`, { kind: 'resource', id: spec.id, part: { kind: 'agent' } }, live.agent, spec.agent)];
  }
  return [
    ...diffParams(spec, live),
    ...diffStated(spec.meta, live.meta, `${path}.meta`, (name) => ({ kind: 'resource', id: spec.id, part: { kind: 'meta', name } })),
    ...diffOperations(spec, live),
    ...diffClone(spec, live),
  ];
}

/** A resource (in a few words) for the one-line view of an added or live-only one. */
export function describeResource(r: DesiredResource): string {
  return `${r.agent?.text ?? '(no agent)'}${r.clone ? ` (${r.clone.kind})` : ''}`;
}

function diffResources(spec: DesiredCluster, live: DesiredCluster): Difference[] {
  const out: Difference[] = [];
  for (const s of spec.resources) {
    const l = live.resources.find((r) => r.id === s.id);
    if (l === undefined) out.push({ kind: 'add', path: `resources.${s.id}`, live: null, spec: describeResource(s), ...(s.span ? { span: s.span } : {}), subject: { kind: 'resource', id: s.id } });
    else out.push(...diffResource(s, l));
  }
  for (const l of live.resources) {
    if (!spec.resources.some((r) => r.id === l.id)) out.push({ kind: 'live-only', path: `resources.${l.id}`, live: describeResource(l), spec: null, subject: { kind: 'resource', id: l.id } });
  }
  return out;
}

function diffNodes(spec: DesiredCluster, live: DesiredCluster): Difference[] {
  const out: Difference[] = [];
  for (const s of spec.nodes) {
    const l = live.nodes.find((n) => n.name === s.name);
    const subject: DiffSubject = { kind: 'node', name: s.name };
    if (l === undefined) {
      const addr = s.address ? ` addr=${s.address.text}` : '';
      out.push({ kind: 'add', path: `nodes.${s.name}`, live: null, spec: s.address?.text ?? s.name, ...(s.span ? { span: s.span } : {}), subject, hint: `pcs cluster node add ${s.name}${addr}` });
    } else if (s.address && l.address && !sameValue(s.address, l.address)) {
      out.push({ ...changed(`nodes.${s.name}.address`, subject, l.address, s.address), hint: "change the node's address in corosync.conf (pcs cluster node remove, then add)" });
    }
  }
  for (const l of live.nodes) {
    if (!spec.nodes.some((n) => n.name === l.name)) {
      out.push({ kind: 'live-only', path: `nodes.${l.name}`, live: l.address?.text ?? l.name, spec: null, subject: { kind: 'node', name: l.name }, hint: `pcs cluster node remove ${l.name}` });
    }
  }
  return out;
}

/**
 * Every difference between what the spec states and the live cluster, in the order
 * a person reads a spec: the cluster's name, nodes, properties and defaults,
 * resources, groups, constraints; then what the format cannot say and the leftovers.
 */
export function diffClusters(spec: DesiredCluster, live: LiveCluster): Difference[] {
  const current = live.desired;
  const out: Difference[] = [];
  if (spec.name && current.name && !sameValue(spec.name, current.name)) {
    out.push({ ...changed('cluster', { kind: 'cluster' }, current.name, spec.name), hint: "the cluster's name is corosync's totem.cluster_name: change it in corosync.conf on every node" });
  }
  out.push(...diffNodes(spec, current));
  const alias = (name: string) => CLUSTER_PROPERTIES.get(name)?.alias;
  out.push(...diffStated(spec.properties, current.properties, 'properties', (name) => ({ kind: 'attributes', section: 'properties', name }), alias));
  out.push(...diffStated(spec.resourceDefaults, current.resourceDefaults, 'resource-defaults', (name) => ({ kind: 'attributes', section: 'resource-defaults', name })));
  out.push(...diffStated(spec.opDefaults, current.opDefaults, 'op-defaults', (name) => ({ kind: 'attributes', section: 'op-defaults', name })));
  out.push(...diffResources(spec, current), ...diffGroups(spec, current), ...diffConstraints(spec, current));
  for (const u of live.unsupported) out.push({ kind: 'unsupported', path: u.path, live: u.what, spec: null, subject: { kind: 'unsupported' } });
  for (const l of live.leftovers) {
    const verb = l.kind === 'prefer' ? 'prefers' : 'avoids';
    out.push({
      kind: 'leftover', path: `constraints.location.${l.id}`, live: `${l.resource} ${verb} ${l.node ?? '?'}${l.score ? ` (${l.score})` : ''}`, spec: null,
      subject: { kind: 'leftover', id: l.id }, hint: `pcs resource clear ${l.resource}`,
    });
  }
  return out;
}

/** Whether the cluster holds what the spec states: no added, changed or live-only item (unsupported parts and leftovers are listed, not counted). */
export function inSync(differences: readonly Difference[]): boolean {
  return !differences.some((d) => d.kind === 'add' || d.kind === 'change' || d.kind === 'live-only');
}

/** A `pacemaker` the spec states that is not the line the live cluster runs (spec-format.md, "Versions"). */
export interface LiveVersionMismatch {
  readonly code: 'version-mismatch';
  /** The `pacemaker` value's place in the spec. */
  readonly span?: Span;
  readonly stated: string;
  /** The live cluster's release, as `dc-version` gives it (`3.0.0`). */
  readonly live: string;
  readonly message: string;
}

/**
 * When connected, a stated `pacemaker` that differs from the live cluster's own line is
 * itself a version-mismatch on the key; undefined when the spec states none, the
 * cluster's version is not known, or they agree.
 */
export function liveVersionMismatch(spec: DesiredCluster, live: LiveCluster): LiveVersionMismatch | undefined {
  const stated = spec.pacemaker;
  const release = /^(\d+\.\d+(?:\.\d+)*)/.exec(live.pacemakerVersion ?? '')?.[1];
  if (stated === undefined || release === undefined) return undefined;
  const line = parseReleaseLine(stated.text);
  const liveLine = parseReleaseLine(release.split('.').slice(0, 2).join('.'));
  if (line === undefined || liveLine === undefined || line === liveLine) return undefined;
  return {
    code: 'version-mismatch', ...(stated.span ? { span: stated.span } : {}), stated: line, live: release,
    message: `This spec is for Pacemaker ${line} (pacemaker: "${line}"), but the cluster runs Pacemaker ${release}: `
      + `write pacemaker: "${liveLine}" so the names are checked against the release the cluster runs, or point the spec at its own cluster.`,
  };
}
