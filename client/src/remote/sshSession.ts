/**
 * A set of nodes reached with one group of ssh settings, sharing one private
 * socket directory. Each node keeps a master connection for a while after its
 * first command (ControlPersist), so later commands cost one round trip instead
 * of a TCP connect, key exchange and login. Closing the session ends those
 * masters and removes the directory. Create one per cluster connection; there is
 * no global instance.
 */
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createControlDir, removeControlDir, SOCKET_NAME } from './controlDir';
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

  constructor(
    readonly settings: SshSettings,
    private readonly deps: RemoteDeps,
    options: SessionOptions = {},
  ) {
    const sharing = (settings.controlPersistSec ?? 1) > 0;
    this.controlDir = sharing ? createControlDir(options.controlDirBase) : undefined;
    this.localUser = localLoginName();
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
  exec(target: SshTarget, command: RemoteCommand): Promise<RemoteResult> {
    return this.host(target).exec(command);
  }

  /** The private directory of the shared-connection sockets; undefined when connections are not shared. */
  get socketDirectory(): string | undefined {
    return this.controlDir;
  }

  /** Ends the shared connections and removes the socket directory. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
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
