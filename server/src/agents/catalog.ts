/**
 * The agent catalog the checks, hover and completion look agents up in. It holds, in
 * order of precedence (a later source replaces an agent of the same name):
 *
 * 1. the built-in agents (IPaddr2, Filesystem, drbd, Dummy, ping; `builtin/`),
 * 2. Stash's own agent, parsed from the meta-data of agent/stash that the build
 *    copies into `generated/stashMetadata.ts` (one source: the agent itself),
 * 3. extra agents: meta-data XML files of the workspace (see `metadataFiles.ts` for
 *    how a file names its agent) or read from a live cluster.
 *
 * `systemd:`, `lsb:` and `service:` agents are known by any name, with the generic
 * meta-data Pacemaker gives them (`serviceAgents.ts`). Names are case-sensitive, as
 * in Pacemaker: `ocf:heartbeat:ipaddr2` is not IPaddr2.
 *
 * Building a catalog never throws; a built-in that fails to parse (a bug) is left
 * out and listed in `builtinAgents().errors`.
 */
import { BUILTIN_METADATA } from './builtin';
import { STASH_METADATA_XML } from './generated/stashMetadata';
import { parseMetadata } from './metadata';
import { parseAgent, SERVICE_STANDARDS, STASH_AGENT } from '../spec/vocabulary';
import { AgentCatalog, AgentInfo } from './model';
import { serviceAgentXml } from './serviceAgents';

// test/unit/agents/* import STASH_AGENT from here and must stay as they are; the name lives in the vocabulary.
export { STASH_AGENT } from '../spec/vocabulary';

export interface BuiltinAgents {
  readonly agents: readonly AgentInfo[];
  /** Parse failures of built-in meta-data: always empty unless the sources are broken. */
  readonly errors: readonly string[];
}

let builtins: BuiltinAgents | undefined;

/** The built-in agents and Stash's, parsed once. */
export function builtinAgents(): BuiltinAgents {
  if (builtins) return builtins;
  const agents: AgentInfo[] = [];
  const errors: string[] = [];
  const sources = [
    ...BUILTIN_METADATA.map((b) => ({ ...b, origin: 'built-in' })),
    { name: STASH_AGENT, xml: STASH_METADATA_XML, origin: 'agent/stash' },
  ];
  for (const s of sources) {
    const r = parseMetadata(s.xml, { name: s.name, origin: s.origin });
    if (r.ok) agents.push(r.agent);
    else errors.push(`${s.name} (${s.origin}): ${r.error}`);
  }
  builtins = { agents, errors };
  return builtins;
}

const serviceAgents = new Map<string, AgentInfo | undefined>();

function serviceAgent(name: string): AgentInfo | undefined {
  if (serviceAgents.has(name)) return serviceAgents.get(name);
  const ref = parseAgent(name);
  const xml = ref && SERVICE_STANDARDS.includes(ref.standard) ? serviceAgentXml(ref.standard, ref.type) : undefined;
  const r = xml === undefined ? undefined : parseMetadata(xml, { name, origin: 'Pacemaker (generic)' });
  const agent = r?.ok ? r.agent : undefined;
  if (serviceAgents.size > 10_000) serviceAgents.clear();
  serviceAgents.set(name, agent);
  return agent;
}

class Catalog implements AgentCatalog {
  private readonly byName = new Map<string, AgentInfo>();

  constructor(agents: Iterable<AgentInfo>) {
    for (const a of agents) this.byName.set(a.name, a);
  }

  get(name: string): AgentInfo | undefined {
    return this.byName.get(name) ?? serviceAgent(name);
  }

  names(): readonly string[] {
    return [...this.byName.keys()];
  }
}

/** A catalog of the built-in agents, Stash's, and `extra` (which win on equal names). */
export function createCatalog(extra: Iterable<AgentInfo> = []): AgentCatalog {
  return new Catalog([...builtinAgents().agents, ...extra]);
}

/**
 * Parameters an agent accepts beyond its meta-data. pcs adds `trace_ra` and
 * `trace_file` to every `ocf:heartbeat:*` and `ocf:pacemaker:*` agent (the tracing of
 * ocf-shellfuncs), so a spec may set them too.
 */
export function implicitParams(agentName: string): readonly string[] {
  return agentName.startsWith('ocf:heartbeat:') || agentName.startsWith('ocf:pacemaker:') ? TRACE_PARAMS : [];
}

const TRACE_PARAMS: readonly string[] = ['trace_ra', 'trace_file'];
