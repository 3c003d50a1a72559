/**
 * Resource agent names: the forms a spec writes (`ocf:PROVIDER:TYPE`,
 * `stonith:TYPE`, `systemd:NAME`, `lsb:NAME`, `service:NAME`), the form crm_mon
 * before 2.1 writes (`ocf::heartbeat:IPaddr2`), and Stash's own agent.
 */

/** `ocf:heartbeat:stash` → standard ocf, provider heartbeat, type stash. */
export interface AgentRef {
  readonly standard: string;
  readonly provider?: string;
  readonly type: string;
  /** The canonical name the catalog is keyed by, e.g. `ocf:heartbeat:IPaddr2`. */
  readonly name: string;
}

/** The standards whose agents Pacemaker makes up from a unit or init script (no provider). */
export const SERVICE_STANDARDS: readonly string[] = ['systemd', 'lsb', 'service'];

const AGENT_FORMS = /^(?:(ocf):([A-Za-z0-9_.+-]+):([A-Za-z0-9_.+-]+)|(stonith|systemd|lsb|service):([^:\s]+))$/;

/** Parses an agent name of one of the spec's forms; undefined for anything else. */
export function parseAgent(text: string): AgentRef | undefined {
  const m = AGENT_FORMS.exec(text);
  if (!m) return undefined;
  if (m[1]) return { standard: 'ocf', provider: m[2], type: m[3], name: `ocf:${m[2]}:${m[3]}` };
  return { standard: m[4], type: m[5], name: `${m[4]}:${m[5]}` };
}

/**
 * An agent name as a cluster wrote it, in the canonical form: crm_mon of Pacemaker 1.1
 * (and early 2.0) writes `ocf::heartbeat:IPaddr2` and `stonith::fence_xvm`.
 */
export function clusterAgentName(text: string): string {
  return text.replace(/^([a-z]+)::/, '$1:');
}

/** Parses an agent name as a cluster wrote it (either crm_mon form). */
export function parseClusterAgent(text: string): AgentRef | undefined {
  return parseAgent(clusterAgentName(text));
}

/** The canonical name of Stash's agent (agent/stash). */
export const STASH_AGENT = 'ocf:heartbeat:stash';

/** The status page the Stash agent asks when `status_url` is not set (its meta-data default). */
export const DEFAULT_STASH_STATUS_URL = 'http://localhost:7990/status';
