/**
 * `stash-ha apply SPEC`: makes the live cluster hold what the spec states. Refuses a
 * spec with lint errors before connecting; reads the live cluster and prints the
 * plan as the pcs commands it runs; asks on a terminal (or takes --yes); runs them on
 * one node against a copy of the CIB and pushes it as one change, refused when the
 * CIB changed since the plan; waits for the cluster to settle, diffs again, and says
 * where everything runs. --prune also removes live-only resources, groups and
 * constraints; nodes are never added or removed.
 */
import { buildModel, desiredCluster, liveVersionMismatch } from '../../../server/src';
import { ApplyPlan } from '../../../client/src/cluster/applyPlan';
import { ApplyReport, planSpec, runPlan } from '../../../client/src/cluster/applySpec';
import { clusterFromDesired } from '../../../client/src/cluster/specCluster';
import { commandLine } from '../../../client/src/remote/shellQuote';
import { ParsedArgs } from '../args';
import { CLUSTER_OPTIONS, readSpecText, wantsJson, withSpecCluster } from '../clusterRun';
import { CliCommand } from '../command';
import { CLUSTER_EXITS, EXIT, exitOf } from '../exitStatus';
import { CliIo } from '../io';
import { differencesJson, differencesText } from './diffText';
import { METADATA_OPTION } from './lint';
import { checkSpec } from './specCheck';

const DEFAULT_SETTLE_SEC = 300;

function planText(plan: ApplyPlan, node: string): string {
  const lines: string[] = [];
  if (plan.steps.length > 0) {
    lines.push(`Plan: ${plan.steps.length} pcs commands, run on ${node} against a copy of the CIB (version ${plan.version.adminEpoch}:${plan.version.epoch}) and pushed as one change:`);
    lines.push(...plan.steps.map((s) => `  ${commandLine(s.argv)}`));
  }
  if (plan.kept.length > 0) lines.push(`Kept (live-only; apply --prune removes them): ${plan.kept.map((d) => d.path).join(', ')}`);
  if (plan.manual.length > 0) lines.push('Left to you (apply never does these):', ...plan.manual.map((d) => `  ${d.path}: ${d.hint ?? ''}`));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function reportText(report: ApplyReport, io: CliIo): void {
  if (report.placement.length > 0) io.out(`Where everything runs:\n${report.placement.map((p) => `  ${p.resource}: ${p.where}\n`).join('')}`);
  const secs = (report.elapsedMs / 1000).toFixed(1);
  if (report.ok) io.out(`apply: done in ${secs} s; the cluster is in sync with the spec\n`);
  else io.err(`stash-ha: apply: ${report.outcome === 'refused' ? 'refused' : 'failed'} after ${secs} s\n${report.problems.map((p) => `  ${p}\n`).join('')}`);
}

async function confirmed(args: ParsedArgs, io: CliIo, count: number): Promise<'yes' | 'no' | 'no-terminal'> {
  if (args.flag('yes')) return 'yes';
  const answer = await io.confirm?.(`Apply these ${count} commands to the cluster?`);
  return answer === undefined ? 'no-terminal' : answer ? 'yes' : 'no';
}

export const applyCommand: CliCommand = {
  name: 'apply',
  summary: 'make the live cluster hold what a spec states, in one CIB change',
  positional: { names: ['SPEC'] },
  description: 'Checks SPEC (a spec with errors is refused before anything is sent), reads the live cluster,\n' +
    'prints the plan as the pcs commands it will run, asks (or takes --yes), runs them on one node\n' +
    'against a copy of the CIB (pcs -f) and pushes it as one change (pcs cluster cib-push\n' +
    'diff-against=…), so the cluster never sees half a plan. A CIB changed since the plan is\n' +
    'refused. Then waits for the cluster to settle, diffs again and says where everything runs.\n' +
    'Nodes and the cluster name are never changed: apply names the pcs command to run by hand.',
  options: [
    { name: 'dry-run', help: 'print the plan and stop' },
    { name: 'yes', short: 'y', help: 'apply without asking (needed when standard input is not a terminal)' },
    { name: 'prune', help: 'also remove live-only resources, groups and constraints' },
    { name: 'timeout', value: 'SEC', seconds: true, help: `how long to wait for the cluster to settle (default ${DEFAULT_SETTLE_SEC})` },
    METADATA_OPTION,
    ...CLUSTER_OPTIONS,
  ],
  exits: {
    ...CLUSTER_EXITS,
    [EXIT.ok]: 'applied and in sync (or nothing to do; --dry-run: the plan shown)',
    [EXIT.failed]: 'refused (lint errors, not confirmed, the CIB changed since the plan) or failed (saying what changed, if anything)',
  },

  async run(args, io, deps) {
    const path = args.positionals[0];
    const text = await readSpecText(path, io);
    if (text === undefined) return EXIT.usage;
    const checked = await checkSpec(path, text, args, io, 'nothing was sent to the cluster');
    if (checked !== 'ok') return checked === 'usage' ? EXIT.usage : EXIT.failed;
    const spec = desiredCluster(buildModel(text));
    const json = wantsJson(args);
    return withSpecCluster(clusterFromDesired(spec), path, args, io, deps, async (connection) => {
      const planned = await planSpec(connection, spec, { prune: args.flag('prune') });
      if (!planned.ok) {
        if (json) io.out(`${JSON.stringify({ ok: false, outcome: planned.outcome, error: planned.error }, null, 2)}\n`);
        io.err(`stash-ha: apply: cannot read the live cluster: ${planned.error}\n`);
        return exitOf(planned.outcome);
      }
      const { plan, node } = planned;
      const mismatch = liveVersionMismatch(spec, planned.live);
      if (mismatch) {
        if (json) io.out(`${JSON.stringify({ ok: false, outcome: 'refused', pushed: false, problems: [mismatch.message] }, null, 2)}\n`);
        io.err(`stash-ha: apply: ${path}: version-mismatch: ${mismatch.message}; nothing was sent to the cluster\n`);
        return EXIT.failed;
      }
      const planJson = { node, version: plan.version, steps: plan.steps.map((s) => s.argv), manual: differencesJson(plan.manual, text), kept: differencesJson(plan.kept, text) };
      if (!json) {
        io.out(differencesText(plan.differences, spec, planned.live.desired, text));
        io.out(planText(plan, node));
      }
      const finish = (report: ApplyReport): number => {
        if (json) {
          const { snapshot: _snapshot, after, ...rest } = report;
          io.out(`${JSON.stringify({ ...rest, elapsedMs: Math.round(report.elapsedMs), plan: planJson, after: differencesJson(after, text) }, null, 2)}\n`);
        } else {
          if (report.pushed && report.after.length > 0) io.out(`After the push:\n${differencesText(report.after, spec, planned.live.desired, text)}`);
          reportText(report, io);
        }
        return exitOf(report.outcome);
      };
      if (plan.steps.length > 0 && !args.flag('dry-run')) {
        const answer = await confirmed(args, io, plan.steps.length);
        if (answer !== 'yes') {
          const why = answer === 'no' ? 'not confirmed' : 'standard input is not a terminal: run with --yes to apply without asking';
          if (json) io.out(`${JSON.stringify({ ok: false, outcome: 'refused', pushed: false, problems: [why], plan: planJson }, null, 2)}\n`);
          io.err(`stash-ha: apply: ${why}; nothing was sent to the cluster\n`);
          return EXIT.failed;
        }
      } else if (args.flag('dry-run')) {
        if (json) io.out(`${JSON.stringify({ ok: true, outcome: 'done', pushed: false, dryRun: true, plan: planJson }, null, 2)}\n`);
        else io.out('apply: --dry-run: nothing was sent to the cluster\n');
        return EXIT.ok;
      }
      const timeoutMs = args.ms('timeout');
      return finish(await runPlan(connection, spec, planned, deps.clock, (timeoutMs ?? DEFAULT_SETTLE_SEC * 1000) / 1000,
        args.flag('verbose') && !json ? (s) => io.err(`  ${s}\n`) : undefined));
    });
  },
};
