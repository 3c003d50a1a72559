/**
 * The private directory that holds ssh's connection-sharing sockets. Anyone who
 * can open a master socket can run commands as the logged-in user on the node,
 * so the directory is created fresh with mode 0700 and removed when the session
 * closes. Unix socket paths are short (108 bytes on Linux, 104 on macOS, and ssh
 * adds a 17-character suffix while it creates one), so a long temp directory
 * (macOS's $TMPDIR) falls back to /tmp. Windows' OpenSSH has no connection
 * sharing, so there is no directory there.
 */
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The socket name ssh makes from %C: a 40-character hash of local host, host, port and user. */
export const SOCKET_NAME = '%C';
const SOCKET_LENGTH = 40;
const SSH_TEMP_SUFFIX = 17;
const PREFIX = 'stash-ha-';
const TEMPLATE_LENGTH = PREFIX.length + 6;
/** The smallest sun_path of the platforms we run on (macOS), less its terminating NUL. */
const SOCKET_PATH_MAX = 103;

/** Whether sockets under `base` stay within the limit. */
export function fitsSocketLimit(base: string): boolean {
  return base.length + 1 + TEMPLATE_LENGTH + 1 + SOCKET_LENGTH + SSH_TEMP_SUFFIX <= SOCKET_PATH_MAX;
}

/**
 * Creates the private socket directory; undefined where connection sharing is
 * not available. `base` defaults to the OS temp directory, or /tmp when that is
 * too long for a socket path.
 */
export function createControlDir(base?: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32') return undefined;
  const candidates = [base ?? tmpdir(), '/tmp'];
  const chosen = candidates.find(fitsSocketLimit);
  if (chosen === undefined) return undefined;
  const dir = mkdtempSync(join(chosen, PREFIX));
  chmodSync(dir, 0o700);
  const mode = statSync(dir).mode & 0o777;
  if (mode !== 0o700) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not make ${dir} private (mode ${mode.toString(8)})`);
  }
  return dir;
}

/** Removes the socket directory and whatever is left in it. */
export function removeControlDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
