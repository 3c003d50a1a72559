/**
 * Settings of the SSH layer and the ssh argument vector they become. The user's
 * ssh config applies (or the file named by a setting or `--ssh-config`); a
 * node's `ssh` settings in the spec override it through `-l` and `-p`, since
 * ssh takes the first value it sees and the command line comes first. Options
 * this layer needs to be safe and fast are always on: BatchMode (never a
 * password prompt), a connect timeout, strict host key checking unless the user
 * chose to accept new keys, and connection sharing through sockets in a
 * private directory.
 */
import { homedir, userInfo } from 'node:os';

/** `strict`: unknown keys are refused (the caller may ask the user); `accept-new`: unknown keys are learnt. Changed keys are always refused. */
export type HostKeyPolicy = 'strict' | 'accept-new';

/** An unknown host key presented to the user for a decision. */
export interface UnknownHostKeyPrompt {
  readonly node: string;
  readonly endpoint: string;
  readonly keyType?: string;
  readonly fingerprint?: string;
}

export interface SshSettings {
  /** The ssh program; default `ssh` from PATH. */
  readonly sshPath?: string;
  /** A config file to use instead of ~/.ssh/config (`-F`); `~/` means the user's home from the password database. */
  readonly configFile?: string;
  readonly connectTimeoutSec?: number;
  readonly hostKeyPolicy?: HostKeyPolicy;
  /** How long an idle shared connection stays open; 0 turns connection sharing off. */
  readonly controlPersistSec?: number;
  /** Answers whether to trust an unknown host key (the extension shows a prompt). Absent means no. */
  readonly onUnknownHostKey?: (key: UnknownHostKeyPrompt) => Promise<boolean>;
  /** Per-command deadline when the command gives none. */
  readonly commandTimeoutMs?: number;
}

/** Where one node is reached; unset parts come from the ssh config, then the defaults. */
export interface SshTarget {
  /** The node's name, used in messages and logs. */
  readonly name: string;
  /** Host to dial: the spec's `ssh.host`, else the node's address (an ssh config Host alias works too). */
  readonly host: string;
  readonly user?: string;
  readonly port?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_SEC = 10;
export const DEFAULT_CONTROL_PERSIST_SEC = 120;
export const DEFAULT_COMMAND_TIMEOUT_MS = 120_000;

/** The config file path with a leading `~/` expanded as OpenSSH does (password database, not $HOME). */
export function expandConfigPath(path: string): string {
  if (path === '~') return passwdHome();
  if (path.startsWith('~/')) return `${passwdHome()}/${path.slice(2)}`;
  return path;
}

function passwdHome(): string {
  try {
    return userInfo().homedir;
  } catch {
    return homedir();
  }
}

export interface SshArgsInput {
  readonly settings: SshSettings;
  readonly target: SshTarget;
  /** The user to log in as (spec, then ssh config, then root); absent: ssh's own choice, which is the same when the local user is root. */
  readonly user?: string;
  /** Socket path pattern for connection sharing; absent turns it off. */
  readonly controlPath?: string;
  /** Overrides the settings' policy for one call (after the user accepted a key). */
  readonly hostKeyPolicy?: HostKeyPolicy;
  /** Extra -o options, e.g. for the fingerprint probe. */
  readonly extra?: readonly string[];
}

/** The options every ssh call of this layer starts with (before the destination). */
export function sshOptionArgs(input: SshArgsInput): string[] {
  const { settings, target } = input;
  const args: string[] = [];
  if (settings.configFile !== undefined) args.push('-F', expandConfigPath(settings.configFile));
  const policy = input.hostKeyPolicy ?? settings.hostKeyPolicy ?? 'strict';
  args.push(
    '-o', 'BatchMode=yes',
    '-o', `ConnectTimeout=${Math.max(1, Math.round(settings.connectTimeoutSec ?? DEFAULT_CONNECT_TIMEOUT_SEC))}`,
    '-o', `StrictHostKeyChecking=${policy === 'accept-new' ? 'accept-new' : 'yes'}`,
    '-o', 'ServerAliveInterval=5',
    '-o', 'ServerAliveCountMax=3',
  );
  if (input.controlPath !== undefined) {
    args.push('-o', 'ControlMaster=auto', '-o', `ControlPath=${input.controlPath}`,
      '-o', `ControlPersist=${settings.controlPersistSec ?? DEFAULT_CONTROL_PERSIST_SEC}`);
  } else {
    args.push('-o', 'ControlMaster=no', '-o', 'ControlPath=none');
  }
  args.push(...(input.extra ?? []));
  if (input.user !== undefined) args.push('-l', input.user);
  if (target.port !== undefined) args.push('-p', String(target.port));
  return args;
}

/** ssh's argument vector for running one remote command line on the target. */
export function sshCommandArgs(input: SshArgsInput, remoteCommandLine: string): string[] {
  // -T: no terminal; `--` so that a destination can never be read as an option.
  return [...sshOptionArgs(input), '-T', '--', input.target.host, remoteCommandLine];
}
