/**
 * stash-home-in-inst: a Stash resource whose `stash_home` lies inside (or is) its
 * `stash_inst`; Stash refuses to start that way. Paths are compared segment by
 * segment after resolving `.`, `..` and slashes; a relative path is param-value's
 * business and is not compared. The range is the `stash_home` value.
 */
import { diag } from '../../spec/diagnostic';
import { STASH_AGENT } from '../../spec/vocabulary';
import { hasAgent, isInside, paramScalar, pathSegments } from './stashLayout';
import { Validator } from './types';

export const stashHomeInInst: Validator = {
  codes: ['stash-home-in-inst'],
  check({ model, report }) {
    for (const resource of model.resources) {
      if (!hasAgent(resource, STASH_AGENT)) continue;
      const home = paramScalar(resource, 'stash_home');
      const inst = paramScalar(resource, 'stash_inst');
      if (!home || !inst) continue;
      const homePath = pathSegments(home.text);
      const instPath = pathSegments(inst.text);
      if (!homePath || !instPath || !isInside(homePath, instPath)) continue;
      const where = homePath.length === instPath.length ? 'is the same directory as' : 'lies inside';
      report(diag('stash-home-in-inst', home.span,
        `stash_home ${home.text} ${where} stash_inst ${inst.text}: Stash refuses to start with its home in the installation directory. ` +
        `Move stash_home outside ${inst.text} (e.g. under /var/atlassian/application-data).`));
    }
  },
};
