// Apply's plan (the pcs commands made from the differences) and export's script, on
// CIBs captured from the lab (Pacemaker 2.1.5, pcs 0.11.5). The pcs 0.9 and 0.10
// syntax is checked against those releases' documented commands (no such pcs runs
// here: CentOS 7's 0.9 is in no Debian release; bullseye's 0.10 runs in issue 11's
// version lab), so those expectations are written from the documentation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffClusters, LiveCluster } from '../../../server/src';
import { ApplyPlan, planApply } from '../../../client/src/cluster/applyPlan';
import { commandArguments, pushCommand, readPushAnswer } from '../../../client/src/cluster/applyPush';
import { exportScript } from '../../../client/src/cluster/exportScript';
import { pcsSyntax } from '../../../client/src/cluster/pcsConfigArgv';
import { liveOf, SEED_SPEC, SHAPES_SPEC, specOf } from '../spec/cibFixtures';

function plan(text: string, live: LiveCluster, version = '0.11.5', prune = false): ApplyPlan {
  const spec = specOf(text);
  return planApply(spec, live, diffClusters(spec, live), { syntax: pcsSyntax(version), prune });
}

function argvs(p: ApplyPlan): string[] {
  return p.steps.map((s) => s.argv.join(' '));
}

describe("apply's plan", () => {
  test('in sync: nothing to do', () => {
    const p = plan(SEED_SPEC, liveOf('seed'));
    assert.deepEqual(argvs(p), []);
    assert.deepEqual([p.manual, p.kept], [[], []]);
    assert.deepEqual(p.version, liveOf('seed').version);
    assert.deepEqual(argvs(plan(SHAPES_SPEC, liveOf('shapes'))), []);
  });

  test('a changed param, meta attribute and operation, an added resource, a property and a default, in an order pcs -f takes', () => {
    const text = SEED_SPEC.replace('nic: eth0', 'nic: eth1').replace('migration-threshold: 1', 'migration-threshold: 3')
      .replace('      monitor: { interval: 15s }', '      monitor: { interval: 15s, timeout: 30s }')
      .replace('  stash_vip:\n', '  extra:\n    agent: ocf:pacemaker:Dummy\n    ops:\n      monitor: { interval: 17s }\n    meta: { priority: 2 }\n  stash_vip:\n')
      .replace('resources:\n', 'properties:\n  no-quorum-policy: ignore\nresource-defaults:\n  resource-stickiness: 100\nop-defaults:\n  timeout: 45s\nresources:\n');
    assert.deepEqual(argvs(plan(text, liveOf('seed'))), [
      'pcs resource meta stash_res migration-threshold=3',
      'pcs resource update stash_res op monitor interval=15s timeout=30s',
      'pcs resource update stash_vip nic=eth1',
      'pcs resource create extra ocf:pacemaker:Dummy op monitor interval=17s meta priority=2',
      'pcs property set no-quorum-policy=ignore',
      'pcs resource defaults update resource-stickiness=100',
      'pcs resource op defaults update timeout=45s',
    ]);
    assert.deepEqual(argvs(plan(text, liveOf('seed'), '0.9.169')).slice(-2), [
      'pcs resource defaults resource-stickiness=100', 'pcs resource op defaults timeout=45s',
    ]);
  });

  test("a replaced operation keeps what the spec does not state; a param the spec dropped is unset", () => {
    // The values fixture's VIP monitor has on-fail, enabled, start-delay and record-pending too.
    const live = liveOf('values');
    const text = SEED_SPEC.replace('      monitor: { interval: 30s }', '      monitor: { interval: 30s, timeout: 25s }')
      .replace('      monitor: { interval: 15s }', '      monitor: { interval: 15s, timeout: 30s }').replace('      start: { timeout: 240s }\n', '')
      .replace(', nic: eth0', '').replace('migration-threshold: 1', 'migration-threshold: INFINITY');
    const steps = argvs(plan(text, live)).filter((s) => s.includes('stash_vip'));
    assert.deepEqual(steps, [
      'pcs resource update stash_vip nic=',
      'pcs resource update stash_vip op monitor interval=30s timeout=25s on-fail=restart enabled=1 start-delay=1s record-pending=false',
    ]);
  });

  test('groups are made and reordered member by member; constraints on clones name the clone', () => {
    const text = SHAPES_SPEC.replace('stack: [fs, web]', 'stack: [web, fs]')
      .replace('    - { resource: stash_res, with: probe, score: 200 }', '    - { resource: stash_res, with: probe, score: 300 }');
    assert.deepEqual(argvs(plan(text, liveOf('shapes'))), [
      'pcs constraint delete colocation-stash_res-probe-clone-200',
      'pcs resource group add stack web --before fs',
      'pcs constraint colocation add stash_res with probe-clone 300',
    ]);
    const fresh = plan(SHAPES_SPEC, liveOf('seed'));
    assert.deepEqual(argvs(fresh), [
      'pcs resource create drbd ocf:pacemaker:Stateful op monitor interval=29s role=Promoted op monitor interval=31s role=Unpromoted promotable promoted-max=1 promoted-node-max=1 clone-max=2 clone-node-max=1 notify=true',
      'pcs resource create fs ocf:heartbeat:Filesystem device=/dev/drbd0 directory=/srv/data fstype=xfs',
      'pcs resource create web ocf:pacemaker:Dummy op monitor interval=20s timeout=40s OCF_CHECK_LEVEL=10',
      'pcs resource create probe ocf:pacemaker:ping host_list=10.213.88.100 clone interleave=true',
      'pcs resource group add stack fs web',
      'pcs constraint colocation add stack with Promoted drbd-clone INFINITY',
      'pcs constraint colocation add stash_res with probe-clone 200',
      'pcs constraint order promote drbd-clone then start stack kind=Optional',
      'pcs constraint order stop stash_vip then stop web kind=Serialize symmetrical=false',
      'pcs constraint location stack prefers node01=50',
      'pcs constraint location stash_res avoids node03=INFINITY',
      'pcs property set maintenance-mode=false',
      'pcs resource op defaults update timeout=45s',
    ]);
    // pcs 0.9 (documented syntax): master for promotable, with its own id; master/slave roles; R-master as the clone's id.
    assert.deepEqual(argvs(plan(SHAPES_SPEC, liveOf('seed'), '0.9.169')).filter((s) => s.includes('drbd ') || s.includes('drbd-master')), [
      'pcs resource create drbd ocf:pacemaker:Stateful op monitor interval=29s role=Master op monitor interval=31s role=Slave master promoted-max=1 promoted-node-max=1 clone-max=2 clone-node-max=1 notify=true',
      'pcs constraint colocation add stack with master drbd-master INFINITY',
      'pcs constraint order promote drbd-master then start stack kind=Optional',
    ]);
  });

  test('one operation of several is replaced by id; a clone kind change unclones first', () => {
    const text = SHAPES_SPEC.replace('{ interval: 31s, role: Slave }', '{ interval: 32s, role: Slave }').replace('clone: { interleave: true }', 'promotable: { interleave: true }');
    assert.deepEqual(argvs(plan(text, liveOf('shapes'))), [
      'pcs resource op delete drbd-monitor-interval-31s',
      'pcs resource op add drbd monitor interval=32s role=Unpromoted',
      'pcs resource unclone probe-clone',
      'pcs resource promotable probe interleave=true',
    ]);
  });

  test('live-only items are kept unless --prune, which removes constraints, then groups, then resources; nodes are never planned', () => {
    const kept = plan(SEED_SPEC, liveOf('shapes'));
    assert.deepEqual(argvs(kept), []);
    assert.deepEqual(kept.kept.map((d) => d.path), [
      'resources.drbd', 'resources.fs', 'resources.web', 'resources.probe', 'groups.stack',
      'constraints.colocation.colocation-stack-drbd-clone-INFINITY', 'constraints.colocation.colocation-stash_res-probe-clone-200',
      'constraints.order.order-drbd-clone-stack-Optional', 'constraints.order.order-stash_vip-web-Serialize',
      'constraints.location.location-stack-node01-50', 'constraints.location.location-stash_res-node03--INFINITY',
    ]);
    assert.deepEqual(argvs(plan(SEED_SPEC, liveOf('shapes'), '0.11.5', true)), [
      'pcs constraint delete colocation-stack-drbd-clone-INFINITY', 'pcs constraint delete colocation-stash_res-probe-clone-200',
      'pcs constraint delete order-drbd-clone-stack-Optional', 'pcs constraint delete order-stash_vip-web-Serialize',
      'pcs constraint delete location-stack-node01-50', 'pcs constraint delete location-stash_res-node03--INFINITY',
      'pcs resource ungroup stack',
      'pcs resource delete drbd', 'pcs resource delete fs', 'pcs resource delete web', 'pcs resource delete probe',
    ]);
    assert.deepEqual(argvs(plan(SEED_SPEC, liveOf('shapes'), '0.9.169', true)).slice(0, 1), ['pcs constraint remove colocation-stack-drbd-clone-INFINITY']);
    const nodes = plan(SEED_SPEC.replace('  node03: { address: 10.213.88.13 }\n', '  node04: { address: 10.213.88.14 }\n').replace('cluster: stashlab', 'cluster: other'),
      liveOf('seed'), '0.11.5', true);
    assert.deepEqual(argvs(nodes), []);
    assert.deepEqual(nodes.manual.map((d) => [d.path, d.hint]), [
      ['cluster', "the cluster's name is corosync's totem.cluster_name: change it in corosync.conf on every node"],
      ['nodes.node04', 'pcs cluster node add node04 addr=10.213.88.14'],
      ['nodes.node03', 'pcs cluster node remove node03'],
    ]);
    const agent = plan(SEED_SPEC.replace('agent: ocf:heartbeat:IPaddr2', 'agent: ocf:heartbeat:IPsrcaddr'), liveOf('seed'));
    assert.deepEqual([argvs(agent), agent.manual.map((d) => d.path)], [[], ['resources.stash_vip.agent']]);
  });
});

describe('the push script', () => {
  test('takes each command as one argument and refuses a word it could not carry', () => {
    const p = plan(SEED_SPEC.replace('migration-threshold: 1', 'migration-threshold: 3'), liveOf('seed'));
    assert.deepEqual(commandArguments(p), ['pcs\x1fresource\x1fmeta\x1fstash_res\x1fmigration-threshold=3']);
    const { command, marker } = pushCommand(p, 60);
    assert.deepEqual(command.argv.slice(3), ['sh', marker, '0', '12', '60s', 'pcs\x1fresource\x1fmeta\x1fstash_res\x1fmigration-threshold=3']);
    assert.ok(!command.argv[2].includes('stash_res'), 'nothing from the spec is in the script');
    const bad = { ...p, steps: [{ argv: ['pcs', 'resource', 'update', 'r', 'x=a\x1fb'] }] };
    assert.throws(() => commandArguments(bad), /cannot be passed/);
    assert.throws(() => commandArguments({ ...p, steps: [{ argv: ['pcs', ''] }] }), /cannot be passed/);
    assert.throws(() => commandArguments({ ...p, steps: [{ argv: ['rm', '-rf', '/'] }] }), /must be a pcs command/);
  });

  test('its answer says where it stopped: a changed CIB, a failed command, a failed push, or pushed', () => {
    const p = plan(SEED_SPEC.replace('migration-threshold: 1', 'migration-threshold: 3'), liveOf('seed'));
    const m = '@@m';
    const answer = (...parts: string[]) => readPushAnswer(p, 'node01', parts.join('\n'), '', m);
    assert.deepEqual(answer(`${m} check`, '0 13 ', `${m} rc 3`), { kind: 'changed', node: 'node01', seen: '0:13', stage: 'before' });
    assert.deepEqual(answer(`${m} check`, '0 12 ', `${m} rc 0`, `${m} step 1`, 'Error: bad', `${m} rc 1`),
      { kind: 'step-failed', node: 'node01', step: 1, argv: p.steps[0].argv, output: 'Error: bad' });
    assert.deepEqual(answer(`${m} check`, '0 12 ', `${m} rc 0`, `${m} step 1`, `${m} rc 0`, `${m} recheck`, '0 14 ', `${m} rc 3`),
      { kind: 'changed', node: 'node01', seen: '0:14', stage: 'after-commands' });
    assert.deepEqual(answer(`${m} check`, '0 12 ', `${m} rc 0`, `${m} step 1`, `${m} rc 0`, `${m} recheck`, '0 12 ', `${m} rc 0`, `${m} push`, 'Error: x', `${m} rc 1`),
      { kind: 'push-failed', node: 'node01', output: 'Error: x' });
    assert.deepEqual(answer(`${m} check`, '0 12 ', `${m} rc 0`, `${m} step 1`, `${m} rc 0`, `${m} recheck`, '0 12 ', `${m} rc 0`, `${m} push`, 'CIB updated', `${m} rc 0`,
      `${m} settle`, `${m} rc 0`, `${m} cib`, '<cib/>', `${m} rc 0`), { kind: 'pushed', node: 'node01', settled: true, settleOutput: '', cib: '<cib/>' });
    const cut = answer(`${m} check`, '0 12 ', `${m} rc 0`, `${m} step 1`, `${m} rc 0`, `${m} recheck`, '0 12 ', `${m} rc 0`, `${m} push`);
    assert.equal(cut.kind, 'failed');
    assert.match(cut.kind === 'failed' ? cut.error : '', /may or may not have reached the cluster/);
  });
});

describe("export's script", () => {
  const SPEC = SHAPES_SPEC.replace('  stash_res:\n', "  stash_res:\n    # a value with a quote and a dollar: it's $HOME\n")
    .replace('stash_user: stash }', "stash_user: stash, status_url: \"http://localhost:7990/it's $HOME\" }");

  function check(script: string): void {
    const dir = mkdtempSync(join(tmpdir(), 'stash-ha-export-'));
    try {
      writeFileSync(join(dir, 'build.sh'), script);
      const syntax = spawnSync('sh', ['-n', join(dir, 'build.sh')], { encoding: 'utf8' });
      assert.equal(syntax.status, 0, syntax.stderr);
      const lint = spawnSync('shellcheck', ['-s', 'sh', join(dir, 'build.sh')], { encoding: 'utf8' });
      assert.equal(lint.status, 0, lint.stdout + lint.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test('pcs 0.10+: every word from the spec quoted, run on a copy of the CIB and pushed once; sh -n and shellcheck pass', () => {
    const script = exportScript(specOf(SPEC), pcsSyntax('0.10'), 'site.cluster.yaml');
    check(script);
    const lines = script.split('\n');
    assert.equal(lines[0], '#!/bin/sh');
    assert.ok(lines.includes('pcs cluster cib "$cib/original.xml"'));
    assert.equal(lines.at(-2), 'pcs cluster cib-push "$cib/new.xml" diff-against="$cib/original.xml"');
    assert.ok(lines.includes(`pcs -f "$cib/new.xml" 'resource' 'create' 'stash_res' 'ocf:heartbeat:stash' 'stash_home=/srv/shared/stash-home' 'stash_inst=/srv/stash' 'stash_user=stash' 'status_url=http://localhost:7990/it'\\''s $HOME' 'op' 'monitor' 'interval=15s' 'op' 'start' 'timeout=240s' 'meta' 'migration-threshold=1'`));
    assert.ok(lines.includes(`pcs -f "$cib/new.xml" 'resource' 'create' 'drbd' 'ocf:pacemaker:Stateful' 'op' 'monitor' 'interval=29s' 'role=Master' 'op' 'monitor' 'interval=31s' 'role=Slave' 'promotable' 'promoted-max=1' 'promoted-node-max=1' 'clone-max=2' 'clone-node-max=1' 'notify=true'`));
    assert.ok(lines.includes(`pcs -f "$cib/new.xml" 'constraint' 'colocation' 'add' 'stack' 'with' 'master' 'drbd-clone' 'INFINITY'`));
    assert.ok(lines.includes(`#   pcs cluster setup 'stashlab' 'node01' 'addr=10.213.88.11' 'node02' 'addr=10.213.88.12' 'node03' 'addr=10.213.88.13' --start`));
    assert.equal(lines.filter((l) => l.startsWith('pcs -f')).length, 17);
  });

  test("--pcs 0.9: CentOS 7's words; a spec for Pacemaker 2.1 gets pcs 0.11's", () => {
    const old = exportScript(specOf(SPEC), pcsSyntax('0.9'), 'site.cluster.yaml');
    check(old);
    assert.match(old, /with pcs 0\.9\.156 or later \(CentOS 7\)/);
    assert.match(old, /'master' 'promoted-max=1' 'promoted-node-max=1' 'clone-max=2' 'clone-node-max=1' 'notify=true'\n/);
    assert.match(old, /'colocation' 'add' 'stack' 'with' 'master' 'drbd-master' 'INFINITY'\n/);
    assert.match(old, /# {3}pcs cluster setup --name 'stashlab' 'node01' 'node02' 'node03' --start\n/);
    const modern = exportScript(specOf(SPEC), pcsSyntax('0.11'), 'site.cluster.yaml');
    assert.match(modern, /'colocation' 'add' 'stack' 'with' 'Promoted' 'drbd-clone' 'INFINITY'\n/);
    assert.match(modern, /'interval=29s' 'role=Promoted'/);
  });
});
