/**
 * The Clusters view and its commands in a real VS Code against the real lab
 * cluster (3 Pacemaker nodes, Stash and its VIP): the tree before and after the
 * first refresh, compared with crm_mon read on a node; Fail Over Stash to This
 * Node and Fail Over… on a resource, each checked with crm_mon and the CIB's
 * constraints; the palette's node pick; a cancelled confirmation; standby and
 * unstandby; read-only mode; deploying the agent, checked with sha256sum on every
 * node; "don't ask again for this cluster". Commands run through
 * vscode.commands.executeCommand with the tree's own items as their argument, as
 * a context menu passes them; the prompts are answered by a scripted Ui.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { StashHaApi } from '../../../../client/src/extension';
import type { ClusterSession } from '../../../../client/src/clusters/clusterSession';
import { startedOn, type LabStatus } from '../../../cluster/crmMon';
import { waitFor } from '../../../cluster/waitFor';
import { stashStateAtVip } from '../../../cluster-ops/opsLab';
import { crmMon, describeStatus } from '../../stashLab';
import { EXTENSION_ID } from '../fixtures';
import { child, lab, labSession, ScriptedUi, setSetting, shownTree, ShownItem, stashHa } from './labFixture';

const NODES = ['node01', 'node02', 'node03'];
const AGENT_PATH = '/usr/lib/ocf/resource.d/heartbeat/stash';

/** crm_mon on a node other than `not`, so the check does not lean on the node the extension asked. */
async function oracle(not?: string): Promise<LabStatus> {
  return crmMon(lab(), NODES.find((n) => n !== not) ?? 'node01');
}

/** Waits until crm_mon shows `done` and returns that status. */
async function crmMonUntil(what: string, done: (s: LabStatus) => boolean, timeoutMs = 120_000): Promise<LabStatus> {
  return (await waitFor(what, timeoutMs, async () => {
    const s = await oracle();
    return done(s) ? { done: true, value: s } : { done: false, seen: describeStatus(s) };
  }, 500)).value;
}

/** The move/ban constraints (`cli-prefer-*`, `cli-ban-*`) the CIB holds. */
async function cliConstraints(): Promise<string[]> {
  const xml = await lab().sshOk('node02', ['cibadmin', '--query', '--scope', 'constraints']);
  return [...xml.matchAll(/<rsc_location [^>]*\bid="(cli-[^"]+)"/g)].map((m) => m[1]);
}

async function sha256On(node: string): Promise<string> {
  return (await lab().sshOk(node, ['sha256sum', AGENT_PATH])).split(' ')[0];
}

suite('Clusters view on the lab cluster', () => {
  let api: StashHaApi;
  let session: ClusterSession;
  const ui = new ScriptedUi();

  suiteSetup(async () => {
    api = await stashHa();
    session = await labSession(api);
    api.setUi(ui);
  });

  suiteTeardown(() => {
    api?.setUi(undefined);
  });

  function tree(): ShownItem {
    return shownTree(api, session.key);
  }

  function nodeItem(name: string): ShownItem {
    return child(child(tree(), 'Nodes'), name);
  }

  /** Where the tree says Stash runs: the cluster's description names it. */
  function stashInTree(): string | undefined {
    return /· Stash on (\S+)/.exec(tree().description)?.[1];
  }

  test('before the first refresh the cluster shows the spec: its nodes and resources, not connected', () => {
    const root = tree();
    assert.equal(root.label, lab().info().name);
    assert.equal(root.description, 'not connected (from the spec)');
    assert.match(root.contextValue, /^cluster not-connected\b/);
    assert.deepEqual(child(root, 'Nodes').children.map((n) => [n.label, n.description, n.contextValue]),
      lab().info().nodes.map((n) => [n.name, n.address, 'node spec']));
    assert.deepEqual(child(root, 'Resources').children.map((r) => [r.label, r.description]),
      [['stash', 'ocf:heartbeat:stash'], ['vip', 'ocf:heartbeat:IPaddr2']]);
  });

  test('after a refresh the tree shows what crm_mon shows: nodes, the DC, where Stash runs and every resource', async () => {
    await api.registry.refresh(session.key);
    const root = tree();
    assert.match(root.contextValue, /^cluster connected\b.*\bhasStash\b/, JSON.stringify(root.children.map((c) => c.label)));
    const s = await oracle();
    const where = startedOn(s, 'stash');
    assert.ok(where, describeStatus(s));
    assert.equal(stashInTree(), where, root.description);
    assert.match(root.description, /^Pacemaker 2\.\d+\.\d+ · quorum · Stash on /);

    const nodes = child(root, 'Nodes');
    assert.deepEqual(nodes.children.map((n) => n.label), s.nodes.map((n) => n.name));
    for (const n of s.nodes) {
      const shown = nodes.children.find((c) => c.label === n.name);
      assert.equal(shown?.description, `online${n.name === s.dc ? ' · DC' : ''}`, n.name);
      assert.deepEqual(shown?.children.map((c) => c.label).sort(), s.resources.filter((r) => r.nodes.includes(n.name)).map((r) => r.id).sort(), n.name);
    }

    const resources = child(root, 'Resources');
    assert.deepEqual(resources.children.map((r) => r.label).sort(), s.resources.map((r) => r.id).sort());
    const stashState = await stashStateAtVip(lab().info());
    assert.equal(child(resources, 'stash').description, `Started on ${where} · ${stashState}`);
    assert.equal(child(resources, 'vip').description, `Started on ${startedOn(s, 'vip')}`);
    assert.match(child(resources, 'stash').contextValue, /^resource primitive started\b.*\bstash\b.*\bmovable\b/);
    assert.deepEqual(root.children.map((c) => c.label), ['Nodes', 'Resources'], 'no leftover constraint, warning or error item');
  });

  test('Fail Over Stash to This Node on a node item asks, naming what moves where, and moves Stash and its VIP there', async () => {
    await api.registry.refresh(session.key);
    const from = stashInTree();
    assert.ok(from, tree().description);
    const to = NODES.find((n) => n !== from)!;
    assert.match(nodeItem(to).contextValue, /^node online\b.*\bhasStash\b/);
    const asked = ui.confirms.length;

    await vscode.commands.executeCommand('stashHa.failoverStashToNode', nodeItem(to).node);

    assert.deepEqual(ui.confirms.slice(asked).map((c) => [c.message, c.action]), [[`stash and vip will move from ${from} to ${to}.`, 'Fail Over']], ui.transcript());
    assert.match(ui.infos.at(-1) ?? '', new RegExp(`^${lab().info().name}: fail over stash to ${to}: done in \\d+\\.\\d s\\.$`), ui.transcript());
    const s = await oracle(to);
    assert.equal(startedOn(s, 'stash'), to, describeStatus(s));
    assert.equal(startedOn(s, 'vip'), to, describeStatus(s));
    assert.deepEqual(await cliConstraints(), [], 'the move left no constraint behind');
    assert.equal(stashInTree(), to, 'the tree shows the snapshot the fail-over verified');
    assert.deepEqual(nodeItem(to).children.map((c) => c.label).sort(), ['stash', 'vip']);
  });

  test('Fail Over… on the VIP offers the other nodes, and moves the VIP with the Stash it is colocated with', async () => {
    await api.registry.refresh(session.key);
    const from = stashInTree()!;
    const vip = child(child(tree(), 'Resources'), 'vip');
    const to = NODES.filter((n) => n !== from)[1];
    const picked = ui.picks.length;
    const asked = ui.confirms.length;
    ui.pickAnswer = (labels) => (labels.includes(to) ? to : undefined);

    await vscode.commands.executeCommand('stashHa.failoverResource', vip.node);

    assert.deepEqual(ui.picks.slice(picked).map((p) => p.labels), [NODES.filter((n) => n !== from)], ui.transcript());
    assert.equal(ui.confirms.length, asked + 1, ui.transcript());
    assert.match(ui.confirms.at(-1)!.message, new RegExp(`^(stash and vip|vip and stash) will move from ${from} to ${to}\\.$`));
    const s = await oracle(to);
    assert.equal(startedOn(s, 'stash'), to, describeStatus(s));
    assert.equal(startedOn(s, 'vip'), to, describeStatus(s));
    assert.deepEqual(await cliConstraints(), []);
    assert.equal(stashInTree(), to);
  });

  test('from the command palette, Fail Over Stash to This Node asks which node, offering only those Stash does not run on', async () => {
    await api.registry.refresh(session.key);
    const from = stashInTree()!;
    const picked = ui.picks.length;
    const asked = ui.confirms.length;
    // The workspace holds three specs: first the cluster, then the node, where it is cancelled.
    ui.pickAnswer = (labels, placeholder) => (placeholder === 'Which cluster?' ? lab().info().name : undefined);
    await vscode.commands.executeCommand('stashHa.failoverStashToNode');
    assert.deepEqual(ui.picks.slice(picked).map((p) => p.placeholder), ['Which cluster?', 'Fail Over stash: to which node?'], ui.transcript());
    assert.ok(ui.picks[picked].labels.includes(lab().info().name));
    assert.deepEqual(ui.picks[picked + 1].labels, NODES.filter((n) => n !== from));
    assert.equal(ui.confirms.length, asked, 'cancelled at the pick: nothing asked');
  });

  test('a cancelled confirmation moves nothing', async () => {
    await api.registry.refresh(session.key);
    const from = stashInTree()!;
    const to = NODES.find((n) => n !== from)!;
    ui.confirmAnswer = undefined;
    try {
      await vscode.commands.executeCommand('stashHa.failoverStashToNode', nodeItem(to).node);
    } finally {
      ui.confirmAnswer = 'yes';
    }
    assert.equal(ui.confirms.at(-1)?.message, `stash and vip will move from ${from} to ${to}.`);
    const s = await oracle();
    assert.equal(startedOn(s, 'stash'), from, describeStatus(s));
  });

  test('Standby on the node running Stash moves Stash off it; Unstandby brings the node back', async () => {
    await api.registry.refresh(session.key);
    const active = stashInTree()!;
    await vscode.commands.executeCommand('stashHa.standbyNode', nodeItem(active).node);
    assert.equal(ui.confirms.at(-1)?.message, `${active} goes into standby: stash and vip will move off it.`, ui.transcript());
    const s = await crmMonUntil(`${active} in standby and Stash started elsewhere`, (x) => {
      const where = startedOn(x, 'stash');
      return x.nodes.find((n) => n.name === active)?.standby === true && where !== undefined && where !== active && startedOn(x, 'vip') === where;
    });
    await api.registry.refresh(session.key);
    assert.match(nodeItem(active).description, /^standby\b/);
    assert.match(nodeItem(active).contextValue, /^node standby\b/);
    assert.equal(stashInTree(), startedOn(s, 'stash'));

    await vscode.commands.executeCommand('stashHa.unstandbyNode', nodeItem(active).node);
    assert.equal(ui.confirms.at(-1)?.message, `${active} comes out of standby.`);
    const after = await oracle();
    assert.equal(after.nodes.find((n) => n.name === active)?.standby, false, describeStatus(after));
    assert.equal(after.nodes.find((n) => n.name === active)?.online, true, describeStatus(after));
    assert.match(nodeItem(active).description, /^online\b/);
  });

  test('read-only mode refuses a fail-over without asking, and nothing moves', async () => {
    await api.registry.refresh(session.key);
    const from = stashInTree()!;
    const asked = ui.confirms.length;
    await setSetting('readOnly', true);
    try {
      await api.registry.refresh(session.key);
      await vscode.commands.executeCommand('stashHa.failoverStashToNode', nodeItem(NODES.find((n) => n !== from)!).node);
    } finally {
      await setSetting('readOnly', undefined);
    }
    assert.equal(ui.confirms.length, asked);
    assert.match(ui.errors.at(-1) ?? '', /refused: stashHa\.readOnly is on/);
    const s = await oracle();
    assert.equal(startedOn(s, 'stash'), from, describeStatus(s));
  });

  test('Deploy the Stash Agent puts the agent bundled with the extension on every node, checked with sha256sum there', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const bundled = createHash('sha256').update(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'agent', 'stash'))).digest('hex');
    // Make every node's agent differ (a harmless comment, so the running Stash is not disturbed).
    for (const node of NODES) await lab().sshOk(node, ['sh', '-c', `printf '# an older agent\\n' >> ${AGENT_PATH}`]);
    const before = await Promise.all(NODES.map(sha256On));
    assert.ok(before.every((h) => h !== bundled), 'the nodes start with another agent');

    await api.registry.refresh(session.key);
    await vscode.commands.executeCommand('stashHa.deployAgent', tree().node);

    assert.match(ui.infos.at(-1) ?? '', new RegExp(`^${lab().info().name}: the Stash agent is on 3 of 3 nodes \\(\\d+\\.\\d s, sha256 ${bundled.slice(0, 12)}…\\)$`), ui.transcript());
    assert.deepEqual(await Promise.all(NODES.map(sha256On)), NODES.map(() => bundled));
    for (const [i, node] of NODES.entries()) {
      assert.equal((await lab().sshOk(node, ['sha256sum', `${AGENT_PATH}.previous`])).split(' ')[0], before[i], `${node} keeps the agent it had`);
      assert.equal((await lab().sshOk(node, ['stat', '-c', '%a', AGENT_PATH])).trim(), '755');
    }
    const s = await oracle();
    assert.ok(startedOn(s, 'stash'), `Stash still runs: ${describeStatus(s)}`);
  });

  // Last: from here on this cluster's fail-overs are not confirmed.
  test('"Don\'t Ask Again for This Cluster" is remembered: the next fail-over of this cluster runs without asking', async () => {
    await api.registry.refresh(session.key);
    const first = NODES.find((n) => n !== stashInTree())!;
    ui.confirmAnswer = 'always';
    try {
      await vscode.commands.executeCommand('stashHa.failoverStashToNode', nodeItem(first).node);
    } finally {
      ui.confirmAnswer = 'yes';
    }
    assert.equal(startedOn(await oracle(first), 'stash'), first);
    const asked = ui.confirms.length;
    const second = NODES.find((n) => n !== first)!;
    await vscode.commands.executeCommand('stashHa.failoverStashToNode', nodeItem(second).node);
    assert.equal(ui.confirms.length, asked, ui.transcript());
    const s = await oracle(second);
    assert.equal(startedOn(s, 'stash'), second, describeStatus(s));
    assert.equal(startedOn(s, 'vip'), second, describeStatus(s));
  });
});
