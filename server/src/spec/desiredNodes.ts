/**
 * The desired cluster's nodes: each node's address and how to reach it over SSH
 * (`ssh.host`, else the address; `ssh.user` and `ssh.port` only when set, so the
 * user's ssh config and then root and 22 apply otherwise). A node with nothing to
 * connect to, or with a port that is not a decimal integer from 1 to 65535, is
 * left out and named in the problems.
 */
import type { DesiredNode, DesiredProblem, DesiredSsh } from './desired';
import { spanOf, textValue, valueOf } from './desiredValues';
import { asMap, asScalar, SpecModel } from './model';

/**
 * An SSH port: decimal digits only, 1 to 65535. YAML reads `0x8ae` and `22.0` as the
 * numbers 2222 and 22, but ssh and a person reading the spec would not; ` 22` is a
 * quoted string with a blank in it.
 */
export function parsePort(text: string): number | undefined {
  if (!/^[0-9]{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

export function readNodes(model: SpecModel, problems: DesiredProblem[]): DesiredNode[] {
  const nodes: DesiredNode[] = [];
  for (const decl of model.nodes) {
    const ssh = asMap(decl.map?.get('ssh')?.value);
    const address = textValue(decl.address);
    const host = textValue(asScalar(ssh?.get('host')?.value)) ?? address;
    if (host === undefined) {
      problems.push({ message: `node ${decl.id} has no address (nor ssh.host) to connect to`, span: spanOf(decl.idSpan) });
      continue;
    }
    const user = textValue(asScalar(ssh?.get('user')?.value));
    const port = valueOf(asScalar(ssh?.get('port')?.value), parsePort);
    if (port && port.value === undefined) {
      problems.push({ message: `node ${decl.id}: ssh.port '${port.text}' is not a port number`, ...(port.span ? { span: port.span } : {}) });
      continue;
    }
    const target: DesiredSsh = { host, ...(user ? { user } : {}), ...(port ? { port } : {}) };
    nodes.push({ name: decl.id, span: spanOf(decl.idSpan), ...(address ? { address } : {}), ssh: target });
  }
  return nodes;
}
