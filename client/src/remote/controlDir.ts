/**
 * The private directory that holds ssh's connection-sharing sockets. Anyone who
 * can open a master socket can run commands as the logged-in user on the node,
 * so the directory is created fresh with mode 0700 and removed when the session
 * closes. Unix socket paths are short (108 bytes on Linux, 104 on macOS, and ssh
 * adds a 17-character suffix while it creates one), so a long temp directory
 * (macOS's $TMPDIR) falls back to /tmp. Windows' OpenSSH has no connection
 * sharing, so there is no directory there.
 *
 * A process killed without a chance to close (SIGKILL, a crash) leaves its
 * directory and its ssh masters behind, each still logged in to its node for
 * ControlPersist. So each directory names its owner in a file beside it
 * (`DIR.owner`: process id and, on Linux, the process's start time, so a reused id
 * is not taken for it; beside, so the directory holds sockets only), and a new
 * session finds the directories of owners that are gone (staleControlDirs) to end
 * their masters and remove them.
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** The file beside a directory that names the process that made it. */
export function ownerFile(dir: string): string {
  return `${dir}.owner`;
}

/** Whether sockets under `base` stay within the limit. */
export function fitsSocketLimit(base: string): boolean {
  return base.length + 1 + TEMPLATE_LENGTH + 1 + SOCKET_LENGTH + SSH_TEMP_SUFFIX <= SOCKET_PATH_MAX;
}

/** Where the directories go: `base` (default the OS temp directory), or /tmp when that is too long for a socket path. */
function chosenBase(base: string | undefined): string | undefined {
  return [base ?? tmpdir(), '/tmp'].find(fitsSocketLimit);
}

/** A process's start time in clock ticks since boot (Linux /proc), which a reused process id does not share. */
function startTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * Creates the private socket directory, with the owner file naming this process;
 * undefined where connection sharing is not available.
 */
export function createControlDir(base?: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32') return undefined;
  const chosen = chosenBase(base);
  if (chosen === undefined) return undefined;
  const dir = mkdtempSync(join(chosen, PREFIX));
  chmodSync(dir, 0o700);
  const mode = statSync(dir).mode & 0o777;
  if (mode !== 0o700) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not make ${dir} private (mode ${mode.toString(8)})`);
  }
  try {
    writeFileSync(ownerFile(dir), `${process.pid} ${startTicks(process.pid) ?? '-'}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    // someone put a file there first: this directory is then never taken for stale
  }
  return dir;
}

/** Whether the process an owner file names still runs (the same process: same start time where that is known). */
function ownerAlive(stamp: string): boolean {
  const [pidText, ticks] = stamp.trim().split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTicks(pid);
  return ticks === undefined || ticks === '-' || now === undefined || now === ticks;
}

/** A socket directory whose owner is gone, and the sockets (masters) left in it. */
export interface StaleControlDir {
  readonly dir: string;
  readonly owner: string;
  readonly sockets: readonly string[];
}

/**
 * The socket directories under `base` that a process of this user made and that
 * process is gone: only real directories (not links) named like ours, owned by
 * this user, private, with an owner file naming a process that no longer runs.
 * A directory without an owner file, or of another user, is never touched.
 */
export function staleControlDirs(base?: string, platform: NodeJS.Platform = process.platform): StaleControlDir[] {
  const chosen = platform === 'win32' ? undefined : chosenBase(base);
  if (chosen === undefined) return [];
  let names: string[];
  try {
    names = readdirSync(chosen);
  } catch {
    return [];
  }
  const uid = process.getuid?.();
  const out: StaleControlDir[] = [];
  for (const name of names) {
    if (!name.startsWith(PREFIX) || name.length !== TEMPLATE_LENGTH) continue;
    const dir = join(chosen, name);
    try {
      const st = lstatSync(dir);
      if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o777) !== 0o700) continue;
      const ost = lstatSync(ownerFile(dir));
      if (!ost.isFile() || ost.uid !== uid || ost.size > 100) continue;
      const owner = readFileSync(ownerFile(dir), 'utf8');
      if (ownerAlive(owner)) continue;
      const sockets = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isSocket()).map((e) => join(dir, e.name));
      out.push({ dir, owner: owner.trim().split(' ')[0], sockets });
    } catch {
      // gone meanwhile, or not ours to read: leave it
    }
  }
  return out;
}

/** Removes the socket directory, whatever is left in it, and its owner file. */
export function removeControlDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(ownerFile(dir), { force: true });
}
