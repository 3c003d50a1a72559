/**
 * What one remote command is and what it returned. A command is an argument
 * vector; this module wraps it for the far side: `env PATH=…` so that pcs,
 * crm_mon and crm_resource (in /usr/sbin on Debian and RHEL) are found even when
 * a non-login shell's PATH lacks the sbin directories, and `sudo -n` in front
 * when the login user is not root, so sudo fails at once instead of waiting for
 * a password nobody can type. Compound steps are a fixed `sh -c` script whose
 * variable parts arrive as positional arguments, never spliced into the script.
 */
import { RemoteFailure } from './sshFailure';

/** The PATH the cluster tools are looked up in on a node. */
export const REMOTE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface RemoteCommand {
  /** The program and its arguments, as they should arrive on the node. */
  readonly argv: readonly string[];
  /** Written to the remote program's standard input (never logged). */
  readonly stdin?: string | Uint8Array;
  /** Run as root: through `sudo -n` when the login user is not root. Default true. */
  readonly asRoot?: boolean;
  /** Deadline for the whole command, connection included. */
  readonly timeoutMs?: number;
  /** A short description for the log instead of the full command line (e.g. for long scripts). */
  readonly label?: string;
}

/** What a remote command returned: results, not exceptions. */
export interface RemoteResult {
  /** The node the command was sent to. */
  readonly node: string;
  /** The remote program's exit code; 255 (or -1) when ssh itself failed. */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  /** Set when the command did not run as asked: ssh, host key, sudo or lookup problems. */
  readonly failure?: RemoteFailure;
}

/** True when the command ran and exited 0. */
export function succeeded(result: RemoteResult): boolean {
  return result.failure === undefined && result.exitCode === 0;
}

/** Decides on the node whether sudo is needed: `[ -O / ]` (a shell builtin) is true for root only. */
const SUDO_UNLESS_ROOT = 'if [ -O / ]; then exec "$@"; fi; exec sudo -n -- "$@"';

/**
 * The argument vector that actually runs on the node. `useSudo` is `remote` when
 * the login user is not known yet (the first command, run alongside `ssh -G`):
 * then the node decides.
 */
export function wrapForNode(argv: readonly string[], useSudo: boolean | 'remote'): string[] {
  const located = ['env', `PATH=${REMOTE_PATH}`, ...argv];
  if (useSudo === 'remote') return ['sh', '-c', SUDO_UNLESS_ROOT, 'sh', ...located];
  return useSudo ? ['sudo', '-n', '--', ...located] : located;
}

/** A `sh -c` command: a fixed script, with `args` as its $1, $2, … (never part of the script text). */
export function shellScript(script: string, args: readonly string[] = [], label?: string): RemoteCommand {
  return { argv: ['sh', '-c', script, 'sh', ...args], ...(label === undefined ? {} : { label }) };
}

/** One line describing a failed result for people: the failure's message, else the exit code and stderr. */
export function describeFailure(result: RemoteResult): string {
  if (result.failure) return result.failure.message;
  const detail = result.stderr.trim().split('\n').slice(-3).join(' / ');
  return `${result.node}: exit ${result.exitCode}${detail ? `: ${detail}` : ''}`;
}
