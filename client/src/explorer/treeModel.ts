/**
 * The Clusters tree as plain data: a pure function from what is known about one
 * cluster (its spec, and the last snapshot when connected) to its items. No I/O
 * and no `vscode` here: expanding an item only reads these children, and tests
 * check the tree against `pcs status` without an editor. The explorer turns each
 * TreeNode into a vscode.TreeItem one to one.
 *
 * contextValue is a list of words menus match with `viewItem =~ /…/`: the kind
 * first (`cluster`, `node`, `resource`, `leftover`, `message`, `info`), then
 * states (`online`, `standby`, `started`, `stopped`, `disabled`, `failed`,
 * `stash`, `connected`, `movable`, `hasStash`).
 */
import { formatScore, STASH_AGENT } from '../../../server/src';
import { ClusterSnapshot, FailCount, NodeStatus, OperationFailure, PrimitiveStatus, ResourceStatus, StashAppStatus } from '../cluster/snapshot';
import { allPrimitives, runningOn } from '../cluster/snapshotQueries';

/** Where the cluster stands for the editor. */
export type ClusterState = 'not-connected' | 'connecting' | 'connected' | 'failed' | 'untrusted' | 'no-nodes';

/** The spec's own view of the cluster: what the tree shows before it connects. */
export interface DesiredView {
  readonly nodes: readonly { readonly name: string; readonly address?: string }[];
  readonly resources: readonly { readonly id: string; readonly agent?: string }[];
  readonly groups: readonly { readonly id: string; readonly members: readonly string[] }[];
}

export interface ClusterView {
  /** The spec file's URI, as a string: the cluster's key everywhere. */
  readonly key: string;
  readonly name: string;
  /** The spec file, relative to the workspace, for descriptions. */
  readonly specLabel: string;
  readonly state: ClusterState;
  readonly desired: DesiredView;
  readonly snapshot?: ClusterSnapshot;
  /** Why the last refresh failed, and what to do about it. */
  readonly error?: { readonly message: string; readonly hint: string };
}

/** What a command on an item acts on. */
export interface ItemTarget {
  readonly cluster: string;
  readonly node?: string;
  readonly resource?: string;
}

export interface TreeNode {
  /** Unique and stable across refreshes, so the tree keeps what the user expanded. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  /** A codicon id, with an optional theme color id. */
  readonly icon?: { readonly id: string; readonly color?: string };
  readonly contextValue: string;
  readonly children: readonly TreeNode[];
  readonly expanded?: boolean;
  readonly target: ItemTarget;
}

const NODE_ICONS: Readonly<Record<string, { id: string; color?: string }>> = {
  online: { id: 'vm-running', color: 'testing.iconPassed' },
  standby: { id: 'debug-pause', color: 'list.warningForeground' },
  maintenance: { id: 'tools', color: 'list.warningForeground' },
  offline: { id: 'vm-outline', color: 'disabledForeground' },
  unclean: { id: 'error', color: 'list.errorForeground' },
  pending: { id: 'loading~spin' },
  'shutting-down': { id: 'debug-stop', color: 'list.warningForeground' },
};

function leaf(id: string, label: string, target: ItemTarget, extra: Partial<TreeNode> = {}): TreeNode {
  return { id, label, contextValue: 'info', children: [], target, ...extra };
}

function stashOf(snapshot: ClusterSnapshot, id: string): StashAppStatus | undefined {
  return snapshot.stash.find((s) => s.resource === id);
}

/** "Started on node02 · RUNNING": the role, where, and Stash's own word beside its resource. */
function primitiveDescription(p: PrimitiveStatus, snapshot: ClusterSnapshot, showNodes = true): string {
  const parts = [`${p.role}${showNodes && p.nodes.length ? ` on ${p.nodes.join(', ')}` : ''}`];
  const stash = p.agent === STASH_AGENT ? stashOf(snapshot, p.id) : undefined;
  if (stash) parts[0] += ` · ${stash.state ?? 'status unknown'}`;
  if (p.failed) parts.push('FAILED');
  if (p.targetRole === 'Stopped') parts.push('disabled');
  if (!p.managed) parts.push('unmanaged');
  if (p.blocked) parts.push('blocked');
  return parts.join(' · ');
}

function primitiveIcon(p: PrimitiveStatus, snapshot: ClusterSnapshot): { id: string; color?: string } {
  if (p.failed || p.blocked) return { id: 'error', color: 'list.errorForeground' };
  if (failCountsOf(snapshot, p.id).some((f) => f.thresholdReached)) return { id: 'warning', color: 'list.warningForeground' };
  if (p.targetRole === 'Stopped' || p.role === 'Stopped') return { id: 'circle-slash', color: 'disabledForeground' };
  if (p.agent === STASH_AGENT) {
    const state = stashOf(snapshot, p.id)?.state;
    if (state !== undefined && state !== 'RUNNING') return { id: 'loading~spin', color: 'list.warningForeground' };
  }
  return { id: 'pass-filled', color: 'testing.iconPassed' };
}

function failuresOf(snapshot: ClusterSnapshot, id: string): OperationFailure[] {
  return snapshot.failures.filter((f) => f.resource === id);
}

function failCountsOf(snapshot: ClusterSnapshot, id: string): FailCount[] {
  return snapshot.failCounts.filter((f) => f.resource === id);
}

/** Failures and fail counts of one primitive, as warning leaves under it. */
function troubleLeaves(base: string, p: PrimitiveStatus, snapshot: ClusterSnapshot, target: ItemTarget): TreeNode[] {
  const out: TreeNode[] = [];
  for (const f of failuresOf(snapshot, p.id)) {
    out.push(leaf(`${base}/failure/${f.node}/${f.operation}/${f.intervalMs}`, `${f.operation} failed on ${f.node}`, target, {
      description: `${f.exitStatus} (exit ${f.exitCode})${f.exitReason ? `: ${f.exitReason}` : ''}`,
      icon: { id: 'warning', color: 'list.warningForeground' }, contextValue: 'info failure',
      tooltip: `${p.id} ${f.operation}${f.intervalMs ? ` (every ${f.intervalMs / 1000} s)` : ''} on ${f.node}: ${f.exitStatus}. Clean Up clears it.`,
    }));
  }
  for (const c of failCountsOf(snapshot, p.id)) {
    out.push(leaf(`${base}/failcount/${c.node}`, `fail-count ${c.failCount} of ${formatScore(c.migrationThreshold)} on ${c.node}`, target, {
      description: c.thresholdReached ? `cannot run on ${c.node} until cleaned up` : undefined,
      icon: { id: c.thresholdReached ? 'warning' : 'info', color: c.thresholdReached ? 'list.warningForeground' : undefined },
      contextValue: 'info failcount',
    }));
  }
  return out;
}

function words(...list: (string | false | undefined)[]): string {
  return list.filter((w): w is string => typeof w === 'string' && w !== '').join(' ');
}

function primitiveNode(key: string, p: PrimitiveStatus, snapshot: ClusterSnapshot, parentId: string): TreeNode {
  const id = `${parentId}/${p.id}`;
  const target = { cluster: key, resource: p.id };
  const trouble = troubleLeaves(id, p, snapshot, target);
  const stopped = p.role === 'Stopped';
  return {
    id, label: p.id, description: primitiveDescription(p, snapshot), icon: primitiveIcon(p, snapshot),
    tooltip: `${p.id} (${p.agent})\n${primitiveDescription(p, snapshot)}`,
    contextValue: words('resource', 'primitive', stopped ? 'stopped' : 'started', p.targetRole === 'Stopped' && 'disabled',
      p.failed && 'failed', trouble.length > 0 && 'troubled', p.agent === STASH_AGENT && 'stash', !p.parent && 'movable',
      p.parent && !p.parent.startsWith('clone:') && 'member'),
    children: trouble, expanded: trouble.length > 0, target,
  };
}

function resourceNode(key: string, r: ResourceStatus, snapshot: ClusterSnapshot, parentId: string): TreeNode {
  if (r.kind === 'primitive') return primitiveNode(key, r, snapshot, parentId);
  const id = `${parentId}/${r.id}`;
  const target = { cluster: key, resource: r.id };
  if (r.kind === 'group') {
    const on = runningOn(r);
    return {
      id, label: r.id, description: words('group', on.length ? `on ${on.join(', ')}` : 'stopped', r.disabled && '· disabled'),
      icon: { id: 'layers' }, tooltip: `group ${r.id}: ${r.members.map((m) => m.id).join(' → ')}`,
      contextValue: words('resource', 'group', on.length ? 'started' : 'stopped', r.disabled && 'disabled', 'movable'),
      children: r.members.map((m) => primitiveNode(key, m, snapshot, id)), expanded: true, target,
    };
  }
  const on = runningOn(r);
  const promoted = r.instances.flatMap((i) => (i.kind === 'primitive' && i.role === 'Promoted' ? i.nodes : []));
  return {
    id, label: r.id,
    description: words(r.promotable ? 'promotable clone' : 'clone', on.length ? `on ${on.join(', ')}` : 'stopped',
      promoted.length > 0 && `· promoted on ${promoted.join(', ')}`, r.disabled && '· disabled', r.failed && '· FAILED'),
    icon: { id: 'copy', color: r.failed ? 'list.errorForeground' : undefined },
    contextValue: words('resource', 'clone', on.length ? 'started' : 'stopped', r.disabled && 'disabled', r.failed && 'failed'),
    children: r.instances.map((i, n) => (i.kind === 'primitive'
      ? primitiveNode(key, { ...i, parent: `clone:${r.id}` }, snapshot, `${id}/${n}`)
      : resourceNode(key, i, snapshot, `${id}/${n}`))),
    target,
  };
}

function nodeDescription(n: NodeStatus): string {
  return words(n.state, n.isDc && '· DC');
}

function hasStash(snapshot: ClusterSnapshot): boolean {
  return allPrimitives(snapshot.resources).some((p) => p.agent === STASH_AGENT);
}

function nodeItem(key: string, n: NodeStatus, snapshot: ClusterSnapshot): TreeNode {
  const id = `${key}/nodes/${n.name}`;
  const target = { cluster: key, node: n.name };
  const here = allPrimitives(snapshot.resources).filter((p) => p.nodes.includes(n.name));
  return {
    id, label: n.name, description: nodeDescription(n), icon: NODE_ICONS[n.state] ?? { id: 'vm' },
    tooltip: `${n.name}: ${n.state}${n.isDc ? ' (the designated controller)' : ''}; ${here.length} resource(s) running`,
    contextValue: words('node', n.state, n.isDc && 'dc', hasStash(snapshot) && 'hasStash', 'connected'),
    children: here.map((p) => leaf(`${id}/${p.id}`, p.id, { cluster: key, node: n.name, resource: p.id }, {
      description: primitiveDescription(p, snapshot, false), icon: primitiveIcon(p, snapshot), contextValue: 'info running',
    })),
    target,
  };
}

function section(id: string, label: string, target: ItemTarget, children: TreeNode[], extra: Partial<TreeNode> = {}): TreeNode {
  return { id, label, description: `${children.length}`, contextValue: 'section', children, expanded: true, target, ...extra };
}

function connectedChildren(view: ClusterView, s: ClusterSnapshot): TreeNode[] {
  const key = view.key;
  const target = { cluster: key };
  const out: TreeNode[] = [
    section(`${key}/nodes`, 'Nodes', target, s.nodes.map((n) => nodeItem(key, n, s)), { icon: { id: 'server' } }),
    section(`${key}/resources`, 'Resources', target, s.resources.map((r) => resourceNode(key, r, s, `${key}/resources`)), { icon: { id: 'package' } }),
  ];
  for (const l of s.leftovers) {
    out.push(leaf(`${key}/leftover/${l.id}`, l.id, { cluster: key, resource: l.resource, ...(l.node ? { node: l.node } : {}) }, {
      description: `${l.resource} ${l.kind === 'prefer' ? 'pinned to' : 'banned from'} ${l.node ?? '?'}: a leftover of a move`,
      icon: { id: 'warning', color: 'list.warningForeground' }, contextValue: 'leftover',
      tooltip: `A ${l.kind === 'prefer' ? 'move' : 'ban'} left this constraint behind; Clear Move/Ban Constraints removes it.`,
    }));
  }
  for (const [i, w] of s.warnings.filter((x) => x !== '').entries()) {
    out.push(leaf(`${key}/warning/${i}`, w, target, { icon: { id: 'warning', color: 'list.warningForeground' }, contextValue: 'message warning' }));
  }
  return out;
}

function desiredChildren(view: ClusterView): TreeNode[] {
  const key = view.key;
  const target = { cluster: key };
  const grouped = new Map(view.desired.groups.flatMap((g) => g.members.map((m) => [m, g.id] as const)));
  return [
    section(`${key}/nodes`, 'Nodes', target, view.desired.nodes.map((n) => leaf(`${key}/nodes/${n.name}`, n.name, { cluster: key, node: n.name }, {
      description: n.address, icon: { id: 'vm-outline' }, contextValue: 'node spec',
    })), { icon: { id: 'server' } }),
    section(`${key}/resources`, 'Resources', target, view.desired.resources.map((r) => leaf(`${key}/resources/${r.id}`, r.id, { cluster: key, resource: r.id }, {
      description: words(r.agent, grouped.has(r.id) && `· in ${grouped.get(r.id)}`), icon: { id: 'circle-outline' },
      contextValue: words('resource', 'spec', r.agent === STASH_AGENT && 'stash'),
    })), { icon: { id: 'package' } }),
  ];
}

const STATE_WORDS: Readonly<Record<ClusterState, string>> = {
  'not-connected': 'not connected (from the spec)',
  connecting: 'connecting…',
  connected: 'connected',
  failed: 'unreachable (from the spec)',
  untrusted: 'untrusted workspace: no remote commands (from the spec)',
  'no-nodes': 'no node to connect to',
};

function clusterDescription(view: ClusterView): string {
  const s = view.snapshot;
  if (view.state !== 'connected' || s === undefined) return STATE_WORDS[view.state];
  const stash = s.stash.find((x) => x.node !== undefined);
  return words(`Pacemaker ${s.pacemakerVersion}`, s.quorum ? '· quorum' : '· NO QUORUM', stash?.node && `· Stash on ${stash.node}`);
}

/** The cluster's item and everything beneath it. */
export function clusterTree(view: ClusterView): TreeNode {
  const connected = view.state === 'connected' && view.snapshot !== undefined;
  const children: TreeNode[] = [];
  if (view.error) {
    children.push(leaf(`${view.key}/error`, view.error.message, { cluster: view.key }, {
      description: view.error.hint, tooltip: `${view.error.message}\n${view.error.hint}`,
      icon: { id: 'error', color: 'list.errorForeground' }, contextValue: 'message error',
    }));
  }
  children.push(...(connected && view.snapshot ? connectedChildren(view, view.snapshot) : desiredChildren(view)));
  return {
    id: view.key, label: view.name, description: clusterDescription(view),
    tooltip: `${view.name} (${view.specLabel})\n${clusterDescription(view)}`,
    icon: { id: connected ? 'server-environment' : 'circle-large-outline', color: view.error ? 'list.errorForeground' : undefined },
    contextValue: words('cluster', view.state, connected && view.snapshot && hasStash(view.snapshot) && 'hasStash'),
    children, expanded: true, target: { cluster: view.key },
  };
}

/** Every item of a tree, depth first: for tests and for finding an item by id. */
export function flatten(node: TreeNode): TreeNode[] {
  return [node, ...node.children.flatMap(flatten)];
}
