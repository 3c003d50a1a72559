/**
 * unknown-property: a cluster property outside the list of attributes.ts (both
 * stonith-enabled and its newer name fencing-enabled are known), with did-you-mean
 * and a fix. A warning: Pacemaker stores properties it does not know.
 */
import { unknownAttributeDiagnostics } from './findingReports';
import { Validator } from './types';

export const unknownProperty: Validator = {
  codes: ['unknown-property'],
  check({ model, report }) {
    for (const d of unknownAttributeDiagnostics(model, 'unknown-property')) report(d);
  },
};
