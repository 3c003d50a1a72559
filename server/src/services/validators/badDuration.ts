/**
 * bad-duration: every duration-typed value that does not parse, wherever it is:
 * operation options (interval, timeout, start-delay, interval-origin) under `ops`
 * and in `op-defaults`, the failure-timeout meta attribute, and cluster properties.
 */
import { badValueDiagnostics } from './findingReports';
import { Validator } from './types';

export const badDuration: Validator = {
  codes: ['bad-duration'],
  check({ model, report }) {
    for (const d of badValueDiagnostics(model, 'bad-duration')) report(d);
  },
};
