// Operations on a real 3-node lab cluster (test/cluster/), as the CLI runs them:
// deploy the agent to nodes that have none, then create Stash with pcs; fail over
// by asking for the VIP (Stash moves with it, no constraint is left); standby of
// the active node; cleanup after a real monitor failure; disable/enable; clearing
// a ban.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/src/main';
import { awaitState } from '../../client/src/cluster/awaitState';
import { deployAgent } from '../../client/src/cluster/deployAgent';
import { failover } from '../../client/src/cluster/failover';
import { cleanupResource, clearResource, setEnabled, setStandby } from '../../client/src/cluster/simpleOps';
import { ClusterSnapshot } from '../../client/src/cluster/snapshot';
import { findResource } from '../../client/src/cluster/snapshotQueries';
import { spawnRunner, systemClock } from '../../client/src/remote/processRunner';
import { claimLab } from '../cluster/labCluster';
import { memoryIo } from '../unit/cli/memoryIo';
import { repoRoot } from '../unit/helpers';
import { createStashAndVip, labSpec, NODES, stashNode, stashStateAtVip, useLab } from './opsLab';

const lab = claimLab();
const AGENT = join(repoRoot(), 'agent', 'stash');

function stashOn(s: ClusterSnapshot): { done: true } | { done: false; seen: string } {
  return stashNode(s) ? { done: true } : { done: false, seen: `stash ${JSON.stringify(findResource(s, 'stash'))}` };
}

describe('operations on a real cluster', { timeout: 900_000 }, () => {
  const session = useLab(lab);
  let active = '';

  test('deploy-agent to 3 nodes that have none, then pcs resource create … ocf:heartbeat:stash works', async (t) => {
    await lab.withLogs(t, async () => {
      for (const node of NODES) {
        await lab.sshOk(node, ['rm', '-f', '/usr/lib/ocf/resource.d/heartbeat/stash']);
        assert.notEqual((await lab.ssh(node, ['crm_resource', '--show-metadata', 'ocf:heartbeat:stash'])).code, 0);
      }
      const spec = labSpec(lab.info());
      const io = memoryIo({ 'lab.cluster.yaml': spec });
      const code = await main(['deploy-agent', '--ssh-config', lab.info().sshConfig, '--agent', AGENT, 'lab.cluster.yaml'], io, { runner: spawnRunner(), clock: systemClock });
      assert.equal(code, 0, io.stdout() + io.stderr());
      assert.match(io.stdout(), /3 of 3 nodes/);
      const sha = createHash('sha256').update(readFileSync(AGENT)).digest('hex');
      for (const node of NODES) {
        const sum = await lab.sshOk(node, ['sha256sum', '/usr/lib/ocf/resource.d/heartbeat/stash']);
        assert.equal(sum.split(' ')[0], sha);
        assert.equal((await lab.sshOk(node, ['stat', '-c', '%a', '/usr/lib/ocf/resource.d/heartbeat/stash'])).trim(), '755');
      }
      await createStashAndVip(lab);
      const started = await awaitState(session.conn, systemClock, 'Stash and the VIP started', stashOn, 90_000);
      if (!started.ok) assert.fail(started.error);
      active = stashNode(started.snapshot) ?? '';
      assert.equal(started.snapshot.stash[0].state, 'RUNNING');
      t.diagnostic(`Stash started on ${active}`);
    });
  });

  test('a second deploy keeps the previous agent; the same agent again changes nothing; a node that fails the check gets it back', async () => {
    const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
    const installed = '/usr/lib/ocf/resource.d/heartbeat/stash';
    const shaOn = async (node: string, path: string): Promise<string> => (await lab.sshOk(node, ['sha256sum', path])).split(' ')[0];
    // A newer agent: the bundled one with a line more, so its sha256 differs.
    const newer = join(mkdtempSync(join(tmpdir(), 'stash-ha-agent-')), 'stash-newer');
    writeFileSync(newer, `${readFileSync(AGENT, 'utf8')}# a newer build\n`, { mode: 0o755 });
    const deploy = async (agent: string): Promise<void> => {
      const io = memoryIo({ 'lab.cluster.yaml': labSpec(lab.info()) });
      const code = await main(['deploy-agent', '--ssh-config', lab.info().sshConfig, '--agent', agent, '--format', 'json', 'lab.cluster.yaml'],
        io, { runner: spawnRunner(), clock: systemClock });
      assert.equal(code, 0, io.stderr() + io.stdout());
      assert.equal((JSON.parse(io.stdout()) as { nodes: unknown[] }).nodes.length, 3);
    };
    await deploy(newer);
    for (const node of NODES) {
      assert.equal(await shaOn(node, installed), sha256(readFileSync(newer)), node);
      assert.equal(await shaOn(node, `${installed}.previous`), sha256(readFileSync(AGENT)), `${node} keeps the agent it had`);
    }
    await deploy(newer);
    for (const node of NODES) assert.equal(await shaOn(node, `${installed}.previous`), sha256(readFileSync(AGENT)), `${node}: the same agent again is not made its own previous`);
    // An agent whose meta-data action prints something else than the XML in its text.
    const bogus = Buffer.from([
      '#!/bin/sh',
      '# <?xml version="1.0"?><resource-agent name="stash"></resource-agent>',
      'case "$1" in meta-data) echo \'<?xml version="1.0"?><resource-agent name="other" version="0"></resource-agent>\' ;; esac',
      'exit 0', ''].join('\n'));
    const rolled = await deployAgent(session.conn, bogus, systemClock, { nodes: ['node03'] });
    assert.deepEqual(rolled.nodes.map((n) => [n.node, n.ok, n.step, n.rolledBack]), [['node03', false, 'metadata', true]]);
    assert.equal(await shaOn('node03', installed), sha256(readFileSync(newer)), 'node03 has the agent it had before the bogus one');
    assert.match(await lab.sshOk('node03', ['crm_resource', '--show-metadata', 'ocf:heartbeat:stash']), /<resource-agent name="stash"/);
  });

  test('fail over by asking for the VIP: Stash moves with it, and no constraint is left', async (t) => {
    await lab.withLogs(t, async () => {
      const target = NODES.find((n) => n !== active) ?? '';
      const report = await failover(session.conn, { resource: 'vip', node: target, timeoutMs: 120_000 }, systemClock);
      assert.equal(report.ok, true, `${report.problems.join('\n')}\n${report.steps.join('\n')}`);
      t.diagnostic(`failover to ${target}: ${(report.elapsedMs / 1000).toFixed(1)} s; ${report.steps.join(' | ')}`);
      assert.equal(stashNode(report.snapshot as ClusterSnapshot), target);
      const constraints = await lab.sshOk('node01', ['cibadmin', '--query', '--scope', 'constraints']);
      assert.ok(!constraints.includes('cli-prefer') && !constraints.includes('cli-ban'), constraints);
      const addresses = await lab.sshOk(target, ['ip', '-o', '-4', 'address', 'show', 'dev', 'eth0']);
      assert.ok(addresses.includes(` ${lab.info().vip}/24 `), `${target} holds the VIP`);
      assert.equal(await stashStateAtVip(lab.info()), 'RUNNING');
      active = target;
    });
  });

  test('standby of the active node moves Stash away; unstandby brings the node back', async (t) => {
    await lab.withLogs(t, async () => {
      const standby = await setStandby(session.conn, active, true, systemClock);
      assert.equal(standby.ok, true, standby.problems.join('\n'));
      const moved = await awaitState(session.conn, systemClock, 'Stash off the standby node', (s) => {
        const where = stashNode(s);
        return where !== undefined && where !== active ? { done: true } : { done: false, seen: `stash on ${where ?? '-'}` };
      }, 90_000);
      if (!moved.ok) assert.fail(moved.error);
      const was = active;
      active = stashNode(moved.snapshot) ?? '';
      t.diagnostic(`standby ${was}: Stash now on ${active} after ${(moved.elapsedMs / 1000).toFixed(1)} s`);
      const refused = await failover(session.conn, { resource: 'stash', node: was }, systemClock);
      assert.equal(refused.outcome, 'refused');
      assert.match(refused.problems.join(), new RegExp(`${was} is standby`));
      const back = await setStandby(session.conn, was, false, systemClock);
      assert.equal(back.ok, true, back.problems.join('\n'));
    });
  });

  test('cleanup after a real monitor failure clears the failure and the fail count', async (t) => {
    await lab.withLogs(t, async () => {
      const control = join(lab.settings.runDir, 'shared', 'stash-home', 'standin-control');
      mkdirSync(control, { recursive: true });
      writeFileSync(join(control, 'crash-once'), ''); // one crash: the cluster's restart of Stash then runs
      const failed = await awaitState(session.conn, systemClock, 'a failed monitor of stash', (s) =>
        (s.failures.some((f) => f.resource === 'stash' && f.operation === 'monitor') ? { done: true } : { done: false, seen: `${s.failures.length} failures` }), 60_000);
      rmSync(join(control, 'crash-once'), { force: true }); // (gone once it acted)
      if (!failed.ok) assert.fail(failed.error);
      assert.ok(failed.snapshot.failCounts.some((c) => c.resource === 'stash' && c.failCount >= 1));
      const running = await awaitState(session.conn, systemClock, 'Stash recovered', stashOn, 90_000);
      if (!running.ok) assert.fail(running.error);
      const report = await cleanupResource(session.conn, 'stash', systemClock);
      assert.equal(report.ok, true, report.problems.join('\n'));
      const after = report.snapshot as ClusterSnapshot;
      assert.deepEqual([after.failures.filter((f) => f.resource === 'stash'), after.failCounts.filter((c) => c.resource === 'stash')], [[], []]);
      t.diagnostic(`cleanup: ${(report.elapsedMs / 1000).toFixed(1)} s`);
    });
  });

  test('disable and enable the VIP; a ban shows as a leftover and clear removes it', async () => {
    const off = await setEnabled(session.conn, 'vip', false, systemClock);
    assert.equal(off.ok, true, off.problems.join('\n'));
    assert.equal((findResource(off.snapshot as ClusterSnapshot, 'vip') as { targetRole?: string }).targetRole, 'Stopped');
    const on = await setEnabled(session.conn, 'vip', true, systemClock);
    assert.equal(on.ok, true, on.problems.join('\n'));
    const other = NODES.find((n) => n !== active) ?? '';
    await lab.sshOk('node01', ['pcs', 'resource', 'ban', 'vip', other]);
    const banned = await session.conn.status();
    if (!banned.ok) assert.fail(banned.error);
    assert.deepEqual(banned.snapshot.leftovers.map((l) => [l.kind, l.resource, l.node]), [['ban', 'vip', other]]);
    const cleared = await clearResource(session.conn, 'vip', systemClock);
    assert.equal(cleared.ok, true, cleared.problems.join('\n'));
    assert.deepEqual(cleared.snapshot?.leftovers, []);
  });
});
