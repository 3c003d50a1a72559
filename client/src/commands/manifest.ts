/**
 * The editor's commands and where they show, as data: one command per row of the
 * operations table (its id, title and menus derived from the row) plus the few
 * that only the editor has (refresh, open the spec, an SSH terminal, …).
 * package.json's `contributes.commands` and `contributes.menus` are generated
 * from this (`npm run manifest`; a test fails when the committed manifest is
 * stale), and the extension registers exactly these ids. No `vscode` here.
 */
import { readFileSync } from 'node:fs';
import { OperationId, OPERATIONS, OperationRow } from '../cluster/operations';

export interface CommandContribution {
  readonly command: string;
  readonly title: string;
  readonly category: 'Stash HA';
  readonly icon?: string;
  /** Shown in the command palette when this holds (default: always). */
  readonly palette?: string;
  /** The row it runs, for operation commands. */
  readonly operation?: OperationId;
}

export interface MenuEntry {
  readonly command: string;
  readonly when: string;
  readonly group: string;
}

const VIEW = 'view == stashHa.clusters';

/** `deploy-agent` → `deployAgent`; `failover` on a resource → `failoverResource`. */
export function commandIdOf(row: OperationRow): string {
  const camel = row.id.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  const noun = row.subject === 'cluster' ? '' : `${row.subject[0].toUpperCase()}${row.subject.slice(1)}`;
  return `stashHa.${camel}${noun}`;
}

/** Which tree items offer each row, as a `viewItem` pattern, and in which menu group. */
const ROW_MENUS: Readonly<Record<OperationId, { readonly viewItem: string; readonly group: string }>> = {
  failover: { viewItem: '^resource\\b.*\\bmovable\\b', group: '1_move@1' },
  standby: { viewItem: '^node online\\b', group: '2_node@1' },
  unstandby: { viewItem: '^node standby\\b', group: '2_node@2' },
  cleanup: { viewItem: '^resource\\b', group: '3_state@1' },
  enable: { viewItem: '^resource\\b.*\\bdisabled\\b', group: '3_state@2' },
  disable: { viewItem: '^resource\\b(?!.*\\bdisabled\\b)(?!.*\\bspec\\b)', group: '3_state@3' },
  clear: { viewItem: '^(resource\\b(?!.*\\bspec\\b)|leftover\\b)', group: '3_state@4' },
  'deploy-agent': { viewItem: '^cluster\\b(?!.*\\buntrusted\\b)', group: '2_cluster@1' },
};

export const FAIL_OVER_STASH_HERE = 'stashHa.failoverStashToNode';
export const REFRESH_ALL = 'stashHa.refreshClusters';
export const REFRESH_ONE = 'stashHa.refreshCluster';
export const OPEN_SPEC = 'stashHa.openSpec';
export const OPEN_SSH_TERMINAL = 'stashHa.openSshTerminal';
export const SHOW_OUTPUT = 'stashHa.showOutput';
export const DISCONNECT = 'stashHa.disconnectCluster';
export const SHOW_LIVE_DIFF = 'stashHa.showLiveDiff';
export const APPLY_SPEC = 'stashHa.applySpec';
export const IMPORT_CLUSTER = 'stashHa.importCluster';
export const FETCH_METADATA = 'stashHa.fetchMetadata';

const operationCommands: CommandContribution[] = OPERATIONS.map((row) => ({
  command: commandIdOf(row), title: row.title, category: 'Stash HA', operation: row.id,
}));

export const COMMANDS: readonly CommandContribution[] = [
  { command: FAIL_OVER_STASH_HERE, title: 'Fail Over Stash to This Node', category: 'Stash HA', operation: 'failover' },
  ...operationCommands,
  { command: REFRESH_ALL, title: 'Refresh Clusters', category: 'Stash HA', icon: '$(refresh)' },
  { command: REFRESH_ONE, title: 'Refresh', category: 'Stash HA', icon: '$(refresh)', palette: 'false' },
  { command: DISCONNECT, title: 'Disconnect', category: 'Stash HA', icon: '$(debug-disconnect)', palette: 'false' },
  { command: OPEN_SPEC, title: 'Open Cluster Spec', category: 'Stash HA', icon: '$(go-to-file)' },
  { command: OPEN_SSH_TERMINAL, title: 'Open SSH Terminal', category: 'Stash HA', icon: '$(terminal)' },
  { command: SHOW_OUTPUT, title: 'Show Output', category: 'Stash HA' },
  { command: SHOW_LIVE_DIFF, title: 'Show Differences with the Live Cluster', category: 'Stash HA', icon: '$(diff)' },
  { command: APPLY_SPEC, title: 'Apply Spec to the Cluster…', category: 'Stash HA', icon: '$(cloud-upload)' },
  { command: IMPORT_CLUSTER, title: 'Import Cluster as Spec…', category: 'Stash HA', icon: '$(cloud-download)' },
  { command: FETCH_METADATA, title: 'Fetch Meta-data from the Cluster', category: 'Stash HA' },
];

const SPEC_EDITOR = 'resourceLangId == stash-cluster && resourceScheme == file';
const CHANGES = '!config.stashHa.readOnly';

function item(pattern: string): string {
  return `${VIEW} && viewItem =~ /${pattern}/`;
}

export const MENUS: Readonly<Record<string, readonly MenuEntry[]>> = {
  'view/title': [
    { command: REFRESH_ALL, when: VIEW, group: 'navigation@1' },
    { command: IMPORT_CLUSTER, when: VIEW, group: 'navigation@2' },
  ],
  'view/item/context': [
    { command: FAIL_OVER_STASH_HERE, when: item('^node online\\b.*\\bhasStash\\b'), group: '1_move@0' },
    ...OPERATIONS.map((row) => ({ command: commandIdOf(row), when: item(ROW_MENUS[row.id].viewItem), group: ROW_MENUS[row.id].group })),
    { command: OPEN_SSH_TERMINAL, when: item('^node\\b'), group: '4_node@1' },
    { command: REFRESH_ONE, when: item('^cluster\\b'), group: 'inline@1' },
    { command: DISCONNECT, when: item('^cluster connected\\b'), group: '9_connection@1' },
    { command: OPEN_SPEC, when: item('^cluster\\b'), group: 'inline@2' },
    { command: SHOW_LIVE_DIFF, when: item('^cluster\\b(?!.*\\buntrusted\\b)'), group: '5_spec@1' },
    { command: APPLY_SPEC, when: `${item('^cluster\\b(?!.*\\buntrusted\\b)')} && ${CHANGES}`, group: '5_spec@2' },
    { command: FETCH_METADATA, when: item('^cluster\\b(?!.*\\buntrusted\\b)'), group: '5_spec@3' },
  ],
  'editor/context': [
    { command: SHOW_LIVE_DIFF, when: `${SPEC_EDITOR} && isWorkspaceTrusted`, group: 'stashHa@1' },
    { command: APPLY_SPEC, when: `${SPEC_EDITOR} && isWorkspaceTrusted && ${CHANGES}`, group: 'stashHa@2' },
  ],
  commandPalette: COMMANDS.filter((c) => c.palette !== undefined).map((c) => ({ command: c.command, when: c.palette ?? 'true', group: '' })),
};

/** package.json's `contributes.commands` and `contributes.menus`, as generated. */
export function manifestContributions(): { commands: unknown[]; menus: Record<string, unknown[]> } {
  const commands = COMMANDS.map((c) => ({ command: c.command, title: c.title, category: c.category, ...(c.icon ? { icon: c.icon } : {}) }));
  const menus: Record<string, unknown[]> = {};
  for (const [where, entries] of Object.entries(MENUS)) {
    menus[where] = entries.map((e) => (where === 'commandPalette' ? { command: e.command, when: e.when } : { command: e.command, when: e.when, group: e.group }));
  }
  return { commands, menus };
}

/** `node dist/gen-manifest.js` prints package.json with the generated parts put in. */
export function main(): void {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: Record<string, unknown> };
  const { commands, menus } = manifestContributions();
  manifest.contributes.commands = commands;
  manifest.contributes.menus = menus;
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
}
