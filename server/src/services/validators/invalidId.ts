/**
 * invalid-id: a resource or group id that breaks the id rule of spec-format.md (a
 * letter or `_`, then letters, digits, `_`, `.` and `-`). Node names are not ids:
 * Pacemaker knows a node by its host name (uname -n, or corosync's node name), so a
 * node name is checked against the host-name rule instead (RFC 1123 labels: letters,
 * digits and inner hyphens, separated by dots), under the same code.
 */
import { diag } from '../../spec/diagnostic';
import { isValidNodeName } from '../../spec/valuePatterns';
import { isValidId } from '../../spec/values';
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
        `Node name '${n.id}' is not a host name: Pacemaker knows nodes by host name (letters, digits and '-', ` +
        `in labels separated by '.', no label starting or ending with '-'). Use the node's host name (uname -n).`));
    }
  },
};
