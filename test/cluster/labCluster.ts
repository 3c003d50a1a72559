// Drives test/cluster/cluster.sh from tests, and reaches the nodes over real ssh
// with the ssh_config the script writes. Also answers "what did the run leave
// behind?" so a test can prove teardown is complete. Test-only.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (this file compiles to out/test/cluster/). */
export const repoRoot = resolve(__dirname, '..', '..', '..');
const script = join(repoRoot, 'test', 'cluster', 'cluster.sh');

/** Where and under which names one lab cluster lives; runs with different settings do not collide. */
export interface LabSettings {
  readonly runDir: string;
  readonly prefix: string;
  readonly net: string;
}

/** What `cluster.sh up` writes to cluster.json. */
export interface LabInfo {
  readonly name: string;
  readonly runDir: string;
  readonly sshConfig: string;
  readonly vip: string;
  readonly hostAddress: string;
  readonly namespaces: readonly string[];
  readonly hostLink: string;
  readonly nodes: readonly { readonly name: string; readonly address: string }[];
}

/** A finished process: results, not exceptions. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  const started = performance.now();
  return new Promise((done) => {
    execFile(file, args, { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** Quotes one word for a POSIX shell, as the remote side of ssh parses its command line. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** One lab cluster: its script, its nodes over ssh, and what it leaves behind. */
export class LabCluster {
  constructor(
    readonly settings: LabSettings,
    private readonly ownerFile?: string,
  ) {}

  /** Gives a slot taken with claimLab() back. */
  release(): void {
    if (this.ownerFile !== undefined && readOr(this.ownerFile).trim() === String(process.pid)) unlinkSync(this.ownerFile);
  }

  /** Runs a test's body; when it fails, the end of every node's logs goes to the test's diagnostics first. */
  async withLogs(t: { diagnostic(message: string): void }, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      t.diagnostic((await this.script('logs').catch((e: unknown) => ({ stdout: String(e) }))).stdout);
      throw error;
    }
  }

  private get env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      STASH_HA_CLUSTER_DIR: this.settings.runDir,
      STASH_HA_CLUSTER_PREFIX: this.settings.prefix,
      STASH_HA_CLUSTER_NET: this.settings.net,
    };
  }

  /**
   * Runs `cluster.sh VERB ARGS…`; a non-zero exit throws with the script's output.
   * `up` of another Debian release (STASH_HA_CLUSTER_SUITE, or a SUITE argument) may
   * first build that release's root, minutes of downloads on a new machine, so it
   * gets longer than the other verbs, whose deadlines are their own.
   */
  async script(verb: string, ...args: string[]): Promise<RunResult> {
    const result = await run('bash', [script, verb, ...args], this.env, verb === 'up' ? 20 * 60_000 : 300_000);
    if (result.code !== 0) {
      throw new Error(`cluster.sh ${verb} ${args.join(' ')} exited ${result.code}\n${result.stderr}${result.stdout}`);
    }
    return result;
  }

  /** cluster.json of the running cluster. */
  info(): LabInfo {
    return JSON.parse(readFileSync(join(this.settings.runDir, 'cluster.json'), 'utf8')) as LabInfo;
  }

  /** Runs argv on a node over ssh; each word is quoted for the remote shell. */
  ssh(node: string, argv: readonly string[], timeoutMs = 30_000): Promise<RunResult> {
    const sshArgs = ['-F', this.info().sshConfig, '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=5', node, '--'];
    return run('ssh', [...sshArgs, argv.map(shellQuote).join(' ')], this.env, timeoutMs);
  }

  /** Like ssh, but a non-zero exit throws. */
  async sshOk(node: string, argv: readonly string[]): Promise<string> {
    const result = await this.ssh(node, argv);
    if (result.code !== 0) throw new Error(`${node}: ${argv.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result.stdout;
  }

  /** Host PIDs of the running node inits (PID 1 of each node's pid namespace). */
  nodeInitPids(): number[] {
    const stateDir = join(this.settings.runDir, 'state');
    if (!existsSync(stateDir)) return [];
    const pids: number[] = [];
    for (const file of readdirSync(stateDir).filter((f) => f.endsWith('.pid'))) {
      const unshare = readFileSync(join(stateDir, file), 'utf8').trim();
      const children = readOr(`/proc/${unshare}/task/${unshare}/children`).trim().split(' ');
      if (children[0] !== '') pids.push(Number(children[0]));
    }
    return pids;
  }

  /** The pid namespaces of the running nodes, as /proc/PID/ns/pid links read. */
  nodePidNamespaces(): string[] {
    return this.nodeInitPids().map((pid) => readlinkSync(`/proc/${pid}/ns/pid`));
  }

  /**
   * Everything of this run still on the machine: its network namespaces, its
   * host link, its run directory, mounts naming either, and live processes in
   * the given pid namespaces or whose command line names the run directory.
   * A zombie is not live: it holds nothing but its pid until its parent (here
   * the host's init, which adopted it) reaps it.
   */
  async residue(pidNamespaces: readonly string[]): Promise<string[]> {
    const { prefix, runDir } = this.settings;
    const left: string[] = [];
    const netns = await run('ip', ['netns', 'list'], this.env, 10_000);
    for (const line of netns.stdout.split('\n')) {
      const name = line.split(' ')[0];
      if (name.startsWith(`${prefix}-`)) left.push(`network namespace ${name}`);
    }
    const link = await run('ip', ['link', 'show', `${prefix}-host`], this.env, 10_000);
    if (link.code === 0) left.push(`link ${prefix}-host`);
    if (existsSync(runDir)) left.push(`directory ${runDir}`);
    for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
      if (line.includes(runDir) || line.includes(`/run/netns/${prefix}-`)) left.push(`mount ${line}`);
    }
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      if (/^\d+ \(.*\) Z /s.test(readOr(`/proc/${pid}/stat`))) continue;
      const ns = readlinkOr(`/proc/${pid}/ns/pid`);
      const cmdline = readOr(`/proc/${pid}/cmdline`).replace(/\0/g, ' ');
      if (pidNamespaces.includes(ns) || cmdline.includes(runDir)) left.push(`process ${pid} ${cmdline}`);
    }
    return left;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Claims a lab slot for this process: its own run directory, prefix and /24, so
 * test processes that run at once (several test files, or two people's runs on
 * one machine) never share namespaces or addresses. A slot whose owner process
 * has ended is taken over; the caller's first `down` removes what it left. Give
 * the slot back with `release()`.
 */
export function claimLab(): LabCluster {
  // Outside the checkout: nodes cover /tmp, /root and /srv, where a checkout may live.
  const cache = process.env.STASH_HA_LAB_ROOT ?? '/var/tmp/stash-ha-lab';
  mkdirSync(cache, { recursive: true });
  for (let slot = 0; slot < 8; slot++) {
    const owner = join(cache, `lab-${slot}.owner`);
    const previous = Number(readOr(owner).trim());
    if (previous > 0 && alive(previous)) continue;
    try {
      if (previous > 0) unlinkSync(owner);
      writeFileSync(owner, `${process.pid}\n`, { flag: 'wx' });
    } catch {
      continue;
    }
    return new LabCluster({ runDir: join(cache, `lab-${slot}`), prefix: `shl${slot}`, net: `10.213.${100 + slot}` }, owner);
  }
  throw new Error(`every lab slot in ${cache} is taken by a live process`);
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function readlinkOr(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
