// The Clusters tree as a pure function of what is known: the spec before
// connecting, one snapshot after. Snapshots come from captured crm_mon output.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterSnapshot } from '../../../client/src/cluster/snapshot';
import { ClusterView, clusterTree, flatten, TreeNode } from '../../../client/src/explorer/treeModel';
import { statusText } from '../../../client/src/feedback/statusText';
import { LAB_CONSTRAINTS, snapshotOf } from '../cluster/snapshots';

const DESIRED = {
  nodes: [{ name: 'node01', address: '10.0.0.1' }, { name: 'node02', address: '10.0.0.2' }],
  resources: [{ id: 'stash', agent: 'ocf:heartbeat:stash' }, { id: 'vip', agent: 'ocf:heartbeat:IPaddr2' }],
  groups: [],
};

function view(extra: Partial<ClusterView>): ClusterView {
  return { key: 'file:///w/lab.cluster.yaml', name: 'lab', specLabel: 'lab.cluster.yaml', state: 'not-connected', desired: DESIRED, ...extra };
}

function withStash(s: ClusterSnapshot, state: string): ClusterSnapshot {
  return { ...s, stash: [{ resource: 'stash', url: 'http://localhost:7990/status', node: 'node01', state }] };
}

function byLabel(root: TreeNode, label: string): TreeNode {
  const found = flatten(root).find((n) => n.label === label && n.contextValue !== 'info running');
  return found ?? assert.fail(`no item ${label}`);
}

describe('clusterTree', () => {
  test('before connecting: the spec\'s nodes and resources, and the state on the cluster item', () => {
    const tree = clusterTree(view({}));
    assert.equal(tree.description, 'not connected (from the spec)');
    assert.match(tree.contextValue, /^cluster not-connected/);
    const [nodes, resources] = tree.children;
    assert.deepEqual(nodes.children.map((n) => [n.label, n.description, n.contextValue]), [['node01', '10.0.0.1', 'node spec'], ['node02', '10.0.0.2', 'node spec']]);
    assert.deepEqual(resources.children.map((n) => [n.label, n.description]), [['stash', 'ocf:heartbeat:stash'], ['vip', 'ocf:heartbeat:IPaddr2']]);
    assert.equal(clusterTree(view({ state: 'untrusted' })).description, 'untrusted workspace: no remote commands (from the spec)');
  });

  test('connected: nodes with state and DC, what runs on each, resources with Stash\'s own state beside it', () => {
    const s = withStash(snapshotOf('pacemaker-2.1.5-healthy.xml', LAB_CONSTRAINTS), 'RUNNING');
    const tree = clusterTree(view({ state: 'connected', snapshot: s }));
    assert.equal(tree.description, 'Pacemaker 2.1.5 · quorum · Stash on node01');
    assert.match(tree.contextValue, /\bhasStash\b/);
    const nodes = tree.children[0].children;
    assert.deepEqual(nodes.map((n) => n.label), s.nodes.map((n) => n.name));
    const dc = s.nodes.find((n) => n.isDc);
    assert.ok(dc);
    assert.equal(byLabel(tree, dc.name).description, 'online · DC');
    assert.match(byLabel(tree, 'node01').contextValue, /^node online\b.*\bhasStash\b/);
    assert.ok(byLabel(tree, 'node01').children.some((c) => c.label === 'stash' && c.description === 'Started · RUNNING'));
    assert.equal(byLabel(tree, 'stash').description, 'Started on node01 · RUNNING');
    assert.match(byLabel(tree, 'stash').contextValue, /^resource primitive started\b.*\bstash\b.*\bmovable\b/);
    assert.match(byLabel(tree, 'tools').contextValue, /^resource group\b/);
    assert.deepEqual(byLabel(tree, 'tools').children.map((c) => c.label), ['tools-a', 'tools-b']);
    assert.match(byLabel(tree, 'probe-clone').description ?? '', /^clone on /);
    const starting = clusterTree(view({ state: 'connected', snapshot: withStash(s, 'STARTING') }));
    assert.equal(byLabel(starting, 'stash').description, 'Started on node01 · STARTING');
  });

  test('standby nodes, failures with fail-count against migration-threshold, and leftover constraints as warnings', () => {
    const standby = clusterTree(view({ state: 'connected', snapshot: snapshotOf('pacemaker-2.1.5-standby.xml') }));
    assert.match(byLabel(standby, 'node01').contextValue, /^node standby\b/);
    const failed = clusterTree(view({ state: 'connected', snapshot: snapshotOf('pacemaker-2.1.5-failed.xml') }));
    const items = flatten(failed);
    assert.ok(items.some((n) => n.label === 'monitor failed on node01' && n.contextValue === 'info failure'));
    assert.ok(items.some((n) => /^fail-count 1 of 1 on node01$/.test(n.label) && n.description === 'cannot run on node01 until cleaned up'));
    const prefer = clusterTree(view({ state: 'connected', snapshot: snapshotOf('pacemaker-2.1.5-cli-prefer.xml', 'pacemaker-2.1.5-cli-prefer.constraints.xml') }));
    const leftover = flatten(prefer).filter((n) => n.contextValue === 'leftover');
    assert.equal(leftover.length, 1);
    assert.match(leftover[0].description ?? '', /pinned to .*: a leftover of a move/);
    assert.equal(leftover[0].icon?.id, 'warning');
  });

  test('a failed refresh is a message item with the reason and what to do, above the spec\'s items', () => {
    const tree = clusterTree(view({ state: 'failed', error: { message: 'no node answered', hint: 'Check that the nodes are up' } }));
    assert.equal(tree.description, 'unreachable (from the spec)');
    assert.deepEqual([tree.children[0].label, tree.children[0].description, tree.children[0].contextValue], ['no node answered', 'Check that the nodes are up', 'message error']);
  });

  test('ids are unique and stable across refreshes', () => {
    const s = snapshotOf('pacemaker-2.1.5-healthy.xml', LAB_CONSTRAINTS);
    const a = flatten(clusterTree(view({ state: 'connected', snapshot: s }))).map((n) => n.id);
    const b = flatten(clusterTree(view({ state: 'connected', snapshot: { ...s, takenAt: 'later' } }))).map((n) => n.id);
    assert.equal(new Set(a).size, a.length);
    assert.deepEqual(a, b);
  });
});

describe('statusText', () => {
  test('where Stash runs and whether the cluster is healthy', () => {
    const s = withStash(snapshotOf('pacemaker-2.1.5-healthy.xml', LAB_CONSTRAINTS), 'RUNNING');
    assert.deepEqual(statusText(view({ state: 'connected', snapshot: s })).text, '$(pass) Stash on node01 · RUNNING');
    const standby = statusText(view({ state: 'connected', snapshot: snapshotOf('pacemaker-2.1.5-standby.xml') }));
    assert.equal(standby.warning, true);
    assert.match(standby.tooltip, /node01 standby/);
    assert.equal(statusText(view({ state: 'failed' })).text, '$(error) lab: unreachable');
  });

  test('before it is connected it says what the tree says: connecting, untrusted, no node', () => {
    assert.equal(statusText(view({ state: 'not-connected' })).text, '$(circle-large-outline) lab: not connected');
    assert.equal(statusText(view({ state: 'connecting' })).text, '$(sync~spin) lab: connecting…');
    const untrusted = statusText(view({ state: 'untrusted' }));
    assert.equal(untrusted.text, '$(workspace-untrusted) lab: untrusted workspace');
    assert.match(untrusted.tooltip, /until the workspace is trusted/);
    assert.equal(statusText(view({ state: 'no-nodes' })).text, '$(circle-slash) lab: no node to connect to');
    assert.equal(statusText(view({ state: 'failed', error: { message: 'node01: refused', hint: 'h' } })).tooltip, 'node01: refused');
  });
});
