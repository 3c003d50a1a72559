/**
 * One node reached over the system ssh client. It resolves who to log in as
 * (spec, then ssh config, then root), runs argument vectors as one quoted
 * command line, classifies ssh's own failures, and handles an unknown host key:
 * it learns the fingerprint, asks the session's callback, and only on a yes
 * lets ssh record the key (and checks that the key recorded is the one shown).
 * A changed key is never accepted. Every command is logged; stdin never is.
 */
import { Logger } from './logger';
import { Clock, ProcessResult, ProcessRunner } from './processRunner';
import { RemoteCommand, RemoteResult, wrapForNode } from './remoteCommand';
import { commandLine } from './shellQuote';
import { classifySshFailure, connectionLost, FailureContext, parseServerHostKey, refusedName, RemoteFailure, unknownHostKey } from './sshFailure';
import {
  DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_SEC, expandConfigPath, HostKeyPolicy, SshSettings, SshTarget,
  sshCommandArgs, sshOptionArgs,
} from './sshOptions';

export interface RemoteDeps {
  readonly runner: ProcessRunner;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The target after the ssh config is applied (`ssh -G`). */
export interface ResolvedTarget {
  readonly user: string;
  readonly hostname: string;
  readonly port: number;
  readonly knownHostsFiles: readonly string[];
  /** HostKeyAlias from the ssh config: the name ssh records and looks up this host's key under. */
  readonly hostKeyAlias?: string;
}

type Resolution = { readonly ok: true; readonly target: ResolvedTarget } | { readonly ok: false; readonly failure: RemoteFailure };

export class SshHost {
  private resolution?: Promise<Resolution>;
  private resolved?: ResolvedTarget;
  private accepting?: Promise<RemoteFailure | undefined>;
  private asking = false;
  private used = false;

  constructor(
    readonly target: SshTarget,
    private readonly settings: SshSettings,
    private readonly deps: RemoteDeps,
    private readonly controlPath: string | undefined,
    private readonly localUser: string,
  ) {}

  /** Runs one command on the node. Never throws for anything the node or the network does. */
  async exec(command: RemoteCommand): Promise<RemoteResult> {
    const started = this.deps.clock.now();
    let user: string | undefined;
    if (this.resolved) user = this.resolved.user;
    else if (this.target.user !== undefined || this.localUser === 'root') {
      // ssh -G's answer is not needed to build this command (ssh's own default user is
      // root here, or the spec names one); it is asked only if a message needs it.
      user = this.target.user;
    } else {
      const resolution = await this.resolve();
      if (!resolution.ok) return this.failed(started, resolution.failure);
      user = resolution.target.user;
    }
    const sudo = command.asRoot === false ? false : user === undefined ? 'remote' : user !== 'root';
    let line: string;
    try {
      line = commandLine(wrapForNode(command.argv, sudo));
    } catch (error) {
      return this.failed(started, { kind: 'invalid-argument', message: `${this.target.name}: ${(error as Error).message}` });
    }
    this.deps.logger.info(`[${this.target.name}] $ ${command.label ?? line}`);
    let result = await this.runLine(line, command, user);
    if (result.failure?.kind === 'host-key-unknown') {
      const refusal = await this.acceptUnknownKey(user);
      result = refusal ? { ...result, failure: refusal } : await this.runLine(line, command, user);
    }
    const summary = `[${this.target.name}] exit ${result.exitCode} in ${Math.round(result.durationMs)} ms`;
    if (result.failure) this.deps.logger.warn(`${summary}: ${result.failure.message}`);
    else this.deps.logger.info(summary);
    return result;
  }

  /** Applies the ssh config once (`ssh -G`, no network) and remembers the answer. */
  resolve(): Promise<Resolution> {
    this.resolution ??= this.resolveNow();
    return this.resolution;
  }

  /** Asks this node's shared connection, if any, to end. */
  /**
   * Ends the shared master and waits (up to 3 s) until its process is gone: `-O exit`
   * returns once the master has been told, while it may still be shutting down, and a
   * caller that exits next must not leave it behind.
   */
  async closeMaster(): Promise<void> {
    if (this.controlPath === undefined || !this.used) return;
    // The socket name hashes the user ssh logs in as, which is the same with or without -l here.
    const options = sshOptionArgs(this.argsInput(this.resolved?.user ?? this.target.user));
    const check = await this.deps.runner.run(this.sshPath, [...options, '-O', 'check', '--', this.target.host], { timeoutMs: 5000 });
    const pid = Number(/\(pid=(\d+)\)/.exec(`${check.stderr}${check.stdout}`)?.[1] ?? 0);
    await this.deps.runner.run(this.sshPath, [...options, '-O', 'exit', '--', this.target.host], { timeoutMs: 5000 });
    if (pid <= 0) return;
    const deadline = this.deps.clock.now() + 3000;
    while (processAlive(pid) && this.deps.clock.now() < deadline) await this.deps.clock.sleep(20);
  }

  private get sshPath(): string {
    return this.settings.sshPath ?? 'ssh';
  }

  private argsInput(user: string | undefined, hostKeyPolicy?: HostKeyPolicy, extra?: readonly string[], shared = true) {
    return {
      settings: this.settings, target: this.target, ...(user === undefined ? {} : { user }),
      ...(shared && this.controlPath !== undefined ? { controlPath: this.controlPath } : {}),
      ...(hostKeyPolicy ? { hostKeyPolicy } : {}),
      ...(extra ? { extra } : {}),
    };
  }

  private context(loginUser: string | undefined): FailureContext {
    const user = loginUser ?? this.resolved?.user ?? this.target.user ?? 'root';
    const endpoint = this.resolved ? `${this.resolved.hostname}:${this.resolved.port}` : `${this.target.host}:${this.target.port ?? 22}`;
    return {
      node: this.target.name, endpoint, host: this.target.host, user,
      connectTimeoutSec: this.settings.connectTimeoutSec ?? DEFAULT_CONNECT_TIMEOUT_SEC,
    };
  }

  private async runLine(line: string, command: RemoteCommand, user: string | undefined): Promise<RemoteResult> {
    this.used = true;
    const timeoutMs = command.timeoutMs ?? this.settings.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const raw = await this.deps.runner.run(this.sshPath, sshCommandArgs(this.argsInput(user), line), {
      timeoutMs, ...(command.stdin === undefined ? {} : { stdin: command.stdin }),
    });
    // Messages name the endpoint and user from the ssh config.
    if (raw.exitCode !== 0 && !this.resolved) await this.resolve();
    const result = this.toResult(raw, user, timeoutMs);
    if (result.failure === undefined && raw.exitCode === 255 && raw.stderr.trim() === '' && !(await this.masterAlive(user))) {
      // A shared connection's client exits 255 without a word when its master dies (killed, or its node gone).
      return { ...result, failure: connectionLost(this.context(user), 'its shared master connection ended') };
    }
    return result;
  }

  /** Whether this node's shared master connection still answers (`ssh -O check`); true without sharing. */
  private async masterAlive(user: string | undefined): Promise<boolean> {
    if (this.controlPath === undefined) return true;
    const args = [...sshOptionArgs(this.argsInput(user)), '-O', 'check', '--', this.target.host];
    return (await this.deps.runner.run(this.sshPath, args, { timeoutMs: 5000 })).exitCode === 0;
  }

  private toResult(raw: ProcessResult, user: string | undefined, timeoutMs: number): RemoteResult {
    const stderr = raw.stderr.replace(/^Warning: Permanently added .*\r?\n/gm, '');
    const base = { node: this.target.name, exitCode: raw.exitCode, stdout: raw.stdout, stderr, durationMs: raw.durationMs };
    if (raw.spawnError !== undefined) {
      return { ...base, failure: { kind: 'ssh-missing', message: `could not start ssh (${raw.spawnError}): is the OpenSSH client installed?` } };
    }
    if (raw.timedOut) {
      return {
        ...base,
        failure: { kind: 'timeout', message: `${this.target.name}: no result within ${Math.round(timeoutMs / 1000)} s; ssh was stopped (the command may still be running on the node).` },
      };
    }
    const failure = classifySshFailure(raw.exitCode, stderr, this.context(user));
    return failure ? { ...base, failure } : base;
  }

  private failed(started: number, failure: RemoteFailure): RemoteResult {
    this.deps.logger.warn(`[${this.target.name}] ${failure.message}`);
    return { node: this.target.name, exitCode: -1, stdout: '', stderr: '', durationMs: this.deps.clock.now() - started, failure };
  }

  private async resolveNow(): Promise<Resolution> {
    const args = [...(this.settings.configFile !== undefined ? ['-F', expandConfigPath(this.settings.configFile)] : []),
      ...(this.target.user !== undefined ? ['-l', this.target.user] : []),
      ...(this.target.port !== undefined ? ['-p', String(this.target.port)] : []),
      '-G', '--', this.target.host];
    const raw = await this.deps.runner.run(this.sshPath, args, { timeoutMs: 10_000 });
    if (raw.spawnError !== undefined) {
      return { ok: false, failure: { kind: 'ssh-missing', message: `could not start ssh (${raw.spawnError}): is the OpenSSH client installed?` } };
    }
    if (raw.exitCode !== 0) {
      const refused = refusedName(raw.stderr, this.context(this.target.user));
      if (refused) return { ok: false, failure: refused };
      const why = raw.stderr.trim().split('\n')[0] ?? `exit ${raw.exitCode}`;
      return { ok: false, failure: { kind: 'ssh-config', message: `${this.target.name}: ssh could not read its configuration: ${why}` } };
    }
    const values = new Map<string, string>();
    for (const row of raw.stdout.split('\n')) {
      const space = row.indexOf(' ');
      if (space > 0 && !values.has(row.slice(0, space))) values.set(row.slice(0, space), row.slice(space + 1).trim());
    }
    const configured = values.get('user');
    // ssh -G reports the local login name when nothing set a user; the spec's default is root.
    const user = this.target.user ?? (configured !== undefined && configured !== this.localUser ? configured : 'root');
    const alias = values.get('hostkeyalias');
    this.resolved = {
      user, hostname: values.get('hostname') ?? this.target.host, port: Number(values.get('port') ?? 22),
      knownHostsFiles: (values.get('userknownhostsfile') ?? '').split(' ').filter((f) => f.length > 0),
      ...(alias !== undefined && alias !== '' && alias !== 'none' ? { hostKeyAlias: alias } : {}),
    };
    return { ok: true, target: this.resolved };
  }

  /**
   * Whether a person is being asked about this host's key right now: the command
   * waits for them, not for the node, so it is not slow (the status hedge waits too).
   */
  get awaitingHostKeyAnswer(): boolean {
    return this.asking;
  }

  /** One decision per host at a time: concurrent commands wait for the same answer. */
  private acceptUnknownKey(user: string | undefined): Promise<RemoteFailure | undefined> {
    this.accepting ??= this.acceptNow(user).finally(() => { this.accepting = undefined; });
    return this.accepting;
  }

  /** Learns the key's fingerprint, asks, and lets ssh record it; returns the refusal, if any. */
  private async acceptNow(user: string | undefined): Promise<RemoteFailure | undefined> {
    const ctx = this.context(user);
    const probe = await this.probeKey(user, 'strict');
    if (probe.ran) return undefined; // someone accepted it meanwhile
    const key = probe.key;
    if (probe.failure && probe.failure.kind !== 'host-key-unknown') return probe.failure;
    const ask = this.settings.onUnknownHostKey;
    let yes = false;
    if (ask !== undefined && key !== undefined) {
      this.asking = true;
      try {
        yes = await ask({ node: ctx.node, endpoint: ctx.endpoint, keyType: key.keyType, fingerprint: key.fingerprint });
      } finally {
        this.asking = false;
      }
    }
    if (!yes) return unknownHostKey(ctx, key);
    const learnt = await this.probeKey(user, 'accept-new');
    if (learnt.failure) return learnt.failure;
    if (learnt.key?.fingerprint !== key?.fingerprint) {
      await this.forgetKey(user);
      return {
        kind: 'host-key-changed',
        message: `${ctx.node} (${ctx.endpoint}): the host key changed between the prompt (${key?.fingerprint}) and the ` +
          `connection (${learnt.key?.fingerprint ?? 'unknown'}); it was not kept. Check the node's key.`,
      };
    }
    this.deps.logger.info(`[${ctx.node}] accepted host key ${key?.keyType} ${key?.fingerprint}`);
    return undefined;
  }

  /** Connects without sharing and with `-v` to read the key the server presents; runs `true`. */
  private async probeKey(user: string | undefined, policy: HostKeyPolicy) {
    const args = sshCommandArgs(this.argsInput(user, policy, ['-v'], false), 'true');
    const raw = await this.deps.runner.run(this.sshPath, args, { timeoutMs: 30_000 });
    const key = parseServerHostKey(raw.stderr);
    const result = this.toResult({ ...raw, stderr: raw.stderr.replace(/^debug\d: .*\r?\n/gm, '') }, user, 30_000);
    return { ran: result.failure === undefined && raw.exitCode === 0, key, failure: result.failure };
  }

  /**
   * Removes the key ssh just recorded from the first known_hosts file (where ssh
   * writes), under the name ssh recorded it: HostKeyAlias when the config sets one
   * (ssh then uses neither HostName nor port), else HostName, with the port when not 22.
   */
  private async forgetKey(user: string | undefined): Promise<void> {
    const resolution = await this.resolve();
    if (!resolution.ok) return;
    const { hostname, port, knownHostsFiles, hostKeyAlias } = resolution.target;
    const name = hostKeyAlias ?? (port === 22 ? hostname : `[${hostname}]:${port}`);
    const file = knownHostsFiles[0];
    if (file === undefined) return;
    this.deps.logger.warn(`[${this.target.name}] removing the key just recorded for ${name} from ${file} (login ${user ?? resolution.target.user})`);
    await this.deps.runner.run('ssh-keygen', ['-f', expandConfigPath(file), '-R', name], { timeoutMs: 10_000 });
  }
}

/** Whether a process exists (signal 0 only asks; nothing is sent). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
