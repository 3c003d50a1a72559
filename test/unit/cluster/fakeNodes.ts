/**
 * Nodes without a cluster, for tests of what the status query and the
 * connection do with answers: a ProcessRunner that answers `ssh -G` itself and
 * runs every other ssh command line in a real local /bin/sh, where stub
 * `env`, `uname`, `crm_mon`, `cibadmin`, `curl` and `pcs` print what each fake
 * node is set up to print (captured fixtures). The remote script itself runs
 * for real; only the programs it calls are stand-ins. Test-only.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessResult, ProcessRunner, RunOptions, spawnRunner } from '../../../client/src/remote/processRunner';

export interface FakeNode {
  /** ssh fails as for a node that is down. */
  down?: boolean;
  uname?: string;
  /** `crm_mon --version` output. */
  version?: string;
  /** File printed by crm_mon (XML). */
  crmMonFile?: string;
  crmMonRc?: number;
  constraintsFile?: string;
  /** What curl prints (body) and its exit code. */
  curlBody?: string;
  curlRc?: number;
  /** Output and exit code of any pcs command (argv recorded). */
  pcsOut?: string;
  pcsRc?: number;
}

const STUBS: Record<string, string> = {
  env: 'shift; exec "$@"',
  uname: 'printf "%s\\n" "$STUB_UNAME"',
  crm_mon: [
    'if [ "$1" = --version ]; then echo --version >> "$STUB_LOG.crm_mon"; printf "%s\\n" "$STUB_VERSION"; exit 0; fi',
    'printf "%s\\n" "$*" >> "$STUB_LOG.crm_mon"',
    '[ -n "$STUB_CRM_MON" ] && cat "$STUB_CRM_MON"; exit "${STUB_CRM_MON_RC:-0}"',
  ].join('\n'),
  cibadmin: '[ -n "$STUB_CONSTRAINTS" ] && cat "$STUB_CONSTRAINTS" || echo "<constraints/>"',
  curl: 'printf "%s" "$STUB_CURL_BODY"; [ "${STUB_CURL_RC:-0}" = 0 ] && printf "\\n200"; exit "${STUB_CURL_RC:-0}"',
  pcs: 'printf "%s\\n" "$*" >> "$STUB_LOG.pcs"; printf "%s\\n" "$STUB_PCS_OUT"; exit "${STUB_PCS_RC:-0}"',
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
  }

  async run(file: string, args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
    const host = args[args.indexOf('--') + 1];
    if (args.includes('-G')) return { exitCode: 0, stdout: `user root\nhostname ${host}\nport 22\n`, stderr: '', durationMs: 1, timedOut: false };
    if (args.includes('-O')) return { exitCode: 0, stdout: '', stderr: '', durationMs: 1, timedOut: false };
    this.calls.push(host);
    const node = this.nodes[host];
    if (node === undefined || node.down) {
      return { exitCode: 255, stdout: '', stderr: `ssh: connect to host ${host} port 22: Connection refused\n`, durationMs: 1, timedOut: false };
    }
    const env: NodeJS.ProcessEnv = {
      PATH: `${this.dir}:/usr/bin:/bin`, STUB_LOG: join(this.dir, host), STUB_UNAME: node.uname ?? host,
      STUB_VERSION: node.version ?? 'Pacemaker 2.1.5', STUB_CRM_MON: node.crmMonFile ?? '', STUB_CRM_MON_RC: String(node.crmMonRc ?? 0),
      STUB_CONSTRAINTS: node.constraintsFile ?? '', STUB_CURL_BODY: node.curlBody ?? '', STUB_CURL_RC: String(node.curlRc ?? 7),
      STUB_PCS_OUT: node.pcsOut ?? '', STUB_PCS_RC: String(node.pcsRc ?? 0),
    };
    return this.real.run('/bin/sh', ['-c', args[args.length - 1]], { ...options, env });
  }

  /** The argument lines a stub recorded on a node (`pcs`, `crm_mon`). */
  logged(host: string, program: 'pcs' | 'crm_mon'): string[] {
    try {
      return readFileSync(join(this.dir, `${host}.${program}`), 'utf8').split('\n').filter((l) => l !== '');
    } catch {
      return [];
    }
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
