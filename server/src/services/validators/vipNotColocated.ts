/**
 * vip-not-colocated: in a spec with a Stash resource, an IPaddr2 resource that runs
 * with no Stash resource, so clients could reach a node without Stash. The range is
 * the address resource's id; the quick fixes add the missing colocation. While a
 * group or colocation cannot be read (type-mismatch, missing-field), nothing is said.
 */
import { diag, SpecFix } from '../../spec/diagnostic';
import { runsWith } from '../../spec/runsWith';
import { STASH_AGENT } from '../../spec/vocabulary';
import { colocationFix } from './colocationFix';
import { hasAgent, IPADDR2 } from './stashLayout';
import { Validator } from './types';

/** At most this many fixes, one per Stash resource the address could follow. */
const MAX_FIXES = 3;

export const vipNotColocated: Validator = {
  codes: ['vip-not-colocated'],
  check({ model, report }) {
    const stash = model.resources.filter((r) => hasAgent(r, STASH_AGENT));
    if (stash.length === 0) return;
    const relation = runsWith(model);
    if (!relation.complete) return;
    const stashSets = new Set(stash.map((r) => relation.setOf(r.id)));
    for (const vip of model.resources) {
      if (!hasAgent(vip, IPADDR2) || stashSets.has(relation.setOf(vip.id))) continue;
      const target = stash[0].id;
      const fixes: SpecFix[] = [];
      for (const s of stash.slice(0, MAX_FIXES)) {
        const fix = colocationFix(model, vip.id, s.id, s === stash[0]);
        if (fix) fixes.push(fix);
      }
      report(diag('vip-not-colocated', vip.idSpan,
        `${vip.id} does not run with any Stash resource: clients would reach a node without Stash. ` +
        `Add a colocation { resource: ${vip.id}, with: ${target}, score: INFINITY }.`, fixes));
    }
  },
};
