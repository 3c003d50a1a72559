/**
 * The bridge between a spec's resources and the agent catalog that the agent-based
 * checks share: which resources have an agent the catalog knows, and the scalar
 * parameter values of a resource as Pacemaker would receive them. Both are computed
 * once per spec model (and catalog) and shared by every check, since a large spec
 * has tens of thousands of resources.
 */
import { ResourceDecl } from '../spec/model';
import { YPair, YScalar } from '../spec/yamlTree';
import { AgentCatalog, AgentInfo } from './model';

export interface ResourceWithAgent {
  readonly resource: ResourceDecl;
  readonly agent: AgentInfo;
}

const known = new WeakMap<readonly ResourceDecl[], WeakMap<AgentCatalog, readonly ResourceWithAgent[]>>();

/** Resources whose agent string is well formed and whose agent the catalog knows, in document order. */
export function resourcesWithAgents(resources: readonly ResourceDecl[], catalog: AgentCatalog): readonly ResourceWithAgent[] {
  let byCatalog = known.get(resources);
  if (!byCatalog) known.set(resources, (byCatalog = new WeakMap()));
  const cached = byCatalog.get(catalog);
  if (cached) return cached;
  const out: ResourceWithAgent[] = [];
  for (const resource of resources) {
    const agent = resource.agentRef ? catalog.get(resource.agentRef.name) : undefined;
    if (agent) out.push({ resource, agent });
  }
  byCatalog.set(catalog, out);
  return out;
}

export interface ParamValue {
  readonly pair: YPair;
  readonly scalar: YScalar;
  /** The value as Pacemaker receives it; empty for `key:` with nothing after it. */
  readonly text: string;
}

const values = new WeakMap<ResourceDecl, ReadonlyMap<string, ParamValue>>();
const NONE: ReadonlyMap<string, ParamValue> = new Map();

/** The parameters of a resource that hold a scalar (others are a structure check's business). */
export function paramValues(resource: ResourceDecl): ReadonlyMap<string, ParamValue> {
  if (!resource.params) return NONE;
  const cached = values.get(resource);
  if (cached) return cached;
  const out = new Map<string, ParamValue>();
  for (const pair of resource.params.pairs) {
    if (pair.value.kind === 'scalar') out.set(pair.key, { pair, scalar: pair.value, text: pair.value.text });
  }
  values.set(resource, out);
  return out;
}
