/**
 * stash-home-not-shared: a Stash resource whose `stash_home` is not inside (path by
 * path) the `directory` of a Filesystem resource that runs with it, so after a
 * fail-over the other node would serve a different home. The range is the
 * `stash_home` value. A Stash resource without `stash_home`, or with a relative one,
 * is left to missing-param and param-value: a second finding on it would add nothing;
 * so is one that runs with a resource whose own mistake hides whether it is the
 * home's Filesystem (see `unclear`), and nothing is said while a group or colocation
 * cannot be read.
 * When a Filesystem holds the home but does not run with Stash, the quick fix adds
 * the colocation.
 */
import { AgentCatalog } from '../../agents/model';
import { diag, SpecFix } from '../../spec/diagnostic';
import { ResourceDecl } from '../../spec/model';
import { runsWith } from '../../spec/runsWith';
import { suggest } from '../../spec/suggest';
import { STASH_AGENT } from '../../spec/vocabulary';
import { colocationFix } from './colocationFix';
import { FILESYSTEM, hasAgent, isInside, paramScalar, pathSegments } from './stashLayout';
import { Validator } from './types';

/**
 * Whether a resource might be the Filesystem that holds the home, in a way a
 * mistake reported elsewhere hides: its agent is missing or malformed, its agent is
 * unknown and most likely a misspelt Filesystem, or it is a Filesystem without a
 * usable directory. A Stash resource running with one is not judged, so one mistake
 * is one finding.
 */
function unclear(resource: ResourceDecl, catalog: AgentCatalog): boolean {
  const name = resource.agentRef?.name;
  if (name === undefined) return true;
  if (name === FILESYSTEM) return pathSegments(paramScalar(resource, 'directory')?.text ?? '') === undefined;
  return catalog.get(name) === undefined && suggest(name, catalog.names()) === FILESYSTEM;
}

interface Mount {
  readonly resource: ResourceDecl;
  readonly directory: string;
  readonly segments: readonly string[];
}

/** The mount whose directory holds `path`, the deepest first; a look-up per ancestor, not a scan of every mount. */
function holderOf(path: readonly string[], byDirectory: ReadonlyMap<string, Mount>): Mount | undefined {
  for (let n = path.length; n >= 0; n--) {
    const mount = byDirectory.get(path.slice(0, n).join('/'));
    if (mount) return mount;
  }
  return undefined;
}

export const stashHomeNotShared: Validator = {
  codes: ['stash-home-not-shared'],
  check({ model, catalog, report }) {
    const stash = model.resources.filter((r) => hasAgent(r, STASH_AGENT));
    if (stash.length === 0) return;
    const relation = runsWith(model);
    if (!relation.complete) return;
    const byDirectory = new Map<string, Mount>();
    const mountsBySet = new Map<string, Mount[]>();
    const unclearSets = new Set<string>();
    for (const resource of model.resources) {
      if (unclear(resource, catalog)) unclearSets.add(relation.setOf(resource.id));
      const directory = hasAgent(resource, FILESYSTEM) ? paramScalar(resource, 'directory')?.text : undefined;
      const segments = directory === undefined ? undefined : pathSegments(directory);
      if (directory === undefined || segments === undefined) continue;
      const mount = { resource, directory, segments };
      const path = segments.join('/');
      if (!byDirectory.has(path)) byDirectory.set(path, mount);
      const key = relation.setOf(resource.id);
      const list = mountsBySet.get(key);
      if (list) list.push(mount);
      else mountsBySet.set(key, [mount]);
    }
    for (const s of stash) {
      const home = paramScalar(s, 'stash_home');
      const homePath = home && pathSegments(home.text);
      if (!home || !homePath || unclearSets.has(relation.setOf(s.id))) continue;
      const alongside = mountsBySet.get(relation.setOf(s.id)) ?? [];
      if (alongside.some((m) => isInside(homePath, m.segments))) continue;
      const lead = `${s.id}'s stash_home ${home.text} is not on a Filesystem resource that runs with it: ` +
        'after a fail-over the other node would serve a different home.';
      const holder = holderOf(homePath, byDirectory);
      let advice: string;
      const fixes: SpecFix[] = [];
      if (holder) {
        const id = holder.resource.id;
        advice = `${id} mounts ${holder.directory} but does not run with ${s.id}: add a colocation { resource: ${s.id}, with: ${id}, score: INFINITY }.`;
        const fix = colocationFix(model, s.id, id, true);
        if (fix) fixes.push(fix);
      } else if (alongside.length > 0) {
        const m = alongside[0];
        advice = `${m.resource.id} runs with it but mounts ${m.directory}: move stash_home under ${m.directory}, or mount the home's file system there.`;
      } else {
        advice = `Add an ${FILESYSTEM} resource whose directory holds ${home.text}, and colocate ${s.id} with it.`;
      }
      report(diag('stash-home-not-shared', home.span, `${lead} ${advice}`, fixes));
    }
  },
};
