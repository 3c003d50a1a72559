/**
 * unknown-node: a location constraint whose `node` is not declared under `nodes`.
 * A near miss gets a did-you-mean and a quick fix replacing the name in place.
 */
import { diag } from '../../spec/diagnostic';
import { likelyName } from '../../spec/likelyIds';
import { misnamed } from './misnamed';
import { Validator } from './types';

const LISTED = 8;

export const unknownNode: Validator = {
  codes: ['unknown-node'],
  check({ model, report }) {
    const names = [...model.nodeIds.keys()];
    const known = names.length === 0
      ? 'Declare it under nodes.'
      : `Declare it under nodes, or use one of: ${names.slice(0, LISTED).join(', ')}${names.length > LISTED ? ', …' : ''}.`;
    for (const l of model.locations) {
      if (!l.node || model.nodeIds.has(l.node.id)) continue;
      const { sentence, fixes } = misnamed(model.text, l.node, likelyName(model, 'node', l.node.id), known);
      report(diag('unknown-node', l.node.span,
        `The location constraint names node '${l.node.id}', which is not under nodes. ${sentence}`, fixes));
    }
  },
};
