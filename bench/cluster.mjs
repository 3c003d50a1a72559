// `node bench/cluster.mjs` (as root): the SSH layer and cluster operations on a real
// 3-node lab cluster (test/cluster/cluster.sh, its own run dir, prefix and /24),
// side by side in one run:
//   - a status refresh vs a bare `ssh node crm_mon --output-as=xml`  (target <= 1.2x)
//   - a warm refresh (shared connection) vs a cold one               (target <= 0.3x)
//   - deploy-agent to 3 nodes vs to 1 node, cold and warm            (target <= 1.3x)
// The lab's nodes share this machine's cores with the client, so work done on
// three nodes at once competes for CPU here as it would not on real machines.
// Medians of several runs; prints figures and PASS/MISS; asserts nothing. The
// cluster is always torn down, also on failure or Ctrl-C.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fmt, loadBundle, median, root, withLab } from './labBench.mjs';

const settings = {
  STASH_HA_CLUSTER_DIR: join(process.env.STASH_HA_LAB_ROOT ?? '/var/tmp/stash-ha-lab', 'bench-cluster'),
  STASH_HA_CLUSTER_PREFIX: 'shbn',
  STASH_HA_CLUSTER_NET: '10.213.95',
};
const RUNS = { bare: 10, cold: 10, warm: 20, deploy: 5 };

function loadLibrary() {
  return loadBundle('cluster-engine', [
    "export { openCluster } from './client/src/cluster/openCluster';",
    "export { clusterFromSpec } from './client/src/cluster/specCluster';",
    "export { deployAgent } from './client/src/cluster/deployAgent';",
    "export { spawnRunner, systemClock } from './client/src/remote/processRunner';",
    "export { silentLogger } from './client/src/remote/logger';",
    "export { buildModel } from './server/src';",
  ]);
}

async function main() {
  const lib = await loadLibrary();
  await withLab(settings, async (info, ssh) => {
    const pcs = async (...args) => {
      const r = await ssh('node01', 'pcs', ...args);
      if (r.code !== 0) throw new Error(`pcs ${args.join(' ')}: ${r.stderr}`);
    };
    await pcs('resource', 'create', 'stash', 'ocf:heartbeat:stash', 'stash_user=stash', 'stash_home=/srv/shared/stash-home', 'stash_inst=/srv/stash', 'op', 'monitor', 'interval=10s');
    await pcs('resource', 'create', 'vip', 'ocf:heartbeat:IPaddr2', `ip=${info.vip}`, 'cidr_netmask=24', 'nic=eth0');
    await pcs('constraint', 'colocation', 'add', 'vip', 'with', 'stash', 'INFINITY');

    const specText = ['cluster: bench', 'nodes:', ...info.nodes.map((n) => `  ${n.name}: { address: ${n.address} }`),
      'resources:', '  stash: { agent: ocf:heartbeat:stash }', ''].join('\n');
    const spec = lib.clusterFromSpec(lib.buildModel(specText));
    const deps = { runner: lib.spawnRunner(), clock: lib.systemClock, logger: lib.silentLogger };
    const connect = (nodes = spec.nodes) => {
      const opened = lib.openCluster({ ...spec, nodes }, { configFile: info.sshConfig }, deps);
      if (!opened.ok) throw new Error(opened.error);
      return opened.connection;
    };

    // Wait until Stash runs, so every refresh includes its status page.
    for (const deadline = Date.now() + 90_000; ;) {
      const c = connect();
      const s = await c.status();
      await c.close();
      if (s.ok && s.snapshot.stash[0]?.state === 'RUNNING') break;
      if (Date.now() > deadline) throw new Error('Stash did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
    const stashNode = await (async () => { const c = connect(); const s = await c.status(); await c.close(); return s.snapshot.stash[0].node; })();
    const nodeFirst = [spec.nodes.find((n) => n.name === stashNode), ...spec.nodes.filter((n) => n.name !== stashNode)];

    const bare = [];
    const cold = [];
    const warm = [];
    for (let i = 0; i < RUNS.bare; i++) {
      const r = await ssh(stashNode, 'crm_mon', '--output-as=xml');
      if (r.code !== 0) throw new Error(r.stderr);
      bare.push(r.ms);
      const c = connect(nodeFirst);
      const t0 = performance.now();
      const s = await c.status();
      cold.push(performance.now() - t0);
      if (!s.ok) throw new Error(s.error);
      await c.close();
    }
    const w = connect(nodeFirst);
    await w.status();
    for (let i = 0; i < RUNS.warm; i++) {
      const t0 = performance.now();
      const s = await w.status();
      warm.push(performance.now() - t0);
      if (!s.ok || s.snapshot.queriedNode !== stashNode) throw new Error('warm refresh went elsewhere');
    }
    await w.close();

    const agent = readFileSync(join(root, 'agent/stash'));
    const one = [];
    const three = [];
    for (let i = 0; i < RUNS.deploy; i++) {
      for (const [list, nodes] of [[one, ['node01']], [three, ['node01', 'node02', 'node03']]]) {
        const c = connect();
        const t0 = performance.now();
        const report = await lib.deployAgent(c, agent, lib.systemClock, { nodes });
        list.push(performance.now() - t0);
        await c.close();
        if (!report.ok) throw new Error(JSON.stringify(report.nodes));
      }
    }

    // The same with every node's connection already open, as in an editor session.
    const oneWarm = [];
    const threeWarm = [];
    const wd = connect();
    await Promise.all(spec.nodes.map((n) => wd.run({ argv: ['true'] }, n.name)));
    for (let i = 0; i < RUNS.deploy; i++) {
      for (const [list, nodes] of [[oneWarm, ['node01']], [threeWarm, ['node01', 'node02', 'node03']]]) {
        const t0 = performance.now();
        const report = await lib.deployAgent(wd, agent, lib.systemClock, { nodes });
        list.push(performance.now() - t0);
        if (!report.ok) throw new Error(JSON.stringify(report.nodes));
      }
    }
    await wd.close();

    const rows = [
      ['bare `ssh node crm_mon --output-as=xml` (new connection)', median(bare)],
      ['status refresh, cold (new connection; version probe, crm_mon, constraints, Stash /status)', median(cold)],
      ['status refresh, warm (shared connection)', median(warm)],
      ['deploy-agent to 1 node (cold)', median(one)],
      ['deploy-agent to 3 nodes in parallel (cold)', median(three)],
      ['deploy-agent to 1 node (warm)', median(oneWarm)],
      ['deploy-agent to 3 nodes in parallel (warm)', median(threeWarm)],
    ];
    console.log(`\nmedians (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores):`);
    for (const [what, x] of rows) console.log(`  ${fmt(x)}  ${what}`);
    const ratio = (a, b) => a / b;
    const checks = [
      ['cold refresh / bare ssh crm_mon', ratio(median(cold), median(bare)), 1.2],
      ['warm refresh / bare ssh crm_mon', ratio(median(warm), median(bare)), 1.2],
      ['warm refresh / cold refresh', ratio(median(warm), median(cold)), 0.3],
      ['deploy 3 nodes / 1 node (cold)', ratio(median(three), median(one)), 1.3],
      ['deploy 3 nodes / 1 node (warm)', ratio(median(threeWarm), median(oneWarm)), 1.3],
    ];
    console.log('\nratios (target):');
    for (const [what, r, target] of checks) console.log(`  ${r.toFixed(2).padStart(5)}x  (<= ${target}x)  ${r <= target ? 'PASS' : 'MISS'}  ${what}`);
  });
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exitCode = 1;
});
