/**
 * The status bar item: where Stash runs and how the cluster is, for the first
 * cluster spec of the workspace that has a Stash resource (or the first one);
 * clicking it opens the Stash HA view. Hidden while the workspace has no spec.
 */
import * as vscode from 'vscode';
import { STASH_AGENT } from '../../../server/src';
import { allPrimitives } from '../cluster/snapshotQueries';
import { ClusterRegistry } from '../clusters/clusterRegistry';
import { statusText } from './statusText';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('stashHa.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly registry: ClusterRegistry) {
    this.item.name = 'Stash HA';
    this.item.command = 'workbench.view.extension.stashHa';
    this.subscription = registry.onDidChange(() => this.update());
    this.update();
  }

  private update(): void {
    const sessions = this.registry.all();
    const chosen = sessions.find((x) => x.lastSnapshot && allPrimitives(x.lastSnapshot.resources).some((p) => p.agent === STASH_AGENT)) ?? sessions[0];
    if (!chosen) {
      this.item.hide();
      return;
    }
    const t = statusText(chosen.view());
    this.item.text = t.text;
    this.item.tooltip = t.tooltip;
    this.item.backgroundColor = t.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
