/**
 * The editor's own commands on the Clusters view: refresh (all clusters in
 * parallel, or one), disconnect, open a cluster's spec, an integrated terminal
 * running the system ssh to a node, and the output channel.
 */
import * as vscode from 'vscode';
import { TreeNode } from '../explorer/treeModel';
import { CommandContext, pickSession } from './operationCommands';
import { DISCONNECT, OPEN_SPEC, OPEN_SSH_TERMINAL, REFRESH_ALL, REFRESH_ONE, SHOW_OUTPUT } from './manifest';

async function openSshTerminal(ctx: CommandContext, item?: TreeNode): Promise<void> {
  const session = await pickSession(ctx, item);
  if (!session) return;
  const node = item?.target.node ?? await ctx.ui().pick(session.nodeNames.map((n) => ({ label: n, value: n })), 'Open an SSH terminal to which node?');
  if (!node) return;
  const args = session.terminalArgs(node);
  if (typeof args === 'string') {
    ctx.ui().error(`Open SSH Terminal: ${args}`, () => ctx.log.show());
    return;
  }
  ctx.log.info(`terminal: ssh ${args.join(' ')}`);
  const terminal = vscode.window.createTerminal({ name: `ssh ${node} (${session.name})`, shellPath: 'ssh', shellArgs: args, iconPath: new vscode.ThemeIcon('terminal') });
  terminal.show();
}

export function registerClusterCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(REFRESH_ALL, () => ctx.registry.refresh()),
    vscode.commands.registerCommand(REFRESH_ONE, async (item?: TreeNode | vscode.Uri) => {
      const s = await pickSession(ctx, item);
      if (s) await ctx.registry.refresh(s.key);
    }),
    vscode.commands.registerCommand(DISCONNECT, async (item?: TreeNode) => {
      const s = await pickSession(ctx, item);
      await s?.disconnect();
    }),
    vscode.commands.registerCommand(OPEN_SPEC, async (item?: TreeNode) => {
      const s = await pickSession(ctx, item);
      if (s) await vscode.window.showTextDocument(vscode.Uri.parse(s.key));
    }),
    vscode.commands.registerCommand(OPEN_SSH_TERMINAL, (item?: TreeNode) => openSshTerminal(ctx, item)),
    vscode.commands.registerCommand(SHOW_OUTPUT, () => ctx.log.show()),
  ];
}
