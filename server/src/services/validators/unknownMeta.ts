/**
 * unknown-meta: a meta attribute (in `meta` or `resource-defaults`) or clone option
 * that attributes.ts does not list, with did-you-mean and a fix. A warning: Pacemaker
 * keeps meta attributes it does not know, and ignores them.
 */
import { unknownAttributeDiagnostics } from './findingReports';
import { Validator } from './types';

export const unknownMeta: Validator = {
  codes: ['unknown-meta'],
  check({ model, report }) {
    for (const d of unknownAttributeDiagnostics(model, 'unknown-meta')) report(d);
  },
};
