// Status, the SSH layer's refusals and the crash of the active node, on a real
// 3-node lab cluster (test/cluster/): the snapshot agrees with `pcs status`, a
// refresh over the warm connection is one command and no new login, an unknown
// host key is refused with the node's real fingerprint, hostile names never
// reach a shell, and a crashed node shows in the next status while Stash comes
// back on another node.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awaitState } from '../../client/src/cluster/awaitState';
import { ClusterConnection } from '../../client/src/cluster/clusterConnection';
import { failover } from '../../client/src/cluster/failover';
import { ClusterSnapshot } from '../../client/src/cluster/snapshot';
import { allPrimitives, nodeNamed } from '../../client/src/cluster/snapshotQueries';
import { systemClock } from '../../client/src/remote/processRunner';
import { claimLab } from '../cluster/labCluster';
import { createStashAndVip, labConnection, logins, NODES, stashNode } from './opsLab';

const lab = claimLab();
const HOSTILE = ["it's", 'a b', '$(touch /tmp/pwned)', '`touch /tmp/pwned`', '; touch /tmp/pwned', 'x\ny', '-n', '', '*'];

async function snapshot(conn: ClusterConnection): Promise<ClusterSnapshot> {
  const r = await conn.status();
  if (!r.ok) assert.fail(r.error);
  return r.snapshot;
}

describe('status and ssh on a real cluster', { timeout: 600_000 }, () => {
  let conn: ClusterConnection;
  let active = '';

  before(async () => {
    await lab.script('down');
    await lab.script('up', '3');
    await createStashAndVip(lab);
    conn = labConnection(lab.info());
    const started = await awaitState(conn, systemClock, 'Stash and the VIP started', (s) => (stashNode(s) ? { done: true } : { done: false, seen: 'not yet' }), 90_000);
    if (!started.ok) throw new Error(started.error);
    active = stashNode(started.snapshot) ?? '';
  });

  after(async () => {
    await conn?.close();
    await lab.script('down');
    lab.release();
  });

  test('the snapshot says what pcs status says', async (t) => {
    await lab.withLogs(t, async () => {
      const s = await snapshot(conn);
      const pcs = await lab.sshOk('node02', ['pcs', 'status']);
      const online = /Online: \[ ([^\]]+) \]/.exec(pcs)?.[1].trim().split(/\s+/) ?? [];
      assert.deepEqual(s.nodes.filter((n) => n.online).map((n) => n.name), online);
      for (const p of allPrimitives(s.resources)) {
        const line = new RegExp(`\\* ${p.id}\\s+\\(${p.agent.replace(/[.:]/g, '\\$&')}\\):\\s+(\\S+)(?: (\\S+))?`).exec(pcs);
        assert.ok(line, `pcs status lists ${p.id}:\n${pcs}`);
        assert.deepEqual([line[1], line[2]], [p.role, p.nodes[0]], `${p.id}: ${line[0]}`);
      }
      assert.equal(/partition with quorum/.test(pcs), s.quorum);
      assert.ok(pcs.includes(`Current DC: ${s.dc} `));
      assert.deepEqual(s.stash, [{ resource: 'stash', url: 'http://localhost:7990/status', node: active, state: 'RUNNING', httpStatus: 200 }]);
      assert.deepEqual(s.leftovers, []);
      assert.deepEqual(s.constraints.colocations.map((c) => [c.resource, c.withResource, c.score]), [['vip', 'stash', 'INFINITY']]);
    });
  });

  test('a warm refresh is one command over the shared connection: no new login', async () => {
    await snapshot(conn);
    const before = NODES.map((n) => logins(lab, n));
    for (let i = 0; i < 5; i += 1) assert.equal((await snapshot(conn)).queriedNode, active);
    assert.deepEqual(NODES.map((n) => logins(lab, n)), before);
  });

  test("an unknown host key is refused with the node's real fingerprint", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stash-ha-keys-'));
    try {
      const config = join(dir, 'ssh_config');
      writeFileSync(config, readFileSync(lab.info().sshConfig, 'utf8').replace(/UserKnownHostsFile \S+/, `UserKnownHostsFile ${join(dir, 'known_hosts')}`));
      const strict = labConnection(lab.info(), { configFile: config });
      const r = await strict.status();
      await strict.close();
      assert.equal(r.ok, false);
      const first = r.attempts[0];
      assert.equal(first.failure?.kind, 'host-key-unknown');
      const pub = join(lab.settings.runDir, 'nodes', first.node, 'ssh', 'ssh_host_ed25519_key.pub');
      const fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', pub], { encoding: 'utf8' }).split(' ')[1];
      assert.equal(first.failure?.fingerprint, fingerprint);
      assert.ok(first.error?.includes(fingerprint));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('hostile names never reach a shell unquoted', async () => {
    const echo = await conn.run({ argv: ['printf', '%s\\n', ...HOSTILE] }, 'node02');
    assert.equal(echo.stdout, HOSTILE.map((w) => `${w}\n`).join(''));
    for (const name of HOSTILE) {
      const r = await conn.run({ argv: ['pcs', 'resource', 'cleanup', name] }, 'node02');
      assert.equal(r.failure, undefined);
    }
    const refused = await failover(conn, { resource: "stash; touch /tmp/pwned", node: '$(touch /tmp/pwned)' }, systemClock);
    assert.equal(refused.outcome, 'refused');
    for (const node of NODES) {
      const r = await lab.ssh(node, ['test', '-e', '/tmp/pwned']);
      assert.equal(r.code, 1, `${node} has no /tmp/pwned`);
    }
  });

  test('a crash of the active node shows in the next status; Stash comes back elsewhere', async (t) => {
    await lab.withLogs(t, async () => {
      assert.equal((await snapshot(conn)).queriedNode, active, 'the node running Stash is asked first');
      const crashed = active;
      const began = performance.now();
      await lab.script('crash', crashed);
      const next = await conn.status();
      const nextSeconds = (performance.now() - began) / 1000;
      if (!next.ok) assert.fail(next.error);
      assert.notEqual(next.snapshot.queriedNode, crashed);
      assert.ok(next.snapshot.warnings.some((w) => w.startsWith(`${crashed} (`)), next.snapshot.warnings.join('\n'));
      const back = await awaitState(conn, systemClock, 'Stash RUNNING on another node', (s) => {
        const where = stashNode(s);
        const state = s.stash[0]?.state;
        return nodeNamed(s, crashed)?.online === false && where !== undefined && where !== crashed && state === 'RUNNING'
          ? { done: true } : { done: false, seen: `${crashed} online=${String(nodeNamed(s, crashed)?.online)} stash on ${where ?? '-'} ${state ?? s.stash[0]?.error}` };
      }, 90_000);
      if (!back.ok) assert.fail(back.error);
      active = stashNode(back.snapshot) ?? '';
      t.diagnostic(`first status after the crash: ${nextSeconds.toFixed(1)} s; Stash RUNNING on ${active} after ${((performance.now() - began) / 1000).toFixed(1)} s`);

      const dead = await conn.run({ argv: ['true'] }, crashed);
      assert.equal(dead.failure?.kind, 'unreachable', dead.failure?.message);
      assert.match(dead.failure?.message ?? '', new RegExp(`^${crashed} \\(`));
      // Ended by the connect timeout (or the kernel's no-route), not by the command deadline (kind 'timeout').
      assert.match(dead.failure?.message ?? '', /no answer within the \d+ s connect timeout|no route to the host/);
      t.diagnostic(`dead node: "${dead.failure?.message}" after ${(dead.durationMs / 1000).toFixed(1)} s`);
    });
  });
});
