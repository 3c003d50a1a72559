/**
 * The spec's nodes, resources and groups as the tree shows them before it
 * connects, read from its desired cluster: names, addresses and agents as written.
 */
import { DesiredCluster } from '../../../server/src';
import { DesiredView } from '../explorer/treeModel';

export function desiredView(desired: DesiredCluster): DesiredView {
  return {
    nodes: desired.nodes.map((n) => ({ name: n.name, ...(n.address ? { address: n.address.text } : {}) })),
    resources: desired.resources.map((r) => ({ id: r.id, ...(r.agent ? { agent: r.agent.text } : {}) })),
    groups: desired.groups.map((g) => ({ id: g.id, members: g.members.map((m) => m.id) })),
  };
}
