/**
 * The plan of `apply`: the pcs commands that make the live cluster hold what the
 * spec states, made from the differences (diffClusters) so the plan can never fix
 * something the diff did not list. Pure. The commands run one after another on a
 * copy of the CIB (`pcs -f`), so their order only has to make each one valid on
 * the file: removals first (live-only items with --prune, constraints that will be
 * re-created), then changes of existing resources, new resources, groups,
 * constraints, properties and defaults. Nodes, the cluster's name and an agent
 * change are never planned: they are listed with what to run by hand.
 */
import {
  CibVersion, DesiredCluster, DesiredOperation, DesiredResource, Difference, LiveCluster, matchOperations,
} from '../../../server/src';
import {
  addOpArgv, cloneArgv, colocationArgv, constraintDeleteArgv, createArgv, defaultCloneId, defaultsArgv, deleteResourceArgv, groupAddArgv,
  groupRemoveArgv, locationArgv, metaArgv, orderArgv, PcsSyntax, propertyArgv, removeOpArgv, uncloneArgv, ungroupArgv, updateOpArgv,
  updateParamsArgv,
} from './pcsConfigArgv';

export interface PlanStep {
  /** A pcs command as a person would type it (`pcs resource create …`); run with `-f FILE` after `pcs`. */
  readonly argv: readonly string[];
}

export interface ApplyPlan {
  readonly steps: readonly PlanStep[];
  /** What apply leaves to the admin (nodes, the cluster's name, an agent change), with the command to run in `hint`. */
  readonly manual: readonly Difference[];
  /** Live-only items left in place because --prune was not given. */
  readonly kept: readonly Difference[];
  /** Every difference the plan was made from. */
  readonly differences: readonly Difference[];
  /** The CIB the plan was made against: a CIB changed since is refused. */
  readonly version: CibVersion;
  readonly syntax: PcsSyntax;
}

export interface PlanOptions {
  readonly syntax: PcsSyntax;
  /** Remove live-only resources, groups and constraints too. */
  readonly prune?: boolean;
}

/** A live operation with what the spec states laid over it, so pcs's replacement keeps the rest. */
function overlaid(live: DesiredOperation, spec: DesiredOperation): DesiredOperation {
  const interval = spec.interval ?? live.interval;
  const timeout = spec.timeout ?? live.timeout;
  const role = spec.role ?? live.role;
  return {
    action: spec.action, ...(interval ? { interval } : {}), ...(timeout ? { timeout } : {}), ...(role ? { role } : {}),
    options: [...live.options.filter((o) => !spec.options.some((s) => s.name === o.name)), ...spec.options],
  };
}

class Planner {
  readonly steps: PlanStep[] = [];

  constructor(private readonly spec: DesiredCluster, private readonly live: DesiredCluster, private readonly syntax: PcsSyntax) {}

  add(argv: readonly string[]): void {
    this.steps.push({ argv });
  }

  liveResource(id: string): DesiredResource | undefined {
    return this.live.resources.find((r) => r.id === id);
  }

  /** A constraint side as the CIB will name it once the plan has run: a cloned resource by its clone. */
  readonly ids = (id: string): string => {
    const r = this.spec.resources.find((x) => x.id === id);
    if (r?.clone === undefined) return id;
    const l = this.liveResource(id);
    return l?.clone?.kind === r.clone.kind && l.clone.id ? l.clone.id : defaultCloneId(this.syntax, r);
  };

  changeResource(r: DesiredResource, diffs: readonly Difference[]): void {
    const live = this.liveResource(r.id);
    if (live === undefined) return;
    const parts = diffs.flatMap((d) => (d.subject.kind === 'resource' && d.subject.part ? [{ d, part: d.subject.part }] : []));
    if (parts.some((p) => p.part.kind === 'clone')) {
      if (live.clone?.id) this.add(uncloneArgv(live.clone.id));
      if (r.clone) this.add(cloneArgv(this.syntax, r));
    }
    const params = parts.flatMap((p) => (p.part.kind === 'param' ? [`${p.part.name}=${p.d.spec ?? ''}`] : []));
    if (params.length > 0) this.add(updateParamsArgv(r, params));
    const meta = parts.flatMap((p) => (p.part.kind === 'meta' ? [`${p.part.name}=${p.d.spec ?? ''}`] : []));
    if (meta.length > 0) this.add(metaArgv(r.id, meta));
    const matched = matchOperations(r.ops, live.ops);
    const ops = [...new Set(parts.flatMap((p) => (p.part.kind === 'op' ? [p.part.op] : [])))];
    for (const i of ops) {
      const want = r.ops[i];
      const have = matched[i];
      if (have === undefined) {
        this.add(addOpArgv(this.syntax, r.id, want));
      } else if (r.ops.filter((o) => o.action === want.action).length === 1 && live.ops.filter((o) => o.action === want.action).length === 1) {
        this.add(updateOpArgv(this.syntax, r, overlaid(have, want)));
      } else {
        if (have.id) this.add(removeOpArgv(this.syntax, have.id));
        this.add(addOpArgv(this.syntax, r.id, overlaid(have, want)));
      }
    }
    const options = parts.flatMap((p) => (p.part.kind === 'clone-option' ? [`${p.part.name}=${p.d.spec ?? ''}`] : []));
    if (options.length > 0 && live.clone?.id) this.add(metaArgv(live.clone.id, options));
  }

  changeGroup(id: string, liveMembers: readonly string[]): void {
    const want = this.spec.groups.find((g) => g.id === id)?.members.map((m) => m.id) ?? [];
    const extras = liveMembers.filter((m) => !want.includes(m));
    if (extras.length > 0) this.add(groupRemoveArgv(id, extras));
    let current = liveMembers.filter((m) => want.includes(m));
    // What is left to add at the end in order goes in one command (a new group, or one grown at its end).
    const tail = want.findIndex((m, i) => current[i] !== m);
    if (tail >= 0 && current.length === tail) {
      this.add(groupAddArgv(id, want.slice(tail)));
      return;
    }
    want.forEach((member, i) => {
      if (current[i] === member) return;
      const place = i > 0 ? { after: want[i - 1] } : current.length > 0 ? { before: current[0] } : undefined;
      this.add(groupAddArgv(id, [member], place));
      current = current.filter((m) => m !== member);
      current.splice(i, 0, member);
    });
  }

  addConstraint(type: 'colocation' | 'order' | 'location', index: number): void {
    const c = this.spec.constraints;
    if (type === 'colocation') this.add(colocationArgv(this.syntax, c.colocations[index], this.ids));
    else if (type === 'order') this.add(orderArgv(c.orders[index], this.ids));
    else this.add(locationArgv(c.locations[index], this.ids));
  }
}

function isManual(d: Difference): boolean {
  return d.subject.kind === 'node' || d.subject.kind === 'cluster' || (d.subject.kind === 'resource' && d.subject.part?.kind === 'agent');
}

/** The plan that makes `live` hold what `spec` states, from their differences. */
export function planApply(spec: DesiredCluster, live: LiveCluster, differences: readonly Difference[], options: PlanOptions): ApplyPlan {
  const p = new Planner(spec, live.desired, options.syntax);
  const manual = differences.filter(isManual).map((d) => (d.subject.kind === 'resource' && !d.hint
    ? { ...d, hint: `the agent cannot be changed in place: pcs resource delete ${d.subject.id} (which also removes its constraints), then apply again` } : d));
  const liveOnly = differences.filter((d) => d.kind === 'live-only' && !isManual(d));
  const todo = differences.filter((d) => (d.kind === 'add' || d.kind === 'change') && !isManual(d));
  if (options.prune) {
    for (const d of liveOnly) if (d.subject.kind === 'constraint' && d.subject.liveId) p.add(constraintDeleteArgv(options.syntax, d.subject.liveId));
    for (const d of liveOnly) if (d.subject.kind === 'group') p.add(ungroupArgv(d.subject.id));
    for (const d of liveOnly) {
      if (d.subject.kind === 'resource') p.add(deleteResourceArgv(d.subject.id, p.liveResource(d.subject.id)?.agent?.value?.standard === 'stonith'));
    }
  }
  const recreated = new Set(todo.flatMap((d) => (d.subject.kind === 'constraint' && d.kind === 'change' && d.subject.liveId ? [d.subject.liveId] : [])));
  for (const id of recreated) p.add(constraintDeleteArgv(options.syntax, id));
  const agentChanged = new Set(manual.flatMap((d) => (d.subject.kind === 'resource' ? [d.subject.id] : [])));
  for (const r of spec.resources) {
    const diffs = todo.filter((d) => d.subject.kind === 'resource' && d.subject.id === r.id);
    if (diffs.length === 0 || agentChanged.has(r.id)) continue;
    if (diffs.some((d) => d.kind === 'add')) continue;
    p.changeResource(r, diffs);
  }
  for (const d of todo) {
    if (d.kind !== 'add' || d.subject.kind !== 'resource') continue;
    const id = d.subject.id;
    const r = spec.resources.find((x) => x.id === id);
    if (r) p.add(createArgv(options.syntax, r));
  }
  for (const d of todo) {
    if (d.subject.kind !== 'group') continue;
    const id = d.subject.id;
    p.changeGroup(id, live.desired.groups.find((g) => g.id === id)?.members.map((m) => m.id) ?? []);
  }
  const constraints = new Set<string>();
  for (const d of todo) {
    if (d.subject.kind !== 'constraint' || d.subject.index === undefined) continue;
    const key = `${d.subject.type}[${d.subject.index}]`;
    if (constraints.has(key)) continue;
    constraints.add(key);
    p.addConstraint(d.subject.type, d.subject.index);
  }
  for (const section of ['properties', 'resource-defaults', 'op-defaults'] as const) {
    const words = todo.flatMap((d) => (d.subject.kind === 'attributes' && d.subject.section === section ? [`${d.subject.name}=${d.spec ?? ''}`] : []));
    if (words.length === 0) continue;
    p.add(section === 'properties' ? propertyArgv(words) : defaultsArgv(options.syntax, section, words));
  }
  return { steps: p.steps, manual, kept: options.prune ? [] : liveOnly, differences, version: live.version, syntax: options.syntax };
}
