// import, diff, apply and export on a real 3-node lab cluster (test/cluster/), as the
// CLI runs them over the real ssh: the seed's commands come back as a spec that lints
// clean and diffs in sync; three changes in the spec are exactly three differences,
// which apply makes true; a spec with a lint error sends nothing; a CIB changed between
// plan and push is refused with nothing half-applied; a spec stating another Pacemaker
// than the cluster runs is a version-mismatch (diff says it, apply sends nothing); --prune removes a live-only
// resource and nothing else; the demo spec applied to an empty cluster arrives as one
// CIB change and Stash starts with its VIP on one node; export's script, run with bash
// on a node, builds a cluster in sync with its spec.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog, diffClusters, inSync, validateText } from '../../server/src';
import { planSpec, runPlan } from '../../client/src/cluster/applySpec';
import { systemClock } from '../../client/src/remote/processRunner';
import { claimLab } from '../cluster/labCluster';
import { waitFor } from '../cluster/waitFor';
import { logins, NODES, stashStateAtVip, useLab } from './opsLab';
import { demoSpecText, seedArgv } from '../seedCluster';
import { cibVersion, crmMon, desiredOf, emptyCluster, liveNow, said, stashHa, stashWithVip } from './liveLab';

const lab = claimLab();
const SPEC = 'lab.cluster.yaml';

/** Waits until Stash and its VIP run together on one node. */
async function stashRunning(): Promise<string> {
  const { value } = await waitFor('Stash and its VIP on one node', 120_000, async () => {
    const where = stashWithVip(await crmMon(lab));
    return where.node ? { done: true, value: where.node } : { done: false, seen: where.seen };
  }, 500);
  return value;
}

describe('the spec and the live cluster, on a real cluster', { timeout: 1_200_000 }, () => {
  const session = useLab(lab);
  /** The spec import wrote, as it stands after each test. */
  let spec = '';

  test("the seed's pcs commands, imported: the spec lints without errors and diff says in sync", async (t) => {
    await lab.withLogs(t, async () => {
      const info = lab.info();
      for (const argv of seedArgv(info.vip)) await lab.sshOk('node01', argv);
      const imported = await stashHa(info, ['import', 'node01', '-o', SPEC]);
      assert.equal(imported.code, 0, said(imported));
      spec = imported.io.written.get(SPEC) ?? '';
      assert.match(spec, /^# Imported by stash-ha import from node01 \(node01, Pacemaker 2\.1\.5/);
      assert.match(spec, / {2}stash_res:\n {4}agent: ocf:heartbeat:stash\n.*\n {4}ops:\n {6}monitor: \{ interval: 15s \}\n {4}meta: \{ migration-threshold: 1 \}\n/);
      assert.ok(!spec.includes('start:'), "the start operation is the agent's own, as pcs made it");
      assert.deepEqual(validateText(spec, createCatalog()).filter((d) => d.severity === 'error').map((d) => d.message), []);
      const lint = await stashHa(info, ['lint', SPEC], { [SPEC]: spec });
      assert.equal(lint.code, 0, said(lint));
      const diff = await stashHa(info, ['diff', SPEC], { [SPEC]: spec });
      assert.equal(diff.code, 0, said(diff));
      assert.match(diff.io.stdout(), /is in sync with the spec/);
      const again = await stashHa(info, ['import', 'node01', '-o', SPEC], { [SPEC]: spec });
      assert.equal(again.code, 2, 'an existing file is not overwritten without --force');
      assert.match(again.io.stderr(), /--force overwrites it/);
    });
  });

  test('a changed param, a changed meta attribute and an added resource are exactly three differences; apply makes them true', async (t) => {
    await lab.withLogs(t, async () => {
      const info = lab.info();
      const changed = spec.replace(/cidr_netmask: 24/, 'cidr_netmask: 25').replace('migration-threshold: 1', 'migration-threshold: 2')
        .replace('  stash_vip:\n', '  extra:\n    agent: ocf:pacemaker:Dummy\n  stash_vip:\n');
      assert.notEqual(changed, spec);
      const diff = await stashHa(info, ['diff', '--format', 'json', SPEC], { [SPEC]: changed });
      assert.equal(diff.code, 1, said(diff));
      const lineOf = (needle: string) => changed.split('\n').findIndex((l) => l.includes(needle)) + 1;
      assert.deepEqual(JSON.parse(diff.io.stdout()), [
        { kind: 'change', path: 'resources.stash_res.meta.migration-threshold', live: '1', spec: '2', line: lineOf('migration-threshold: 2') },
        { kind: 'add', path: 'resources.extra', live: null, spec: 'ocf:pacemaker:Dummy', line: lineOf('  extra:') },
        { kind: 'change', path: 'resources.stash_vip.params.cidr_netmask', live: '24', spec: '25', line: lineOf('cidr_netmask: 25') },
      ]);
      const before = await cibVersion(lab);
      const apply = await stashHa(info, ['apply', '--yes', SPEC], { [SPEC]: changed });
      assert.equal(apply.code, 0, said(apply));
      assert.match(apply.io.stdout(), / {2}pcs resource meta stash_res 'migration-threshold=2'\n/);
      assert.match(apply.io.stdout(), / {2}pcs resource update stash_vip 'cidr_netmask=25'\n/);
      assert.match(apply.io.stdout(), / {2}pcs resource create extra ocf:pacemaker:Dummy\n/);
      assert.match(apply.io.stdout(), /Where everything runs:\n( {2}.*\n)* {2}extra: Started on node0\d\n/);
      const [adminBefore, epochBefore] = before.split(':').map(Number);
      assert.equal(await cibVersion(lab), `${adminBefore}:${epochBefore + 1}`, 'the three changes arrived as one CIB change');
      const inSyncNow = await stashHa(info, ['diff', SPEC], { [SPEC]: changed });
      assert.equal(inSyncNow.code, 0, said(inSyncNow));
      const status = await crmMon(lab);
      assert.ok(status.resources.some((r) => r.id === 'extra' && r.role === 'Started' && r.nodes.length === 1), JSON.stringify(status.resources));
      assert.equal((await lab.sshOk('node01', ['crm_resource', '--resource', 'stash_vip', '--get-parameter', 'cidr_netmask'])).trim(), '25');
      assert.equal((await lab.sshOk('node01', ['crm_resource', '--resource', 'stash_res', '--meta', '--get-parameter', 'migration-threshold'])).trim(), '2');
      await stashRunning();
      spec = changed;
    });
  });

  test('a spec with a lint error is refused before anything reaches a node', async () => {
    const info = lab.info();
    const broken = spec.replace('cidr_netmask: 25', 'cidr_netmaks: 25').replace('migration-threshold: 2', 'migration-threshold: 5');
    const version = await cibVersion(lab);
    const before = NODES.map((n) => logins(lab, n));
    const apply = await stashHa(info, ['apply', '--yes', SPEC], { [SPEC]: broken });
    assert.equal(apply.code, 1, said(apply));
    assert.match(apply.io.stderr(), /unknown-param .*cidr_netmaks/);
    assert.match(apply.io.stderr(), /has errors, so nothing was sent to the cluster/);
    assert.deepEqual(NODES.map((n) => logins(lab, n)), before, 'no ssh login on any node');
    assert.equal(await cibVersion(lab), version);
  });

  test('a spec that states a Pacemaker the cluster does not run: diff says so, apply sends nothing', async (t) => {
    await lab.withLogs(t, async () => {
      const info = lab.info();
      const other = `pacemaker: "3.0"\n${spec.replace('migration-threshold: 2', 'migration-threshold: 4')}`;
      const diff = await stashHa(info, ['diff', SPEC], { [SPEC]: other });
      assert.equal(diff.code, 1, said(diff));
      assert.match(diff.io.stderr(), /version-mismatch: This spec is for Pacemaker 3\.0 \(pacemaker: "3\.0"\), but the cluster runs Pacemaker 2\.1\.5/);
      assert.match(diff.io.stdout(), /1 changed; the cluster runs Pacemaker 2\.1\.5, the spec states 3\.0 \(live cluster read from node0\d\)\n$/);
      const version = await cibVersion(lab);
      const apply = await stashHa(info, ['apply', '--yes', SPEC], { [SPEC]: other });
      assert.equal(apply.code, 1, said(apply));
      assert.match(apply.io.stderr(), /version-mismatch: .*; nothing was sent to the cluster\n/);
      assert.equal(await cibVersion(lab), version, 'the CIB did not change');
      const same = await stashHa(info, ['diff', SPEC], { [SPEC]: `pacemaker: "2.1"\n${spec}` });
      assert.equal(same.code, 0, `the line the cluster runs is no difference: ${said(same)}`);
    });
  });

  test('a CIB changed between the plan and the push is refused, and nothing of the plan is applied', async (t) => {
    await lab.withLogs(t, async () => {
      const info = lab.info();
      const wanted = spec.replace('migration-threshold: 2', 'migration-threshold: 4').replace('  extra:\n', '  extra2:\n    agent: ocf:pacemaker:Dummy\n  extra:\n');
      // In the library: plan, someone changes the CIB, push.
      const planned = await planSpec(session.conn, desiredOf(wanted));
      assert.ok(planned.ok, planned.ok ? '' : planned.error);
      assert.equal(planned.plan.steps.length, 2);
      await lab.sshOk('node02', ['pcs', 'resource', 'meta', 'stash_vip', 'priority=7']);
      const refused = await runPlan(session.conn, desiredOf(wanted), planned, systemClock, 60);
      assert.deepEqual([refused.ok, refused.outcome, refused.pushed], [false, 'refused', false], refused.problems.join('\n'));
      assert.match(refused.problems.join('\n'), /the CIB changed since the plan was made/);
      const live = await liveNow(session.conn);
      assert.equal(live.desired.resources.some((r) => r.id === 'extra2'), false);
      assert.equal(live.desired.resources.find((r) => r.id === 'stash_res')?.meta.find((m) => m.name === 'migration-threshold')?.text, '2');
      assert.equal(live.desired.resources.find((r) => r.id === 'stash_vip')?.meta.find((m) => m.name === 'priority')?.text, '7');
      // On the command line: the change comes while apply asks for confirmation.
      const version = { before: '' };
      const apply = await stashHa(info, ['apply', SPEC], { [SPEC]: wanted }, {
        io: (io) => ({
          ...io,
          confirm: async () => {
            version.before = await cibVersion(lab);
            await lab.sshOk('node03', ['pcs', 'resource', 'meta', 'stash_vip', 'priority=8']);
            return true;
          },
        }),
      });
      assert.equal(apply.code, 1, said(apply));
      assert.match(apply.io.stderr(), /refused[\s\S]*the CIB changed since the plan was made[\s\S]*Nothing was changed on the cluster/);
      const [admin, epoch] = version.before.split(':').map(Number);
      assert.equal(await cibVersion(lab), `${admin}:${epoch + 1}`, "only the other admin's change reached the CIB");
      const after = await liveNow(session.conn);
      assert.equal(after.desired.resources.some((r) => r.id === 'extra2'), false);
      assert.equal(after.desired.resources.find((r) => r.id === 'stash_res')?.meta.find((m) => m.name === 'migration-threshold')?.text, '2');
    });
  });

  test('a live-only resource stays unless --prune, which removes it and nothing else', async (t) => {
    await lab.withLogs(t, async () => {
      const info = lab.info();
      await lab.sshOk('node01', ['pcs', 'resource', 'create', 'stray', 'ocf:pacemaker:Dummy']);
      const kept = await stashHa(info, ['apply', '--yes', SPEC], { [SPEC]: spec });
      assert.equal(kept.code, 0, said(kept));
      assert.match(kept.io.stdout(), /Kept \(live-only; apply --prune removes them\): resources\.stray/);
      const before = await liveNow(session.conn);
      assert.ok(before.desired.resources.some((r) => r.id === 'stray'));
      const pruned = await stashHa(info, ['apply', '--yes', '--prune', SPEC], { [SPEC]: spec });
      assert.equal(pruned.code, 0, said(pruned));
      assert.match(pruned.io.stdout(), /Plan: 1 pcs commands[^\n]*\n {2}pcs resource delete stray\n/);
      const after = await liveNow(session.conn);
      const withoutStray = { ...before.desired, resources: before.desired.resources.filter((r) => r.id !== 'stray') };
      assert.deepEqual(diffClusters(withoutStray, after).filter((d) => d.kind !== 'leftover'), [], 'everything but stray is as it was');
      assert.equal(inSync(diffClusters(desiredOf(spec), after)), true);
      const diff = await stashHa(info, ['diff', SPEC], { [SPEC]: spec });
      assert.equal(diff.code, 0, said(diff));
    });
  });

  test('the demo spec applied to a cluster with no resources arrives as one CIB change; Stash starts with its VIP on one node', async (t) => {
    await lab.withLogs(t, async () => {
      const info = lab.info();
      await emptyCluster(lab);
      const demo = demoSpecText(info);
      const dry = await stashHa(info, ['apply', '--dry-run', SPEC], { [SPEC]: demo });
      assert.equal(dry.code, 0, said(dry));
      assert.match(dry.io.stdout(), /Plan: 4 pcs commands/);
      const version = await cibVersion(lab);
      assert.equal(await cibVersion(lab), version, '--dry-run sent nothing');
      const apply = await stashHa(info, ['apply', '--yes', SPEC], { [SPEC]: demo });
      assert.equal(apply.code, 0, said(apply));
      const [admin, epoch] = version.split(':').map(Number);
      assert.equal(await cibVersion(lab), `${admin}:${epoch + 1}`, 'Stash, its VIP and both constraints in one CIB change');
      const node = await stashRunning();
      assert.match(apply.io.stdout(), new RegExp(`  stash_res: Started on ${node}\\n  stash_vip: Started on ${node}\\n`));
      assert.equal(await stashStateAtVip(info), 'RUNNING');
      const diff = await stashHa(info, ['diff', SPEC], { [SPEC]: demo });
      assert.equal(diff.code, 0, said(diff));
      t.diagnostic(`demo applied in ${apply.io.stdout().match(/done in ([\d.]+) s/)?.[1] ?? '?'} s; Stash on ${node}`);
    });
  });

  test("fetch-metadata writes the nodes' agent meta-data beside the spec and names a node whose Stash agent is not the bundled one", async (t) => {
    await lab.withLogs(t, async () => {
      const info = lab.info();
      const spec = demoSpecText(info).replace('constraints:\n', '  ghost:\n    agent: ocf:heartbeat:NoSuchAgent\nconstraints:\n');
      const files = { 'specs/lab.cluster.yaml': spec };
      const first = await stashHa(info, ['fetch-metadata', 'specs/lab.cluster.yaml'], files);
      assert.equal(first.code, 1, said(first));
      assert.deepEqual([...first.io.written.keys()].sort(), ['specs/ocf.heartbeat.IPaddr2.metadata.xml', 'specs/ocf.heartbeat.stash.metadata.xml']);
      assert.match(first.io.stderr(), /ocf:heartbeat:NoSuchAgent/);
      assert.match(first.io.stdout(), /node01, node02, node03: ocf:heartbeat:stash is the agent bundled with stash-ha\n/);
      const ipaddr = first.io.written.get('specs/ocf.heartbeat.IPaddr2.metadata.xml') ?? '';
      assert.match(ipaddr, /<resource-agent name="IPaddr2"/);
      const lint = await stashHa(info, ['lint', '--metadata', 'specs/ocf.heartbeat.IPaddr2.metadata.xml', 'specs/lab.cluster.yaml'], { ...files, 'specs/ocf.heartbeat.IPaddr2.metadata.xml': ipaddr });
      assert.match(lint.io.stdout(), /unknown-agent .*NoSuchAgent/);
      const agent = '/usr/lib/ocf/resource.d/heartbeat/stash';
      await lab.sshOk('node03', ['sed', '-i', 's/name="start"        timeout="240s"/name="start"        timeout="999s"/', agent]);
      try {
        const second = await stashHa(info, ['fetch-metadata', '--dir', 'meta', 'specs/lab.cluster.yaml'], files);
        assert.equal(second.code, 1, said(second));
        assert.ok(second.io.written.has('meta/ocf.heartbeat.stash.metadata.xml'));
        assert.match(second.io.stdout(), /node03: ocf:heartbeat:stash differs from the agent bundled with stash-ha: action start has timeout 999s, not timeout 240s/);
        assert.match(second.io.stdout(), /node01, node02: ocf:heartbeat:stash is the agent bundled with stash-ha\n/);
      } finally {
        await lab.sshOk('node03', ['sed', '-i', 's/name="start"        timeout="999s"/name="start"        timeout="240s"/', agent]);
      }
    });
  });

  test("export's script, run with bash on a bare cluster, builds a cluster in sync with its spec", async (t) => {
    await lab.withLogs(t, async () => {
      const info = lab.info();
      await emptyCluster(lab);
      const demo = demoSpecText(info);
      const exported = await stashHa(info, ['export', '--format', 'pcs', SPEC], { [SPEC]: demo });
      assert.equal(exported.code, 0, said(exported));
      const script = exported.io.stdout();
      const ran = await session.conn.run({ argv: ['bash', '-s'], stdin: script, timeoutMs: 120_000 }, 'node02');
      assert.equal(ran.exitCode, 0, `${ran.stdout}\n${ran.stderr}`);
      await stashRunning();
      const diff = await stashHa(info, ['diff', SPEC], { [SPEC]: demo });
      assert.equal(diff.code, 0, said(diff));
    });
  });
});
