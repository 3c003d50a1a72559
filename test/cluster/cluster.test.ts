// The lab cluster itself, end to end: three real Pacemaker nodes come up, a real
// ocf:heartbeat:stash resource (the agent from agent/stash, Stash played by
// test/stash-standin) runs with an IPaddr2 VIP, survives a node crash, the node
// comes back, and teardown leaves nothing on the machine.
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parseCrmMon, startedOn, type LabStatus } from './crmMon';
import { claimLab } from './labCluster';
import { waitFor, type Probe } from './waitFor';

const lab = claimLab();
const nodes = ['node01', 'node02', 'node03'];

async function status(node: string): Promise<LabStatus> {
  return parseCrmMon(await lab.sshOk(node, ['crm_mon', '--output-as=xml']));
}

function describeStatus(s: LabStatus): string {
  const online = s.nodes.filter((n) => n.online).map((n) => n.name);
  const resources = s.resources.map((r) => `${r.id}=${r.role}@${r.nodes.join('+') || '-'}`);
  return `quorum=${s.quorum} online=[${online.join(' ')}] ${resources.join(' ')}`;
}

/** Done when Stash and the VIP are Started together on one node other than `avoid`. */
function stashWithVip(s: LabStatus, avoid?: string): Probe<string> {
  const node = startedOn(s, 'stash');
  if (s.quorum && node !== undefined && node !== avoid && startedOn(s, 'vip') === node) return { done: true, value: node };
  return { done: false, seen: describeStatus(s) };
}

/** Asks Stash's status page through the VIP, from the host. */
async function stashStateAtVip(): Promise<string> {
  const response = await fetch(`http://${lab.info().vip}:7990/status`, { signal: AbortSignal.timeout(3000) });
  return ((await response.json()) as { state: string }).state;
}

/** Runs a test body; if it fails, the nodes' logs go into the report. */
async function withLogs(t: TestContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const logs = await lab.script('logs').catch((e: unknown) => ({ stdout: String(e) }));
    t.diagnostic(logs.stdout);
    throw error;
  }
}

describe('a real 3-node Pacemaker cluster in namespaces', { timeout: 600_000 }, () => {
  let upSeconds = 0;
  let active = '';

  before(async () => {
    await lab.script('down');
    upSeconds = (await lab.script('up', '3')).seconds;
  });

  after(async () => {
    await lab.script('down');
    lab.release();
  });

  test('every node answers ssh as itself and sees 3 nodes online with quorum', async (t) => {
    t.diagnostic(`up: ${upSeconds.toFixed(1)} s`);
    for (const node of nodes) {
      assert.equal((await lab.sshOk(node, ['hostname'])).trim(), node);
      const s = await status(node);
      assert.deepEqual(s.nodes.map((n) => [n.name, n.online]), nodes.map((n) => [n, true]));
      assert.equal(s.quorum, true);
      assert.ok(s.dc !== undefined && nodes.includes(s.dc), `a DC is elected: ${s.dc}`);
    }
    const pcs = await lab.sshOk('node02', ['pcs', 'status']);
    assert.match(pcs, /partition with quorum/);
    assert.match(pcs, /Online: \[ node01 node02 node03 \]/);
  });

  test('a Stash resource and its VIP start together on one node', async (t) => {
    await withLogs(t, async () => {
      const { vip } = lab.info();
      const pcs = (...args: string[]) => lab.sshOk('node01', ['pcs', ...args]);
      await pcs('resource', 'create', 'stash', 'ocf:heartbeat:stash', 'stash_user=stash',
        'stash_home=/srv/shared/stash-home', 'stash_inst=/srv/stash', 'op', 'monitor', 'interval=5s', '--disabled');
      await pcs('resource', 'create', 'vip', 'ocf:heartbeat:IPaddr2', `ip=${vip}`, 'cidr_netmask=24', 'nic=eth0',
        'op', 'monitor', 'interval=5s', '--disabled');
      await pcs('constraint', 'colocation', 'add', 'vip', 'with', 'stash', 'INFINITY');
      await pcs('constraint', 'order', 'stash', 'then', 'vip');
      await pcs('resource', 'enable', 'stash', 'vip');

      const started = await waitFor('Stash and the VIP started', 90_000, async () => stashWithVip(await status('node01')));
      active = started.value;
      t.diagnostic(`started on ${active} in ${started.seconds.toFixed(1)} s`);
      const addresses = await lab.sshOk(active, ['ip', '-o', '-4', 'address', 'show', 'dev', 'eth0']);
      assert.ok(addresses.includes(` ${vip}/24 `), `${active} holds the VIP: ${addresses}`);
      assert.equal(await stashStateAtVip(), 'RUNNING');
    });
  });

  test('crashing the active node moves Stash and the VIP to another node', async (t) => {
    await withLogs(t, async () => {
      assert.ok(active !== '', 'Stash was started by the previous test');
      const survivor = nodes.find((n) => n !== active) ?? '';
      const crashed = active;
      const began = performance.now();
      await lab.script('crash', crashed);
      const moved = await waitFor('Stash and the VIP to leave the crashed node', 90_000, async () => {
        const s = await status(survivor);
        const gone = s.nodes.find((n) => n.name === crashed)?.online === false;
        return gone ? stashWithVip(s, crashed) : { done: false, seen: describeStatus(s) };
      });
      active = moved.value;
      t.diagnostic(`crash of ${crashed} → running on ${active} after ${((performance.now() - began) / 1000).toFixed(1)} s`);
      assert.equal(await stashStateAtVip(), 'RUNNING');
    });
  });

  test('the crashed node boots and rejoins; Stash stays where it runs', async (t) => {
    await withLogs(t, async () => {
      const offline = (await status(active)).nodes.filter((n) => !n.online).map((n) => n.name);
      assert.equal(offline.length, 1, `one node is powered off: ${offline.join(' ')}`);
      const crashed = offline[0];
      const booted = await lab.script('boot', crashed);
      const online = await waitFor(`${crashed} online again`, 60_000, async () => {
        const s = await status(active);
        return s.nodes.every((n) => n.online) ? { done: true, value: s } : { done: false, seen: describeStatus(s) };
      });
      t.diagnostic(`boot of ${crashed}: ${booted.seconds.toFixed(1)} s, online after ${online.seconds.toFixed(1)} s more`);
      assert.deepEqual(stashWithVip(online.value), { done: true, value: active });
      assert.equal((await lab.sshOk(crashed, ['hostname'])).trim(), crashed);
    });
  });

  test('down leaves no namespace, link, mount, process or file behind', async (t) => {
    const pidNamespaces = lab.nodePidNamespaces();
    assert.equal(pidNamespaces.length, nodes.length);
    const down = await lab.script('down');
    t.diagnostic(`down: ${down.seconds.toFixed(1)} s`);
    assert.deepEqual(await lab.residue(pidNamespaces), []);
  });

  test('down also clears what a failed up left half-made', async () => {
    const { prefix } = lab.settings;
    execFileSync('ip', ['netns', 'add', `${prefix}-hub`]);
    execFileSync('ip', ['netns', 'add', `${prefix}-node02`]);
    execFileSync('ip', ['link', 'add', `${prefix}-host`, 'type', 'veth', 'peer', 'name', 'uplink', 'netns', `${prefix}-hub`]);
    await lab.script('down');
    assert.deepEqual(await lab.residue([]), []);
  });
});
