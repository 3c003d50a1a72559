/**
 * `npm run demo` (root, Linux): the whole product on one machine in one command.
 * It packages the extension (`npm run package`), brings up the lab cluster of
 * three real Pacemaker nodes under its own names, deploys the Stash agent with
 * `stash-ha deploy-agent`, creates Stash, its VIP, the colocation and
 * migration-threshold=1 with the seed's pcs commands, then starts code-server
 * (VS Code in the browser, from scripts/setup-vscode.sh) on 127.0.0.1 with the
 * .vsix installed and a workspace holding the demo spec, an ssh config for the
 * nodes and the setting that names it, and prints the URL. Ctrl-C (SIGINT,
 * SIGTERM, SIGHUP) removes all of it: code-server's process group, the ssh
 * masters its extension host left, the namespaces, the temp folders.
 *
 *   --check      once ready, check that the URL answers, then tear down and exit
 *   --vsix FILE  install FILE instead of packaging (the demo's test packages once)
 *   --stack S    the cluster stack of Debian suite S: bookworm (Pacemaker 2.1, pcs
 *                0.11; the default), bullseye (2.0, pcs 0.10) or trixie (3.0, pcs 0.12)
 *
 * With STASH_HA_DEMO_READY_FILE set, what came up is written there as JSON once
 * it is ready (the demo's test reads it). scripts/demo.mjs bundles this file.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../../test/cluster/labCluster';
import { startCodeServer } from '../../test/vscode/codeServer';
import { loadRuntime } from '../../test/vscode/runtime';
import { DemoLab } from './demoLab';
import { demoSpec, SPEC_NAME, SSH_CONFIG_NAME, STASH_RESOURCE, VIP_RESOURCE, workspaceSettings } from './demoSpec';
import { endProcessesUnder } from './sshMasters';
import { Teardown } from './teardown';

/** What the demo brought up, as written to STASH_HA_DEMO_READY_FILE. */
export interface DemoReady {
  readonly pid: number;
  readonly url: string;
  readonly workspace: string;
  readonly spec: string;
  readonly settings: string;
  readonly sshConfig: string;
  readonly vsix: string;
  /** Everything the demo made lives under these folders; none is left after teardown. */
  readonly tempDir: string;
  readonly codeServerDir: string;
  readonly lab: { readonly runDir: string; readonly prefix: string; readonly net: string };
  readonly stashNode: string;
  readonly vip: string;
}

interface Options {
  readonly check: boolean;
  readonly vsix?: string;
  readonly stack: string;
}

const STACKS = ['bookworm', 'bullseye', 'trixie'];

const say = (line: string): void => console.log(line);
const step = (line: string): void => console.log(`demo: ${line}`);

function parseArgs(argv: readonly string[]): Options | string {
  let check = false;
  let vsix: string | undefined;
  let stack = 'bookworm';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') check = true;
    else if (a === '--vsix' && i + 1 < argv.length) vsix = resolve(argv[++i]);
    else if (a === '--stack' && i + 1 < argv.length) {
      stack = argv[++i];
      if (!STACKS.includes(stack)) return `--stack takes ${STACKS.join(', ')}, not '${stack}'`;
    }
    else if (a === '-h' || a === '--help') return 'help';
    else return `unknown argument: ${a}`;
  }
  return { check, stack, ...(vsix ? { vsix } : {}) };
}

const USAGE = `Usage: npm run demo [-- [--check] [--vsix FILE] [--stack SUITE]]
Brings up a 3-node lab cluster running Stash (a stand-in) with its VIP, and VS Code
(code-server) on 127.0.0.1 with the extension installed; prints the URL. Ctrl-C
removes everything. Needs root on Linux and scripts/setup.sh run once.
  --check      exit (tearing down) once everything is up and the URL answers
  --vsix FILE  install this .vsix instead of running npm run package
  --stack S    the cluster stack of Debian suite S: bookworm (Pacemaker 2.1, pcs 0.11;
               the default), bullseye (2.0, pcs 0.10) or trixie (3.0, pcs 0.12); its
               root file system is built once (about a minute) and cached`;

/** `npm run package`, then the .vsix it wrote (dist/stash-ha-VERSION.vsix). */
function packageExtension(): string {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
  if (r.status !== 0) throw new Error(`npm run package exited ${r.status ?? r.signal}`);
  const file = join(repoRoot, 'dist', `stash-ha-${version}.vsix`);
  if (!existsSync(file)) throw new Error(`npm run package wrote no ${file}`);
  return file;
}

/** The workspace the browser opens: the spec, the nodes' ssh config beside it, and the setting naming it. */
function makeWorkspace(dir: string, demo: DemoLab): { spec: string; settings: string; sshConfig: string } {
  const info = demo.lab.info();
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  const spec = join(dir, SPEC_NAME);
  const settings = join(dir, '.vscode', 'settings.json');
  const sshConfig = join(dir, SSH_CONFIG_NAME);
  writeFileSync(spec, demoSpec(info));
  writeFileSync(settings, `${JSON.stringify(workspaceSettings(), null, 2)}\n`);
  // The lab's config names its key and known_hosts by absolute path, so a copy works from here.
  copyFileSync(info.sshConfig, sshConfig);
  return { spec, settings, sshConfig };
}

/** Resolves when the user (or a test) asks the demo to stop; a second request while tearing down is only acknowledged. */
function stopSignal(): { requested: Promise<string>; isRequested: () => boolean } {
  let signalled: string | undefined;
  let wake!: (signal: string) => void;
  const requested = new Promise<string>((r) => { wake = r; });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (signalled !== undefined) {
        say(`demo: ${signal} again: still tearing down, please wait`);
        return;
      }
      signalled = signal;
      wake(signal);
    });
  }
  return { requested, isRequested: () => signalled !== undefined };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options === 'help') {
    say(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    console.error(`demo: ${options}\n${USAGE}`);
    return 2;
  }
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    console.error('demo: needs root on Linux (the lab cluster uses network namespaces and mounts); run it as root');
    return 2;
  }
  loadRuntime(); // says how to install code-server when it is missing, before anything is made

  const stop = stopSignal();
  const teardown = new Teardown();
  const started = performance.now();
  const demo = new DemoLab();
  let failed = false;
  try {
    if (!options.vsix) step('packaging the extension (npm run package)');
    const vsix = options.vsix ?? packageExtension();
    step(`${vsix} (${(statSync(vsix).size / 1024).toFixed(0)} KB)`);
    if (stop.isRequested()) throw new Error('stopped');

    await demo.claim();
    teardown.add('gave the demo lab back', () => demo.release());
    teardown.add(`removed the lab cluster (namespaces ${demo.settings.prefix}-*)`, async () => { await demo.down(); });
    step(`bringing up the lab cluster: 3 ${options.stack} nodes in namespaces ${demo.settings.prefix}-*, network ${demo.settings.net}.0/24`);
    const info = await demo.up(options.stack);
    if (stop.isRequested()) throw new Error('stopped');

    // Short on purpose: code-server's extension host keeps ssh sockets under it (see sshMasters.ts).
    const tempDir = mkdtempSync(join(tmpdir(), 'stash-ha-demo-'));
    demo.record(tempDir);
    teardown.add(`removed ${tempDir}`, () => rmSync(tempDir, { recursive: true, force: true }));
    const workspace = join(tempDir, 'workspace');
    const files = makeWorkspace(workspace, demo);

    step('deploying the Stash agent to every node (stash-ha deploy-agent)');
    say(await demo.deployAgent(files.sshConfig, files.spec));
    await demo.checkStandin();
    step(`creating ${STASH_RESOURCE}, ${VIP_RESOURCE} (${info.vip}), their colocation and migration-threshold=1 with pcs`);
    await demo.seed();
    const stashNode = await demo.stashRunning();
    step(`${STASH_RESOURCE} and ${VIP_RESOURCE} run on ${stashNode}; Stash answers RUNNING at http://${info.vip}:7990/status`);
    if (stop.isRequested()) throw new Error('stopped');

    step('starting code-server with the extension installed');
    // startCodeServer removes what it made when it fails; once it runs, teardown stops it.
    const server = await startCodeServer({ vsix: [vsix], env: { TMPDIR: tempDir } });
    demo.record(server.stateDir);
    teardown.add('stopped code-server and the ssh connections its extension host kept', async () => {
      await server.stop();
      await endProcessesUnder(tempDir);
    });
    const url = server.url(workspace);

    const ready: DemoReady = {
      pid: process.pid, url, workspace, vsix, tempDir, codeServerDir: server.stateDir, stashNode, vip: info.vip,
      spec: files.spec, settings: files.settings, sshConfig: files.sshConfig, lab: demo.settings,
    };
    say('');
    say(`Stash HA demo ready in ${((performance.now() - started) / 1000).toFixed(0)} s. Open in a browser on this machine:`);
    say('');
    say(`    ${url}`);
    say('');
    say(`  From another machine: ssh -L ${server.port}:127.0.0.1:${server.port} root@THIS-HOST, then open the same URL there.`);
    say(`  In the Stash HA view (activity bar), expand ${info.name}, right-click a node: Fail Over Stash to This Node.`);
    say(`  The nodes from a shell: ssh -F ${files.sshConfig} node01 pcs status`);
    say('');
    if (process.env.STASH_HA_DEMO_READY_FILE) writeFileSync(process.env.STASH_HA_DEMO_READY_FILE, `${JSON.stringify(ready, null, 2)}\n`);

    if (options.check) {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
      step(`check: ${url} answers HTTP ${res.status}; tearing down`);
    } else {
      say('Press Ctrl-C to stop the demo and remove everything it made.');
      await stop.requested;
    }
  } catch (error) {
    if (!stop.isRequested()) {
      failed = true;
      console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  step('tearing down');
  const failures = await teardown.run(say);
  if (failures.length > 0) {
    console.error(`demo: teardown left something behind:\n${failures.map((f) => `  ${f}`).join('\n')}`);
    return 1;
  }
  step('everything removed');
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
