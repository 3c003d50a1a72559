/**
 * unknown-resource: a group member, or a constraint's `resource`, `with`, `first` or
 * `then`, that names no resource or group. A near miss gets a did-you-mean and a
 * quick fix replacing the name where it is written (not through an alias).
 * A group member that names a group is group-conflict's business, not this check's.
 */
import { diag } from '../../spec/diagnostic';
import { Ref } from '../../spec/model';
import { misnamed } from './misnamed';
import { Validator } from './types';

export const unknownResource: Validator = {
  codes: ['unknown-resource'],
  check({ model, report }) {
    let resourceIds: string[] | undefined;
    for (const group of model.groups) {
      for (const member of group.members) {
        if (model.ids.has(member.id)) continue;
        const { sentence, fixes } = misnamed(model.text, member, resourceIds ??= model.resources.map((r) => r.id),
          `Declare it under resources, or remove it from ${group.id}.`);
        report(diag('unknown-resource', member.span,
          `Group ${group.id} lists '${member.id}', which is not a resource of this spec. ${sentence}`, fixes));
      }
    }
    const check = (kind: string, field: string, ref: Ref | undefined): void => {
      if (!ref || model.ids.has(ref.id)) return;
      const { sentence, fixes } = misnamed(model.text, ref, model.ids.keys(), 'Name a resource or group declared in this spec.');
      report(diag('unknown-resource', ref.span,
        `The ${kind} constraint's '${field}' is '${ref.id}', which is no resource or group. ${sentence}`, fixes));
    };
    for (const c of model.colocations) {
      check('colocation', 'resource', c.resource);
      check('colocation', 'with', c.with);
    }
    for (const o of model.orders) {
      check('order', 'first', o.first);
      check('order', 'then', o.then);
    }
    for (const l of model.locations) check('location', 'resource', l.resource);
  },
};
