/**
 * The desired cluster's nodes: each node's address and how to reach it over SSH
 * (`ssh.host`, else the address; `ssh.user` and `ssh.port` only when set, so the
 * user's ssh config and then root and 22 apply otherwise). A node with nothing to
 * connect to is left out and named in the problems; so is a node whose host, user
 * or port breaks the vocabulary's rule for it (a port that is not a decimal integer
 * from 1 to 65535, a host or user ssh would read as an option), as a problem marked
 * unsafe: such a value is never sent.
 */
import type { DesiredNode, DesiredProblem, DesiredSsh, DesiredValue } from './desired';
import { spanOf, textValue, valueOf } from './desiredValues';
import { asMap, asScalar, SpecModel } from './model';
import { badHost, badLoginUser, parsePort } from './vocabulary';

/**
 * The problem of a value the vocabulary's `rule` refuses: `node NAME: FIELD 'TEXT'
 * cannot be used: REASON`, marked unsafe; none for an absent or acceptable value.
 */
function refusal(node: string, field: string, value: DesiredValue | undefined, rule: (text: string) => string | undefined): DesiredProblem[] {
  const why = value === undefined ? undefined : rule(value.text);
  if (value === undefined || why === undefined) return [];
  return [{ message: `node ${node}: ${field} '${value.text}' cannot be used: ${why}`, ...(value.span ? { span: value.span } : {}), unsafe: true }];
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
      problems.push({ message: `node ${decl.id}: ssh.port '${port.text}' is not a port number`, ...(port.span ? { span: port.span } : {}), unsafe: true });
      continue;
    }
    const refused = [
      ...refusal(decl.id, 'address', address, badHost),
      ...(host === address ? [] : refusal(decl.id, 'ssh.host', host, badHost)),
      ...refusal(decl.id, 'ssh.user', user, badLoginUser),
    ];
    if (refused.length > 0) {
      problems.push(...refused);
      continue;
    }
    const target: DesiredSsh = { host, ...(user ? { user } : {}), ...(port ? { port } : {}) };
    nodes.push({ name: decl.id, span: spanOf(decl.idSpan), ...(address ? { address } : {}), ssh: target });
  }
  return nodes;
}
