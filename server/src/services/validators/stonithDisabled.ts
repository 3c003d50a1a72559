/**
 * stonith-disabled: `stonith-enabled` (or its newer name `fencing-enabled`) set to
 * any of Pacemaker's false words. A warning on the value: without fencing a split
 * brain can start Stash on both nodes against one home.
 */
import { CLUSTER_PROPERTIES } from '../../spec/attributes';
import { diag } from '../../spec/diagnostic';
import { parseBoolean } from '../../spec/vocabulary';
import { structureFindings } from './structureWalk';
import { Validator } from './types';

const STONITH = CLUSTER_PROPERTIES.get('stonith-enabled');
const FENCING_NAMES = new Set([STONITH?.name, STONITH?.alias].filter((n): n is string => n !== undefined));

export const stonithDisabled: Validator = {
  codes: ['stonith-disabled'],
  check({ model, report }) {
    for (const f of structureFindings(model)) {
      if (f.kind !== 'attribute' || f.set !== CLUSTER_PROPERTIES || !FENCING_NAMES.has(f.pair.key)) continue;
      const value = f.pair.value;
      if (value.kind !== 'scalar' || parseBoolean(value.text) !== false) continue;
      report(diag('stonith-disabled', value.span,
        `Fencing is off (${f.pair.key}: ${value.text}): without fencing a split brain can start Stash on both nodes ` +
        `against one home. Configure a fence device (pcs stonith create …) and set ${f.pair.key} to true.`));
    }
  },
};
