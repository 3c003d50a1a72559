/**
 * unknown-resource: a group member, or a constraint's `resource`, `with`, `first` or
 * `then`, that names no resource or group. A near miss gets a did-you-mean and a
 * quick fix replacing the name where it is written (not through an alias).
 * A group member that names a group is group-conflict's business, not this check's.
 * pcs's id for a clone (`x-clone`) gets a word on how a spec names clones, and `x`.
 */
import { diag } from '../../spec/diagnostic';
import { cloneBase, likelyName } from '../../spec/likelyIds';
import { Ref } from '../../spec/model';
import { misnamed } from './misnamed';
import { Validator } from './types';

export const unknownResource: Validator = {
  codes: ['unknown-resource'],
  check({ model, report }) {
    for (const group of model.groups) {
      for (const member of group.members) {
        if (model.ids.has(member.id)) continue;
        const { sentence, fixes } = misnamed(model.text, member, likelyName(model, 'resource', member.id),
          `Declare it under resources, or remove it from ${group.id}.`);
        report(diag('unknown-resource', member.span,
          `Group ${group.id} lists '${member.id}', which is not a resource of this spec. ${sentence}`, fixes));
      }
    }
    const check = (kind: string, field: string, ref: Ref | undefined): void => {
      if (!ref || model.ids.has(ref.id)) return;
      const base = cloneBase(model, ref.id);
      const { sentence, fixes } = misnamed(model.text, ref, likelyName(model, 'any', ref.id), 'Name a resource or group declared in this spec.');
      const why = base === undefined ? 'which is no resource or group'
        : `which is what pcs calls the clone of ${base}; a spec names a clone by its resource's id`;
      report(diag('unknown-resource', ref.span, `The ${kind} constraint's '${field}' is '${ref.id}', ${why}. ${sentence}`, fixes));
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
