/**
 * bad-property-value: a cluster property whose value is of the wrong kind for it (a
 * boolean, one of fixed words). Durations are `bad-duration`.
 */
import { badValueDiagnostics } from './findingReports';
import { Validator } from './types';

export const badPropertyValue: Validator = {
  codes: ['bad-property-value'],
  check({ model, report }) {
    for (const d of badValueDiagnostics(model, 'bad-property-value')) report(d);
  },
};
