// The cluster subcommands of `stash-ha` end to end, as a user runs them: the built
// dist/cli.js as a real process with an argv array and `--ssh-config` of one real
// 3-node lab cluster (test/cluster/), against a spec file that `stash-ha lint`
// accepts. Each command's exit status and output is checked against what the
// cluster itself says (crm_mon, cibadmin over ssh), and every run must leave no
// ssh socket or master process behind, also when interrupted with Ctrl-C. The tests
// share the cluster and run in order.
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ClusterSnapshot } from '../../client/src/cluster/snapshot';
import { allPrimitives } from '../../client/src/cluster/snapshotQueries';
import { LabStatus, parseCrmMon, startedOn } from '../cluster/crmMon';
import { claimLab, LabInfo, repoRoot } from '../cluster/labCluster';
import { waitFor } from '../cluster/waitFor';
import { createFromSpec, labSpecText } from './cliLab';
import { describeRun, hasSocket, runStashHa, StashHaRun } from './stashHaProcess';

const SUBCOMMANDS = ['lint', 'status', 'failover', 'standby', 'unstandby', 'cleanup', 'enable', 'disable', 'clear', 'deploy-agent'];
const NODES = ['node01', 'node02', 'node03'];
const AGENT = join(repoRoot, 'agent', 'stash');
const INSTALLED = '/usr/lib/ocf/resource.d/heartbeat/stash';
const CONNECT_TIMEOUT = 3;

// Short on purpose: ssh's control sockets live in TMPDIR and socket paths are limited.
const work = mkdtempSync('/tmp/shacli-');
const tmp = join(work, 't');
const lab = claimLab();

/** Runs stash-ha, expects `code`, and proves the run left nothing behind (runs at once need their own `tmpDir`). */
async function stashHa(t: TestContext, args: readonly string[], code: number, tmpDir = tmp): Promise<StashHaRun> {
  const run = await runStashHa(args, tmpDir);
  t.diagnostic(`stash-ha ${args.map((a) => (a.includes('/') ? basename(a) : a)).join(' ')}: exit ${String(run.code)} in ${run.seconds.toFixed(1)} s`);
  assert.equal(run.code, code, describeRun(args, run));
  assert.deepEqual(run.leftovers, [], describeRun(args, run));
  return run;
}

const crmXml = (via: string): Promise<string> => lab.sshOk(via, ['crm_mon', '--output-as=xml']);
const crm = async (via = 'node01'): Promise<LabStatus> => parseCrmMon(await crmXml(via));
const constraints = (): Promise<string> => lab.sshOk('node01', ['cibadmin', '--query', '--scope', 'constraints']);

/**
 * Waits until the cluster is idle (no transition pending: a resource just created or
 * recovered may still be probed or moved, and pcs 0.11 refuses to move a resource that
 * is between states) with Stash and the VIP both Started on one node, and returns it.
 */
async function stashStartedSomewhere(what: string, via = 'node01'): Promise<string> {
  const waited = await waitFor(what, 90_000, async () => {
    await lab.ssh(via, ['crm_resource', '--wait', '--timeout=60s']);
    const s = await crm(via);
    const node = startedOn(s, 'stash');
    return node !== undefined && startedOn(s, 'vip') === node
      ? { done: true, value: node } : { done: false, seen: JSON.stringify(s.resources) };
  });
  return waited.value;
}

function fingerprint(node: string): string {
  const pub = join(lab.settings.runDir, 'nodes', node, 'ssh', 'ssh_host_ed25519_key.pub');
  return execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', pub], { encoding: 'utf8' }).split(' ')[1];
}

async function withLogs(t: TestContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    t.diagnostic((await lab.script('logs').catch((e: unknown) => ({ stdout: String(e) }))).stdout);
    throw error;
  }
}

describe('stash-ha without a cluster', () => {
  test('--help lists every subcommand, and each subcommand has a --help that exits 0', async (t) => {
    const top = await stashHa(t, ['--help'], 0);
    for (const name of SUBCOMMANDS) assert.match(top.stdout, new RegExp(`^  ${name} +\\S`, 'm'), `--help lists ${name}`);
    const helps = await Promise.all(SUBCOMMANDS.map((name) => stashHa(t, [name, '--help'], 0)));
    SUBCOMMANDS.forEach((name, i) => assert.match(helps[i].stdout, new RegExp(`^Usage: stash-ha ${name} `), name));
  });

  test('a usage error exits 2 and says what is wrong before any node is asked', async (t) => {
    const spec = join(work, 'never-read.cluster.yaml');
    assert.match((await stashHa(t, ['failover', spec, 'vip'], 2)).stderr, /usage: stash-ha failover \[OPTIONS\] SPEC RESOURCE NODE/);
    assert.match((await stashHa(t, ['status', '--format', 'yaml', spec], 2)).stderr, /status: --format must be text or json, not 'yaml'/);
    assert.match((await stashHa(t, ['standby', '--no-such-option', spec, 'node01'], 2)).stderr, /unknown option '--no-such-option'/);
    assert.match((await stashHa(t, ['status', spec], 2)).stderr, /cannot read .*never-read\.cluster\.yaml/);
  });
});

describe('stash-ha cluster commands on a real 3-node cluster', { timeout: 900_000 }, () => {
  let info: LabInfo;
  let spec = '';
  let ssh: string[] = [];
  let active = '';

  before(async () => {
    await lab.script('down');
    await lab.script('up', '3');
    info = lab.info();
    spec = join(work, `${info.name}.cluster.yaml`);
    writeFileSync(spec, labSpecText(info));
    ssh = ['--ssh-config', info.sshConfig];
  });

  after(async () => {
    const pidNamespaces = lab.nodePidNamespaces();
    await lab.script('down');
    lab.release();
    rmSync(work, { recursive: true, force: true });
    assert.deepEqual(await lab.residue(pidNamespaces), []);
  });

  test('stash-ha lint accepts the spec without errors', async (t) => {
    const run = await stashHa(t, ['lint', '--format', 'json', spec], 0);
    const records = JSON.parse(run.stdout) as { severity: string; code: string }[];
    assert.deepEqual(records.filter((r) => r.severity === 'error'), []);
  });

  test('deploy-agent installs the agent on 3 nodes that have none; then pcs resource create … ocf:heartbeat:stash works', async (t) => {
    await withLogs(t, async () => {
      await Promise.all(NODES.map((node) => lab.sshOk(node, ['rm', '-f', INSTALLED])));
      for (const node of NODES) assert.notEqual((await lab.ssh(node, ['crm_resource', '--show-metadata', 'ocf:heartbeat:stash'])).code, 0);
      const run = await stashHa(t, ['deploy-agent', ...ssh, spec], 0);
      for (const node of NODES) assert.match(run.stdout, new RegExp(`^${node}: ok: installed at ${INSTALLED}, meta-data checked`, 'm'));
      assert.match(run.stdout, /^deploy-agent: 3 of 3 nodes in /m);
      const sha = createHash('sha256').update(readFileSync(AGENT)).digest('hex');
      for (const node of NODES) assert.equal((await lab.sshOk(node, ['sha256sum', INSTALLED])).split(' ')[0], sha, node);
      await createFromSpec(lab, info);
      active = await stashStartedSomewhere('Stash and the VIP started');
    });
  });

  test('status --format json is what crm_mon says; text status names the nodes and where Stash runs', async (t) => {
    const run = await stashHa(t, ['status', '--format', 'json', ...ssh, spec], 0);
    const snapshot = JSON.parse(run.stdout) as ClusterSnapshot;
    const truth = await crm();
    assert.deepEqual(snapshot.nodes.map((n) => [n.name, n.online, n.standby]), truth.nodes.map((n) => [n.name, n.online, n.standby]));
    assert.deepEqual(allPrimitives(snapshot.resources).map((p) => [p.id, p.agent, p.role, p.nodes]),
      truth.resources.map((r) => [r.id, r.agent, r.role, r.nodes]));
    assert.deepEqual([snapshot.quorum, snapshot.dc], [truth.quorum, truth.dc]);
    assert.deepEqual(snapshot.stash.map((s) => [s.resource, s.node, s.state]), [['stash', active, 'RUNNING']]);
    const text = (await stashHa(t, ['status', ...ssh, spec], 0)).stdout;
    assert.match(text, new RegExp(`^Cluster ${info.name}: Pacemaker `, 'm'));
    for (const node of NODES) assert.match(text, new RegExp(`^  ${node}: online`, 'm'));
    assert.match(text, new RegExp(`stash \\(ocf:heartbeat:stash\\): Started on ${active}  Stash: RUNNING`));
  });

  test('failover of the VIP to another node moves Stash with it and leaves no constraint', async (t) => {
    await withLogs(t, async () => {
      const target = NODES.find((n) => n !== active) ?? '';
      const run = await stashHa(t, ['failover', ...ssh, spec, 'vip', target], 0);
      assert.match(run.stdout, new RegExp(`^fail over vip to ${target}: done in `));
      const truth = await crm();
      assert.deepEqual([startedOn(truth, 'stash'), startedOn(truth, 'vip')], [target, target]);
      const left = await constraints();
      assert.ok(!left.includes('cli-prefer') && !left.includes('cli-ban'), left);
      active = target;
    });
  });

  test('standby and unstandby a node; a failover to the node in standby is refused with exit 1 and the reason', async (t) => {
    await withLogs(t, async () => {
      const spare = NODES.find((n) => n !== active) ?? '';
      assert.match((await stashHa(t, ['standby', ...ssh, spec, spare], 0)).stdout, new RegExp(`^standby ${spare}: done in `));
      assert.equal((await crm()).nodes.find((n) => n.name === spare)?.standby, true);
      const refused = await stashHa(t, ['failover', ...ssh, spec, 'stash', spare], 1);
      assert.match(refused.stderr, new RegExp(`fail over stash to ${spare}: refused .*\\n  ${spare} is standby; it cannot take resources`));
      assert.equal(startedOn(await crm(), 'stash'), active);
      assert.match((await stashHa(t, ['unstandby', ...ssh, spec, spare], 0)).stdout, new RegExp(`^unstandby ${spare}: done in `));
      assert.equal((await crm()).nodes.find((n) => n.name === spare)?.standby, false);
    });
  });

  test('Ctrl-C during a command closes its ssh connections, then ends the process by SIGINT', async (t) => {
    const spare = NODES.find((n) => n !== active) ?? '';
    const args = ['standby', ...ssh, spec, spare];
    const run = await runStashHa(args, tmp, {
      onSpawn: (child) => {
        waitFor('an ssh master socket of the running stash-ha', 30_000, () => Promise.resolve(
          hasSocket(tmp) ? { done: true, value: true } : { done: false, seen: readdirSync(tmp).join(' ') }), 10)
          .then(() => child.kill('SIGINT'), () => child.kill('SIGKILL'));
      },
    });
    t.diagnostic(`interrupted stash-ha standby ended by ${String(run.signal)} after ${run.seconds.toFixed(1)} s`);
    assert.equal(run.signal, 'SIGINT', describeRun(args, run));
    assert.match(run.stderr, /^stash-ha: interrupted: closing the ssh connections/m);
    assert.deepEqual(run.leftovers, [], describeRun(args, run));
    await stashHa(t, ['unstandby', ...ssh, spec, spare], 0);
    assert.equal((await crm()).nodes.find((n) => n.name === spare)?.standby, false);
  });

  test('cleanup after a real monitor failure clears the failure and the fail count', async (t) => {
    await withLogs(t, async () => {
      const control = join(lab.settings.runDir, 'shared', 'stash-home', 'standin-control');
      mkdirSync(control, { recursive: true });
      writeFileSync(join(control, 'crash-once'), ''); // one crash: the cluster's restart of Stash then runs
      try {
        await waitFor('a failed monitor of stash', 60_000, async () => {
          const xml = await crmXml(active);
          return /<failure [^>]*op_key="stash_monitor_/.test(xml) ? { done: true, value: xml } : { done: false, seen: 'no failure yet' };
        });
      } finally {
        rmSync(join(control, 'crash-once'), { force: true }); // (gone once it acted)
      }
      active = await stashStartedSomewhere('Stash recovered after its monitor failure', active);
      const before = JSON.parse((await stashHa(t, ['status', '--format', 'json', ...ssh, spec], 0)).stdout) as ClusterSnapshot;
      assert.ok(before.failures.some((f) => f.resource === 'stash' && f.operation === 'monitor'), JSON.stringify(before.failures));
      assert.ok(before.failCounts.some((c) => c.resource === 'stash' && c.failCount >= 1), JSON.stringify(before.failCounts));
      assert.match((await stashHa(t, ['cleanup', ...ssh, spec, 'stash'], 0)).stdout, /^cleanup stash: done in /);
      const xml = await crmXml(active);
      assert.doesNotMatch(xml, /<failure [^>]*op_key="stash_/);
      assert.doesNotMatch(xml, /<resource_history id="stash"[^>]*fail-count=/);
    });
  });

  test('disable and enable the VIP; clear removes a ban', async (t) => {
    await withLogs(t, async () => {
      await stashHa(t, ['disable', ...ssh, spec, 'vip'], 0);
      assert.equal((await crm()).resources.find((r) => r.id === 'vip')?.role, 'Stopped');
      await stashHa(t, ['enable', ...ssh, spec, 'vip'], 0);
      assert.equal(startedOn(await crm(), 'vip'), active);
      const spare = NODES.find((n) => n !== active) ?? '';
      await lab.sshOk('node01', ['pcs', 'resource', 'ban', 'vip', spare]);
      assert.match(await constraints(), /cli-ban-vip-on-/);
      await stashHa(t, ['clear', ...ssh, spec, 'vip'], 0);
      assert.doesNotMatch(await constraints(), /cli-ban|cli-prefer/);
    });
  });

  test('an unknown host key is refused with exit 4 and its fingerprint; --accept-new-host-keys then works', async (t) => {
    const dir = join(work, 'keys');
    mkdirSync(dir);
    const knownHosts = join(dir, 'known_hosts');
    const config = join(dir, 'ssh_config');
    const original = readFileSync(info.sshConfig, 'utf8');
    assert.match(original, /UserKnownHostsFile \S+/);
    writeFileSync(config, original.replace(/UserKnownHostsFile \S+/g, `UserKnownHostsFile ${knownHosts}`));
    const refused = await stashHa(t, ['status', '--ssh-config', config, spec], 4);
    for (const node of info.nodes) {
      assert.match(refused.stderr, new RegExp(`${node.name} \\(${node.address}:22\\): unknown host ssh-ed25519 key ${fingerprint(node.name).replace(/[+/]/g, '\\$&')}`));
    }
    assert.match(refused.stderr, /--accept-new-host-keys/);
    assert.equal(existsSync(knownHosts) ? readFileSync(knownHosts, 'utf8') : '', '', 'a refused key is not recorded');
    const accepted = await stashHa(t, ['status', '--accept-new-host-keys', '--ssh-config', config, spec], 0);
    assert.match(accepted.stdout, new RegExp(`^Cluster ${info.name}: `));
    assert.ok(readFileSync(knownHosts, 'utf8').includes(' ssh-ed25519 '), 'the accepted key is recorded');
    await stashHa(t, ['status', '--ssh-config', config, spec], 0);
  });

  test('a crashed node: exit 3 naming it within the connect timeout when it is the only node; the full spec still answers', async (t) => {
    await withLogs(t, async () => {
      const spare = info.nodes.find((n) => n.name !== active) ?? info.nodes[0];
      const deadSpec = join(work, 'dead.cluster.yaml');
      writeFileSync(deadSpec, `cluster: ${info.name}\nnodes:\n  ${spare.name}: { address: ${spare.address} }\n`);
      await lab.script('crash', spare.name);
      const timeout = ['--connect-timeout', String(CONNECT_TIMEOUT)];
      const [status, deploy] = await Promise.all([
        stashHa(t, ['status', ...timeout, ...ssh, deadSpec], 3),
        stashHa(t, ['deploy-agent', ...timeout, ...ssh, deadSpec], 3, join(work, 't2')),
      ]);
      for (const [name, run] of [['status', status], ['deploy-agent', deploy]] as const) {
        assert.match(run.stderr, new RegExp(`${spare.name} \\(${spare.address}:22\\): (no answer within the ${CONNECT_TIMEOUT} s connect timeout|no route to the host)`));
        t.diagnostic(`${name} against the crashed node ended after ${run.seconds.toFixed(1)} s (connect timeout ${CONNECT_TIMEOUT} s)`);
      }
      const waited = await waitFor(`${spare.name} offline in stash-ha status`, 60_000, async () => {
        const run = await stashHa(t, ['status', '--format', 'json', ...timeout, ...ssh, spec], 0);
        const node = (JSON.parse(run.stdout) as ClusterSnapshot).nodes.find((n) => n.name === spare.name);
        return node?.online === false ? { done: true, value: node } : { done: false, seen: JSON.stringify(node) };
      });
      assert.equal(waited.value.state, 'offline');
      assert.equal(startedOn(await crm(active), 'stash'), active);
    });
  });
});
