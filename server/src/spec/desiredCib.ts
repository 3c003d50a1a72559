/**
 * A live cluster as a desired cluster: the CIB (`cibadmin --query`) and corosync's
 * node list read into the same DesiredCluster a spec becomes, each value normalised
 * the way the spec's is (desiredValues.ts and the vocabulary), so a diff compares two
 * values of one type. Values keep the CIB's text and have no spans.
 *
 * Besides the cluster it returns what the spec format cannot say (rules, resource
 * sets, tags, bundles, alerts, ACLs, cloned groups, attributes it has no key for),
 * which is reported and never dropped silently; the move/ban constraints
 * (`cli-prefer-*`, `cli-ban-*`), which are never part of a spec; and the CIB's
 * version, by which apply knows whether the CIB changed since its plan. Pure and
 * lenient: a malformed CIB is an error result, never a throw.
 */
import { parseXml, XmlElement, child, childrenNamed } from '../xml/xmlTree';
import { CLUSTER_PROPERTIES, META_ATTRIBUTES, OP_OPTIONS } from './attributes';
import type { DesiredAttribute, DesiredCluster, DesiredNode } from './desired';
import { readCibConstraints } from './desiredCibConstraints';
import { readCibResources } from './desiredCibResources';
import { CibNotes, nvPairs } from './desiredCibSets';
import { readStash } from './desiredResources';
import { deepFreeze, namedValue } from './desiredValues';

/** The CIB's version: any change of the configuration raises `epoch` (or `admin_epoch`). */
export interface CibVersion {
  readonly adminEpoch: number;
  readonly epoch: number;
  readonly numUpdates: number;
}

/** Something of the live cluster the spec format cannot express. */
export interface LiveUnsupported {
  /** Where it is, in the spec's terms where there are some: `constraints.location.loc-rule`, `tags.web`. */
  readonly path: string;
  /** What it is, for a person: "location constraint loc-rule has a rule". */
  readonly what: string;
}

/** A constraint a move or ban left behind (`cli-prefer-*`, `cli-ban-*`). */
export interface LiveLeftover {
  readonly id: string;
  readonly kind: 'prefer' | 'ban';
  readonly resource: string;
  readonly node?: string;
  readonly score?: string;
}

/** A node as corosync's node list has it: its name (empty when the list gives none), first ring address and id. */
export interface CorosyncNode {
  readonly name: string;
  readonly address?: string;
  readonly nodeId?: string;
}

/** What corosync says of the cluster, when it could be asked. */
export interface CorosyncView {
  readonly nodes: readonly CorosyncNode[];
  readonly clusterName?: string;
}

export interface LiveCluster {
  /** The live cluster in the spec's terms. */
  readonly desired: DesiredCluster;
  readonly version: CibVersion;
  /** `dc-version` as Pacemaker wrote it ("2.1.5-a3f44794f94"). */
  readonly pacemakerVersion?: string;
  readonly unsupported: readonly LiveUnsupported[];
  readonly leftovers: readonly LiveLeftover[];
}

export type CibRead = { readonly ok: true; readonly live: LiveCluster } | { readonly ok: false; readonly error: string };

/** Properties Pacemaker writes itself; they describe the cluster's software, not what the admin set. */
export const CLUSTER_MANAGED_PROPERTIES: readonly string[] = [
  'have-watchdog', 'dc-version', 'cluster-infrastructure', 'cluster-name', 'last-lrm-refresh',
];

/** Node attributes that the operations set (standby, maintenance): never part of a spec. */
const OPERATIONAL_NODE_ATTRIBUTES = new Set(['standby', 'maintenance']);

/** Sections of the configuration that hold nothing the format has words for, by their name in a path. */
const UNSUPPORTED_SECTIONS: Readonly<Record<string, { item: string; path: string }>> = {
  tags: { item: 'tag', path: 'tags' },
  alerts: { item: 'alert', path: 'alerts' },
  acls: { item: 'ACL entry', path: 'acls' },
  'fencing-topology': { item: 'fencing level', path: 'fencing-topology' },
};

const KNOWN_SECTIONS = new Set(['crm_config', 'nodes', 'resources', 'constraints', 'rsc_defaults', 'op_defaults', ...Object.keys(UNSUPPORTED_SECTIONS)]);

function count(text: string | undefined): number {
  return /^\d+$/.test(text ?? '') ? Number(text) : 0;
}

function versionOf(cib: XmlElement): CibVersion {
  return { adminEpoch: count(cib.attrs.admin_epoch), epoch: count(cib.attrs.epoch), numUpdates: count(cib.attrs.num_updates) };
}

function readProperties(config: XmlElement | undefined, notes: CibNotes): { properties: DesiredAttribute[]; name?: string; dcVersion?: string } {
  const sets = childrenNamed(child(config, 'crm_config'), 'cluster_property_set');
  const main = sets.find((s) => s.attrs.id === 'cib-bootstrap-options') ?? sets[0];
  for (const s of sets) if (s !== main) notes.unsupported(`properties.${s.attrs.id ?? '?'}`, `cluster property set ${s.attrs.id ?? '?'} besides ${main?.attrs.id ?? '?'}`);
  const pairs = main ? nvPairs([main], 'properties', notes) : [];
  const name = pairs.find((p) => p.name === 'cluster-name')?.value;
  const dcVersion = pairs.find((p) => p.name === 'dc-version')?.value;
  return {
    properties: pairs.filter((p) => !CLUSTER_MANAGED_PROPERTIES.includes(p.name)).map((p) => namedValue(p.name, p.value, CLUSTER_PROPERTIES)),
    ...(name !== undefined ? { name } : {}), ...(dcVersion !== undefined ? { dcVersion } : {}),
  };
}

function readNodes(config: XmlElement | undefined, corosync: CorosyncView | undefined, notes: CibNotes): DesiredNode[] {
  const cibNodes = childrenNamed(child(config, 'nodes'), 'node');
  for (const n of cibNodes) {
    const name = n.attrs.uname ?? n.attrs.id ?? '?';
    for (const p of nvPairs(childrenNamed(n, 'instance_attributes'), `nodes.${name}`, notes)) {
      if (!OPERATIONAL_NODE_ATTRIBUTES.has(p.name)) notes.unsupported(`nodes.${name}.${p.name}`, `node attribute ${p.name}=${p.value} of ${name}`);
    }
    if (childrenNamed(n, 'utilization').length > 0) notes.unsupported(`nodes.${name}.utilization`, `utilization of node ${name}`);
  }
  // A node list without names (older corosync.conf files) names nodes by their id, as Pacemaker then does.
  const named = (n: CorosyncNode): CorosyncNode => (n.name !== '' ? n : { ...n, name: cibNodes.find((c) => c.attrs.id === n.nodeId)?.attrs.uname ?? n.address ?? '' });
  const listed: CorosyncNode[] = corosync && corosync.nodes.length > 0
    ? corosync.nodes.map(named).filter((n) => n.name !== '')
    : cibNodes.filter((n) => n.attrs.type !== 'remote').map((n) => ({ name: n.attrs.uname ?? n.attrs.id ?? '' })).filter((n) => n.name !== '');
  return listed.map((n) => {
    const host = n.address ?? n.name;
    return { name: n.name, ...(n.address ? { address: { value: n.address, text: n.address } } : {}), ssh: { host: { value: host, text: host } } };
  });
}

function readDefaults(config: XmlElement | undefined, section: 'rsc_defaults' | 'op_defaults', notes: CibNotes): DesiredAttribute[] {
  const set = section === 'rsc_defaults' ? META_ATTRIBUTES : OP_OPTIONS;
  const path = section === 'rsc_defaults' ? 'resource-defaults' : 'op-defaults';
  return nvPairs(childrenNamed(child(config, section), 'meta_attributes'), path, notes).map((p) => namedValue(p.name, p.value, set));
}

function noteUnsupportedSections(config: XmlElement | undefined, notes: CibNotes): void {
  for (const section of config?.children ?? []) {
    const known = UNSUPPORTED_SECTIONS[section.name];
    if (known) {
      for (const item of section.children) notes.unsupported(`${known.path}.${item.attrs.id ?? item.name}`, `${known.item} ${item.attrs.id ?? item.name}`);
    } else if (!KNOWN_SECTIONS.has(section.name)) {
      notes.unsupported(section.name, `the configuration section <${section.name}>`);
    }
  }
}

/**
 * Reads a whole CIB (`cibadmin --query`; the status section is not read) and what
 * corosync says of the nodes into a live cluster. Without corosync's view the nodes
 * come from the CIB, without addresses.
 */
export function readCib(xml: string, corosync?: CorosyncView): CibRead {
  const parsed = parseXml(xml);
  if (!parsed.ok) return { ok: false, error: `the CIB: ${parsed.error}` };
  const cib = parsed.root;
  if (cib.name !== 'cib') return { ok: false, error: `the CIB: unexpected root element <${cib.name}>` };
  const config = child(cib, 'configuration');
  if (config === undefined) return { ok: false, error: 'the CIB has no <configuration>' };
  const notes = new CibNotes();
  const { properties, name, dcVersion } = readProperties(config, notes);
  const { resources, groups, refs } = readCibResources(child(config, 'resources'), notes);
  const constraints = readCibConstraints(child(config, 'constraints'), refs, notes);
  const nodes = readNodes(config, corosync, notes);
  noteUnsupportedSections(config, notes);
  const clusterName = corosync?.clusterName ?? name;
  const desired: DesiredCluster = {
    ...(clusterName ? { name: { value: clusterName, text: clusterName } } : {}),
    nodes, resources, groups, constraints, properties,
    resourceDefaults: readDefaults(config, 'rsc_defaults', notes),
    opDefaults: readDefaults(config, 'op_defaults', notes),
    stash: readStash(resources),
    problems: [],
  };
  return {
    ok: true,
    live: deepFreeze({
      desired, version: versionOf(cib), ...(dcVersion ? { pacemakerVersion: dcVersion } : {}),
      unsupported: notes.unsupportedList(), leftovers: notes.leftoverList(),
    }),
  };
}
