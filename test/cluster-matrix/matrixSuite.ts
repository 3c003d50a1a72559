/**
 * The focused suite run against the cluster stack of another Debian release
 * (bullseye: Pacemaker 2.0.5 / pcs 0.10.8; trixie: Pacemaker 3.0.0 / pcs 0.12.0.2),
 * each on a lab of its own (test/cluster/cluster.sh up 3 SUITE, stack-root.sh): what
 * the code does differently per release (client/src/cluster/pcsProfile.ts) and what
 * each release writes differently, for real. deploy-agent; status against the raw
 * crm_mon XML of that release (agent names, Master/Slave against Promoted/Unpromoted,
 * the constraints reader); fail-over by the move path that pcs needs; a refused
 * fail-over and standby; cleanup of a real failure (the fail count as that release
 * reports it); disable, enable, ban and clear; apply and diff; export's script for
 * that pcs, run on a bare cluster. The full suite stays on bookworm (the host's
 * own 2.1.5 / 0.11.5); Pacemaker 1.1 / pcs 0.9 exist in no Debian release and stay
 * on fixtures (test/fixtures/crm_mon/pacemaker-1.1*, the unit tests).
 */
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../cli/src/main';
import { awaitState } from '../../client/src/cluster/awaitState';
import { ClusterConnection } from '../../client/src/cluster/clusterConnection';
import { failover } from '../../client/src/cluster/failover';
import { pcsProfile } from '../../client/src/cluster/pcsProfile';
import { cleanupResource, clearResource, setEnabled, setStandby } from '../../client/src/cluster/simpleOps';
import { ClusterSnapshot, CloneStatus } from '../../client/src/cluster/snapshot';
import { allPrimitives, findResource } from '../../client/src/cluster/snapshotQueries';
import { spawnRunner, systemClock } from '../../client/src/remote/processRunner';
import { parseCrmMon } from '../cluster/crmMon';
import { claimLab, LabInfo, repoRoot } from '../cluster/labCluster';
import { memoryIo } from '../unit/cli/memoryIo';
import { createStashAndVip, labConnection, labSpec, NODES, stashNode, stashStateAtVip } from '../cluster-ops/opsLab';

export type MatrixSuite = 'bullseye' | 'trixie';

/** Every release the matrix runs; their roots are built together, by whichever suite runs first. */
export const MATRIX_SUITES: readonly MatrixSuite[] = ['bullseye', 'trixie'];

/** What each release is, as its packages say (the lab's cluster.json reports them). */
const STACK: Readonly<Record<MatrixSuite, { pacemaker: RegExp; pcs: string; line: string }>> = {
  bullseye: { pacemaker: /^2\.0\.5/, pcs: '0.10.8', line: '2.0' },
  trixie: { pacemaker: /^3\.0\.0/, pcs: '0.12.0.2', line: '3.0' },
};

const AGENT = join(repoRoot, 'agent', 'stash');

/** Builds (or finds in the cache) the suite's root: minutes the first time on a machine, instant after. */
function ensureRoot(suite: MatrixSuite): Promise<{ root: string; seconds: number }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    execFile('bash', [join(repoRoot, 'test', 'cluster', 'stack-root.sh'), 'path', suite], { timeout: 20 * 60_000 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`stack-root.sh path ${suite} failed: ${stderr}`));
      else done({ root: stdout.trim(), seconds: (performance.now() - started) / 1000 });
    });
  });
}

interface LabInfoWithStack extends LabInfo {
  readonly suite?: string;
  readonly stack?: Readonly<Record<string, string>>;
}

/** Defines the matrix suite for one release. */
export function matrixSuite(suite: MatrixSuite): void {
  const lab = claimLab();
  const expect = STACK[suite];

  async function withLogs(t: TestContext, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      t.diagnostic((await lab.script('logs').catch((e: unknown) => ({ stdout: String(e) }))).stdout);
      throw error;
    }
  }

  async function snapshot(conn: ClusterConnection): Promise<ClusterSnapshot> {
    const r = await conn.status();
    if (!r.ok) assert.fail(r.error);
    return r.snapshot;
  }

  async function cli(args: readonly string[], files: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
    const io = memoryIo(files);
    const code = await main([args[0], '--ssh-config', lab.info().sshConfig, ...args.slice(1)], io, { runner: spawnRunner(), clock: systemClock });
    return { code, out: io.stdout(), err: io.stderr() };
  }

  describe(`the matrix suite on ${suite}`, { timeout: 30 * 60_000 }, () => {
    let conn: ClusterConnection;
    let active = '';

    before(async () => {
      // On a new machine (CI) the first suite builds every root at once: the builds are
      // mostly downloads, so together they take about as long as the slower one.
      const roots = await Promise.all(MATRIX_SUITES.map(ensureRoot));
      roots.forEach((r, i) => process.stderr.write(`matrix ${suite}: ${MATRIX_SUITES[i]} root ${r.root} ready in ${r.seconds.toFixed(1)} s\n`));
      await lab.script('down');
      const up = await lab.script('up', '3', suite);
      process.stderr.write(`matrix ${suite}: lab up in ${up.seconds.toFixed(1)} s\n`);
      conn = labConnection(lab.info());
    });

    after(async () => {
      await conn?.close();
      await lab.script('down');
      lab.release();
    });

    test(`the lab runs ${suite}'s own stack: Pacemaker ${expect.line}, pcs ${expect.pcs}`, async () => {
      const info = lab.info() as LabInfoWithStack;
      assert.equal(info.suite, suite);
      assert.match(info.stack?.pacemaker ?? '', expect.pacemaker);
      assert.equal((await lab.sshOk('node02', ['pcs', '--version'])).trim(), expect.pcs);
      const pcs = await conn.pcsVersion();
      assert.equal(pcs.version, expect.pcs);
    });

    test('deploy-agent to 3 nodes that have none; pcs then creates Stash with it', async (t) => {
      await withLogs(t, async () => {
        for (const node of NODES) await lab.sshOk(node, ['rm', '-f', '/usr/lib/ocf/resource.d/heartbeat/stash']);
        const r = await cli(['deploy-agent', '--agent', AGENT, 'lab.cluster.yaml'], { 'lab.cluster.yaml': labSpec(lab.info()) });
        assert.equal(r.code, 0, r.out + r.err);
        assert.match(r.out, /3 of 3 nodes/);
        const sha = createHash('sha256').update(readFileSync(AGENT)).digest('hex');
        for (const node of NODES) {
          assert.equal((await lab.sshOk(node, ['sha256sum', '/usr/lib/ocf/resource.d/heartbeat/stash'])).split(' ')[0], sha);
          assert.match(await lab.sshOk(node, ['crm_resource', '--show-metadata', 'ocf:heartbeat:stash']), /<resource-agent name="stash"/);
        }
        await createStashAndVip(lab);
        const started = await awaitState(conn, systemClock, 'Stash and the VIP started', (s) => (stashNode(s) ? { done: true } : { done: false, seen: 'not yet' }), 120_000);
        if (!started.ok) assert.fail(started.error);
        active = stashNode(started.snapshot) ?? '';
        assert.equal(started.snapshot.stash[0]?.state, 'RUNNING');
      });
    });

    test(`status agrees with ${suite}'s own crm_mon XML, in the names the product speaks`, async (t) => {
      await withLogs(t, async () => {
        const s = await snapshot(conn);
        const raw = parseCrmMon(await lab.sshOk('node02', ['crm_mon', '--output-as=xml']));
        assert.deepEqual(s.nodes.map((n) => [n.name, n.online]), raw.nodes.map((n) => [n.name, n.online]));
        assert.equal(s.dc, raw.dc);
        assert.equal(s.quorum, raw.quorum);
        assert.match(s.pacemakerVersion, expect.pacemaker);
        for (const p of allPrimitives(s.resources)) {
          const r = raw.resources.find((x) => x.id === p.id);
          assert.ok(r, `${p.id} in crm_mon`);
          assert.deepEqual([p.role, p.nodes], [r.role, r.nodes], p.id);
          // 2.0's crm_mon writes ocf::heartbeat:stash; the snapshot speaks one form.
          assert.equal(p.agent, r.agent.replace(/^ocf::/, 'ocf:'));
          assert.match(p.agent, /^ocf:heartbeat:(stash|IPaddr2)$/);
        }
        assert.deepEqual(s.constraints.colocations.map((c) => [c.resource, c.withResource, c.score]), [['vip', 'stash', 'INFINITY']]);
        assert.deepEqual(s.constraints.orders.map((o) => [o.first, o.then]), [['stash', 'vip']]);
        assert.deepEqual(s.leftovers, []);
        assert.deepEqual(s.stash.map((x) => [x.node, x.state]), [[active, 'RUNNING']]);
      });
    });

    test('a promotable clone: the roles crm_mon writes (Master/Slave before 2.1) read as Promoted and Unpromoted', async (t) => {
      await withLogs(t, async () => {
        await lab.sshOk('node01', ['pcs', 'resource', 'create', 'st', 'ocf:pacemaker:Stateful', 'op', 'monitor', 'interval=5s', 'role=Promoted',
          'op', 'monitor', 'interval=6s', 'role=Unpromoted', 'promotable'].map((w) => (w.startsWith('role=') ? `role=${pcsProfile(expect.pcs).roleWord(w.slice(5) as 'Promoted' | 'Unpromoted')}` : w)));
        const promoted = await awaitState(conn, systemClock, 'st promoted on one node, unpromoted on two', (s) => {
          const clone = findResource(s, 'st-clone') as CloneStatus | undefined;
          const roles = (clone?.instances ?? []).flatMap((i) => (i.kind === 'primitive' ? [i.role] : [])).sort();
          return roles.join() === 'Promoted,Unpromoted,Unpromoted' ? { done: true } : { done: false, seen: roles.join() || 'no instances' };
        }, 120_000);
        if (!promoted.ok) assert.fail(promoted.error);
        const raw = parseCrmMon(await lab.sshOk('node01', ['crm_mon', '--output-as=xml']));
        const words = raw.resources.filter((r) => r.id === 'st').map((r) => r.role).sort();
        t.diagnostic(`${suite}'s crm_mon writes the roles as ${words.join(', ')}`);
        assert.deepEqual(words, expect.line === '2.0' ? ['Master', 'Slave', 'Slave'] : ['Promoted', 'Unpromoted', 'Unpromoted']);
        await lab.sshOk('node01', ['pcs', 'resource', 'delete', 'st']);
        const gone = await awaitState(conn, systemClock, 'st deleted', (s) => (findResource(s, 'st-clone') ? { done: false, seen: 'still there' } : { done: true }), 120_000);
        if (!gone.ok) assert.fail(gone.error);
      });
    });

    test(`fail over by asking for the VIP, by pcs ${expect.pcs}'s move path; no constraint is left`, async (t) => {
      await withLogs(t, async () => {
        const target = NODES.find((n) => n !== active) ?? '';
        const report = await failover(conn, { resource: 'vip', node: target, timeoutMs: 120_000 }, systemClock);
        assert.equal(report.ok, true, `${report.problems.join('\n')}\n${report.steps.join('\n')}`);
        t.diagnostic(`failover to ${target}: ${(report.elapsedMs / 1000).toFixed(1)} s; ${report.steps.join(' | ')}`);
        const path = pcsProfile(expect.pcs).moveClearsItself ? /move removes its own constraint/ : /move, wait, then clear/;
        assert.ok(report.steps.some((s) => path.test(s)), report.steps.join('\n'));
        assert.equal(stashNode(report.snapshot as ClusterSnapshot), target);
        const constraints = await lab.sshOk('node01', ['cibadmin', '--query', '--scope', 'constraints']);
        assert.ok(!constraints.includes('cli-prefer') && !constraints.includes('cli-ban'), constraints);
        assert.ok((await lab.sshOk(target, ['ip', '-o', '-4', 'address', 'show', 'dev', 'eth0'])).includes(` ${lab.info().vip}/24 `));
        assert.equal(await stashStateAtVip(lab.info()), 'RUNNING');
        active = target;
      });
    });

    test('standby of the active node moves Stash; a fail-over back to it is refused; unstandby', async (t) => {
      await withLogs(t, async () => {
        const standby = await setStandby(conn, active, true, systemClock);
        assert.equal(standby.ok, true, standby.problems.join('\n'));
        const moved = await awaitState(conn, systemClock, 'Stash off the standby node', (s) => {
          const where = stashNode(s);
          return where !== undefined && where !== active ? { done: true } : { done: false, seen: `stash on ${where ?? '-'}` };
        }, 120_000);
        if (!moved.ok) assert.fail(moved.error);
        const was = active;
        active = stashNode(moved.snapshot) ?? '';
        const refused = await failover(conn, { resource: 'stash', node: was }, systemClock);
        assert.equal(refused.outcome, 'refused');
        assert.match(refused.problems.join(), new RegExp(`${was} is standby`));
        const back = await setStandby(conn, was, false, systemClock);
        assert.equal(back.ok, true, back.problems.join('\n'));
      });
    });

    test("cleanup after a real monitor failure clears the failure and this release's fail count", async (t) => {
      await withLogs(t, async () => {
        const control = join(lab.settings.runDir, 'shared', 'stash-home', 'standin-control');
        mkdirSync(control, { recursive: true });
        writeFileSync(join(control, 'crash-once'), ''); // one crash: the cluster's restart of Stash then runs
        const failed = await awaitState(conn, systemClock, 'a failed monitor of stash with its fail count', (s) =>
          (s.failures.some((f) => f.resource === 'stash' && f.operation === 'monitor') && s.failCounts.some((c) => c.resource === 'stash' && c.failCount >= 1)
            ? { done: true } : { done: false, seen: `${s.failures.length} failures, ${s.failCounts.length} fail counts` }), 90_000);
        rmSync(join(control, 'crash-once'), { force: true }); // (gone once it acted)
        if (!failed.ok) assert.fail(failed.error);
        const running = await awaitState(conn, systemClock, 'Stash recovered', (s) => (stashNode(s) ? { done: true } : { done: false, seen: 'not yet' }), 120_000);
        if (!running.ok) assert.fail(running.error);
        active = stashNode(running.snapshot) ?? '';
        const report = await cleanupResource(conn, 'stash', systemClock);
        assert.equal(report.ok, true, report.problems.join('\n'));
        const after = report.snapshot as ClusterSnapshot;
        assert.deepEqual([after.failures.filter((f) => f.resource === 'stash'), after.failCounts.filter((c) => c.resource === 'stash')], [[], []]);
      });
    });

    test('disable and enable the VIP; a ban shows as a leftover and clear removes it', async (t) => {
      await withLogs(t, async () => {
        const off = await setEnabled(conn, 'vip', false, systemClock);
        assert.equal(off.ok, true, off.problems.join('\n'));
        assert.equal((findResource(off.snapshot as ClusterSnapshot, 'vip') as { targetRole?: string }).targetRole, 'Stopped');
        const on = await setEnabled(conn, 'vip', true, systemClock);
        assert.equal(on.ok, true, on.problems.join('\n'));
        const other = NODES.find((n) => n !== active) ?? '';
        await lab.sshOk('node01', ['pcs', 'resource', 'ban', 'vip', other]);
        assert.deepEqual((await snapshot(conn)).leftovers.map((l) => [l.kind, l.resource, l.node]), [['ban', 'vip', other]]);
        const cleared = await clearResource(conn, 'vip', systemClock);
        assert.equal(cleared.ok, true, cleared.problems.join('\n'));
        assert.deepEqual(cleared.snapshot?.leftovers, []);
      });
    });

    test('apply adds what a spec states in one CIB change (a colocation in the score syntax of this pcs), and diff then finds it in sync', async (t) => {
      await withLogs(t, async () => {
        const spec = `${labSpec(lab.info()).replace('constraints:\n', [
          '  probe:', '    agent: ocf:pacemaker:Dummy', '    ops:', '      monitor: { interval: 20s, timeout: 30s }', '    meta: { resource-stickiness: 50 }',
          'constraints:', '  order:', '    - { first: stash, then: vip }', '    - { first: stash, then: probe }', '']
          .join('\n'))}    - { resource: probe, with: vip, score: 10 }\n  location:\n    - { resource: probe, node: node03, score: 100 }\n`
          + 'properties:\n  no-quorum-policy: stop\n';
        const files = { 'lab.cluster.yaml': spec };
        const applied = await cli(['apply', '--yes', 'lab.cluster.yaml'], files);
        t.diagnostic(applied.out.split('\n').filter((l) => l.startsWith('  pcs')).join(' | '));
        assert.equal(applied.code, 0, applied.out + applied.err);
        assert.match(applied.out, /in sync with the spec/);
        const diff = await cli(['diff', 'lab.cluster.yaml'], files);
        assert.equal(diff.code, 0, diff.out + diff.err);
        const s = await snapshot(conn);
        assert.deepEqual(s.constraints.colocations.filter((c) => c.resource === 'probe').map((c) => [c.withResource, c.score]), [['vip', '10']]);
        assert.deepEqual(allPrimitives(s.resources).find((p) => p.id === 'probe')?.nodes, ['node03']);
        assert.equal(stashNode(s), active, 'Stash did not move');
      });
    });

    // Last: it empties the cluster and builds it again from the script.
    test(`export's script for this release (a spec of Pacemaker ${expect.line}), run with bash on a bare cluster, builds a cluster in sync with its spec`, async (t) => {
      await withLogs(t, async () => {
        const spec = `pacemaker: "${expect.line}"\n${labSpec(lab.info())}`;
        const files = { 'lab.cluster.yaml': spec };
        const io = memoryIo(files);
        const code = await main(['export', '--format', 'pcs', 'lab.cluster.yaml'], io, { runner: spawnRunner(), clock: systemClock });
        const exported = { code, out: io.stdout(), err: io.stderr() };
        assert.equal(exported.code, 0, exported.err);
        const scoreOption = pcsProfile(expect.pcs).scoreOption;
        assert.match(exported.out, scoreOption ? /'colocation' 'add' 'vip' 'with' 'stash' 'score=INFINITY'/ : /'colocation' 'add' 'vip' 'with' 'stash' 'INFINITY'/);
        await lab.sshOk('node01', ['cibadmin', '--replace', '--scope', 'constraints', '--xml-text', '<constraints/>']);
        await lab.sshOk('node01', ['cibadmin', '--replace', '--scope', 'resources', '--xml-text', '<resources/>']);
        await lab.sshOk('node01', ['crm_resource', '--wait', '--timeout=120s']);
        const ran = await conn.run({ argv: ['bash', '-s'], stdin: exported.out, timeoutMs: 120_000 }, 'node02');
        assert.equal(ran.exitCode, 0, `${ran.stdout}\n${ran.stderr}`);
        assert.doesNotMatch(ran.stderr, /deprecated/i, "the script uses this pcs's own words");
        const diff = await cli(['diff', 'lab.cluster.yaml'], files);
        assert.equal(diff.code, 0, diff.out + diff.err);
      });
    });
  });
}
