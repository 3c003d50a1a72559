/**
 * The spec's nodes, resources and groups as the tree shows them before it
 * connects: names, addresses and agents as written.
 */
import { scalarText, SpecModel } from '../../../server/src';
import { DesiredView } from '../explorer/treeModel';

export function desiredView(model: SpecModel): DesiredView {
  return {
    nodes: model.nodes.map((n) => ({ name: n.id, ...(scalarText(n.address) ? { address: scalarText(n.address) } : {}) })),
    resources: model.resources.map((r) => ({ id: r.id, ...(scalarText(r.agent) ? { agent: scalarText(r.agent) } : {}) })),
    groups: model.groups.map((g) => ({ id: g.id, members: g.members.map((m) => m.id) })),
  };
}
