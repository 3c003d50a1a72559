/**
 * group-conflict: a resource listed in two groups (reported where it is listed the
 * second time), listed twice in one group, a clone or promotable resource inside a
 * group, or a group inside a group. Pacemaker's CIB can hold none of these, so pcs
 * refuses them. The range is the member's name in the group.
 */
import { diag } from '../../spec/diagnostic';
import { GroupDecl } from '../../spec/model';
import { Validator } from './types';

export const groupConflict: Validator = {
  codes: ['group-conflict'],
  check({ model, report }) {
    const firstGroup = new Map<string, GroupDecl>();
    for (const group of model.groups) {
      const listed = new Set<string>();
      for (const member of group.members) {
        const decl = model.ids.get(member.id);
        if (decl?.kind === 'group') {
          report(diag('group-conflict', member.span,
            `Group ${group.id} lists the group ${member.id}: groups cannot be nested. List ${member.id}'s resources in ${group.id} instead, or colocate the two groups.`));
          continue;
        }
        if (decl?.clone) {
          report(diag('group-conflict', member.span,
            `${member.id} is ${decl.clone.key === 'clone' ? 'a clone' : 'promotable'} and cannot be a member of group ${group.id}: ` +
            `a group holds primitives only. Take ${member.id} out of ${group.id} and tie it to the group with colocation and order constraints.`));
        }
        if (listed.has(member.id)) {
          report(diag('group-conflict', member.span,
            `${member.id} is listed twice in group ${group.id}: a resource has one place in its group. Remove this one.`));
          continue;
        }
        listed.add(member.id);
        const earlier = firstGroup.get(member.id);
        if (earlier === undefined) firstGroup.set(member.id, group);
        else {
          report(diag('group-conflict', member.span,
            `${member.id} is already in group ${earlier.id}: a resource can be in one group only. ` +
            `Remove it from ${group.id} or from ${earlier.id} (to keep them together, colocate the groups).`));
        }
      }
    }
  },
};
