/**
 * The desired cluster: what a spec asks of Pacemaker, as plain, deep-frozen,
 * JSON-serialisable data. Every value is read through the vocabulary into its normal
 * form (durations in milliseconds, `true`/`false`, `INFINITY`, Promoted for Master)
 * and keeps the text it was written as and the span of the YAML value it came from,
 * so a diff can compare normal forms and still show and point at what the spec says.
 *
 * The same types hold a live cluster read from its CIB (desiredCib.ts): spans are
 * then absent, and so are the parts a spec has and a CIB does not (a live node's ssh
 * settings are only its address); CIB ids are kept where apply needs them (ops,
 * clones, constraints). Reading is lenient, as in model.ts: what cannot be read (a
 * resource that is no mapping, a constraint without its two sides, a node with
 * nothing to connect to) is left out and the checks report it; a value whose text
 * does not normalise is kept with its text and without a normal form. It neither checks nor fills in what pcs or Pacemaker would
 * default, except the two defaults the format states (a constraint's score INFINITY,
 * a Stash resource's status page).
 */
import { CLUSTER_PROPERTIES, META_ATTRIBUTES, OP_OPTIONS } from './attributes';
import { readConstraints } from './desiredConstraints';
import { readNodes } from './desiredNodes';
import { readGroups, readResources, readStash } from './desiredResources';
import { attributesOf, deepFreeze, textValue } from './desiredValues';
import { Span } from './diagnostic';
import { asScalar, SpecModel } from './model';
import { AgentRef, Role } from './vocabulary';

/** One value: its normal form to compare by, the text to show, the place to point at. */
export interface DesiredValue<T = string> {
  /** The normal form; absent when the text is not a value of its kind (the checks report it). */
  readonly value?: T;
  /** As written: the spec's scalar text, or the attribute's value in the CIB. */
  readonly text: string;
  /** The span of the YAML value; absent for a default the spec leaves out and for a live cluster. */
  readonly span?: Span;
}

/** A named value of a mapping (a param, a meta attribute, a property), the name as written. */
export interface DesiredAttribute extends DesiredValue {
  readonly name: string;
  readonly nameSpan?: Span;
}

/** A place that names a resource, group or node. */
export interface DesiredRef {
  readonly id: string;
  readonly span?: Span;
}

/** How to reach a node over SSH: `ssh.host`, else the address; user and port only when set. */
export interface DesiredSsh {
  readonly host: DesiredValue;
  readonly user?: DesiredValue;
  /** A decimal integer from 1 to 65535. */
  readonly port?: DesiredValue<number>;
}

export interface DesiredNode {
  readonly name: string;
  /** The span of the node's name. */
  readonly span?: Span;
  /** The corosync ring address; absent when the spec gives none (missing-field) but ssh.host is set. */
  readonly address?: DesiredValue;
  readonly ssh: DesiredSsh;
}

export interface DesiredOperation {
  /** The CIB's op id; a spec's operations have none. */
  readonly id?: string;
  readonly action: string;
  /** The span of the action key. */
  readonly span?: Span;
  /** Milliseconds; absent when not written (pcs fills it in). */
  readonly interval?: DesiredValue<number>;
  /** Milliseconds. */
  readonly timeout?: DesiredValue<number>;
  readonly role?: DesiredValue<Role>;
  /** The other options (on-fail, enabled, start-delay, OCF_CHECK_LEVEL, …), values normalised by their kind. */
  readonly options: readonly DesiredAttribute[];
}

export interface DesiredClone {
  /** The CIB's clone (or master) id; a spec names none (pcs makes `<resource>-clone`). */
  readonly id?: string;
  readonly kind: 'clone' | 'promotable';
  /** The span of the `clone` or `promotable` key. */
  readonly span?: Span;
  readonly options: readonly DesiredAttribute[];
}

export interface DesiredResource {
  readonly id: string;
  /** The span of the resource id. */
  readonly span?: Span;
  /** Absent when the spec gives no agent; its value absent when the text is no agent name. */
  readonly agent?: DesiredValue<AgentRef>;
  /** Instance attributes, as Pacemaker receives them (value = text). */
  readonly params: readonly DesiredAttribute[];
  readonly ops: readonly DesiredOperation[];
  /** Meta attributes, names as written, values normalised by their kind. */
  readonly meta: readonly DesiredAttribute[];
  readonly clone?: DesiredClone;
}

export interface DesiredGroup {
  readonly id: string;
  readonly span?: Span;
  /** In start order. */
  readonly members: readonly DesiredRef[];
}

export interface DesiredColocation {
  /** The CIB's constraint id; a spec's constraints have none. */
  readonly id?: string;
  /** The span of the constraint's mapping. */
  readonly span?: Span;
  readonly resource: DesiredRef;
  readonly with: DesiredRef;
  /** INFINITY when not written. */
  readonly score: DesiredValue;
  readonly role?: DesiredValue<Role>;
  readonly withRole?: DesiredValue<Role>;
}

export interface DesiredOrder {
  readonly id?: string;
  readonly span?: Span;
  readonly first: DesiredRef;
  readonly then: DesiredRef;
  /** Mandatory, Optional or Serialize. */
  readonly kind?: DesiredValue;
  readonly symmetrical?: DesiredValue<'true' | 'false'>;
  /** start, stop, promote or demote. */
  readonly firstAction?: DesiredValue;
  readonly thenAction?: DesiredValue;
}

export interface DesiredLocation {
  readonly id?: string;
  readonly span?: Span;
  readonly resource: DesiredRef;
  readonly node: DesiredRef;
  /** INFINITY when not written. */
  readonly score: DesiredValue;
}

export interface DesiredConstraints {
  readonly colocations: readonly DesiredColocation[];
  readonly orders: readonly DesiredOrder[];
  readonly locations: readonly DesiredLocation[];
}

/** A Stash resource and the page its monitor asks (`status_url`, else the agent's default). */
export interface DesiredStash {
  readonly resource: string;
  readonly statusUrl: DesiredValue;
}

/** Why part of the spec cannot be used (a node with nothing to connect to, a bad port). */
export interface DesiredProblem {
  readonly message: string;
  readonly span?: Span;
  /**
   * Set for a value the cluster commands must never send, by the vocabulary's rule
   * for it (a host or user ssh would read as an option, a port that is not decimal,
   * a status page that is not http or https): the cluster library refuses to open
   * a connection while there is one.
   */
  readonly unsafe?: true;
}

export interface DesiredCluster {
  readonly name?: DesiredValue;
  /** The Pacemaker release line the spec is for (`pacemaker`), as written. */
  readonly pacemaker?: DesiredValue;
  readonly nodes: readonly DesiredNode[];
  readonly resources: readonly DesiredResource[];
  readonly groups: readonly DesiredGroup[];
  readonly constraints: DesiredConstraints;
  readonly properties: readonly DesiredAttribute[];
  readonly resourceDefaults: readonly DesiredAttribute[];
  readonly opDefaults: readonly DesiredAttribute[];
  readonly stash: readonly DesiredStash[];
  readonly problems: readonly DesiredProblem[];
}

/** Reads the desired cluster out of a parsed spec. Never throws; the result is deep-frozen. */
export function desiredCluster(model: SpecModel): DesiredCluster {
  const problems: DesiredProblem[] = [];
  const name = textValue(model.cluster);
  const pacemaker = textValue(asScalar(model.root?.get('pacemaker')?.value));
  const resources = readResources(model);
  return deepFreeze({
    ...(name ? { name } : {}),
    ...(pacemaker ? { pacemaker } : {}),
    nodes: readNodes(model, problems),
    resources,
    groups: readGroups(model),
    constraints: readConstraints(model),
    properties: attributesOf(model.properties, CLUSTER_PROPERTIES),
    resourceDefaults: attributesOf(model.resourceDefaults, META_ATTRIBUTES),
    opDefaults: attributesOf(model.opDefaults, OP_OPTIONS),
    stash: readStash(resources, problems),
    problems,
  });
}
