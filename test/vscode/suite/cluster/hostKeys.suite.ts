/**
 * Host keys in a real VS Code against the lab's real sshd: with
 * stashHa.sshConfigFile pointing at an ssh config whose known_hosts is empty,
 * the first refresh asks about the node's key with its SHA256 fingerprint (the
 * one ssh-keygen reads from the node's own key file); accepted, the key is
 * recorded in that known_hosts as ssh's accept-new does and the tree connects;
 * deploying the agent then reaches every node, and each is asked about once. A
 * known_hosts that holds other keys for the nodes (a changed key) is refused
 * without asking, the tree says so and what to do, and a fail-over runs nothing.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { StashHaApi } from '../../../../client/src/extension';
import type { ClusterSession } from '../../../../client/src/clusters/clusterSession';
import { startedOn } from '../../../cluster/crmMon';
import { crmMon, describeStatus, writeSshConfig } from '../../stashLab';
import { child, lab, labSession, ScriptedUi, setSetting, shownTree, stashHa } from './labFixture';

/** `SHA256:…` of a node's host key, read from the key file the node's sshd uses. */
function realFingerprint(node: string): string {
  const pub = join(lab().settings.runDir, 'nodes', node, 'ssh', 'ssh_host_ed25519_key.pub');
  return execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', pub], { encoding: 'utf8' }).split(' ')[1];
}

/** The fingerprints known_hosts holds for `host`, as ssh-keygen finds them (hashed entries too). */
function recorded(knownHosts: string, host: string): string[] {
  let out: string;
  try {
    out = execFileSync('ssh-keygen', ['-F', host, '-l', '-E', 'sha256', '-f', knownHosts], { encoding: 'utf8' });
  } catch {
    return []; // exit 1: not found
  }
  // Lines `HOST TYPE SHA256:…`, after a `# Host … found` comment.
  return out.split('\n').filter((l) => !l.startsWith('#')).flatMap((l) => l.split(' ').filter((w) => w.startsWith('SHA256:')));
}

suite('host keys of the lab cluster', () => {
  let api: StashHaApi;
  let session: ClusterSession;
  let dir: string;
  let original: unknown;
  const ui = new ScriptedUi();

  suiteSetup(async () => {
    api = await stashHa();
    session = await labSession(api);
    dir = mkdtempSync(join(tmpdir(), 'stash-ha-hostkeys-'));
    original = vscode.workspace.getConfiguration('stashHa').inspect('sshConfigFile')?.workspaceValue;
    api.setUi(ui);
  });

  suiteTeardown(async () => {
    api?.setUi(undefined);
    await setSetting('sshConfigFile', original);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('an unknown host key is asked about with its SHA256 fingerprint, once per node; accepted, it is recorded and the tree connects', async () => {
    const { config, knownHosts } = writeSshConfig(lab().info(), join(dir, 'empty'), 'none');
    assert.equal(readFileSync(knownHosts, 'utf8'), '');
    ui.trustAnswer = true;
    await setSetting('sshConfigFile', config);
    await api.registry.refresh(session.key);

    assert.ok(ui.hostKeys.length >= 1, `no host key prompt; the tree says: ${JSON.stringify(shownTree(api, session.key).children.map((c) => c.label))}`);
    const root = shownTree(api, session.key);
    assert.match(root.contextValue, /^cluster connected\b/, JSON.stringify(root.children.map((c) => c.label)));
    // A refresh needs one node; deploying the agent reaches every node, so each is asked about by now.
    await vscode.commands.executeCommand('stashHa.deployAgent', root.node);
    assert.match(ui.infos.at(-1) ?? '', /the Stash agent is on 3 of 3 nodes/, ui.transcript());

    assert.deepEqual(ui.hostKeys.map((p) => p.node).sort(), lab().info().nodes.map((n) => n.name), `each node asked about once: ${ui.transcript()}`);
    const byName = new Map(lab().info().nodes.map((n) => [n.name, n.address]));
    for (const prompt of ui.hostKeys) {
      const address = byName.get(prompt.node);
      assert.ok(address, `a prompt for an unknown node: ${JSON.stringify(prompt)}`);
      assert.equal(prompt.endpoint, `${address}:22`);
      assert.equal(prompt.keyType, 'ssh-ed25519');
      assert.equal(prompt.fingerprint, realFingerprint(prompt.node));
      assert.deepEqual(recorded(knownHosts, address), [prompt.fingerprint], `${prompt.node}'s key is recorded in ${knownHosts}`);
    }
  });

  test('a changed host key is refused without asking, with an error that says so and what to do; a fail-over runs nothing', async () => {
    const { config, knownHosts } = writeSshConfig(lab().info(), join(dir, 'changed'), 'none');
    const other = join(dir, 'other_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'not-the-node', '-f', other]);
    const otherKey = readFileSync(`${other}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
    writeFileSync(knownHosts, lab().info().nodes.map((n) => `${n.name},${n.address} ${otherKey}\n`).join(''));
    const asked = ui.hostKeys.length;
    ui.trustAnswer = true;
    await setSetting('sshConfigFile', config);
    await api.registry.refresh(session.key);

    assert.equal(ui.hostKeys.length, asked, `a changed key is never offered for trust: ${ui.transcript()}`);
    const root = shownTree(api, session.key);
    assert.match(root.contextValue, /^cluster failed\b/);
    assert.equal(root.description, 'unreachable (from the spec)');
    const error = root.children[0];
    assert.match(error.contextValue, /^message error\b/);
    assert.match(error.label, /node0\d \(10\.\d+\.\d+\.\d+:22\): the host key has CHANGED/);
    assert.match(error.label, /never accepted automatically/);
    assert.match(error.description, /host key changed: if that is expected, remove the old key \(ssh-keygen -R HOST\)/);
    // Still the spec's nodes beneath the error.
    assert.deepEqual(child(root, 'Nodes').children.map((n) => n.contextValue), ['node spec', 'node spec', 'node spec']);

    const before = await crmMon(lab());
    const from = startedOn(before, 'stash');
    const to = lab().info().nodes.map((n) => n.name).find((n) => n !== from)!;
    const errors = ui.errors.length;
    ui.pickAnswer = (labels) => (labels.includes(to) ? to : undefined);
    await vscode.commands.executeCommand('stashHa.failoverResource', child(child(root, 'Resources'), 'stash').node);
    assert.equal(ui.hostKeys.length, asked);
    assert.equal(ui.errors.length, errors + 1, ui.transcript());
    assert.match(ui.errors.at(-1)!, new RegExp(`^${lab().info().name}: fail over stash to ${to}: a host key was refused after \\d+\\.\\d s: [^]*the host key has CHANGED`));
    const after = await crmMon(lab());
    assert.equal(startedOn(after, 'stash'), from, `${describeStatus(after)} (wanted no move to ${to})`);
  });
});
