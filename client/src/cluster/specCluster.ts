/**
 * What the SSH layer needs from a cluster spec: each node's ssh target (the
 * spec's `ssh.host`, else its `address`; `ssh.user` and `ssh.port` when set,
 * otherwise the ssh config and then root and 22 apply), and the status page of
 * each Stash resource (`status_url`, else the agent's default).
 */
import { asMap, asScalar, scalarText, SpecModel } from '../../../server/src';
import { ClusterNode } from './clusterConnection';
import { DEFAULT_STASH_STATUS_URL, STASH_AGENT, StashProbe } from './stashProbe';

export interface SpecCluster {
  readonly name?: string;
  readonly nodes: readonly ClusterNode[];
  readonly stashProbes: readonly StashProbe[];
  /** Why a node could not be used (no address, a bad port); such nodes are left out. */
  readonly problems: readonly string[];
}

export function clusterFromSpec(model: SpecModel): SpecCluster {
  const nodes: ClusterNode[] = [];
  const problems: string[] = [];
  for (const decl of model.nodes) {
    const ssh = asMap(decl.map?.get('ssh')?.value);
    const host = scalarText(ssh?.get('host')?.value) ?? scalarText(decl.address);
    if (host === undefined || host === '') {
      problems.push(`node ${decl.id} has no address (nor ssh.host) to connect to`);
      continue;
    }
    const user = scalarText(ssh?.get('user')?.value);
    const portNode = asScalar(ssh?.get('port')?.value);
    let port: number | undefined;
    if (portNode !== undefined && portNode.value !== null) {
      port = Number(portNode.text);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        problems.push(`node ${decl.id}: ssh.port '${portNode.text}' is not a port number`);
        continue;
      }
    }
    nodes.push({
      name: decl.id,
      target: { name: decl.id, host, ...(user ? { user } : {}), ...(port !== undefined ? { port } : {}) },
    });
  }
  const stashProbes: StashProbe[] = model.resources
    .filter((r) => r.agentRef?.name === STASH_AGENT)
    .map((r) => ({ resource: r.id, url: scalarText(r.params?.get('status_url')?.value) ?? DEFAULT_STASH_STATUS_URL }));
  return {
    ...(model.cluster ? { name: scalarText(model.cluster) } : {}),
    nodes,
    stashProbes,
    problems,
  };
}
