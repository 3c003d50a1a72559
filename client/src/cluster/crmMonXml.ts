/**
 * Reads crm_mon's XML in both shapes it has had: `crm_mon --output-as=xml`
 * (Pacemaker 2.0 and later: root `pacemaker-result`) and `crm_mon -1 -X -r -f
 * -A -L` (Pacemaker 1.1: root `crm_mon`). The elements below the root are the
 * same family (summary, nodes, resources, node_history, failures, bans), with
 * small differences handled here: 1.1 has no `disabled` on groups and clones,
 * writes Master/Slave for Promoted/Unpromoted, and may name a failure by `id`
 * instead of `op_key`.
 */
import {
  attr, child, childrenNamed, clusterAgentName, normalRole, pacemakerNumber, parseBoolean, parseXml, SCORE_INFINITY, XmlElement,
} from '../../../server/src';
import {
  CloneStatus, ClusterOptions, FailCount, GroupStatus, LeftoverConstraint, NodeState, NodeStatus,
  OperationFailure, PrimitiveStatus, ResourceStatus,
} from './snapshot';


/** What one crm_mon answer says; the rest of a snapshot comes from elsewhere. */
export interface CrmMonStatus {
  readonly format: 'pacemaker-result' | 'crm_mon-1.1';
  /** The answering crm_mon's own version, which only the 1.1 form states (`<crm_mon version>`). */
  readonly crmMonVersion?: string;
  readonly stack?: string;
  readonly dc?: string;
  readonly dcVersion?: string;
  readonly quorum: boolean;
  readonly lastUpdate?: string;
  readonly lastChange?: string;
  readonly options: ClusterOptions;
  readonly nodes: readonly NodeStatus[];
  readonly resources: readonly ResourceStatus[];
  readonly failures: readonly OperationFailure[];
  readonly failCounts: readonly FailCount[];
  /** Negative location constraints, when crm_mon lists them (1.1 with -L). */
  readonly bans: readonly LeftoverConstraint[];
}

export type CrmMonParse = { readonly ok: true; readonly status: CrmMonStatus } | { readonly ok: false; readonly error: string };

/** A role by its new name (crm_mon before 2.1 writes Master/Slave); Unknown when crm_mon gives none. */
function role(text: string | undefined): string {
  if (text === undefined) return 'Unknown';
  return normalRole(text) ?? text;
}

/** An attribute read as a boolean the way Pacemaker reads its own (crm_is_true). */
function flag(element: XmlElement | undefined, name: string): boolean {
  const v = element?.attrs[name];
  return v !== undefined && parseBoolean(v) === true;
}

function nodeState(n: XmlElement): NodeState {
  if (flag(n, 'unclean')) return 'unclean';
  if (!flag(n, 'online')) return 'offline';
  if (flag(n, 'pending')) return 'pending';
  if (flag(n, 'shutdown')) return 'shutting-down';
  if (flag(n, 'maintenance')) return 'maintenance';
  if (flag(n, 'standby') || flag(n, 'standby_onfail')) return 'standby';
  return 'online';
}

function readNode(n: XmlElement): NodeStatus {
  return {
    name: n.attrs.name ?? '', id: n.attrs.id ?? '',
    online: flag(n, 'online'), standby: flag(n, 'standby'), standbyOnFail: flag(n, 'standby_onfail'),
    maintenance: flag(n, 'maintenance'), pending: flag(n, 'pending'), unclean: flag(n, 'unclean'),
    shutdown: flag(n, 'shutdown'), isDc: flag(n, 'is_dc'),
    resourcesRunning: pacemakerNumber(n.attrs.resources_running) ?? 0, type: n.attrs.type ?? 'unknown',
    state: nodeState(n),
  };
}

function readPrimitive(r: XmlElement, parent?: string): PrimitiveStatus {
  const targetRole = attr(r, 'target_role');
  return {
    kind: 'primitive', id: r.attrs.id ?? '', agent: clusterAgentName(r.attrs.resource_agent ?? ''), role: role(r.attrs.role),
    ...(targetRole ? { targetRole: role(targetRole) } : {}),
    active: flag(r, 'active'), managed: flag(r, 'managed'), failed: flag(r, 'failed'), orphaned: flag(r, 'orphaned'),
    blocked: flag(r, 'blocked'), failureIgnored: flag(r, 'failure_ignored'),
    nodes: childrenNamed(r, 'node').map((n) => n.attrs.name ?? '').filter((n) => n !== ''),
    ...(parent ? { parent } : {}),
  };
}

function readGroup(g: XmlElement, parent?: string): GroupStatus {
  const id = g.attrs.id ?? '';
  const members = childrenNamed(g, 'resource').map((r) => readPrimitive(r, id));
  return {
    kind: 'group', id, members,
    // 1.1 has neither attribute: the group is managed when its members are, disabled when all are stopped on purpose.
    managed: g.attrs.managed !== undefined ? flag(g, 'managed') : members.every((m) => m.managed),
    disabled: g.attrs.disabled !== undefined ? flag(g, 'disabled') : members.length > 0 && members.every((m) => m.targetRole === 'Stopped'),
    ...(parent ? { parent } : {}),
  };
}

function readClone(c: XmlElement): CloneStatus {
  const id = c.attrs.id ?? '';
  const instances: (PrimitiveStatus | GroupStatus)[] = [];
  for (const inner of c.children) {
    if (inner.name === 'resource') instances.push(readPrimitive(inner, id));
    else if (inner.name === 'group') instances.push(readGroup(inner, id));
  }
  const targetRole = attr(c, 'target_role');
  return {
    kind: 'clone', id, promotable: flag(c, 'multi_state'), unique: flag(c, 'unique'), managed: flag(c, 'managed'),
    disabled: flag(c, 'disabled') || targetRole === 'Stopped', failed: flag(c, 'failed'),
    ...(targetRole ? { targetRole: role(targetRole) } : {}), instances,
  };
}

function readResources(container: XmlElement | undefined): ResourceStatus[] {
  const out: ResourceStatus[] = [];
  for (const r of container?.children ?? []) {
    if (r.name === 'resource') out.push(readPrimitive(r));
    else if (r.name === 'group') out.push(readGroup(r));
    else if (r.name === 'clone') out.push(readClone(r));
    else if (r.name === 'bundle') {
      // Bundles are containers Stash HA does not manage; their inner primitives are still shown.
      for (const replica of childrenNamed(r, 'replica')) out.push(...childrenNamed(replica, 'resource').map((p) => readPrimitive(p, r.attrs.id)));
    }
  }
  return out;
}

function readFailure(f: XmlElement): OperationFailure {
  const key = f.attrs.op_key ?? f.attrs.id ?? '';
  const task = attr(f, 'task');
  const interval = attr(f, 'interval');
  let resource = key;
  let operation = task ?? '';
  const suffix = task !== undefined && interval !== undefined ? `_${task}_${interval}` : undefined;
  if (suffix && key.endsWith(suffix)) resource = key.slice(0, -suffix.length);
  else {
    const m = /^(.+)_(start|stop|monitor|promote|demote|notify|migrate_to|migrate_from|reload|reload-agent|validate-all)_(\d+)$/.exec(key);
    if (m) [resource, operation] = [m[1], operation || m[2]];
  }
  const lastRcChange = attr(f, 'last-rc-change');
  return {
    resource, node: f.attrs.node ?? '', operation, intervalMs: pacemakerNumber(interval) ?? 0,
    exitCode: pacemakerNumber(f.attrs.exitcode) ?? -1, exitStatus: f.attrs.exitstatus ?? '',
    exitReason: f.attrs.exitreason ?? '', status: f.attrs.status ?? '',
    ...(lastRcChange ? { lastRcChange } : {}),
  };
}

function readFailCounts(history: XmlElement | undefined): FailCount[] {
  const out: FailCount[] = [];
  for (const node of childrenNamed(history, 'node')) {
    for (const h of childrenNamed(node, 'resource_history')) {
      const failCount = pacemakerNumber(h.attrs['fail-count']) ?? 0;
      if (failCount <= 0) continue;
      const migrationThreshold = pacemakerNumber(h.attrs['migration-threshold']) ?? SCORE_INFINITY;
      const lastFailure = attr(h, 'last-failure');
      out.push({
        resource: h.attrs.id ?? '', node: node.attrs.name ?? '', failCount, migrationThreshold,
        ...(lastFailure ? { lastFailure } : {}),
        thresholdReached: migrationThreshold > 0 && failCount >= migrationThreshold,
      });
    }
  }
  return out;
}

function readBans(bans: XmlElement | undefined): LeftoverConstraint[] {
  return childrenNamed(bans, 'ban').map((b) => ({
    id: b.attrs.id ?? '', kind: 'ban' as const, resource: b.attrs.resource ?? '',
    ...(b.attrs.node ? { node: b.attrs.node } : {}), ...(b.attrs.weight ? { score: b.attrs.weight } : {}),
  })).filter((b) => b.id.startsWith('cli-ban-'));
}

function readOptions(o: XmlElement | undefined): ClusterOptions {
  if (o === undefined) return {};
  const opt = (name: string): boolean | undefined => (o.attrs[name] === undefined ? undefined : flag(o, name));
  const stonith = opt('stonith-enabled') ?? opt('fencing-enabled');
  return {
    ...(stonith === undefined ? {} : { stonithEnabled: stonith }),
    ...(opt('symmetric-cluster') === undefined ? {} : { symmetricCluster: opt('symmetric-cluster') }),
    ...(o.attrs['no-quorum-policy'] ? { noQuorumPolicy: o.attrs['no-quorum-policy'] } : {}),
    ...(opt('maintenance-mode') === undefined ? {} : { maintenanceMode: opt('maintenance-mode') }),
    ...(opt('stop-all-resources') === undefined ? {} : { stopAllResources: opt('stop-all-resources') }),
  };
}

/** The error crm_mon wrote into its XML instead of a status (2.x `<status code≠0>`). */
function reportedError(root: XmlElement): string | undefined {
  const status = child(root, 'status');
  if (status === undefined || status.attrs.code === '0') return undefined;
  const errors = childrenNamed(child(status, 'errors'), 'error').map((e) => e.text.trim()).filter((t) => t !== '');
  return `crm_mon failed (${status.attrs.message ?? `code ${status.attrs.code}`})${errors.length ? `: ${errors.join('; ')}` : ''}`;
}

/** Parses one crm_mon XML answer of either shape. */
export function parseCrmMon(xml: string): CrmMonParse {
  const parsed = parseXml(xml);
  if (!parsed.ok) return { ok: false, error: `crm_mon output: ${parsed.error}` };
  const root = parsed.root;
  if (root.name !== 'pacemaker-result' && root.name !== 'crm_mon') {
    return { ok: false, error: `crm_mon output: unexpected root element <${root.name}>` };
  }
  const error = reportedError(root);
  if (error) return { ok: false, error };
  const summary = child(root, 'summary');
  if (summary === undefined) return { ok: false, error: 'crm_mon output has no summary (is the cluster running on this node?)' };
  const dc = child(summary, 'current_dc');
  const dcPresent = flag(dc, 'present');
  const lastChange = child(summary, 'last_change');
  return {
    ok: true,
    status: {
      format: root.name === 'crm_mon' ? 'crm_mon-1.1' : 'pacemaker-result',
      ...(root.name === 'crm_mon' && attr(root, 'version') ? { crmMonVersion: attr(root, 'version') } : {}),
      ...(attr(child(summary, 'stack'), 'type') ? { stack: attr(child(summary, 'stack'), 'type') } : {}),
      ...(dcPresent && attr(dc, 'name') ? { dc: attr(dc, 'name') } : {}),
      ...(dcPresent && attr(dc, 'version') ? { dcVersion: attr(dc, 'version') } : {}),
      quorum: dcPresent && flag(dc, 'with_quorum'),
      ...(attr(child(summary, 'last_update'), 'time') ? { lastUpdate: attr(child(summary, 'last_update'), 'time') } : {}),
      ...(lastChange && attr(lastChange, 'time')
        ? { lastChange: `${lastChange.attrs.time}${lastChange.attrs.user ? ` by ${lastChange.attrs.user}` : ''}${lastChange.attrs.client ? ` via ${lastChange.attrs.client}` : ''}${lastChange.attrs.origin ? ` on ${lastChange.attrs.origin}` : ''}` }
        : {}),
      options: readOptions(child(summary, 'cluster_options')),
      nodes: childrenNamed(child(root, 'nodes'), 'node').map(readNode),
      resources: readResources(child(root, 'resources')),
      failures: childrenNamed(child(root, 'failures'), 'failure').map(readFailure),
      failCounts: readFailCounts(child(root, 'node_history')),
      bans: readBans(child(root, 'bans')),
    },
  };
}
