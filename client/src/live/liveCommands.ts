/**
 * The editor's commands on the spec and the live cluster: Show Differences (the live
 * cluster as a spec beside the spec, in a diff editor), Apply Spec… (the plan as pcs
 * commands, asked every time, pushed as one CIB change; a spec with errors is refused
 * before anything is sent), Import Cluster as Spec… (asks for a host, saves and opens
 * the spec), Fetch Meta-data from the Cluster (workspace meta-data files beside the
 * spec, also the quick fix of `unknown-agent`). The same library code as the CLI's
 * `diff`, `apply`, `import` and `fetch-metadata`.
 */
import * as vscode from 'vscode';
import { buildModel, createCatalog, desiredCluster, liveVersionMismatch, parseAgent, STASH_AGENT, validateText } from '../../../server/src';
import { compareStashAgents, metadataFiles } from '../cluster/agentMetadata';
import { planSpec, runPlan } from '../cluster/applySpec';
import { hostTarget, importCluster, importSpec } from '../cluster/importSpec';
import { openCluster } from '../cluster/openCluster';
import { ClusterSession } from '../clusters/clusterSession';
import { TreeNode } from '../explorer/treeModel';
import { stripControl } from '../remote/terminalText';
import { commandLine } from '../remote/shellQuote';
import { systemClock } from '../remote/processRunner';
import { readSettings } from '../settings';
import { APPLY_SPEC, FETCH_METADATA, IMPORT_CLUSTER, SHOW_LIVE_DIFF } from '../commands/manifest';
import { CommandContext, pickSession } from '../commands/operationCommands';
import { LANGUAGE_ID } from '../language/specClient';
import { LiveSpecs, liveUri } from './liveSpecs';
import { readWhen } from './liveCompare';

const SETTLE_SEC = 300;
const SOURCE = 'stash-ha';

/** The session a command acts on: the spec it was invoked on (CodeLens, editor menu, tree item), else the active spec editor's, else a pick. */
async function sessionFor(ctx: CommandContext, arg?: vscode.Uri | TreeNode): Promise<ClusterSession | undefined> {
  await ctx.registry.ready();
  if (arg instanceof vscode.Uri) return ctx.registry.get(arg.toString());
  if (arg) return pickSession(ctx, arg);
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active ? ctx.registry.get(active.toString()) : undefined;
  return fromEditor ?? pickSession(ctx);
}

function refuseUntrusted(ctx: CommandContext, what: string): boolean {
  if (vscode.workspace.isTrusted) return false;
  ctx.ui().error(`${what}: Stash HA runs no command on a cluster in an untrusted workspace: trust the workspace first.`, () => ctx.log.show());
  return true;
}

/** The spec's text as the editor holds it. */
async function specDocument(session: ClusterSession): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(vscode.Uri.parse(session.key));
}

async function showDifferences(ctx: CommandContext, live: LiveSpecs, arg?: vscode.Uri | TreeNode): Promise<void> {
  if (refuseUntrusted(ctx, 'Show Differences')) return;
  const session = await sessionFor(ctx, arg);
  if (!session) return;
  if (session.live() === undefined) await ctx.registry.refresh(session.key);
  const read = session.live();
  if (read === undefined || !read.answer.ok) {
    const why = read && !read.answer.ok ? read.answer.error : session.view().error?.message ?? 'no node answered';
    ctx.ui().error(`${session.name}: the live cluster could not be read: ${why}`, () => ctx.log.show());
    return;
  }
  const left = liveUri(session);
  live.update();
  await vscode.commands.executeCommand('vscode.diff', left, vscode.Uri.parse(session.key),
    `${session.name}: live (${readWhen({ node: read.answer.node, takenAt: read.takenAt })}) ↔ ${session.specLabel}`, { preview: true });
}

/** Errors the spec has, from the language server (workspace meta-data included) and checked here again, so a check not yet published still refuses. */
function specErrors(doc: vscode.TextDocument): string[] {
  const published = vscode.languages.getDiagnostics(doc.uri)
    .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source === SOURCE)
    .map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
  const local = validateText(doc.getText(), createCatalog()).filter((d) => d.severity === 'error')
    .map((d) => `line ${doc.positionAt(d.span.start).line + 1}: ${d.message}`);
  return [...new Set([...published, ...local])];
}

async function applySpec(ctx: CommandContext, arg?: vscode.Uri | TreeNode): Promise<void> {
  if (refuseUntrusted(ctx, 'Apply Spec')) return;
  const session = await sessionFor(ctx, arg);
  if (!session) return;
  if (readSettings(vscode.Uri.parse(session.key)).readOnly) {
    ctx.ui().error('Apply Spec refused: stashHa.readOnly is on, so no command changes the cluster.', () => ctx.log.show());
    return;
  }
  const doc = await specDocument(session);
  const errors = specErrors(doc);
  if (errors.length > 0) {
    await ctx.ui().refused(`${session.specLabel} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}: nothing was sent to the cluster.`, errors.slice(0, 10));
    return;
  }
  // What is applied is what the file says: unsaved edits are saved first, as a task's run saves them.
  if (doc.isDirty && !(await doc.save())) {
    ctx.ui().error(`Apply Spec: ${session.specLabel} could not be saved, so nothing was applied.`, () => ctx.log.show());
    return;
  }
  const text = doc.getText();
  const spec = desiredCluster(buildModel(text));
  ctx.log.info(`${session.name}: apply ${session.specLabel}: planning`);
  const planned = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Planning the apply of ${session.specLabel} (${session.name})` },
    () => session.withConnection((c) => planSpec(c, spec)));
  if (typeof planned === 'string') {
    ctx.ui().error(`Apply Spec: ${planned}`, () => ctx.log.show());
    return;
  }
  if (!planned.ok) {
    ctx.ui().error(`${session.name}: apply: the live cluster could not be read: ${stripControl(planned.error)}`, () => ctx.log.show());
    return;
  }
  const { plan, node } = planned;
  const mismatch = liveVersionMismatch(spec, planned.live);
  if (mismatch) {
    await ctx.ui().refused(`${session.specLabel} is for another Pacemaker than ${session.name} runs: nothing was sent to the cluster.`, [mismatch.message]);
    return;
  }
  const aside = [
    ...(plan.kept.length > 0 ? [`Kept (only on the cluster; stash-ha apply --prune removes them): ${plan.kept.map((d) => d.path).join(', ')}`] : []),
    ...(plan.manual.length > 0 ? ['Left to you (apply never does these):', ...plan.manual.map((d) => `  ${d.path}: ${d.hint ?? ''}`)] : []),
  ];
  for (const line of aside) ctx.log.info(`  ${line}`);
  if (plan.steps.length === 0) {
    ctx.ui().info(`${session.name}: nothing to apply: the cluster holds what ${session.specLabel} states.${aside.length ? ` ${aside.join(' ')}` : ''}`);
    return;
  }
  const commands = plan.steps.map((s) => commandLine(s.argv));
  for (const c of commands) ctx.log.info(`  plan: ${c}`);
  const detail = [
    `Run on ${node} against a copy of the CIB (version ${plan.version.adminEpoch}:${plan.version.epoch}) and pushed as one change; refused if the CIB changes meanwhile:`,
    ...commands.map((c) => `  ${c}`),
    ...aside,
  ].join('\n');
  const count = plan.steps.length === 1 ? '1 pcs command' : `${plan.steps.length} pcs commands`;
  const answer = await ctx.ui().confirm(`Apply ${session.specLabel} to ${session.name}: ${count}?`, detail, 'Apply', true);
  if (answer === undefined) {
    ctx.log.info(`${session.name}: apply not confirmed; nothing was sent`);
    return;
  }
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Applying ${session.specLabel} to ${session.name}` },
    (progress) => session.withConnection((c) => runPlan(c, spec, planned, systemClock, SETTLE_SEC, (step) => {
      ctx.log.info(`  ${step}`);
      progress.report({ message: stripControl(step) });
    })));
  if (typeof report === 'string') {
    ctx.ui().error(`Apply Spec: ${report}`, () => ctx.log.show());
    return;
  }
  const secs = (report.elapsedMs / 1000).toFixed(1);
  const where = report.placement.map((p) => `${p.resource} ${p.where}`).join('; ');
  if (report.ok) {
    const message = `${session.name}: applied in ${secs} s; the cluster is in sync with ${session.specLabel}.${where ? ` ${where}.` : ''}`;
    ctx.log.info(message);
    ctx.ui().info(stripControl(message));
  } else {
    for (const p of report.problems) ctx.log.warn(`  ${p}`);
    const message = `${session.name}: apply ${report.outcome === 'refused' ? 'refused' : 'failed'} after ${secs} s: ${report.problems.join(' ')}`;
    ctx.log.error(message);
    ctx.ui().error(stripControl(message), () => ctx.log.show());
  }
}

/** A file name for a cluster's spec: its name with anything but letters, digits, `.`, `_` and `-` made `-`. */
function specFileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'cluster'}.cluster.yaml`;
}

async function importClusterSpec(ctx: CommandContext): Promise<void> {
  if (refuseUntrusted(ctx, 'Import Cluster as Spec')) return;
  const host = await ctx.ui().ask('Import which cluster? Name one of its nodes: an ssh config host, or user@host[:port].', 'node01 or admin@10.0.0.11',
    (v) => {
      if (v === '') return 'Name a node of the cluster.';
      const t = hostTarget(v);
      return typeof t === 'string' ? t : undefined;
    });
  if (!host) return;
  const target = hostTarget(host);
  if (typeof target === 'string') return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const options = ctx.registry.sessionOptions(folder);
  const opened = openCluster(importCluster(host, target), options.settings, options.deps);
  if (!opened.ok) {
    ctx.ui().error(`Import Cluster as Spec: ${opened.error}`, () => ctx.log.show());
    return;
  }
  ctx.log.info(`import: reading the cluster through ${host}`);
  let imported: Awaited<ReturnType<typeof importSpec>>;
  try {
    imported = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Reading the cluster through ${host}` },
      () => importSpec(opened.connection, host, target));
  } finally {
    await opened.connection.close();
  }
  if (!imported.ok) {
    ctx.ui().error(`Import Cluster as Spec: the cluster could not be read through ${host}: ${stripControl(imported.error)}`, () => ctx.log.show());
    return;
  }
  for (const e of imported.errors) ctx.log.warn(`import: the spec written has an error (please report it): ${e.code}: ${e.message}`);
  const name = imported.live.desired.name?.text ?? imported.host ?? host;
  const base = folder ?? vscode.Uri.file(process.cwd());
  const dest = await ctx.ui().saveTo(vscode.Uri.joinPath(base, specFileName(name)), `Save the spec of ${name}`);
  if (!dest) return;
  try {
    await vscode.workspace.fs.writeFile(dest, new TextEncoder().encode(imported.text));
  } catch (error) {
    ctx.ui().error(`Import Cluster as Spec: cannot write ${dest.fsPath}: ${error instanceof Error ? error.message : String(error)}`, () => ctx.log.show());
    return;
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dest));
  const { desired } = imported.live;
  const unsupported = imported.unsupported.length;
  const message = `Imported ${name} through ${imported.node}: ${desired.resources.length} resources, ${desired.nodes.length} nodes` +
    `${unsupported > 0 ? `; ${unsupported} things the spec format cannot say are listed at the top` : ''}.`;
  ctx.log.info(message);
  for (const u of imported.unsupported) ctx.log.warn(`  not in the spec format: ${u.what} (${u.path})`);
  ctx.ui().info(message);
}

/** The agents a spec names, in its order. */
function agentsOf(text: string): string[] {
  return [...new Set(desiredCluster(buildModel(text)).resources.flatMap((r) => (r.agent?.value ? [r.agent.value.name] : [])))];
}

async function fetchMetadata(ctx: CommandContext, arg?: vscode.Uri | TreeNode, only?: readonly string[]): Promise<void> {
  if (refuseUntrusted(ctx, 'Fetch Meta-data')) return;
  const session = await sessionFor(ctx, arg);
  if (!session) return;
  const specUri = vscode.Uri.parse(session.key);
  const agents = only ?? agentsOf((await specDocument(session)).getText());
  if (agents.length === 0) {
    ctx.ui().info(`${session.specLabel} names no agent, so there is no meta-data to fetch.`);
    return;
  }
  const fetched = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Fetching the meta-data of ${agents.join(', ')} from ${session.name}` },
    () => session.withConnection(async (c) => {
      const files = await metadataFiles(c, agents);
      const stash = only === undefined && agents.includes(STASH_AGENT) ? await compareStashAgents(c) : [];
      return { files, stash };
    }));
  if (typeof fetched === 'string') {
    ctx.ui().error(`Fetch Meta-data: ${fetched}`, () => ctx.log.show());
    return;
  }
  const { files, stash } = fetched;
  if (!files.ok) {
    ctx.ui().error(`${session.name}: the meta-data could not be fetched: ${stripControl(files.error)}`, () => ctx.log.show());
    return;
  }
  const dir = vscode.Uri.joinPath(specUri, '..');
  const wrote: string[] = [];
  for (const f of files.files) {
    const uri = vscode.Uri.joinPath(dir, f.fileName);
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(f.xml));
    } catch (error) {
      ctx.ui().error(`Fetch Meta-data: cannot write ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`, () => ctx.log.show());
      return;
    }
    const line = `${f.fileName} (${f.agent} from ${f.node}: ${f.parameters} parameters)`;
    ctx.log.info(`fetch-metadata: wrote ${uri.fsPath}: ${line}`);
    wrote.push(line);
  }
  for (const p of files.problems) ctx.log.warn(`fetch-metadata: ${p}`);
  const differing = stash.flatMap((s) => (s.kind === 'differs' ? [`${s.node}: ${s.differences.join('; ')}`] : s.kind === 'missing' ? [`${s.node}: not installed`] : []));
  for (const d of differing) ctx.log.warn(`fetch-metadata: ${STASH_AGENT} differs from the bundled agent on ${d}`);
  if (wrote.length > 0) ctx.ui().info(`Wrote ${wrote.join(', ')}; the spec's checks now use it.${differing.length ? ` ${STASH_AGENT} is not the bundled agent on ${differing.length} nodes (see the output; Deploy the Stash Agent installs it).` : ''}`);
  if (files.problems.length > 0) ctx.ui().error(`${session.name}: ${stripControl(files.problems.join('; '))}`, () => ctx.log.show());
}

/** The quick fix on `unknown-agent`: fetch that agent's meta-data from the spec's cluster. */
class FetchMetadataFix implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly ctx: CommandContext) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!vscode.workspace.isTrusted) return [];
    const session = this.ctx.registry.get(doc.uri.toString());
    if (session === undefined || session.nodeNames.length === 0) return [];
    return context.diagnostics.flatMap((d) => {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      if (code !== 'unknown-agent' || d.source !== SOURCE) return [];
      const agent = parseAgent(doc.getText(d.range).trim().replace(/^(["'])(.*)\1$/, '$2'));
      if (agent === undefined) return [];
      const action = new vscode.CodeAction(`Fetch meta-data of ${agent.name} from the cluster`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.command = { title: action.title, command: FETCH_METADATA, arguments: [doc.uri, [agent.name]] };
      return [action];
    });
  }
}

export function registerLiveCommands(ctx: CommandContext, live: LiveSpecs): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SHOW_LIVE_DIFF, (arg?: vscode.Uri | TreeNode) => showDifferences(ctx, live, arg)),
    vscode.commands.registerCommand(APPLY_SPEC, (arg?: vscode.Uri | TreeNode) => applySpec(ctx, arg)),
    vscode.commands.registerCommand(IMPORT_CLUSTER, () => importClusterSpec(ctx)),
    vscode.commands.registerCommand(FETCH_METADATA, (arg?: vscode.Uri | TreeNode, agents?: readonly string[]) => fetchMetadata(ctx, arg, agents)),
    vscode.languages.registerCodeActionsProvider({ language: LANGUAGE_ID, scheme: 'file' }, new FetchMetadataFix(ctx), { providedCodeActionKinds: FetchMetadataFix.kinds }),
  ];
}
