/**
 * stash-cloned: a Stash resource with `clone` or `promotable`. Stash must run on one
 * node only; two copies against one home corrupt it. The range is the clone key.
 */
import { diag } from '../../spec/diagnostic';
import { STASH_AGENT } from '../../spec/vocabulary';
import { hasAgent } from './stashLayout';
import { Validator } from './types';

export const stashCloned: Validator = {
  codes: ['stash-cloned'],
  check({ model, report }) {
    for (const resource of model.resources) {
      if (!resource.clone || !hasAgent(resource, STASH_AGENT)) continue;
      const key = resource.clone.key;
      report(diag('stash-cloned', resource.clone.keySpan,
        `${resource.id} is a Stash resource and cannot be ${key === 'clone' ? 'a clone' : 'promotable'}: ` +
        `Stash must run on one node only, and two copies would share one home. Remove '${key}:' from ${resource.id}.`));
    }
  },
};
