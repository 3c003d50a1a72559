/**
 * The one remote command that applies a plan: a fixed `sh -c` script run on one
 * node. It reads the CIB and refuses (pushing nothing) when its version is no longer
 * the plan's; copies it and runs the plan's pcs commands on the copy (`pcs -f`),
 * stopping at the first that fails; checks the version once more; pushes the whole
 * copy as one change (`pcs cluster cib-push NEW diff-against=ORIGINAL`), so the
 * cluster never sees half a plan; waits for the cluster to settle (`crm_resource
 * --wait`); and prints the CIB it then has. The commands arrive as positional
 * arguments, each one argument whose words are joined by the ASCII unit separator,
 * which the script splits on with globbing off; nothing from the spec is ever part
 * of the script's text.
 */
import { RemoteCommand } from '../remote/remoteCommand';
import { RemoteFailure } from '../remote/sshFailure';
import { ApplyPlan } from './applyPlan';
import { ClusterConnection } from './clusterConnection';
import { newMarker, sectionsOf } from './statusQuery';

const UNIT_SEPARATOR = '\x1f';

const SCRIPT = [
  'm=$1; admin=$2; epoch=$3; settle=$4; shift 4',
  'd=$(mktemp -d "${TMPDIR:-/tmp}/stash-ha-apply.XXXXXX") || { printf \'%s check\\nmktemp failed\\n%s rc 2\\n\' "$m" "$m"; exit 0; }',
  'trap \'rm -rf "$d"\' EXIT',
  'us=$(printf \'\\037\')',
  // The <cib> element, with its version, is the first line cibadmin prints.
  'version() { sed -n \'1s/.*[[:space:]]admin_epoch="\\([0-9]*\\)".*/\\1/p\' "$1"; sed -n \'1s/.*[[:space:]]epoch="\\([0-9]*\\)".*/\\1/p\' "$1"; }',
  'check() { cibadmin --query >"$1" || return 2; v=$(version "$1" | tr \'\\n\' \' \'); printf \'%s\\n\' "$v"; [ "$v" = "$admin $epoch " ] || return 3; }',
  'printf \'%s check\\n\' "$m"; check "$d/original.xml"; rc=$?; printf \'\\n%s rc %s\\n\' "$m" "$rc"; [ "$rc" = 0 ] || exit 0',
  'cp "$d/original.xml" "$d/new.xml"',
  'i=0',
  'for c in "$@"; do',
  '  i=$((i + 1)); printf \'%s step %s\\n\' "$m" "$i"',
  '  (IFS=$us; set -f; set -- $c; shift; exec pcs -f "$d/new.xml" "$@") 2>&1',
  '  rc=$?; printf \'\\n%s rc %s\\n\' "$m" "$rc"; [ "$rc" = 0 ] || exit 0',
  'done',
  'printf \'%s recheck\\n\' "$m"; check "$d/now.xml"; rc=$?; printf \'\\n%s rc %s\\n\' "$m" "$rc"; [ "$rc" = 0 ] || exit 0',
  'printf \'%s push\\n\' "$m"; pcs cluster cib-push "$d/new.xml" diff-against="$d/original.xml" 2>&1; rc=$?',
  'printf \'\\n%s rc %s\\n\' "$m" "$rc"; [ "$rc" = 0 ] || exit 0',
  'printf \'%s settle\\n\' "$m"; crm_resource --wait --timeout="$settle" 2>&1; printf \'\\n%s rc %s\\n\' "$m" "$?"',
  'printf \'%s cib\\n\' "$m"; cibadmin --query; printf \'\\n%s rc %s\\n\' "$m" "$?"',
].join('\n');

/** How pushing a plan went. Only `pushed` changed the cluster; every other kind sent nothing. */
export type PushOutcome =
  | { readonly kind: 'pushed'; readonly node: string; readonly settled: boolean; readonly settleOutput: string; readonly cib?: string }
  | { readonly kind: 'changed'; readonly node: string; readonly seen: string; readonly stage: 'before' | 'after-commands' }
  | { readonly kind: 'step-failed'; readonly node: string; readonly step: number; readonly argv: readonly string[]; readonly output: string }
  | { readonly kind: 'push-failed'; readonly node: string; readonly output: string }
  | { readonly kind: 'failed'; readonly node: string; readonly error: string; readonly failure?: RemoteFailure };

/** The plan's commands as the script's arguments; a word it could not carry whole is refused. */
export function commandArguments(plan: ApplyPlan): string[] {
  return plan.steps.map(({ argv }) => {
    if (argv[0] !== 'pcs') throw new Error(`apply: a plan step must be a pcs command, not ${argv[0]}`);
    for (const w of argv) {
      if (w === '' || w.includes(UNIT_SEPARATOR)) throw new Error(`apply: the word ${JSON.stringify(w)} cannot be passed to pcs`);
    }
    return argv.join(UNIT_SEPARATOR);
  });
}

/** The command that pushes a plan; `settleSec` bounds the wait for the cluster to settle. */
export function pushCommand(plan: ApplyPlan, settleSec: number, marker = newMarker()): { command: RemoteCommand; marker: string } {
  const { adminEpoch, epoch } = plan.version;
  const args = [marker, String(adminEpoch), String(epoch), `${Math.max(1, Math.round(settleSec))}s`, ...commandArguments(plan)];
  return {
    command: { argv: ['sh', '-c', SCRIPT, 'sh', ...args], label: `apply: ${plan.steps.length} pcs commands on a copy of the CIB, one push`, timeoutMs: settleSec * 1000 + 180_000 },
    marker,
  };
}

/** Reads the script's output. */
export function readPushAnswer(plan: ApplyPlan, node: string, stdout: string, stderr: string, marker: string): PushOutcome {
  const s = sectionsOf(stdout, marker);
  const check = s.get('check');
  const failed = (what: string, body?: string): PushOutcome => {
    const detail = (body ?? stderr).trim().split('\n').slice(-3).join(' / ');
    return { kind: 'failed', node, error: `${node}: ${what}${detail ? `: ${detail}` : ''}` };
  };
  if (check?.rc === undefined) return failed('the apply script stopped before it read the CIB');
  const seen = (v: string) => { const [a, e] = v.trim().split(' '); return `${a}:${e}`; };
  if (check.rc === 3) return { kind: 'changed', node, seen: seen(check.body), stage: 'before' };
  if (check.rc !== 0) return failed('cibadmin --query failed', check.body);
  for (let i = 1; i <= plan.steps.length; i++) {
    const step = s.get(`step ${i}`);
    if (step?.rc === 0) continue;
    return step === undefined || step.rc === undefined
      ? failed(`the apply script stopped at command ${i}`)
      : { kind: 'step-failed', node, step: i, argv: plan.steps[i - 1].argv, output: step.body };
  }
  const recheck = s.get('recheck');
  if (recheck?.rc === 3) return { kind: 'changed', node, seen: seen(recheck.body), stage: 'after-commands' };
  if (recheck?.rc !== 0) return failed('cibadmin --query failed before the push', recheck?.body);
  const push = s.get('push');
  if (push?.rc === undefined) return failed('the answer ended during the push, so the change may or may not have reached the cluster (diff tells)');
  if (push.rc !== 0) return { kind: 'push-failed', node, output: push.body };
  const settle = s.get('settle');
  const cib = s.get('cib');
  return { kind: 'pushed', node, settled: settle?.rc === 0, settleOutput: settle?.body ?? '', ...(cib?.rc === 0 ? { cib: cib.body } : {}) };
}

/** Pushes a plan on `node` (the node it was made from) in one round trip. */
export async function pushPlan(connection: ClusterConnection, plan: ApplyPlan, node: string, settleSec: number): Promise<PushOutcome> {
  const { command, marker } = pushCommand(plan, settleSec);
  const result = await connection.run(command, node);
  if (result.failure) return { kind: 'failed', node, error: result.failure.message, failure: result.failure };
  return readPushAnswer(plan, node, result.stdout, result.stderr, marker);
}
