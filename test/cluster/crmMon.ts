// Reads just enough of `crm_mon --output-as=xml` (Pacemaker 2.x) for the lab
// cluster tests to wait on: quorum, the DC, node states and where each primitive
// runs. Test-only; the product's status model is a separate, complete parser.
import { XMLParser } from 'fast-xml-parser';

/** A cluster node as crm_mon reports it. */
export interface LabNode {
  readonly name: string;
  readonly online: boolean;
  readonly standby: boolean;
}

/** A primitive resource (inside a group or clone or not) as crm_mon reports it. */
export interface LabResource {
  readonly id: string;
  readonly agent: string;
  readonly role: string;
  readonly failed: boolean;
  readonly nodes: readonly string[];
}

/** The parts of one crm_mon answer the lab tests look at. */
export interface LabStatus {
  readonly quorum: boolean;
  readonly dc: string | undefined;
  readonly nodes: readonly LabNode[];
  readonly resources: readonly LabResource[];
}

type Element = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['node', 'resource', 'group', 'clone', 'bundle'].includes(name),
});

function children(parent: unknown, name: string): Element[] {
  if (typeof parent !== 'object' || parent === null) return [];
  const value = (parent as Element)[name];
  return Array.isArray(value) ? (value as Element[]) : [];
}

function text(element: Element | undefined, name: string): string {
  const value = element?.[name];
  return typeof value === 'string' ? value : '';
}

function primitives(container: unknown): LabResource[] {
  const found: LabResource[] = children(container, 'resource').map((r) => ({
    id: text(r, 'id'),
    agent: text(r, 'resource_agent'),
    role: text(r, 'role'),
    failed: text(r, 'failed') === 'true',
    nodes: children(r, 'node').map((n) => text(n, 'name')),
  }));
  for (const kind of ['group', 'clone', 'bundle']) {
    for (const inner of children(container, kind)) found.push(...primitives(inner));
  }
  return found;
}

/** Parses one `crm_mon --output-as=xml` document; throws on anything else. */
export function parseCrmMon(xml: string): LabStatus {
  const doc = parser.parse(xml) as Element;
  const result = doc['pacemaker-result'] as Element | undefined;
  if (result === undefined || typeof result !== 'object') throw new Error('not crm_mon XML output');
  const summary = result.summary as Element | undefined;
  const dc = summary?.current_dc as Element | undefined;
  const nodes = children(result.nodes, 'node').map((n) => ({
    name: text(n, 'name'),
    online: text(n, 'online') === 'true',
    standby: text(n, 'standby') === 'true',
  }));
  return {
    quorum: text(dc, 'with_quorum') === 'true',
    dc: text(dc, 'present') === 'true' ? text(dc, 'name') : undefined,
    nodes,
    resources: primitives(result.resources),
  };
}

/** The node a resource is Started on, if it runs on exactly one. */
export function startedOn(status: LabStatus, id: string): string | undefined {
  const resource = status.resources.find((r) => r.id === id);
  if (resource === undefined || resource.role !== 'Started' || resource.failed || resource.nodes.length !== 1) {
    return undefined;
  }
  return resource.nodes[0];
}
