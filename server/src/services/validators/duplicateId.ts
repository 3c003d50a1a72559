/**
 * duplicate-id: a group id equal to a resource id (resources and groups share one id
 * space), reported at whichever of the two comes later in the document. Two resources
 * or two groups with one id are a `duplicate-key` of their mapping instead.
 */
import { diag } from '../../spec/diagnostic';
import { Validator } from './types';

export const duplicateId: Validator = {
  codes: ['duplicate-id'],
  check({ model, report }) {
    const resources = new Map(model.resources.map((r) => [r.id, r]));
    for (const group of model.groups) {
      const resource = resources.get(group.id);
      if (!resource) continue;
      const groupIsLater = group.idSpan.start >= resource.idSpan.start;
      const later = groupIsLater ? group.idSpan : resource.idSpan;
      const what = groupIsLater ? `Group id '${group.id}' is already a resource id` : `Resource id '${group.id}' is already a group id`;
      report(diag('duplicate-id', later,
        `${what}: resources and groups share one id space. Rename the ${groupIsLater ? 'group' : 'resource'}.`));
    }
  },
};
