/**
 * A set of nodes reached with one group of ssh settings, sharing one private
 * socket directory. Each node keeps a master connection for a while after its
 * first command (ControlPersist), so later commands cost one round trip instead
 * of a TCP connect, key exchange and login. Closing the session ends those
 * masters and removes the directory. Before its first command a session ends the
 * masters a killed stash-ha left behind and removes their directories
 * (staleControlDirs). Create one per cluster connection; there is no global instance.
 */
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createControlDir, removeControlDir, SOCKET_NAME, staleControlDirs } from './controlDir';
import { RemoteCommand, RemoteResult } from './remoteCommand';
import { RemoteDeps, SshHost } from './sshHost';
import { SshSettings, SshTarget } from './sshOptions';

export interface SessionOptions {
  /** Where the private socket directory is created (default: the OS temp directory). */
  readonly controlDirBase?: string;
}

export class SshSession {
  private readonly hosts = new Map<string, SshHost>();
  private readonly controlDir: string | undefined;
  private readonly localUser: string;
  private closed = false;
  /** Ending the masters of stale socket directories; every command waits for it. */
  private readonly cleaned: Promise<void>;

  constructor(
    readonly settings: SshSettings,
    private readonly deps: RemoteDeps,
    options: SessionOptions = {},
  ) {
    const sharing = (settings.controlPersistSec ?? 1) > 0;
    this.cleaned = this.endStaleMasters(options.controlDirBase);
    this.controlDir = sharing ? createControlDir(options.controlDirBase) : undefined;
    this.localUser = localLoginName();
  }

  /**
   * Ends the ssh masters of socket directories whose stash-ha is gone (killed
   * before it could close them) and removes the directories. A master is asked
   * to exit through its own socket (`ssh -O exit`), which logs it out of its node.
   */
  private async endStaleMasters(base: string | undefined): Promise<void> {
    for (const stale of staleControlDirs(base)) {
      try {
        for (const socket of stale.sockets) {
          await this.deps.runner.run(this.settings.sshPath ?? 'ssh',
            ['-F', '/dev/null', '-o', `ControlPath=${socket}`, '-O', 'exit', '--', 'stash-ha-stale-master'], { timeoutMs: 5000 });
        }
        removeControlDir(stale.dir);
        this.deps.logger.info(`removed ${stale.dir}, left by stash-ha process ${stale.owner} which is gone, after ending its ${stale.sockets.length} ssh master(s)`);
      } catch (error) {
        this.deps.logger.warn(`could not remove ${stale.dir}, left by stash-ha process ${stale.owner}: ${(error as Error).message}`);
      }
    }
  }

  /** The node's connection; the same object for the same target. */
  host(target: SshTarget): SshHost {
    if (this.closed) throw new Error('SshSession: used after close()');
    const key = `${target.name}\0${target.host}\0${target.user ?? ''}\0${target.port ?? ''}`;
    let host = this.hosts.get(key);
    if (host === undefined) {
      const controlPath = this.controlDir === undefined ? undefined : join(this.controlDir, SOCKET_NAME);
      host = new SshHost(target, this.settings, this.deps, controlPath, this.localUser);
      this.hosts.set(key, host);
    }
    return host;
  }

  /** Runs one command on a target. */
  async exec(target: SshTarget, command: RemoteCommand): Promise<RemoteResult> {
    const host = this.host(target);
    await this.cleaned;
    return host.exec(command);
  }

  /** The private directory of the shared-connection sockets; undefined when connections are not shared. */
  get socketDirectory(): string | undefined {
    return this.controlDir;
  }

  /** Ends the shared connections and removes the socket directory. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.cleaned;
    await Promise.all([...this.hosts.values()].map((h) => h.closeMaster()));
    if (this.controlDir !== undefined) removeControlDir(this.controlDir);
  }
}

function localLoginName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
