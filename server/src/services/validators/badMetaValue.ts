/**
 * bad-meta-value: a meta attribute (in `meta` or `resource-defaults`) or clone option
 * whose value is of the wrong kind for it (an integer, a boolean, one of fixed
 * words). Durations are `bad-duration` and scores `bad-score`.
 */
import { badValueDiagnostics } from './findingReports';
import { Validator } from './types';

export const badMetaValue: Validator = {
  codes: ['bad-meta-value'],
  check({ model, report }) {
    for (const d of badValueDiagnostics(model, 'bad-meta-value')) report(d);
  },
};
