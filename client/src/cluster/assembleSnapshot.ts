/**
 * Puts one status query's sections together into a snapshot: crm_mon's view,
 * the constraints and their leftovers, and Stash's status page answers matched
 * to the Stash resources. Pure: the connection does the I/O and, when Stash
 * runs on another node than the one asked and its URL is node-local, asks that
 * node (see `pendingStash`).
 */
import { STASH_AGENT } from '../../../server/src';
import { leftoverConstraints, parseConstraints } from './constraintsXml';
import { parseCrmMon } from './crmMonXml';
import { ClusterSnapshot, Constraints, deepFreeze, LeftoverConstraint, StashAppStatus } from './snapshot';
import { allPrimitives } from './snapshotQueries';
import { isNodeLocal, readStashSection, StashProbe } from './stashProbe';
import { QuerySections, releaseOf, Section } from './statusQuery';

export interface AssembleInput {
  readonly sections: QuerySections;
  /** The node the query was sent to (spec name). */
  readonly queriedNode: string;
  readonly probes: readonly StashProbe[];
  /** The URLs the query asked, in order (each once): section i answers urls[i]. */
  readonly urls: readonly string[];
  readonly takenAt: Date;
  readonly warnings?: readonly string[];
}

/** A Stash status page that must be read on another node. */
export interface PendingStash {
  readonly resource: string;
  readonly node: string;
  readonly url: string;
}

export type Assembled =
  | {
    readonly ok: true;
    readonly snapshot: ClusterSnapshot;
    readonly pendingStash: readonly PendingStash[];
    /** Which crm_mon form answered, so the next query asks for it directly. */
    readonly format: 'pacemaker-result' | 'crm_mon-1.1';
    /** The whole CIB as the node printed it, for the comparison with the spec (read only when asked for). */
    readonly cib?: string;
  }
  | { readonly ok: false; readonly error: string };

const NO_CONSTRAINTS: Constraints = { locations: [], colocations: [], orders: [], setConstraintIds: [] };

function sectionError(name: string, section: Section | undefined): string | undefined {
  if (section === undefined) return `${name}: no output (the query was cut off)`;
  if (section.rc !== undefined && section.rc !== 0 && section.body.trim() === '') return `${name} exited ${section.rc}`;
  return undefined;
}

/** The probe for a resource: its own, else the catch-all. */
function probeFor(probes: readonly StashProbe[], resource: string): StashProbe | undefined {
  return probes.find((p) => p.resource === resource) ?? probes.find((p) => p.resource === '*');
}

export function assembleSnapshot(input: AssembleInput): Assembled {
  const { sections, queriedNode } = input;
  const crmError = sectionError('crm_mon', sections.crmMon);
  if (crmError) return { ok: false, error: `${queriedNode}: ${crmError}` };
  const crm = parseCrmMon(sections.crmMon?.body ?? '');
  if (!crm.ok) return { ok: false, error: `${queriedNode}: ${crm.error}` };
  const warnings = [...(input.warnings ?? [])];

  let constraints = NO_CONSTRAINTS;
  const consError = sectionError('cibadmin', sections.cib);
  const cons = consError ? undefined : parseConstraints(sections.cib?.body ?? '');
  if (cons?.ok) constraints = cons.constraints;
  else warnings.push(`${queriedNode}: constraints could not be read (${consError ?? (cons && !cons.ok ? cons.error : '')}); leftover move/ban constraints are not shown`);

  const leftovers: LeftoverConstraint[] = leftoverConstraints(constraints);
  for (const ban of crm.status.bans) if (!leftovers.some((l) => l.id === ban.id)) leftovers.push(ban);

  const here = new Set([queriedNode, ...(sections.host ? [sections.host] : [])]);
  const stash: StashAppStatus[] = [];
  const pendingStash: PendingStash[] = [];
  for (const p of allPrimitives(crm.status.resources).filter((r) => r.agent === STASH_AGENT)) {
    const probe = probeFor(input.probes, p.id);
    if (probe === undefined) continue;
    const where = p.active && p.nodes.length === 1 ? p.nodes[0] : undefined;
    if (where === undefined) {
      stash.push({ resource: p.id, url: probe.url, error: p.nodes.length > 1 ? `running on ${p.nodes.length} nodes at once` : 'not running' });
    } else if (!isNodeLocal(probe.url) || here.has(where)) {
      stash.push({ resource: p.id, url: probe.url, node: where, ...readStashSection(sections.stash[input.urls.indexOf(probe.url)]) });
    } else {
      pendingStash.push({ resource: p.id, node: where, url: probe.url });
      stash.push({ resource: p.id, url: probe.url, node: where, error: 'not asked yet' });
    }
  }

  const s = crm.status;
  const snapshot: ClusterSnapshot = {
    takenAt: input.takenAt.toISOString(), queriedNode,
    pacemakerVersion: s.crmMonVersion ?? releaseOf(s.dcVersion) ?? 'unknown',
    ...(s.stack ? { stack: s.stack } : {}), ...(s.dc ? { dc: s.dc } : {}), ...(s.dcVersion ? { dcVersion: s.dcVersion } : {}),
    quorum: s.quorum, ...(s.lastUpdate ? { lastUpdate: s.lastUpdate } : {}), ...(s.lastChange ? { lastChange: s.lastChange } : {}),
    options: s.options, nodes: s.nodes, resources: s.resources, failures: s.failures, failCounts: s.failCounts,
    constraints, leftovers, stash, warnings,
  };
  const cib = cons?.ok && sections.cib?.rc === 0 ? sections.cib.body : undefined;
  return { ok: true, snapshot: pendingStash.length ? snapshot : deepFreeze(snapshot), pendingStash, format: s.format, ...(cib ? { cib } : {}) };
}

/** The snapshot with Stash answers read on other nodes filled in, frozen. */
export function withStashAnswers(snapshot: ClusterSnapshot, answers: readonly StashAppStatus[], warnings: readonly string[] = []): ClusterSnapshot {
  const stash = snapshot.stash.map((s) => answers.find((a) => a.resource === s.resource) ?? s);
  return deepFreeze({ ...snapshot, stash, warnings: [...snapshot.warnings, ...warnings] });
}
