/**
 * Nodes without a cluster, for tests of what the status query and the
 * connection do with answers: a ProcessRunner that answers `ssh -G` itself and
 * runs every other ssh command line in a real local /bin/sh, where stub
 * `env`, `uname`, `crm_mon`, `cibadmin`, `corosync-cmapctl`, `curl`, `pcs`, `crm_resource` and
 * `sha256sum` print what each fake node is set up to print (captured fixtures),
 * and pcs can swap the state files as the cluster would react to a move. The remote script itself runs
 * for real; only the programs it calls are stand-ins. Test-only.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessResult, ProcessRunner, RunOptions, spawnRunner } from '../../../client/src/remote/processRunner';
import { quoteWord } from '../../../client/src/remote/shellQuote';

export interface FakeNode {
  /** ssh fails as for a node that is down. */
  down?: boolean;
  uname?: string;
  /** The node's Pacemaker ("Pacemaker 1.1.23" makes crm_mon refuse --output-as, as 1.1 does). */
  version?: string;
  /** File printed by crm_mon (XML). */
  crmMonFile?: string;
  crmMonRc?: number;
  /** What cibadmin prints: a constraints section or a whole CIB. */
  constraintsFile?: string;
  /** What `corosync-cmapctl -b nodelist.node` prints; without it cmapctl fails, as with corosync down. */
  cmapFile?: string;
  /** What curl prints (body) and its exit code. */
  curlBody?: string;
  curlRc?: number;
  /** Output and exit code of any pcs command but --version (argv recorded). */
  pcsOut?: string;
  pcsRc?: number;
  /** What `pcs --version` prints. */
  pcsVersion?: string;
  /** Files copied over the crm_mon / constraints files when pcs moves or clears: the cluster reacting. */
  onMove?: { crmMon?: string; constraints?: string };
  onClear?: { constraints?: string };
  /** What crm_resource --show-metadata prints instead of the installed agent's meta-data. */
  metadata?: string;
  /** sha256sum prints a wrong sum (a corrupted upload). */
  badChecksum?: boolean;
  /** ssh refuses the node's host key as unknown (fingerprint SHA256:fakefp). */
  unknownHostKey?: boolean;
  /** Every command to the node waits for this first: a node whose connection hangs until the test lets it go. */
  gate?: Promise<void>;
}

const STUBS: Record<string, string> = {
  env: 'shift; exec "$@"',
  uname: 'printf "%s\\n" "$STUB_UNAME"',
  crm_mon: [
    'printf "%s\\n" "$*" >> "$STUB_LOG.crm_mon"',
    'case "$1 $STUB_VERSION" in "--output-as=xml Pacemaker 1."*) echo "crm_mon: unrecognized option \'--output-as=xml\'" >&2; exit 64 ;; esac',
    '[ -n "$STUB_CRM_MON" ] && cat "$STUB_CRM_MON"; exit "${STUB_CRM_MON_RC:-0}"',
  ].join('\n'),
  cibadmin: '[ -n "$STUB_CONSTRAINTS" ] && cat "$STUB_CONSTRAINTS" || echo "<constraints/>"',
  // No corosync here: the status query then reads corosync.conf, as on a node whose corosync is down.
  'corosync-cmapctl': [
    'if [ -n "$STUB_CMAP" ]; then [ "$2" = nodelist.node ] && cat "$STUB_CMAP"; exit 0; fi',
    'echo "Failed to initialize the cmap API. Error CS_ERR_LIBRARY" >&2; exit 1',
  ].join('\n'),
  curl: 'printf "%s" "$STUB_CURL_BODY"; [ "${STUB_CURL_RC:-0}" = 0 ] && printf "\\n200"; exit "${STUB_CURL_RC:-0}"',
  pcs: [
    'printf "%s\\n" "$*" >> "$STUB_LOG.pcs"',
    'if [ "$1" = --version ]; then printf "%s\\n" "$STUB_PCS_VERSION"; exit 0; fi',
    'if [ "$1 $2" = "resource move" ]; then',
    '  [ -n "$STUB_MOVE_CRM" ] && cp "$STUB_MOVE_CRM" "$STUB_CRM_MON"; [ -n "$STUB_MOVE_CONS" ] && cp "$STUB_MOVE_CONS" "$STUB_CONSTRAINTS"',
    'fi',
    'if [ "$1 $2" = "resource clear" ] && [ -n "$STUB_CLEAR_CONS" ]; then cp "$STUB_CLEAR_CONS" "$STUB_CONSTRAINTS"; fi',
    'printf "%s\\n" "$STUB_PCS_OUT"; exit "${STUB_PCS_RC:-0}"',
  ].join('\n'),
  crm_resource: [
    'if [ -n "$STUB_METADATA" ]; then printf "%s\\n" "$STUB_METADATA"; exit 0; fi',
    'sed -n "/<?xml/,/<\\/resource-agent>/p" ocf/heartbeat/stash',
  ].join('\n'),
  sha256sum: 'if [ -n "$STUB_BAD_SUM" ]; then echo "0000  $1"; else exec /usr/bin/sha256sum "$@"; fi',
};

export class FakeNodes implements ProcessRunner {
  readonly dir = mkdtempSync(join(tmpdir(), 'stash-ha-fake-'));
  /** Every ssh destination in call order (not counting `ssh -G`). */
  readonly calls: string[] = [];
  private readonly real = spawnRunner();

  constructor(readonly nodes: Record<string, FakeNode>) {
    for (const [name, body] of Object.entries(STUBS)) {
      const file = join(this.dir, name);
      writeFileSync(file, `#!/bin/sh\n${body}\n`);
      chmodSync(file, 0o755);
    }
    for (const host of Object.keys(nodes)) mkdirSync(join(this.home(host), 'ocf', 'heartbeat'), { recursive: true });
  }

  async run(file: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
    const host = args[args.indexOf('--') + 1];
    if (args.includes('-G')) return { exitCode: 0, stdout: `user root\nhostname ${host}\nport 22\n`, stderr: '', durationMs: 1, timedOut: false };
    if (args.includes('-O')) return { exitCode: 0, stdout: '', stderr: '', durationMs: 1, timedOut: false };
    this.calls.push(host);
    const node = this.nodes[host];
    if (node?.gate) await node.gate;
    if (node === undefined || node.down) {
      return { exitCode: 255, stdout: '', stderr: `ssh: connect to host ${host} port 22: Connection refused\n`, durationMs: 1, timedOut: false };
    }
    if (node.unknownHostKey) {
      return {
        exitCode: 255, stdout: '', durationMs: 1, timedOut: false,
        stderr: `${args.includes('-v') ? 'debug1: Server host key: ssh-ed25519 SHA256:fakefp\n' : ''}No ED25519 host key is known for ${host} and you have requested strict checking.\nHost key verification failed.\n`,
      };
    }
    const env: NodeJS.ProcessEnv = {
      PATH: `${this.dir}:/usr/bin:/bin`, STUB_LOG: join(this.dir, host), STUB_UNAME: node.uname ?? host,
      STUB_VERSION: node.version ?? 'Pacemaker 2.1.5', STUB_CRM_MON: node.crmMonFile ?? '', STUB_CRM_MON_RC: String(node.crmMonRc ?? 0),
      STUB_CONSTRAINTS: node.constraintsFile ?? '', STUB_CURL_BODY: node.curlBody ?? '', STUB_CURL_RC: String(node.curlRc ?? 7),
      STUB_PCS_OUT: node.pcsOut ?? '', STUB_PCS_RC: String(node.pcsRc ?? 0), STUB_PCS_VERSION: node.pcsVersion ?? '0.11.5',
      STUB_MOVE_CRM: node.onMove?.crmMon ?? '', STUB_MOVE_CONS: node.onMove?.constraints ?? '', STUB_CLEAR_CONS: node.onClear?.constraints ?? '',
      STUB_METADATA: node.metadata ?? '', STUB_BAD_SUM: node.badChecksum ? '1' : '', STUB_CMAP: node.cmapFile ?? '',
    };
    // Each node's "file system" is its own directory: relative paths in commands land there.
    const home = this.home(host);
    mkdirSync(home, { recursive: true });
    return this.real.run('/bin/sh', ['-c', `cd ${quoteWord(home)} && ${args[args.length - 1]}`], { ...options, env });
  }

  /** The argument lines a stub recorded on a node (`pcs`, `crm_mon`). */
  logged(host: string, program: 'pcs' | 'crm_mon'): string[] {
    try {
      return readFileSync(join(this.dir, `${host}.${program}`), 'utf8').split('\n').filter((l) => l !== '');
    } catch {
      return [];
    }
  }

  /** The directory a node's relative paths resolve in. */
  home(host: string): string {
    return join(this.dir, 'fs', host);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
