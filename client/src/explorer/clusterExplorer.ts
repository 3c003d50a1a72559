/**
 * The Clusters view (`stashHa.clusters`): a TreeDataProvider over the registry.
 * Each refresh of a cluster rebuilds its items with the pure clusterTree(); this
 * class only turns TreeNodes into vscode.TreeItems, one to one, and never does
 * I/O, so expanding an item never opens a connection.
 */
import * as vscode from 'vscode';
import { ClusterRegistry } from '../clusters/clusterRegistry';
import { clusterTree, TreeNode } from './treeModel';

export class ClusterExplorer implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] = [];
  private readonly parents = new Map<string, TreeNode>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly registry: ClusterRegistry) {
    this.subscription = registry.onDidChange(() => this.rebuild());
    this.rebuild();
  }

  /** The current items, for tests and commands that find an item by id. */
  get items(): readonly TreeNode[] {
    return this.roots;
  }

  private rebuild(): void {
    this.roots = this.registry.all().map((s) => clusterTree(s.view()));
    this.parents.clear();
    const walk = (n: TreeNode): void => {
      for (const c of n.children) {
        this.parents.set(c.id, n);
        walk(c);
      }
    };
    this.roots.forEach(walk);
    this.changed.fire(undefined);
  }

  getChildren(element?: TreeNode): TreeNode[] {
    return element ? [...element.children] : this.roots;
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return this.parents.get(element.id);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const state = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None
      : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
