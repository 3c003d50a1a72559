// `node bench/live.mjs` (as root): the live-cluster subcommands on a real 3-node lab
// cluster (test/cluster/cluster.sh, its own run dir, prefix and /24), side by side in
// one run:
//   - diff of the demo spec against the cluster (one query: CIB + corosync's nodes,
//     read and compared) vs a bare `ssh node cibadmin -Q`, both on a new
//     connection                                                    (target <= 1.3x)
//   - the same diff on a warm (shared) connection, as the editor runs it
//   - apply of the demo spec to a cluster with no resources (read, plan, pcs -f on a
//     copy, one push, settle, diff again, status) vs the same pcs commands run one by
//     one over ssh and then the same wait for the cluster to settle   (target < 1x)
// The lab's nodes share this machine's cores with the client. Medians of several
// runs; prints figures and PASS/MISS; asserts nothing. The cluster is always torn
// down, also on failure or Ctrl-C.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fmt, loadBundle, median, withLab } from './labBench.mjs';

const settings = {
  STASH_HA_CLUSTER_DIR: join(process.env.STASH_HA_LAB_ROOT ?? '/var/tmp/stash-ha-lab', 'bench-live'),
  STASH_HA_CLUSTER_PREFIX: 'shbl',
  STASH_HA_CLUSTER_NET: '10.213.96',
};
const RUNS = { bare: 10, cold: 10, warm: 20, apply: 3 };

function loadLibrary() {
  return loadBundle('live-engine', [
    "export { openCluster } from './client/src/cluster/openCluster';",
    "export { clusterFromDesired } from './client/src/cluster/specCluster';",
    "export { readLive } from './client/src/cluster/liveQuery';",
    "export { planSpec, runPlan } from './client/src/cluster/applySpec';",
    "export { commandLine } from './client/src/remote/shellQuote';",
    "export { spawnRunner, systemClock } from './client/src/remote/processRunner';",
    "export { silentLogger } from './client/src/remote/logger';",
    "export { buildModel, desiredCluster, diffClusters, inSync } from './server/src';",
    "export { demoSpecText } from './test/seedCluster';",
  ]);
}

async function main() {
  const lib = await loadLibrary();
  await withLab(settings, async (info, ssh) => {
    const on = async (...words) => {
      const r = await ssh('node01', ...words);
      if (r.code !== 0) throw new Error(`${words.join(' ')}: ${r.stderr}`);
      return r;
    };
    const empty = async () => {
      await on('cibadmin', '--replace', '--scope', 'constraints', '--xml-text', '"<constraints/>"');
      await on('cibadmin', '--replace', '--scope', 'resources', '--xml-text', '"<resources/>"');
      await on('crm_resource', '--wait', '--timeout=300s');
    };
    const spec = lib.desiredCluster(lib.buildModel(lib.demoSpecText(info)));
    const deps = { runner: lib.spawnRunner(), clock: lib.systemClock, logger: lib.silentLogger };
    const connect = () => {
      const opened = lib.openCluster(lib.clusterFromDesired(spec), { configFile: info.sshConfig }, deps);
      if (!opened.ok) throw new Error(opened.error);
      return opened.connection;
    };

    // Apply to an empty cluster vs the same commands one by one, each ending settled.
    const apply = [];
    const oneByOne = [];
    let commands = [];
    for (let i = 0; i < RUNS.apply; i++) {
      await empty();
      const c = connect();
      const t0 = performance.now();
      const planned = await lib.planSpec(c, spec);
      if (!planned.ok) throw new Error(planned.error);
      const report = await lib.runPlan(c, spec, planned, lib.systemClock, 300);
      apply.push(performance.now() - t0);
      await c.close();
      if (!report.ok) throw new Error(report.problems.join('\n'));
      commands = planned.plan.steps.map((s) => s.argv);

      await empty();
      const t1 = performance.now();
      for (const argv of commands) await on(lib.commandLine(argv));
      await on('crm_resource', '--wait', '--timeout=300s');
      oneByOne.push(performance.now() - t1);
    }
    // The cluster now holds the demo spec (the last one-by-one run built it).

    const bare = [];
    const cold = [];
    const warm = [];
    for (let i = 0; i < RUNS.bare; i++) {
      const r = await ssh('node01', 'cibadmin', '-Q');
      if (r.code !== 0) throw new Error(r.stderr);
      bare.push(r.ms);
      const c = connect();
      const t0 = performance.now();
      const answer = await lib.readLive(c, { node: 'node01' });
      if (!answer.ok) throw new Error(answer.error);
      const diffs = lib.diffClusters(spec, answer.live);
      cold.push(performance.now() - t0);
      await c.close();
      if (!lib.inSync(diffs)) throw new Error(`not in sync: ${diffs.map((d) => d.path).join(', ')}`);
    }
    const w = connect();
    await lib.readLive(w, { node: 'node01' });
    for (let i = 0; i < RUNS.warm; i++) {
      const t0 = performance.now();
      const answer = await lib.readLive(w, { node: 'node01' });
      if (!answer.ok) throw new Error(answer.error);
      lib.diffClusters(spec, answer.live);
      warm.push(performance.now() - t0);
    }
    await w.close();

    const rows = [
      ['bare `ssh node01 cibadmin -Q` (new connection)', median(bare)],
      ['diff of the demo spec, cold (new connection; CIB + corosync nodes, read and compared)', median(cold)],
      ['diff of the demo spec, warm (shared connection)', median(warm)],
      [`apply of the demo spec to an empty cluster (${commands.length} pcs commands on a copy, one push, settled, diffed, placed)`, median(apply)],
      [`the same ${commands.length} pcs commands one by one over ssh, then crm_resource --wait`, median(oneByOne)],
    ];
    console.log(`\nmedians (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores):`);
    for (const [what, x] of rows) console.log(`  ${fmt(x)}  ${what}`);
    const checks = [
      ['diff cold / bare ssh cibadmin -Q', median(cold) / median(bare), 1.3],
      ['diff warm / bare ssh cibadmin -Q', median(warm) / median(bare), 1.3],
      ['apply / pcs commands one by one', median(apply) / median(oneByOne), 1.0],
    ];
    console.log('\nratios (target):');
    for (const [what, r, target] of checks) console.log(`  ${r.toFixed(2).padStart(5)}x  (<= ${target}x)  ${r <= target ? 'PASS' : 'MISS'}  ${what}`);
  });
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exitCode = 1;
});
