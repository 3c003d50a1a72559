/**
 * deprecated: with `pacemaker:` stated, a name or value the stated release line still
 * accepts but has replaced (`Master`/`Slave` on 2.x, `stonith-enabled` on 3.0), with
 * the new name as the fix; where only the newest releases of the line know the new
 * name (3.0.2's `fencing-enabled`), the message says which releases need the old one
 * and the fix is not the preferred one (releaseFindings.ts). Nothing without `pacemaker:`.
 */
import { releaseFindings } from './releaseFindings';
import { Validator } from './types';

export const deprecated: Validator = {
  codes: ['deprecated'],
  check({ model, report }) {
    for (const d of releaseFindings(model)) if (d.code === 'deprecated') report(d);
  },
};
