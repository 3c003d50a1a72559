/**
 * The handlers of the operation commands: one per command of the manifest that
 * names an operation row. A handler finds what it acts on (the tree item it was
 * invoked on, else quick picks), refuses in read-only mode or an untrusted
 * workspace, asks before anything that moves or stops a resource (naming it),
 * runs the row with a progress notification, and says how it ended.
 */
import * as vscode from 'vscode';
import { STASH_AGENT } from '../../../server/src';
import { OperationInput, operation, OperationRow } from '../cluster/operations';
import { ClusterSnapshot } from '../cluster/snapshot';
import { allPrimitives, runningOn } from '../cluster/snapshotQueries';
import { ClusterRegistry } from '../clusters/clusterRegistry';
import { ClusterSession } from '../clusters/clusterSession';
import { TreeNode } from '../explorer/treeModel';
import { OutputLog } from '../feedback/output';
import { showReport } from '../feedback/reports';
import { readSettings } from '../settings';
import { impactOf } from './impact';
import { COMMANDS, FAIL_OVER_STASH_HERE } from './manifest';
import { Ui } from './ui';

export interface CommandContext {
  readonly registry: ClusterRegistry;
  readonly log: OutputLog;
  readonly ui: () => Ui;
  readonly state: vscode.Memento;
  /** The agent to deploy: the workspace's own agent/stash, else the one packaged with the extension. */
  readonly agent: () => Promise<{ bytes: Uint8Array; origin: string } | string>;
}

const NO_CONFIRM = 'stashHa.noConfirm:';

/** The cluster an item (or a spec's URI, as a CodeLens passes it) belongs to, else the only one, else the user's pick. */
export async function pickSession(ctx: CommandContext, item?: TreeNode | vscode.Uri): Promise<ClusterSession | undefined> {
  await ctx.registry.ready();
  if (item instanceof vscode.Uri) return ctx.registry.get(item.toString());
  if (item) return ctx.registry.get(item.target.cluster);
  const all = ctx.registry.all();
  if (all.length <= 1) return all[0];
  return ctx.ui().pick(all.map((s) => ({ label: s.name, description: s.specLabel, value: s })), 'Which cluster?');
}

/** A snapshot to pick names from: the tree's, or a fresh one. */
async function snapshotOf(session: ClusterSession): Promise<ClusterSnapshot | undefined> {
  if (!session.lastSnapshot) await session.refresh();
  return session.lastSnapshot;
}

async function pickResource(ctx: CommandContext, session: ClusterSession, row: OperationRow): Promise<string | undefined> {
  const s = await snapshotOf(session);
  if (!s) return undefined;
  const items = s.resources.map((r) => ({ label: r.id, description: `${r.kind}${runningOn(r).length ? ` on ${runningOn(r).join(', ')}` : ''}`, value: r.id }));
  return ctx.ui().pick(items, `${row.title.replace(/…$/, '')}: which resource?`);
}

async function pickNode(ctx: CommandContext, session: ClusterSession, row: OperationRow, input: OperationInput): Promise<string | undefined> {
  const s = await snapshotOf(session);
  const names = s ? s.nodes.map((n) => ({ label: n.name, description: n.state, value: n.name })) : session.nodeNames.map((n) => ({ label: n, value: n }));
  const resource = input.resource && s ? allPrimitives(s.resources).find((p) => p.id === input.resource) : undefined;
  const away = names.filter((n) => !resource?.nodes.includes(n.value));
  return ctx.ui().pick(away, `${row.title.replace(/…$/, '')}${input.resource ? ` ${input.resource}` : ''}: to which node?`);
}

/** The Stash resource to move for "Fail Over Stash to This Node". */
async function stashResource(ctx: CommandContext, session: ClusterSession): Promise<string | undefined> {
  const s = await snapshotOf(session);
  const stash = s ? allPrimitives(s.resources).filter((p) => p.agent === STASH_AGENT) : [];
  if (stash.length <= 1) return stash[0]?.id;
  return ctx.ui().pick(stash.map((p) => ({ label: p.id, description: p.nodes.join(', '), value: p.id })), 'Which Stash resource?');
}

/** The names a row needs: from the item first, then quick picks; undefined when the user cancelled. */
async function inputFor(ctx: CommandContext, session: ClusterSession, row: OperationRow, command: string, item?: TreeNode): Promise<OperationInput | undefined> {
  const input: { -readonly [K in keyof OperationInput]: OperationInput[K] } = {};
  if (command === FAIL_OVER_STASH_HERE) {
    // Stash first, so that a pick of the node offers only the nodes it can move to.
    input.resource = await stashResource(ctx, session);
    if (input.resource === undefined) {
      await ctx.ui().refused(`${session.name} runs no Stash resource (${STASH_AGENT}) to fail over`, ['Create Stash with pcs, or check the cluster\'s status.']);
      return undefined;
    }
    input.node = item?.target.node ?? await pickNode(ctx, session, row, input);
  } else {
    if (row.requires.includes('resource')) input.resource = item?.target.resource ?? await pickResource(ctx, session, row);
    if (row.requires.includes('node')) input.node = (item?.contextValue.startsWith('node') ? item.target.node : undefined) ?? await pickNode(ctx, session, row, input);
    if (row.accepts.includes('node') && item?.contextValue.startsWith('leftover') && item.target.node) input.node = item.target.node;
  }
  if (row.id === 'deploy-agent') {
    const agent = await ctx.agent();
    if (typeof agent === 'string') {
      ctx.ui().error(`Deploy the Stash agent: ${agent}`, () => ctx.log.show());
      return undefined;
    }
    ctx.log.info(`deploying the agent from ${agent.origin}`);
    input.agent = agent.bytes;
  }
  return row.requires.every((r) => input[r] !== undefined) ? input : undefined;
}

/** Asks before a disruptive row, unless the user said not to for this cluster. */
async function confirmed(ctx: CommandContext, session: ClusterSession, row: OperationRow, input: OperationInput): Promise<boolean> {
  const impact = impactOf(row, input, session.lastSnapshot);
  if (impact.kind === 'refused') {
    await ctx.ui().refused(impact.message, impact.problems);
    return false;
  }
  if (impact.kind === 'nothing') {
    ctx.ui().info(impact.message);
    return false;
  }
  if (!row.disruptive || ctx.state.get<boolean>(`${NO_CONFIRM}${session.key}`) === true) return true;
  const answer = await ctx.ui().confirm(impact.message, impact.detail, row.title.replace(/…$/, ''));
  if (answer === 'always') await ctx.state.update(`${NO_CONFIRM}${session.key}`, true);
  return answer !== undefined;
}

async function runRow(ctx: CommandContext, command: string, row: OperationRow, item?: TreeNode): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    ctx.ui().error('Stash HA runs no command on a cluster in an untrusted workspace: trust the workspace first.', () => ctx.log.show());
    return;
  }
  const session = await pickSession(ctx, item);
  if (!session) return;
  if (readSettings(vscode.Uri.parse(session.key)).readOnly) {
    ctx.ui().error(`${row.title.replace(/…$/, '')} refused: stashHa.readOnly is on, so no command changes the cluster.`, () => ctx.log.show());
    return;
  }
  const input = await inputFor(ctx, session, row, command, item);
  if (!input || !(await confirmed(ctx, session, row, input))) return;
  const what = `${row.title.replace(/…$/, '')}${input.resource ? ` ${input.resource}` : ''}${input.node ? ` ${row.id === 'failover' ? 'to ' : ''}${input.node}` : ''}`;
  ctx.log.info(`${session.name}: ${what}`);
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${what} (${session.name})` },
    (progress) => session.run(row, input, (step) => {
      ctx.log.info(`  ${step}`);
      progress.report({ message: step });
    }));
  showReport(report, session.name, ctx.ui(), ctx.log);
}

/** Registers every operation command of the manifest. */
export function registerOperationCommands(ctx: CommandContext): vscode.Disposable[] {
  return COMMANDS.filter((c) => c.operation !== undefined).map((c) => {
    const row = operation(c.operation!);
    return vscode.commands.registerCommand(c.command, (item?: TreeNode) => runRow(ctx, c.command, row, item));
  });
}
