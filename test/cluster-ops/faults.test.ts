// Faults in the middle of an operation, on a real 3-node lab cluster of its own
// slot: the ssh master killed while a failover's move runs, the target node
// crashing (its namespaces powered off) during a failover, and a node dying while
// deploy-agent installs. Each must end with a clear message, a status afterwards
// that says what the cluster really does (checked against crm_mon and the CIB on
// a node), and never a half-installed agent (the agent on every node is whole:
// the old one or the new one, by sha256, and Pacemaker reads its meta-data).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../cli/src/main';
import { awaitState } from '../../client/src/cluster/awaitState';
import { ClusterConnection } from '../../client/src/cluster/clusterConnection';
import { deployAgent } from '../../client/src/cluster/deployAgent';
import { failover } from '../../client/src/cluster/failover';
import { ClusterSnapshot } from '../../client/src/cluster/snapshot';
import { findResource, nodeNamed } from '../../client/src/cluster/snapshotQueries';
import { spawnRunner, systemClock } from '../../client/src/remote/processRunner';
import { claimLab } from '../cluster/labCluster';
import { waitFor } from '../cluster/waitFor';
import { memoryIo } from '../unit/cli/memoryIo';
import { repoRoot } from '../unit/helpers';
import { createStashAndVip, labConnection, labSpec, NODES, stashNode } from './opsLab';

const lab = claimLab();
const AGENT_PATH = '/usr/lib/ocf/resource.d/heartbeat/stash';

/** Local processes whose command line holds every one of `words`, with their pids. */
function processesWith(...words: string[]): { pid: number; cmdline: string }[] {
  const found: { pid: number; cmdline: string }[] = [];
  for (const name of readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (words.every((w) => cmdline.includes(w))) found.push({ pid: Number(name), cmdline });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The pid namespace of a lab node (its init's), as /proc/PID/ns/pid reads. */
function pidNamespaceOf(node: string): string {
  const unshare = readFileSync(join(lab.settings.runDir, 'state', `${node}.pid`), 'utf8').trim();
  const init = readFileSync(`/proc/${unshare}/task/${unshare}/children`, 'utf8').trim().split(' ')[0];
  return readlinkSync(`/proc/${init}/ns/pid`);
}

/**
 * Waits until a process inside a lab node (any node, or `node`) holds every one of
 * `words`: the command itself runs there (the nodes' processes show in this
 * machine's /proc), not just the local ssh client that sends it.
 */
async function whenRunningOn(what: string, node: string | undefined, ...words: string[]): Promise<void> {
  const namespaces = new Set((node === undefined ? NODES : [node]).map(pidNamespaceOf));
  await waitFor(what, 120_000, () => {
    const found = processesWith(...words).filter((p) => {
      try {
        return namespaces.has(readlinkSync(`/proc/${p.pid}/ns/pid`));
      } catch {
        return false;
      }
    });
    return Promise.resolve(found.length > 0 ? { done: true as const, value: true } : { done: false as const, seen: 'not yet' });
  }, 20);
}

/**
 * What the cluster really does, read on a node with its own tools: where stash
 * runs (crm_mon) and which move/ban constraints exist (the CIB).
 */
async function truthOn(node: string): Promise<{ stashOn: string[]; constraints: string[]; online: string[] }> {
  const xml = await lab.sshOk(node, ['crm_mon', '--output-as=xml']);
  const stash = /<resource id="stash"[^>]*>([\s\S]*?)<\/resource>/.exec(xml)?.[1] ?? '';
  const stashOn = [...stash.matchAll(/<node name="([^"]+)"/g)].map((m) => m[1]);
  const online = [...xml.matchAll(/<node name="([^"]+)"[^>]*online="true"/g)].map((m) => m[1]);
  const cib = await lab.sshOk(node, ['cibadmin', '--query', '--scope', 'constraints']);
  const constraints = [...cib.matchAll(/id="(cli-(?:prefer|ban)-[^"]+)"/g)].map((m) => m[1]);
  return { stashOn, constraints, online };
}

/** The CLI's status as JSON, run as a user would after the fault. */
async function cliStatus(): Promise<{ code: number; snapshot?: ClusterSnapshot; stderr: string }> {
  const io = memoryIo({ 'lab.cluster.yaml': labSpec(lab.info()) });
  const code = await main(['status', '--format', 'json', '--ssh-config', lab.info().sshConfig, '--connect-timeout', '3', 'lab.cluster.yaml'],
    io, { runner: spawnRunner(), clock: systemClock });
  return code === 0 ? { code, snapshot: JSON.parse(io.stdout()) as ClusterSnapshot, stderr: io.stderr() } : { code, stderr: io.stderr() };
}

/**
 * The status afterwards agrees with the cluster's own tools on a node that is up.
 * The cluster may still be settling (a move that went on after its ssh was cut, a
 * crash not noticed yet), so: wait until Pacemaker has nothing left to do
 * (`crm_resource --wait`), with `offline` (a crashed node) seen offline; then read
 * the truth, the CLI's status and the truth again, and compare only when the two
 * truths agree (the cluster did not move meanwhile). A status that disagrees with
 * a truth that stood still fails the test.
 */
async function assertStatusTrue(askOn: string, offline?: string): Promise<ClusterSnapshot> {
  const { value } = await waitFor('the cluster to settle and the status to be read while it stands still', 180_000, async () => {
    await lab.ssh(askOn, ['crm_resource', '--wait', '--timeout=60'], 90_000);
    const before = await truthOn(askOn);
    if (offline !== undefined && before.online.includes(offline)) return { done: false as const, seen: `${offline} still online` };
    if (before.stashOn.length !== 1) return { done: false as const, seen: `stash on ${before.stashOn.join(', ') || 'no node'}` };
    const status = await cliStatus();
    const after = await truthOn(askOn);
    if (JSON.stringify(before) !== JSON.stringify(after)) return { done: false as const, seen: `moved: ${JSON.stringify(before)} → ${JSON.stringify(after)}` };
    return { done: true as const, value: { truth: before, status } };
  }, 1000);
  const { truth, status } = value;
  assert.equal(status.code, 0, status.stderr);
  const s = status.snapshot as ClusterSnapshot;
  const stash = findResource(s, 'stash');
  assert.deepEqual(stash?.kind === 'primitive' ? stash.nodes : [], truth.stashOn, 'status says where Stash runs, as crm_mon does');
  assert.deepEqual(s.leftovers.map((l) => l.id).sort(), [...truth.constraints].sort(), 'status lists the move/ban constraints the CIB holds');
  assert.deepEqual(s.nodes.filter((n) => n.online).map((n) => n.name).sort(), [...truth.online].sort(), 'status says which nodes are online');
  return s;
}

/** Waits until all nodes are online and Stash with the VIP runs on one of them; returns that node. */
async function settled(conn: ClusterConnection): Promise<string> {
  const ready = await awaitState(conn, systemClock, 'all nodes online, Stash and the VIP running', (s) => {
    const offline = s.nodes.filter((n) => !n.online).map((n) => n.name);
    return offline.length === 0 && stashNode(s) ? { done: true } : { done: false, seen: `offline: ${offline.join(' ') || '-'}; stash on ${stashNode(s) ?? '-'}` };
  }, 180_000);
  if (!ready.ok) assert.fail(ready.error);
  return stashNode(ready.snapshot) ?? '';
}

describe('faults during operations on a real cluster', { timeout: 1_200_000 }, () => {
  let conn: ClusterConnection;
  let sockets: string;

  before(async () => {
    await lab.script('down');
    await lab.script('up', '3');
    await createStashAndVip(lab);
    // The connection's sockets in a folder of the test's own, so its ssh masters can be found (and killed).
    sockets = mkdtempSync('/tmp/shf-');
    conn = labConnection(lab.info(), { controlDirBase: sockets });
  });
  after(async () => {
    await conn?.close();
    if (sockets) rmSync(sockets, { recursive: true, force: true });
    await lab.script('down');
    lab.release();
  });

  test('the ssh master killed while the failover\'s move runs: a clear failure, then a true status', async (t) => {
    await lab.withLogs(t, async () => {
      const active = await settled(conn);
      const target = NODES.find((n) => n !== active) ?? '';
      const running = failover(conn, { resource: 'vip', node: target, timeoutMs: 120_000 }, systemClock);
      await whenRunningOn('pcs resource move under way on a node', undefined, 'pcs', 'resource', 'move');
      const masters = processesWith(sockets, '[mux]');
      assert.ok(masters.length > 0, 'an ssh master is up');
      for (const m of masters) process.kill(m.pid, 'SIGKILL');
      const report = await running;
      t.diagnostic(`${report.outcome}: ${report.problems.join(' | ')}\n${report.steps.join('\n')}`);
      assert.equal(report.ok, false);
      assert.equal(report.outcome, 'failed');
      assert.match(report.problems[0], /^node0\d \(.*\): the ssh connection was lost while the command ran .* it may or may not have finished there/);
      assert.match(report.problems[1], /^now: stash on node0\d, vip on node0\d$/, 'and where the resources are after it');
      await assertStatusTrue(target);
    });
  });

  test('the target node crashes during the failover: a clear failure, then a true status', async (t) => {
    await lab.withLogs(t, async () => {
      const active = await settled(conn);
      const target = NODES.find((n) => n !== active) ?? '';
      const running = failover(conn, { resource: 'vip', node: target, timeoutMs: 120_000 }, systemClock);
      await whenRunningOn('pcs resource move under way on a node', undefined, 'pcs', 'resource', 'move');
      await lab.script('crash', target);
      try {
        const report = await running;
        t.diagnostic(`${report.outcome}: ${report.problems.join(' | ')}\n${report.steps.join('\n')}`);
        assert.equal(report.ok, false);
        assert.match(report.problems.at(-1) ?? '', new RegExp(`^now: stash on node0\\d, vip on node0\\d; ${target} is offline$`),
          'the failure says where things are, and that the target went away');
        const up = NODES.find((n) => n !== target) ?? '';
        const s = await assertStatusTrue(up, target);
        assert.equal(nodeNamed(s, target)?.online, false, `${target} is offline`);
        assert.notEqual(stashNode(s), target);
      } finally {
        await lab.script('boot', target);
      }
    });
  });

  test('a node dying while deploy-agent installs: a clear message for it, the others installed, no half-installed agent', async (t) => {
    await lab.withLogs(t, async () => {
      const active = await settled(conn);
      const before = await lab.sshOk('node01', ['sha256sum', AGENT_PATH]);
      const oldSha = before.split(' ')[0];
      // The agent, made large with a comment so its upload lasts long enough to be cut short.
      const agent = readFileSync(join(repoRoot(), 'agent/stash'));
      const big = Buffer.concat([agent, Buffer.from(`${'# padding to make the upload last\n'.repeat(1_500_000)}`)]);
      const bigSha = createHash('sha256').update(big).digest('hex');
      const victim = NODES.find((n) => n !== active) ?? '';
      const running = deployAgent(conn, big, systemClock);
      await whenRunningOn(`the install under way on ${victim}`, victim, 'stash.previous');
      await lab.script('crash', victim);
      try {
        const report = await running;
        t.diagnostic(JSON.stringify(report.nodes.map((n) => [n.node, n.ok, n.step, n.message])));
        for (const n of report.nodes.filter((x) => x.node !== victim)) assert.deepEqual([n.node, n.ok, n.step], [n.node, true, 'installed'], n.message);
        const lost = report.nodes.find((n) => n.node === victim);
        assert.ok(lost, 'the victim is reported');
        if (!lost.ok) {
          assert.equal(lost.step, 'ssh');
          assert.match(lost.message, new RegExp(`^${victim} \\(.*\\): the ssh connection was lost while the command ran .*; the agent there is whole either way`));
        }
        const up = NODES.find((n) => n !== victim) ?? '';
        const s = await assertStatusTrue(up, victim);
        assert.equal(nodeNamed(s, victim)?.online, false);
      } finally {
        await lab.script('boot', victim);
      }
      const sha = (await lab.sshOk(victim, ['sha256sum', AGENT_PATH])).split(' ')[0];
      assert.ok([oldSha, bigSha].includes(sha), `${victim}'s agent is whole: ${sha}`);
      assert.match(await lab.sshOk(victim, ['crm_resource', '--show-metadata', 'ocf:heartbeat:stash']), /<resource-agent name="stash"/);
      // The next deploy puts the shipped agent everywhere again.
      const again = await deployAgent(conn, agent, systemClock);
      assert.equal(again.ok, true, JSON.stringify(again.nodes));
    });
  });
});
