/** The status bar's words for one cluster: where Stash runs and how the cluster is. Pure. */
import { STASH_AGENT } from '../../../server/src';
import { allPrimitives } from '../cluster/snapshotQueries';
import { ClusterView } from '../explorer/treeModel';

/** Icon, words and tooltip while not connected, as the tree's cluster item says it. */
const RESTING: Readonly<Record<Exclude<ClusterView['state'], 'connected'>, readonly [string, string, string]>> = {
  'not-connected': ['circle-large-outline', 'not connected', 'Stash HA: open the view to connect'],
  connecting: ['sync~spin', 'connecting…', 'Stash HA: asking the nodes for the cluster\'s status'],
  failed: ['error', 'unreachable', 'Stash HA: no node answered'],
  untrusted: ['workspace-untrusted', 'untrusted workspace', 'Stash HA runs no command on a cluster until the workspace is trusted'],
  'no-nodes': ['circle-slash', 'no node to connect to', 'The spec names no node with an address'],
};

/** The item's text and tooltip for one cluster's view. Pure. */
export function statusText(view: ClusterView): { text: string; tooltip: string; warning: boolean } {
  const s = view.snapshot;
  if (view.state !== 'connected' || s === undefined) {
    const [icon, words, tooltip] = RESTING[view.state === 'connected' ? 'not-connected' : view.state];
    return { text: `$(${icon}) ${view.name}: ${words}`, tooltip: view.error?.message ?? tooltip, warning: view.state === 'failed' };
  }
  const stash = allPrimitives(s.resources).find((p) => p.agent === STASH_AGENT);
  const app = stash ? s.stash.find((x) => x.resource === stash.id) : undefined;
  const offline = s.nodes.filter((n) => n.state !== 'online').map((n) => `${n.name} ${n.state}`);
  const trouble = [...offline, ...(s.quorum ? [] : ['no quorum']), ...(s.failures.length ? [`${s.failures.length} failure(s)`] : []),
    ...(s.leftovers.length ? [`${s.leftovers.length} leftover constraint(s)`] : [])];
  const where = stash ? (stash.nodes.length ? `Stash on ${stash.nodes.join(', ')}${app?.state ? ` · ${app.state}` : ''}` : 'Stash stopped') : 'no Stash';
  const healthy = trouble.length === 0 && (!stash || (stash.nodes.length === 1 && (app?.state ?? 'RUNNING') === 'RUNNING'));
  return {
    text: `$(${healthy ? 'pass' : 'warning'}) ${where}`,
    tooltip: `${view.name}: ${healthy ? 'healthy' : trouble.join(', ') || 'Stash is not running normally'} (Pacemaker ${s.pacemakerVersion}, asked ${s.queriedNode})`,
    warning: !healthy,
  };
}
