/**
 * A real OpenSSH server for the SSH layer's tests, on 127.0.0.1 and a free port,
 * with its own host key and a client key authorized for root (and optionally for
 * one unprivileged user), all in a temp directory. No cluster needed. It runs in
 * the foreground (`sshd -D -e`) so it is ended by its PID; its log tells how many
 * logins happened. Test-only.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on loopback (bound and released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function keygen(file: string, comment: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
}

/** The SHA256 fingerprint of a public key file, as ssh prints it. */
export function fingerprint(pubFile: string): string {
  const out = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', pubFile], { encoding: 'utf8' });
  return out.split(' ')[1];
}

export interface SshdOptions {
  /** An unprivileged user who may also log in with the client key. */
  readonly extraUser?: string;
  /** sshd's ForceCommand: what every session runs instead of the command asked for. */
  readonly forceCommand?: string;
}

export class TestSshd {
  readonly dir: string;
  readonly clientKey: string;
  readonly knownHosts: string;
  /** An ssh_config naming this server as Host `testnode` (and its address), with our key and known_hosts. */
  readonly sshConfig: string;
  readonly logFile: string;
  private child?: ChildProcess;
  private generation = 0;

  private constructor(readonly port: number, private readonly options: SshdOptions) {
    this.dir = mkdtempSync(join(tmpdir(), 'stash-ha-sshd-'));
    chmodSync(this.dir, 0o755); // the unprivileged user's authorized_keys is read as that user
    this.clientKey = join(this.dir, 'client_key');
    this.knownHosts = join(this.dir, 'known_hosts');
    this.sshConfig = join(this.dir, 'ssh_config');
    this.logFile = join(this.dir, 'sshd.log');
    keygen(this.clientKey, 'stash-ha-test-client');
    mkdirSync(join(this.dir, 'authorized'), { mode: 0o755 });
    for (const user of ['root', ...(options.extraUser ? [options.extraUser] : [])]) {
      const file = join(this.dir, 'authorized', user);
      writeFileSync(file, readFileSync(`${this.clientKey}.pub`));
      chmodSync(file, 0o644);
    }
    writeFileSync(this.sshConfig, [
      'Host testnode 127.0.0.1',
      '  HostName 127.0.0.1',
      `  Port ${port}`,
      `  IdentityFile ${this.clientKey}`,
      '  IdentitiesOnly yes',
      `  UserKnownHostsFile ${this.knownHosts}`,
      '  GlobalKnownHostsFile /dev/null',
      '  UpdateHostKeys no',
      '',
    ].join('\n'));
  }

  /** Starts a server with a fresh host key. */
  static async start(options: SshdOptions = {}): Promise<TestSshd> {
    const sshd = new TestSshd(await freePort(), options);
    await sshd.boot();
    return sshd;
  }

  /** The current host key's public file. */
  get hostKeyPub(): string {
    return join(this.dir, `host_key_${this.generation}.pub`);
  }

  get hostKeyFingerprint(): string {
    return fingerprint(this.hostKeyPub);
  }

  /** The known_hosts name ssh uses for this server. */
  get knownHostsName(): string {
    return `[127.0.0.1]:${this.port}`;
  }

  /** Writes our current host key into known_hosts, as an admin who checked it would. */
  trustHostKey(): void {
    const [type, key] = readFileSync(this.hostKeyPub, 'utf8').trim().split(' ');
    writeFileSync(this.knownHosts, `${this.knownHostsName} ${type} ${key}\n`);
  }

  /** Forgets every known host key. */
  forgetHostKeys(): void {
    rmSync(this.knownHosts, { force: true });
  }

  /** How many logins the server accepted so far (one per new connection). */
  logins(): number {
    return (readFileSync(this.logFile, 'utf8').match(/Accepted publickey for /g) ?? []).length;
  }

  /** Stops the server, makes a new host key and starts again on the same port: a reinstalled node. */
  async changeHostKey(): Promise<void> {
    await this.stop();
    this.generation += 1;
    await this.boot();
  }

  private async boot(): Promise<void> {
    const hostKey = join(this.dir, `host_key_${this.generation}`);
    if (!existsSync(hostKey)) keygen(hostKey, 'stash-ha-test-host');
    const config = join(this.dir, 'sshd_config');
    writeFileSync(config, [
      'ListenAddress 127.0.0.1',
      `Port ${this.port}`,
      `HostKey ${hostKey}`,
      'PidFile none',
      `AuthorizedKeysFile ${join(this.dir, 'authorized', '%u')}`,
      'StrictModes no',
      'UsePAM yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      `AllowUsers root${this.options.extraUser ? ` ${this.options.extraUser}` : ''}`,
      'UseDNS no',
      'PrintMotd no',
      'LogLevel VERBOSE',
      'MaxStartups 50',
      ...(this.options.forceCommand === undefined ? [] : [`ForceCommand ${this.options.forceCommand}`]),
      '',
    ].join('\n'));
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // sshd's privilege separation directory
    const log = openSync(this.logFile, 'a');
    this.child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], { stdio: ['ignore', log, log] });
    closeSync(log);
    const child = this.child;
    await waitUntil(`sshd on port ${this.port}`, 10_000, async () => {
      if (child.exitCode !== null) throw new Error(`sshd exited ${child.exitCode}: ${readFileSync(this.logFile, 'utf8')}`);
      return canConnect(this.port);
    });
  }

  /** Ends the server by its PID and waits until it is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await gone;
    this.child = undefined;
  }

  /** Stops the server and removes its directory. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The throw-away account `unprivilegedUser` makes when the machine has none to lend. */
export const THROWAWAY_USER = 'stashhatest';

/** Whether `name` is in the system's database, or in PREFIX/etc/DATABASE when a prefix is given. */
function known(database: 'passwd' | 'group', name: string, prefix?: string): boolean {
  if (prefix === undefined) return spawnSync('getent', [database, name]).status === 0;
  return readFileSync(join(prefix, 'etc', database), 'utf8').split('\n').some((line) => line.split(':')[0] === name);
}

function runOrThrow(command: string, args: readonly string[]): void {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr.trim()}`);
}

/**
 * Makes sure the system account `name` exists as the tests need it: shell /bin/sh,
 * no home (/nonexistent), and nothing else. Safe to call again, and after a run that
 * crashed before removing it: an account left behind is brought back to that state,
 * and a group of that name left without its user becomes its group.
 * `remove` deletes the account even if a process of it is still ending (an sshd session).
 * With `prefix`, the databases under PREFIX/etc are changed instead of the system's
 * (useradd --prefix), as the test of this function does: rewriting the system's
 * /etc/passwd while lab nodes run detaches the node's own passwd bind-mounted over it.
 */
export function throwAwayUser(name: string, prefix?: string): { name: string; remove(): void } {
  const where = prefix === undefined ? [] : ['--prefix', prefix];
  if (known('passwd', name, prefix)) {
    runOrThrow('usermod', [...where, '--shell', '/bin/sh', '--home', '/nonexistent', name]);
  } else {
    runOrThrow('useradd', [...where, '--system', '--shell', '/bin/sh', '--home-dir', '/nonexistent', '--no-create-home',
      ...(known('group', name, prefix) ? ['--gid', name] : ['--user-group']), name]);
  }
  return {
    name,
    remove: () => {
      if (known('passwd', name, prefix)) runOrThrow('userdel', [...where, '--force', name]);
    },
  };
}

/**
 * An unprivileged account with a login shell for the sudo test: an existing one
 * from the password database if there is one (scripts/setup.sh makes `THROWAWAY_USER`
 * as this function wants it, so a test run does not rewrite /etc/passwd under the lab
 * nodes), else the throw-away account, made (or taken over from a crashed run) and
 * deleted by `remove`.
 */
export function unprivilegedUser(): { name: string; remove(): void } {
  const shells = new Set(readFileSync('/etc/shells', 'utf8').split('\n').filter((l) => l.startsWith('/')));
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [name, , uid, , , home, shell] = line.split(':');
    if (name && Number(uid) >= 1000 && Number(uid) < 65534 && shells.has(shell)) return { name, remove: () => undefined };
    if (name === THROWAWAY_USER && home === '/nonexistent' && shell === '/bin/sh') return { name, remove: () => undefined };
  }
  return throwAwayUser(THROWAWAY_USER);
}
