/**
 * Turns what ssh (and sudo on the far side) print when they fail into typed
 * failures with messages a person can act on. ssh reports its own errors only on
 * standard error and with exit status 255, so a failure is recognised by both;
 * a remote program that happens to exit 255 with other text is left alone.
 * This module only reads text; it starts nothing.
 */

export type FailureKind =
  | 'host-key-unknown'
  | 'host-key-changed'
  | 'auth-failed'
  | 'unreachable'
  /** The connection broke while the command ran: it may or may not have finished on the node. */
  | 'connection-lost'
  | 'timeout'
  | 'ssh-config'
  | 'ssh-error'
  | 'ssh-missing'
  | 'sudo-password'
  | 'sudo-missing'
  | 'command-not-found'
  | 'invalid-argument';

/** Why a remote command did not run (or ran into sudo), with an actionable message. */
export interface RemoteFailure {
  readonly kind: FailureKind;
  readonly message: string;
  /** For host key failures: the key type and SHA256 fingerprint the server presented, when known. */
  readonly keyType?: string;
  readonly fingerprint?: string;
  /** For a changed key: where the old one is recorded. */
  readonly knownHostsFile?: string;
  readonly knownHostsLine?: number;
}

/** Where a command was sent, for messages. */
export interface FailureContext {
  /** The node name used in messages (e.g. node01). */
  readonly node: string;
  /** host:port actually dialled, when known. */
  readonly endpoint: string;
  /** The host name ssh was given (the spec's ssh.host or address), for messages about the name itself. */
  readonly host?: string;
  readonly user: string;
  readonly connectTimeoutSec: number;
}

const UNREACHABLE: readonly [RegExp, string][] = [
  [/Connection refused/, 'nothing accepts ssh connections there (connection refused): is sshd running and the port right?'],
  [/No route to host/, 'no route to the host: it may be down, or its address is wrong'],
  [/Network is unreachable/, 'the network is unreachable from this machine'],
  [/Could not resolve hostname|Name or service not known|Temporary failure in name resolution|nodename nor servname/,
    'the host name does not resolve: check the address in the spec or HostName in the ssh config'],
  [/Connection closed by|Connection reset by|kex_exchange_identification|ssh_exchange_identification|Broken pipe|Connection to .* closed/,
    'the connection was closed before ssh could log in: sshd may be overloaded, restarting, or refusing this client'],
];

/** What ssh prints when a connection that had logged in breaks (without connection sharing). */
const LOST = /Connection to \S+ closed by remote host|client_loop: send disconnect|Timeout, server \S+ not responding|packet_write_wait: Connection to/;

/** The failure of a command whose connection broke while it ran; `how` says what was seen. */
export function connectionLost(ctx: FailureContext, how: string): RemoteFailure {
  return {
    kind: 'connection-lost',
    message: `${ctx.node} (${ctx.endpoint}): the ssh connection was lost while the command ran (${how}); it may or may not ` +
      'have finished there: the status shows what the cluster did.',
  };
}

/** The `Server host key:` line that `ssh -v` prints during key exchange. */
export function parseServerHostKey(stderr: string): { keyType: string; fingerprint: string } | undefined {
  const m = /Server host key: (\S+) (SHA256:[A-Za-z0-9+/=]+)/.exec(stderr);
  return m ? { keyType: m[1], fingerprint: m[2] } : undefined;
}

function hostKeyChanged(stderr: string, ctx: FailureContext): RemoteFailure {
  const fp = /key sent by the remote host is\s*\n?\s*(SHA256:[A-Za-z0-9+/=]+)/.exec(stderr);
  const type = /The fingerprint for the (\S+) key sent/.exec(stderr);
  const offending = /Offending \S+ key in (.+):(\d+)/.exec(stderr);
  const removal = /ssh-keygen -f "?([^"\n]+)"? -R "?([^"\n]+?)"?\s*$/m.exec(stderr);
  const file = offending?.[1] ?? removal?.[1];
  const how = removal ? `ssh-keygen -f '${removal[1]}' -R '${removal[2]}'` : 'ssh-keygen -R <host>';
  return {
    kind: 'host-key-changed',
    message: `${ctx.node} (${ctx.endpoint}): the host key has CHANGED` +
      (fp ? ` (it now presents ${type?.[1] ?? 'a'} key ${fp[1]})` : '') +
      (file ? `; the old key is in ${file}${offending ? ` line ${offending[2]}` : ''}` : '') +
      '. This can be an attack, so it is never accepted automatically. If the node was reinstalled, ' +
      `check the new fingerprint on the node and remove the old key with: ${how}`,
    ...(type ? { keyType: type[1] } : {}),
    ...(fp ? { fingerprint: fp[1] } : {}),
    ...(file ? { knownHostsFile: file } : {}),
    ...(offending ? { knownHostsLine: Number(offending[2]) } : {}),
  };
}

/** The message for an unknown host key, once its fingerprint is known (or not). */
export function unknownHostKey(ctx: FailureContext, key?: { keyType: string; fingerprint: string }): RemoteFailure {
  const shown = key ? `${key.keyType} key ${key.fingerprint}` : 'key';
  return {
    kind: 'host-key-unknown',
    message: `${ctx.node} (${ctx.endpoint}): unknown host ${shown}. Compare it with the key on the node ` +
      '(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then accept it: answer yes when asked, ' +
      'run the CLI with --accept-new-host-keys, or connect once with ssh by hand.',
    ...(key ?? {}),
  };
}

/**
 * Classifies a finished ssh invocation; undefined when the remote command ran
 * (whatever its exit code) and nothing went wrong on the way.
 */
export function classifySshFailure(exitCode: number, stderr: string, ctx: FailureContext): RemoteFailure | undefined {
  const remote = classifyRemote(exitCode, stderr, ctx);
  if (remote || exitCode !== 255) return remote;
  const refused = refusedName(stderr, ctx);
  if (refused) return refused;
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|POSSIBLE DNS SPOOFING|REVOKED HOST KEY|Host key for .* has changed/.test(stderr)) {
    return hostKeyChanged(stderr, ctx);
  }
  if (/Host key verification failed|No \S+ host key is known for/.test(stderr)) return unknownHostKey(ctx);
  if (/Permission denied \(|Too many authentication failures/.test(stderr)) {
    return {
      kind: 'auth-failed',
      message: `${ctx.node} (${ctx.endpoint}): ssh login as ${ctx.user} was refused (${firstLine(stderr, /Permission denied.*|Too many.*/)}). ` +
        'Check which key ssh offers for this host (IdentityFile in the ssh config, or the agent) and that the node ' +
        `lists it in ~${ctx.user}/.ssh/authorized_keys.`,
    };
  }
  const lost = LOST.exec(stderr);
  if (lost) return connectionLost(ctx, lost[0]);
  // The client of a shared connection whose master went away: before the session was asked for, nothing ran.
  const mux = /^mux_client_(\w+): .*$/m.exec(stderr);
  if (mux && (mux[1] === 'request_alive' || mux[1] === 'hello_exchange')) {
    return { kind: 'unreachable', message: `${ctx.node} (${ctx.endpoint}): ssh's shared connection ended before the command was sent (${mux[0].trim()}); nothing ran there.` };
  }
  if (mux) return connectionLost(ctx, mux[0].trim());
  if (/timed out|Operation timed out/i.test(stderr)) {
    return {
      kind: 'unreachable',
      message: `${ctx.node} (${ctx.endpoint}): no answer within the ${ctx.connectTimeoutSec} s connect timeout ` +
        '(the node may be down, or a firewall drops the traffic).',
    };
  }
  for (const [pattern, reason] of UNREACHABLE) {
    if (pattern.test(stderr)) return { kind: 'unreachable', message: `${ctx.node} (${ctx.endpoint}): ${reason}` };
  }
  if (/Bad configuration option|Can't open user config file|configuration file .* bad|Unsupported option|garbage at end of line|keyword .* extra arguments/i.test(stderr)) {
    return { kind: 'ssh-config', message: `ssh could not read its configuration: ${firstLine(stderr)}` };
  }
  if (/^ssh: |^mux_client|^Control socket|^muxclient|^ControlSocket|^ssh_dispatch|^Bad owner or permissions/m.test(stderr)) {
    return { kind: 'ssh-error', message: `${ctx.node} (${ctx.endpoint}): ssh failed: ${firstLine(stderr)}` };
  }
  return undefined;
}

/**
 * OpenSSH's own refusal of a name from its command line (a host or login name with
 * shell characters, blanks, or a leading '-'): printed without the `ssh:` prefix,
 * before any connection, exit 255. Also what `ssh -G` says for such a name.
 */
export function refusedName(stderr: string, ctx: FailureContext): RemoteFailure | undefined {
  const m = /^(hostname|remote username|local username) contains invalid characters/m.exec(stderr);
  if (!m) return undefined;
  const host = m[1] === 'hostname';
  const name = host ? ctx.host ?? ctx.endpoint : ctx.user;
  return {
    kind: 'invalid-argument',
    message: `${ctx.node}: ssh refused the ${host ? 'host' : 'login'} name '${name}': ${m[0]}. ` +
      (host ? "Fix the node's address or ssh.host in the spec (or HostName in the ssh config)." : 'Fix ssh.user in the spec (or User in the ssh config).'),
  };
}

/** sudo and command lookup problems on the far side, which arrive as ordinary exit codes. */
function classifyRemote(exitCode: number, stderr: string, ctx: FailureContext): RemoteFailure | undefined {
  if (exitCode !== 0 && /^sudo: (a password is required|a terminal is required|no tty present|.*may not run sudo)/m.test(stderr)) {
    return {
      kind: 'sudo-password',
      message: `${ctx.node}: ${ctx.user} is not root and sudo wants a password (${firstLine(stderr, /^sudo: .*/m)}). ` +
        `Allow ${ctx.user} to run the cluster tools without one (a NOPASSWD rule in /etc/sudoers.d/), or log in as root.`,
    };
  }
  if (exitCode === 127 && /sudo: (command )?not found|sudo: No such file/.test(stderr)) {
    return { kind: 'sudo-missing', message: `${ctx.node}: ${ctx.user} is not root and sudo is not installed there.` };
  }
  const missing = /^env: '?([^':\n]+)'?: No such file or directory/m.exec(stderr);
  if (exitCode === 127 && missing) {
    return {
      kind: 'command-not-found',
      message: `${ctx.node}: ${missing[1]} was not found (looked in /usr/sbin, /usr/bin, /sbin, /bin and the local variants). ` +
        'Is the Pacemaker/pcs package installed on that node?',
    };
  }
  return undefined;
}

function firstLine(text: string, pattern?: RegExp): string {
  const m = pattern?.exec(text);
  if (m) return m[0].trim();
  return text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? 'no message';
}
