/**
 * invalid-id: a resource or group id that breaks the id rule of spec-format.md (a
 * letter or `_`, then letters, digits, `_`, `.` and `-`). Node names are not ids
 * (the contract's rule is for resources and groups): pcs takes any node name without
 * `{`, `}` or a line break, so only names the cluster commands cannot pass as one
 * word are refused, under the same code: one starting with `-` (pcs would read an
 * option) or `.`, or holding anything but letters, digits, `_`, `.` and `-`.
 */
import { diag } from '../../spec/diagnostic';
import { isValidId, isValidNodeName } from '../../spec/vocabulary';
import { Validator } from './types';

const ID_RULE = "an id starts with a letter or '_' and holds only letters, digits, '_', '.' and '-'";

export const invalidId: Validator = {
  codes: ['invalid-id'],
  check({ model, report }) {
    for (const d of [...model.resources, ...model.groups]) {
      if (isValidId(d.id)) continue;
      report(diag('invalid-id', d.idSpan,
        `${d.kind === 'resource' ? 'Resource' : 'Group'} id '${d.id}' is not a valid id: ${ID_RULE}. Rename it.`));
    }
    for (const n of model.nodes) {
      if (isValidNodeName(n.id)) continue;
      report(diag('invalid-id', n.idSpan,
        `Node name '${n.id}' cannot be used: a node name holds only letters, digits, '_', '.' and '-', ` +
        `and starts with a letter, digit or '_' (a leading '-' reads as an option). Use the node's host name (uname -n).`));
    }
  },
};
