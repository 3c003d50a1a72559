/**
 * One code-server (VS Code 1.139 in a browser, extension host in Node) for a test:
 * its own user data, extensions and XDG folders in a fresh temp dir, --auth none on
 * 127.0.0.1 at a free port, the public gallery replaced by a dead loopback port, user
 * settings that keep it quiet, and (when asked) the smoke-test driver on so the page
 * accepts an extension test payload. It runs in a process group of its own (a new session) and
 * stop() kills that whole group, since its file watchers outlive a plain kill; a test
 * process that exits without stop() still kills the group on its way out.
 *
 * It does not open a browser (browser.ts) nor run tests (extensionTests.ts).
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../cluster/waitFor';
import { Runtime, loadRuntime } from './runtime';

/**
 * Settings for a test profile: no start page, tips, chat side bar, telemetry, updates or
 * AI features; and files saved only when asked, as in desktop VS Code (the web build
 * code-server is saves after a second by default, which would save what the tests
 * edit to see how unsaved text is treated).
 */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'files.autoSave': 'off',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

/** A gallery nobody listens on, so code-server never reaches the public one. */
const DEAD_GALLERY = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' });

export interface CodeServerOptions {
  /** .vsix files to install (`--install-extension`) before the server starts. */
  readonly vsix?: readonly string[];
  /** User settings besides QUIET_SETTINGS. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** How long the server may take to answer /healthz; default 60 s. */
  readonly startDeadlineMs?: number;
  /** Environment variables for the server and so for the extension host it starts. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Keep Workspace Trust on (no --disable-workspace-trust, `security.workspace.trust.enabled`
   * true, no start-up prompt), so a folder opens untrusted, in Restricted Mode. Default off:
   * every folder is trusted.
   */
  readonly workspaceTrust?: boolean;
  /**
   * Turn on the workbench's smoke-test driver, without which the page ignores an
   * extension test payload (extensionTests.ts does). Default off: with it on, the
   * workbench shows no notification toasts, so a person's view is without it.
   */
  readonly smokeTestDriver?: boolean;
}

/** With Workspace Trust on: a folder opens in Restricted Mode without asking, as after "Don't Trust". */
const TRUST_SETTINGS: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

export interface CodeServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** The temp dir that holds the server's own folders; removed by stop(). */
  readonly stateDir: string;
  /** Milliseconds from spawning the server to its first healthy /healthz. */
  readonly startMs: number;
  /** The workbench URL that opens `folder`, with a test payload when given. */
  url(folder: string, payload?: ReadonlyArray<readonly [string, string]>): string;
  /** `vscode-remote://127.0.0.1:PORT/abs/path`: a server-side path as the workbench names it. */
  remoteUri(absolutePath: string): string;
  /** What the server printed so far. */
  log(): string;
  /** Kills the server's process group and removes its folders. */
  stop(): Promise<void>;
}

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Folders {
  readonly userData: string;
  readonly extensions: string;
  readonly env: NodeJS.ProcessEnv;
}

function folders(stateDir: string, extraEnv: Readonly<Record<string, string>> = {}): Folders {
  const userData = join(stateDir, 'user-data');
  const extensions = join(stateDir, 'extensions');
  const xdg = (name: string): string => {
    const dir = join(stateDir, 'xdg', name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  mkdirSync(extensions, { recursive: true });
  const { NODE_TEST_CONTEXT: _testRunner, ...inherited } = process.env;
  const env = {
    ...inherited,
    XDG_CONFIG_HOME: xdg('config'),
    XDG_DATA_HOME: xdg('data'),
    XDG_CACHE_HOME: xdg('cache'),
    EXTENSIONS_GALLERY: DEAD_GALLERY,
    // The extension host inherits this; nothing of the test runner's Node should leak in.
    NODE_OPTIONS: '',
    ...extraEnv,
  };
  return { userData, extensions, env };
}

function commonArgs(f: Folders): string[] {
  return ['--config', '/dev/null', '--user-data-dir', f.userData, '--extensions-dir', f.extensions];
}

/** `code-server --install-extension` for each file; throws with code-server's output on failure. */
function installExtensions(runtime: Runtime, f: Folders, vsix: readonly string[]): void {
  for (const file of vsix) {
    const r = spawnSync(runtime.node, [runtime.codeServerEntry, ...commonArgs(f), '--install-extension', file], {
      env: f.env, encoding: 'utf8', timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`code-server --install-extension ${file} failed (${r.status ?? r.signal}): ${r.stdout}${r.stderr}`);
  }
}

/** Kills the process group led by `pid`, if it is still there. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pid, signal); } catch { /* the group has gone */ }
}

function groupAlive(pid: number): boolean {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}

interface Launched {
  readonly pid: number;
  readonly port: number;
  readonly startMs: number;
  readonly log: () => string;
  readonly stop: () => Promise<void>;
}

async function waitGroupGone(pid: number, signal: NodeJS.Signals): Promise<void> {
  killGroup(pid, signal);
  await waitFor(`code-server's process group ${pid} to end after ${signal}`, 10_000, () => Promise.resolve(
    groupAlive(pid) ? { done: false, seen: 'still there' } : { done: true, value: undefined }), 100);
}

/**
 * Spawns code-server on `port` and waits for /healthz. Resolves with the running
 * server, or with `undefined` when the port was taken meanwhile (the caller tries
 * another); throws with the server's output for any other failure.
 */
async function launch(runtime: Runtime, f: Folders, port: number, logFile: string, deadlineMs: number, options: CodeServerOptions): Promise<Launched | undefined> {
  const origin = `http://127.0.0.1:${port}`;
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const chunks: Buffer[] = [];
  const started = performance.now();
  // detached: the child calls setsid(), so it leads a new process group that stop() kills whole.
  const child: ChildProcess = spawn(runtime.node, [
    runtime.codeServerEntry, ...commonArgs(f),
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ], { env: f.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`code-server did not start: ${runtime.node} ${runtime.codeServerEntry}`);
  const onData = (c: Buffer): void => { chunks.push(c); logStream.write(c); };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exited: string | undefined;
  child.on('exit', (code, signal) => { exited = `exited with ${code ?? signal}`; });
  const killOnExit = (): void => killGroup(pid, 'SIGKILL');
  process.on('exit', killOnExit);
  const log = (): string => Buffer.concat(chunks).toString();

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      try {
        await waitGroupGone(pid, 'SIGTERM');
      } catch {
        await waitGroupGone(pid, 'SIGKILL');
      }
      process.off('exit', killOnExit);
      await new Promise<void>((resolve) => logStream.end(resolve));
    })();
    return stopped;
  };

  try {
    const healthy = await waitFor(`code-server's /healthz on ${origin}`, deadlineMs, async () => {
      if (exited) return { done: true, value: false };
      const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      return res.ok ? { done: true, value: true } : { done: false, seen: `HTTP ${res.status}` };
    }, 100);
    if (!healthy.value) {
      await stop();
      if (log().includes('EADDRINUSE')) return undefined;
      throw new Error(`code-server ${exited} before /healthz answered`);
    }
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\ncode-server's output:\n${log()}`);
  }
  return { pid, port, startMs: performance.now() - started, log, stop };
}

/**
 * Starts code-server in a fresh state dir and waits until /healthz answers; throws
 * with its output if it exits or stays silent past the deadline.
 */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const runtime = loadRuntime();
  const stateDir = mkdtempSync(join(tmpdir(), 'stash-ha-vscode-'));
  let launched: Launched | undefined;
  try {
    const f = folders(stateDir, options.env);
    mkdirSync(join(f.userData, 'User'), { recursive: true });
    writeFileSync(join(f.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...(options.workspaceTrust ? TRUST_SETTINGS : {}), ...options.settings }, null, 2));
    installExtensions(runtime, f, options.vsix ?? []);
    // A free port can be taken by someone else before code-server binds it: then try another.
    for (let attempt = 0; attempt < 3 && !launched; attempt++) {
      launched = await launch(runtime, f, await freePort(), join(stateDir, 'code-server.log'), options.startDeadlineMs ?? 60_000, options);
    }
    if (!launched) throw new Error('code-server found its port taken three times in a row');
  } catch (error) {
    rmSync(stateDir, { recursive: true, force: true });
    throw error;
  }
  const { port, startMs, log } = launched;
  const origin = `http://127.0.0.1:${port}`;
  const server = launched;
  return {
    port, origin, stateDir, startMs, log,
    remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${p}`,
    url(folder, payload) {
      const query = [`folder=${encodeURIComponent(folder)}`];
      if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${origin}/?${query.join('&')}`;
    },
    async stop() {
      await server.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
