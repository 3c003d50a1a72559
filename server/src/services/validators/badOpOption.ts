/**
 * bad-op-option: an operation key (under `ops` or `op-defaults`) outside the list of
 * attributes.ts, with did-you-mean and a fix, or a value of the wrong kind for
 * on-fail, role, enabled, record-pending or OCF_CHECK_LEVEL. Durations are
 * `bad-duration`. The deprecated roles Master and Slave are accepted without a word:
 * Pacemaker still takes them, and no code of the contract is a mere hint.
 */
import { badValueDiagnostics, unknownAttributeDiagnostics } from './findingReports';
import { Validator } from './types';

export const badOpOption: Validator = {
  codes: ['bad-op-option'],
  check({ model, report }) {
    for (const d of unknownAttributeDiagnostics(model, 'bad-op-option')) report(d);
    for (const d of badValueDiagnostics(model, 'bad-op-option')) report(d);
  },
};
