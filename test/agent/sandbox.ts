/**
 * A throw-away Stash installation for driving agent/stash as Pacemaker does: a
 * temporary directory holding a copy of the agent, a copy of the stand-in install
 * (test/stash-standin) and a home owned by the Stash user, with a port of its own.
 * The agent runs as root, with the OCF environment Pacemaker would pass, under
 * dash or bash. Cleanup ends only processes started from this sandbox (their
 * command line names its unique directory) and removes the directory.
 *
 * It does not create OS users: the tests run Stash as an existing system user.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { requireFiles, requireRoot, requireTools, TEST_PATH } from './tools';

/** The repository root (this file runs from out/test/agent/). */
export const REPO = resolve(__dirname, '../../..');
export const AGENT_SOURCE = join(REPO, 'agent/stash');
export const STANDIN_SOURCE = join(REPO, 'test/stash-standin');

export type Shell = 'dash' | 'bash';

export interface AgentResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock time the action took (for diagnostics; tests assert order, not time). */
  readonly ms: number;
  /** The `ocf-exit-reason:` lines of stderr, without the prefix. */
  readonly reasons: readonly string[];
}

export interface RunOptions {
  readonly shell?: Shell;
  /** OCF_RESKEY_CRM_meta_timeout in ms; the action's advertised timeout when omitted. */
  readonly timeoutMs?: number;
  /** OCF_RESKEY_CRM_meta_interval in ms: 0 (the default) makes monitor a probe. */
  readonly intervalMs?: number;
  /** Parameter overrides; `undefined` removes a parameter. */
  readonly params?: Readonly<Record<string, string | undefined>>;
  /** More environment, e.g. resource-agents' OCF_TESTER_FAIL_HAVE_BINARY. */
  readonly env?: Readonly<Record<string, string>>;
  /** A command the agent runs under, its argv ending where `shell agent action` follows (e.g. unshare …). */
  readonly wrapper?: readonly string[];
}

export interface SandboxOptions {
  /** An existing user to run Stash as (default `nobody`). */
  readonly user?: string;
  /** `bitbucket` renames the scripts to start-/stop-bitbucket.sh, as Bitbucket Server 5+ ships them. */
  readonly flavour?: 'stash' | 'bitbucket';
  readonly startingSeconds?: number;
  readonly stoppingSeconds?: number;
  /** Changes the sandbox's copy of the agent, to reach a branch this machine never takes. */
  readonly editAgent?: (text: string) => string;
}

const ADVERTISED_MS: Readonly<Record<string, number>> = { start: 240_000, stop: 120_000, monitor: 30_000 };

/** A port nothing listens on now, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The numeric uid of a user, or undefined when it does not exist. */
export function uidOf(user: string): number | undefined {
  const r = spawnSync('id', ['-u', '--', user], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : undefined;
}

/** Whether a process exists and is not a zombie. */
export function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The real uid a process runs as. */
export function processUid(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('Uid:'));
  return Number(line?.split(/\s+/)[1]);
}

/** The environment a process was started with. */
export function processEnv(pid: number): Map<string, string> {
  const env = new Map<string, string>();
  for (const entry of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
}

/** Pids of live processes whose command line contains `needle`. */
export function processesMentioning(needle: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(needle) && processAlive(Number(name))) found.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** Polls `check` every 50 ms until it holds or `ms` pass; says whether it held. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export class Sandbox {
  readonly root: string;
  readonly agent: string;
  readonly inst: string;
  readonly home: string;
  readonly statusUrl: string;

  private constructor(
    readonly user: string,
    readonly uid: number,
    readonly port: number,
    readonly flavour: 'stash' | 'bitbucket',
  ) {
    this.root = mkdtempSync(join(tmpdir(), 'stash-agent-'));
    this.agent = join(this.root, 'agent', 'stash');
    this.inst = join(this.root, 'inst');
    this.home = join(this.root, 'home');
    this.statusUrl = `http://127.0.0.1:${port}/status`;
  }

  /** Lays out a fresh installation and home; fails with the package to install if a tool is missing. */
  static async create(options: SandboxOptions = {}): Promise<Sandbox> {
    requireRoot();
    requireTools('dash', 'bash', 'curl', 'ps', 'runuser', 'python3');
    requireFiles('/usr/lib/ocf/lib/heartbeat/ocf-shellfuncs');
    const user = options.user ?? 'nobody';
    const uid = uidOf(user);
    if (uid === undefined) throw new Error(`user ${user} does not exist on this machine`);
    const box = new Sandbox(user, uid, await freePort(), options.flavour ?? 'stash');
    chmodSync(box.root, 0o755);
    mkdirSync(join(box.root, 'agent'), { mode: 0o755 });
    writeFileSync(box.agent, (options.editAgent ?? ((t) => t))(readFileSync(AGENT_SOURCE, 'utf8')));
    chmodSync(box.agent, 0o755);
    cpSync(STANDIN_SOURCE, box.inst, { recursive: true, filter: (src) => !src.endsWith('README.md') });
    if (box.flavour === 'bitbucket') {
      renameSync(join(box.inst, 'bin/start-stash.sh'), join(box.inst, 'bin/start-bitbucket.sh'));
      renameSync(join(box.inst, 'bin/stop-stash.sh'), join(box.inst, 'bin/stop-bitbucket.sh'));
    }
    for (const dir of [join(box.inst, 'work'), box.home, join(box.home, 'standin-control')]) {
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      chownSync(dir, uid, -1);
    }
    box.configure({ startingSeconds: options.startingSeconds ?? 2, stoppingSeconds: options.stoppingSeconds ?? 0.5 });
    return box;
  }

  /** Rewrites the stand-in's settings (read when its server starts). */
  configure(settings: { startingSeconds: number; stoppingSeconds: number }): void {
    writeFileSync(join(this.home, 'standin.conf'),
      `port=${this.port}\nstarting_seconds=${settings.startingSeconds}\nstopping_seconds=${settings.stoppingSeconds}\n`);
  }

  /** Sets or clears one of the stand-in's control files (error, mute, crash, stop-hangs, ignore-term, ...). */
  flag(name: string, on = true): void {
    const file = join(this.home, 'standin-control', name);
    if (on) writeFileSync(file, '');
    else rmSync(file, { force: true });
  }

  /** The parameters Pacemaker would pass for this installation. */
  params(): Record<string, string> {
    return { stash_user: this.user, stash_home: this.home, stash_inst: this.inst, status_url: this.statusUrl };
  }

  /** The stand-in's own log, one entry a line, in the order it wrote them. */
  standinLog(): string[] {
    const file = join(this.home, 'log', 'atlassian-stash.log');
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') : [];
  }

  /**
   * The status answers the stand-in has given, in order, as 'STATE CODE' ('STARTING 503');
   * it logs each one before sending it.
   */
  statusAnswers(): string[] {
    return this.standinLog().flatMap((l) => {
      const m = / status: answering ([A-Z_]+) \((\d+)\)$/.exec(l);
      return m ? [`${m[1]} ${m[2]}`] : [];
    });
  }

  /** Where the stand-in records its process id, as Stash or Bitbucket Server does. */
  pidFile(): string {
    return this.flavour === 'bitbucket' ? join(this.home, 'log/bitbucket.pid') : join(this.inst, 'work/catalina.pid');
  }

  /** The server's pid from the PID file, if there is one. */
  serverPid(): number | undefined {
    if (!existsSync(this.pidFile())) return undefined;
    const pid = Number(readFileSync(this.pidFile(), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  /** Runs one agent action to its end, as root with Pacemaker's OCF environment. */
  run(action: string, options: RunOptions = {}): Promise<AgentResult> {
    const timeoutMs = options.timeoutMs ?? ADVERTISED_MS[action];
    const env: Record<string, string> = {
      ...options.env,
      PATH: TEST_PATH,
      OCF_ROOT: '/usr/lib/ocf',
      OCF_RESOURCE_INSTANCE: 'stash_res',
      OCF_RESKEY_CRM_meta_interval: String(options.intervalMs ?? 0),
    };
    if (timeoutMs !== undefined) env.OCF_RESKEY_CRM_meta_timeout = String(timeoutMs);
    const params: Record<string, string | undefined> = { ...this.params(), ...options.params };
    for (const [name, value] of Object.entries(params)) if (value !== undefined) env[`OCF_RESKEY_${name}`] = value;
    return runAgent(options.shell ?? 'dash', this.agent, action, env, (timeoutMs ?? 30_000) + 10_000, options.wrapper);
  }

  /** A monitor as a recurring operation (interval 15 s). */
  monitor(options: RunOptions = {}): Promise<AgentResult> {
    return this.run('monitor', { intervalMs: 15_000, ...options });
  }

  /** A probe: monitor with interval 0. */
  probe(options: RunOptions = {}): Promise<AgentResult> {
    return this.run('monitor', { ...options, intervalMs: 0 });
  }

  /** Kills what this sandbox started that still runs, then removes it. */
  cleanup(): void {
    for (const pid of processesMentioning(this.root)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * Runs `shell agent action` (after `wrapper`, when given) with exactly `env`; kills it
 * by pid if it outlives `limitMs`.
 */
export function runAgent(shell: Shell, agent: string, action: string, env: Record<string, string>, limitMs: number,
  wrapper: readonly string[] = []): Promise<AgentResult> {
  return new Promise((resolveRun, reject) => {
    const began = Date.now();
    const argv = [...wrapper, shell, agent, action];
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => {
      if (child.pid) process.kill(child.pid, 'SIGKILL');
      child.stdout.destroy();
      child.stderr.destroy();
    }, limitMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const reasons = stderr.split('\n').filter((l) => l.startsWith('ocf-exit-reason:')).map((l) => l.slice('ocf-exit-reason:'.length));
      resolveRun({ code, stdout, stderr, ms: Date.now() - began, reasons });
    });
  });
}
