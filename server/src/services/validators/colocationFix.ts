/**
 * The quick fix that adds `{ resource, with, score: INFINITY }` to
 * `constraints.colocation`, creating `constraints:` and `colocation:` when absent,
 * in the style the document's constraints already use (flow `- { … }` items or block
 * keys) and at its indentation.
 */
import { SpecFix } from '../../spec/diagnostic';
import { addListItem } from '../../spec/edits';
import { SpecModel } from '../../spec/model';

/** The items of a new colocation are written like the existing constraints: flow unless they are block mappings. */
function flowStyle(model: SpecModel): boolean | undefined {
  if (model.colocations.length > 0) return undefined;
  const sample = model.orders[0]?.map ?? model.locations[0]?.map;
  return sample === undefined || model.text[sample.span.start] === '{';
}

/** A fix adding the colocation `resource` with `withId`, or undefined when the constraints are not written in place. */
export function colocationFix(model: SpecModel, resource: string, withId: string, preferred: boolean): SpecFix | undefined {
  if (!model.root) return undefined;
  const edit = addListItem(model.text, model.root, ['constraints', 'colocation'],
    [{ key: 'resource', value: resource }, { key: 'with', value: withId }, { key: 'score', value: 'INFINITY' }],
    flowStyle(model));
  return edit && { title: `Colocate ${resource} with ${withId} (INFINITY)`, edits: [edit], preferred };
}
