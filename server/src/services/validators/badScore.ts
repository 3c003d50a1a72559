/**
 * bad-score: a score that is not an integer or ±INFINITY: constraint scores and the
 * resource-stickiness meta attribute (in `meta` and `resource-defaults`).
 */
import { badValueDiagnostics } from './findingReports';
import { Validator } from './types';

export const badScore: Validator = {
  codes: ['bad-score'],
  check({ model, report }) {
    for (const d of badValueDiagnostics(model, 'bad-score')) report(d);
  },
};
