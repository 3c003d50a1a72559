/**
 * What the SSH layer needs from a cluster spec, read from its desired cluster
 * (server/src, desiredCluster): each node's ssh target (the spec's `ssh.host`,
 * else its `address`; `ssh.user` and `ssh.port` when set, otherwise the ssh
 * config and then root and 22 apply), and the status page of each Stash resource
 * (`status_url`, else the agent's default). Nodes the desired cluster could not
 * use (nothing to connect to) are left out and named in `problems`; values it
 * marks unsafe (a host or user ssh would read as an option, a port that is not
 * decimal, a status page that is not http(s)) are named in `refused`, and while
 * there is one openCluster opens nothing.
 */
import { DesiredCluster, desiredCluster, SpecModel } from '../../../server/src';
import { ClusterNode } from './clusterConnection';
import { StashProbe } from './stashProbe';

export interface SpecCluster {
  readonly name?: string;
  readonly nodes: readonly ClusterNode[];
  readonly stashProbes: readonly StashProbe[];
  /** Why a node could not be used (no address); such nodes are left out. */
  readonly problems: readonly string[];
  /** Values of the spec no command may send to a node, each with why; openCluster refuses while there is one. */
  readonly refused?: readonly string[];
}

/** The connection's view of a desired cluster. */
export function clusterFromDesired(desired: DesiredCluster): SpecCluster {
  const nodes: ClusterNode[] = desired.nodes.map((n) => ({
    name: n.name,
    target: {
      name: n.name, host: n.ssh.host.text,
      ...(n.ssh.user ? { user: n.ssh.user.text } : {}),
      ...(n.ssh.port?.value !== undefined ? { port: n.ssh.port.value } : {}),
    },
  }));
  return {
    ...(desired.name ? { name: desired.name.text } : {}),
    nodes,
    stashProbes: desired.stash.map((s) => ({ resource: s.resource, url: s.statusUrl.text })),
    problems: desired.problems.filter((p) => !p.unsafe).map((p) => p.message),
    refused: desired.problems.filter((p) => p.unsafe).map((p) => p.message),
  };
}

export function clusterFromSpec(model: SpecModel): SpecCluster {
  return clusterFromDesired(desiredCluster(model));
}
