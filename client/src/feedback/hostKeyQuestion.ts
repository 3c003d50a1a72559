/**
 * The words of the question about an unknown host key, as the modal shows them:
 * which node and address, the key's type as ssh names it in its own prompt
 * (ED25519, ECDSA, RSA, not the protocol's ssh-ed25519) and its SHA256
 * fingerprint, how to check it, and what trusting it does; and the rule that a
 * person is asked one such question at a time. Pure.
 */
import { UnknownHostKeyPrompt } from '../remote/sshOptions';

/** What ssh's own prompt calls a key of this protocol algorithm (`ssh-ed25519` → `ED25519`); anything else as it is. */
export function keyTypeName(algorithm: string): string {
  const base = algorithm.replace(/-cert-v01@openssh\.com$/, '');
  const cert = base !== algorithm ? '-CERT' : '';
  const names: readonly [RegExp, string][] = [
    [/^sk-ssh-ed25519@openssh\.com$/, 'ED25519-SK'],
    [/^sk-ecdsa-sha2-nistp\d+@openssh\.com$/, 'ECDSA-SK'],
    [/^ssh-ed25519$/, 'ED25519'],
    [/^ssh-ed448$/, 'ED448'],
    [/^ecdsa-sha2-nistp\d+$/, 'ECDSA'],
    [/^(ssh-rsa|rsa-sha2-256|rsa-sha2-512)$/, 'RSA'],
    [/^ssh-dss$/, 'DSA'],
  ];
  const found = names.find(([pattern]) => pattern.test(base));
  return found ? `${found[1]}${cert}` : algorithm;
}

/** The modal's title line and the text below it. */
export function hostKeyQuestion(p: UnknownHostKeyPrompt): { message: string; detail: string } {
  const key = p.keyType ? `${keyTypeName(p.keyType)} key` : 'Its key';
  return {
    message: `The host key of ${p.node} (${p.endpoint}) is not known yet.`,
    detail: `${key} fingerprint is ${p.fingerprint ?? 'unknown'}.\n\n` +
      'Compare it with the node\'s own key (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the node) before trusting it. ' +
      'Trusting it records it in known_hosts, as ssh does with StrictHostKeyChecking=accept-new; a key that changes later is always refused.',
  };
}

/**
 * `ask`, one question at a time: a call made while another is open waits for it, so
 * the person sees one modal (one node's host key) and then the next, never a stack
 * of them from commands that reached several new nodes at once.
 */
export function oneAtATime<A, R>(ask: (question: A) => Promise<R>): (question: A) => Promise<R> {
  let open: Promise<unknown> = Promise.resolve();
  return (question) => {
    const answer = open.then(() => ask(question));
    open = answer.catch(() => undefined);
    return answer;
  };
}
