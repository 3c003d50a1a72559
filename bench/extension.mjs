// `node bench/extension.mjs` (as root; `npm run bench` runs it last): the extension as a
// user gets it, in a real VS Code (code-server, scripts/setup-vscode.sh), on a real
// 3-node lab cluster (test/cluster/cluster.sh under its own run dir, prefix shbx and
// 10.213.96.0/24) carrying the seed's resources (stash_res, stash_vip, their colocation,
// migration-threshold=1). Figures, side by side in one run, both sides on the extension
// host's Node (bench/vscode/extensionBench.ts takes them):
//   - the .vsix: size and files                                            (target < 2 MB)
//   - activation of the packaged extension, language server start included (3 runs)
//   - Clusters tree refresh, cold and warm, vs bare `ssh node crm_mon --output-as=xml`
//                                                                  (targets <= 1.2x, <= 0.3x)
//   - click-to-moved of "Fail Over Stash to This Node" vs bare `pcs resource move`
//                                                                  (target: within 1 s)
//   - node CPU the auto-refresh costs per minute at the default interval: each node's
//     processes in a cpuacct cgroup, a minute with the view hidden, then one with it shown
// Prints figures and PASS/MISS; asserts nothing. The cluster, code-server, the ssh
// connections and the cgroups are always removed, also on failure or Ctrl-C.
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench/.generated/extension');
const lab = {
  STASH_HA_CLUSTER_DIR: join(process.env.STASH_HA_LAB_ROOT ?? '/var/tmp/stash-ha-lab', 'bench-extension'),
  STASH_HA_CLUSTER_PREFIX: 'shbx',
  STASH_HA_CLUSTER_NET: '10.213.96',
  STASH_HA_CLUSTER_NAME: 'stashbench',
};
const RUNS = { activation: 3, cold: 12, warm: 30, failover: 3, cpuWindowMs: 60_000 };
const CPUACCT = '/sys/fs/cgroup/cpuacct';
const VSIX_LIMIT = 2 * 1024 * 1024;

function run(file, args, env = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    execFile(file, args, { env: { ...process.env, ...env }, maxBuffer: 64 << 20, timeout: 300_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

async function must(what, promise) {
  const r = await promise;
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.stderr}${r.stdout}`);
  return r;
}

const cluster = (verb, ...args) => must(`cluster.sh ${verb}`, run('bash', [join(root, 'test/cluster/cluster.sh'), verb, ...args], lab));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x) => `${x.toFixed(0).padStart(6)} ms`;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

/** The TypeScript helpers this script drives (code-server harness, the demo's seed, crm_mon reading), bundled. */
async function loadHelpers() {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'helpers.cjs');
  await build({
    stdin: {
      contents: [
        "export { runExtensionTests } from './test/vscode/extensionTests';",
        "export { loadRuntime } from './test/vscode/runtime';",
        "export { parseCrmMon, startedOn } from './test/cluster/crmMon';",
        "export { seedCommands, demoSpec, workspaceSettings, STASH_RESOURCE, VIP_RESOURCE, SPEC_NAME, SSH_CONFIG_NAME } from './scripts/demo/demoSpec';",
        "export { endProcessesUnder } from './scripts/demo/sshMasters';",
      ].join('\n'),
      resolveDir: root, loader: 'ts', sourcefile: 'bench-extension.ts',
    },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile, logLevel: 'warning',
  });
  const suite = join(outDir, 'suite', 'extensionBench.js');
  await build({
    entryPoints: [join(root, 'bench/vscode/extensionBench.ts')],
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], outfile: suite, logLevel: 'warning',
  });
  return { lib: createRequire(import.meta.url)(outfile), suite };
}

/** The .vsix `npm run package` makes (same flags), unpacked: the extension as installed. */
async function packageAndUnpack() {
  const vsix = join(outDir, 'stash-ha.vsix');
  await must('vsce package', run(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix]));
  const unpacked = join(outDir, 'vsix');
  rmSync(unpacked, { recursive: true, force: true });
  await must('unpacking the .vsix', run('python3', ['-m', 'zipfile', '-e', vsix, unpacked]));
  const listing = await must('listing the .vsix', run('python3', ['-m', 'zipfile', '-l', vsix]));
  const files = listing.stdout.split('\n').slice(1).filter((l) => l.startsWith('extension/') && !l.split(/\s+/)[0].endsWith('/')).length;
  return { vsix, size: statSync(vsix).size, files, extensionDir: join(unpacked, 'extension') };
}

function readOr(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Puts every process of each node (its pid namespace) in a cpuacct cgroup of its own; returns node → usage file. */
function nodeCgroups(info, made) {
  if (!existsSync(join(CPUACCT, 'cgroup.procs'))) return undefined;
  const groups = {};
  for (const node of info.nodes) {
    const unshare = readOr(join(lab.STASH_HA_CLUSTER_DIR, 'state', `${node.name}.pid`)).trim();
    const init = readOr(`/proc/${unshare}/task/${unshare}/children`).trim().split(' ')[0];
    const ns = readlinkSync(`/proc/${init}/ns/pid`);
    const dir = join(CPUACCT, `stash-ha-bench-${lab.STASH_HA_CLUSTER_PREFIX}-${node.name}`);
    if (!existsSync(dir)) mkdirSync(dir);
    made.push(dir);
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      let link;
      try { link = readlinkSync(`/proc/${pid}/ns/pid`); } catch { continue; }
      if (link !== ns) continue;
      try { writeFileSync(join(dir, 'cgroup.procs'), pid); } catch { /* it ended meanwhile */ }
    }
    groups[node.name] = join(dir, 'cpuacct.usage');
  }
  return groups;
}

async function removeCgroups(dirs) {
  for (const dir of dirs) {
    for (const deadline = Date.now() + 10_000; existsSync(dir);) {
      try { rmdirSync(dir); } catch (error) {
        if (Date.now() > deadline) { console.error(`could not remove ${dir}: ${error.message}`); break; }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
}

async function seedCluster(lib, info) {
  const ssh = (node, argv) => run('ssh', ['-F', info.sshConfig, '-o', 'BatchMode=yes', node, '--', ...argv.map((w) => `'${w.replace(/'/g, `'\\''`)}'`)]);
  for (const argv of lib.seedCommands(info.vip)) await must(argv.join(' '), ssh('node01', argv));
  const where = async () => {
    for (const deadline = Date.now() + 180_000; ;) {
      const r = await ssh('node01', ['crm_mon', '--output-as=xml']);
      if (r.code === 0) {
        const s = lib.parseCrmMon(r.stdout);
        const node = lib.startedOn(s, lib.STASH_RESOURCE);
        if (node !== undefined && lib.startedOn(s, lib.VIP_RESOURCE) === node) {
          const res = await fetch(`http://${info.vip}:7990/status`, { signal: AbortSignal.timeout(3000) }).catch(() => undefined);
          if (res?.ok) return node;
        }
      }
      if (Date.now() > deadline) throw new Error('Stash and its VIP did not start together');
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  // The tree asks node01 first on a new connection: start with Stash there, as bench/cluster.mjs starts with the node asked.
  if ((await where()) !== 'node01') await must('pcs resource move', ssh('node01', ['pcs', 'resource', 'move', lib.STASH_RESOURCE, 'node01']));
  return where();
}

function printFigures(pkg, activation, full) {
  console.log(`\n.vsix: ${(pkg.size / 1024).toFixed(0)} KB, ${pkg.files} files  (< ${VSIX_LIMIT / 1024 / 1024} MB)  ${verdict(pkg.size < VSIX_LIMIT)}`);
  console.log(`activation (packaged extension in code-server, language server started): median ${fmt(median(activation))}  [${activation.map((x) => x.toFixed(0)).join(', ')} ms]`);
  if (!full) return;
  const { refresh, cpu } = full;
  // A round where a side failed (pcs 0.11 refusing to move, see failures) counts for neither side.
  const rounds = full.failover.extension.map((x, i) => [x, full.failover.pcsMove[i]]).filter(([x, y]) => x !== null && y !== null);
  const failover = { ...full.failover, extension: rounds.map(([x]) => x), pcsMove: rounds.map(([, y]) => y) };
  console.log(`\nmedians (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores; Stash on ${refresh.stashNode}, tree asked ${refresh.queriedNode}):`);
  const rows = [
    [`bare \`ssh ${refresh.stashNode} crm_mon --output-as=xml\` (new connection)`, median(refresh.bare)],
    ['tree refresh, cold (new connection; versions, crm_mon, constraints, Stash /status)', median(refresh.cold)],
    ['tree refresh, warm (kept connection)', median(refresh.warm)],
    ['bare `ssh node pcs resource move stash_res NODE` (pcs 0.11 waits, then clears)', median(failover.pcsMove)],
    ['Fail Over Stash to This Node, command to verified (pre-flight, move, verify)', median(failover.extension)],
  ];
  for (const [what, x] of rows) console.log(`  ${fmt(x)}  ${what}`);
  const cold = median(refresh.cold) / median(refresh.bare);
  const warm = median(refresh.warm) / median(refresh.bare);
  const extra = median(failover.extension) - median(failover.pcsMove);
  // Each round moves once each way, one after the other: the paired difference is less at the mercy of the machine's load.
  const paired = median(failover.extension.map((x, i) => x - failover.pcsMove[i]));
  console.log('\nagainst the peer (target):');
  console.log(`  ${cold.toFixed(2).padStart(6)}x  (<= 1.2x)  ${verdict(cold <= 1.2)}  cold tree refresh / bare ssh crm_mon`);
  console.log(`  ${warm.toFixed(2).padStart(6)}x  (<= 0.3x)  ${verdict(warm <= 0.3)}  warm tree refresh / bare ssh crm_mon`);
  const secs = (ms) => `${ms >= 0 ? '+' : '-'}${(Math.abs(ms) / 1000).toFixed(2)} s`.padStart(8);
  console.log(`  ${secs(extra)}  (<= +1 s)  ${verdict(extra <= 1000)}  click-to-moved minus bare pcs resource move (medians)`);
  console.log(`  ${secs(paired)}  (<= +1 s)  ${verdict(paired <= 1000)}  the same, median of the paired rounds [ext ${failover.extension.map((x) => (x / 1000).toFixed(1)).join(', ')} s; pcs ${failover.pcsMove.map((x) => (x / 1000).toFixed(1)).join(', ')} s]`);
  for (const line of failover.told.filter((m) => m.startsWith('info'))) console.log(`      the extension said: ${line.replace(/^info: /, '')}`);
  for (const f of failover.failures) console.log(`      failed (round left out): ${f}`);
  const own = failover.extensionMoveMs ?? [];
  const ownRounds = full.failover.extension.filter((x) => x !== null);
  if (own.length === ownRounds.length) {
    const rest = median(ownRounds.map((x, i) => x - own[i]));
    console.log(`      of which its own \`pcs resource move --wait\` took [${own.map((x) => (x / 1000).toFixed(1)).join(', ')} s] (from its log), so pre-flight, verify and the UI took ${fmt(rest).trim()} (median)`);
  }
  // pcs is Python: its start-up dominates `pcs --version`, which the failover asks once per node it runs pcs on.
  const versions = [...(full.log ?? '').matchAll(/pcs --version\n[^\n]*exit 0 in (\d+) ms/g)].map((m) => Number(m[1]));
  if (versions.length > 0) console.log(`      it asked \`pcs --version\` ${versions.length} times in ${full.failover.extension.length} failovers, ${fmt(median(versions)).trim()} each (median)`);
  if (!cpu) {
    console.log('\nnode CPU: not measured (no cpuacct cgroup controller at /sys/fs/cgroup/cpuacct)');
    return;
  }
  const perMin = (ms) => (ms * 60_000) / cpu.windowMs;
  console.log(`\nnode CPU per minute (cpuacct of each node's processes; ${cpu.refreshes} refreshes in the shown minute, every ${cpu.interval ?? 15} s):`);
  let total = 0;
  for (const node of Object.keys(cpu.idle)) {
    const cost = perMin(cpu.shown[node]) - perMin(cpu.idle[node]);
    total += cost;
    console.log(`  ${node}: view hidden ${perMin(cpu.idle[node]).toFixed(0).padStart(5)} ms, view shown ${perMin(cpu.shown[node]).toFixed(0).padStart(5)} ms, auto-refresh costs ${cost.toFixed(0).padStart(5)} ms/min (${(cost / 600).toFixed(2)}% of one core)`);
  }
  console.log(`  all nodes: ${total.toFixed(0)} ms/min${cpu.refreshes > 0 ? `, ${(total / cpu.refreshes).toFixed(0)} ms per refresh` : ''}`);
}

async function main() {
  const { lib, suite } = await loadHelpers();
  const pkg = await packageAndUnpack();
  try {
    lib.loadRuntime();
  } catch (error) {
    console.log(`\n.vsix: ${(pkg.size / 1024).toFixed(0)} KB, ${pkg.files} files; the rest skipped: ${error.message}`);
    return;
  }
  const extensionId = `${JSON.parse(readFileSync(join(pkg.extensionDir, 'package.json'), 'utf8')).publisher}.stash-ha`;
  const scratch = mkdtempSync(join(tmpdir(), 'stash-ha-bx-'));
  const cgroups = [];
  let stopping = false;
  const cleanup = async () => {
    await lib.endProcessesUnder(scratch).catch(() => undefined);
    await cluster('down').catch((e) => console.error(e.message));
    await removeCgroups(cgroups);
    rmSync(scratch, { recursive: true, force: true });
  };
  process.once('SIGINT', () => { stopping = true; cleanup().finally(() => process.exit(130)); });
  try {
    const benchRun = async (name, config, workspace) => {
      const out = join(scratch, `${name}.json`);
      // runExtensionTests prints the whole workbench log; keep it for a failure only.
      const printed = [];
      const log = console.log;
      console.log = (...args) => { printed.push(args.join(' ')); };
      const r = await lib.runExtensionTests({
        workspace, extensionDevelopmentPath: pkg.extensionDir, extensionTestsPath: suite, deadlineMs: 15 * 60_000,
        screenshotDir: scratch,
        // A short private TMPDIR: the extension's ssh sockets land under it, and cleanup ends their masters.
        server: { env: { STASH_HA_BENCH_CONFIG: JSON.stringify({ ...config, out, extensionId }), TMPDIR: scratch } },
      }).finally(() => { console.log = log; });
      if (r.code !== 0) throw new Error(`the ${name} run failed (exit ${r.code}):\n${printed.join('\n')}\n${r.serverLog.slice(-4000)}`);
      console.log(`${name}: code-server healthy in ${(r.timings.serverStartMs / 1000).toFixed(1)} s, workbench in ${(r.timings.workbenchVisibleMs / 1000).toFixed(1)} s, bench ${(r.timings.suiteMs / 1000).toFixed(1)} s`);
      return JSON.parse(readFileSync(out, 'utf8'));
    };
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const activation = [];
    for (let i = 1; i < RUNS.activation; i++) activation.push((await benchRun(`activation-${i}`, { mode: 'activation' }, empty)).activationMs);
    if (stopping) return;

    await cluster('down');
    const up = await cluster('up', '3');
    const info = JSON.parse(readFileSync(join(lab.STASH_HA_CLUSTER_DIR, 'cluster.json'), 'utf8'));
    console.log(`lab cluster up in ${(up.ms / 1000).toFixed(1)} s (Pacemaker 2.1.5, pcs 0.11.5, 3 nodes in namespaces)`);
    const stashNode = await seedCluster(lib, info);
    console.log(`${lib.STASH_RESOURCE} and ${lib.VIP_RESOURCE} run on ${stashNode}`);
    const groups = nodeCgroups(info, cgroups);

    const workspace = join(scratch, 'workspace');
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(lib.workspaceSettings(), null, 2));
    const sshConfig = join(workspace, lib.SSH_CONFIG_NAME);
    copyFileSync(info.sshConfig, sshConfig);
    const full = await benchRun('full', {
      mode: 'full', specName: lib.SPEC_NAME, specText: lib.demoSpec(info), sshConfig,
      stashResource: lib.STASH_RESOURCE, vipResource: lib.VIP_RESOURCE,
      ...(groups ? { cgroups: groups } : {}),
      runs: { cold: RUNS.cold, warm: RUNS.warm, failover: RUNS.failover, cpuWindowMs: RUNS.cpuWindowMs },
    }, workspace);
    activation.push(full.activationMs);
    printFigures(pkg, activation, full);
    if (full.log) {
      writeFileSync(join(outDir, 'stash-ha-output.log'), full.log);
      console.log(`\nthe extension's "Stash HA" output of the run (every remote command, timed): ${join(outDir, 'stash-ha-output.log')}`);
    }
  } finally {
    if (!stopping) await cleanup();
  }
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exitCode = 1;
});
