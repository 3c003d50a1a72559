/**
 * What to do when a refresh or an operation could not reach the cluster, in one
 * sentence for the tree's message item and the error notification. The failure's
 * own message says what went wrong; this says where to look next.
 */
import { FailureOutcome } from '../cluster/operationReport';
import { RemoteFailure } from '../remote/sshFailure';

export function failureHint(outcome: FailureOutcome, failure?: RemoteFailure): string {
  switch (failure?.kind) {
    case 'host-key-unknown': return 'Refresh and accept the node\'s host key when asked, after checking its fingerprint.';
    case 'host-key-changed': return 'The node\'s host key changed: if that is expected, remove the old key (ssh-keygen -R HOST) and refresh.';
    case 'auth-failed': return 'ssh could not log in: check the user and key in the spec\'s ssh settings or in the ssh config (stashHa.sshConfigFile).';
    case 'ssh-config': return 'Fix the ssh config file named by stashHa.sshConfigFile (or ~/.ssh/config).';
    case 'ssh-missing': return 'Install the OpenSSH client (ssh) on this machine.';
    case 'sudo-password': case 'sudo-missing': return 'Log in as root, or let the login user run the cluster tools with sudo without a password.';
    case 'command-not-found': return 'Install pcs and the Pacemaker command-line tools on the nodes.';
    default: break;
  }
  if (outcome === 'host-key') return 'Accept or fix the node\'s host key, then refresh.';
  if (outcome === 'unreachable') return 'Check that the nodes are up and that `ssh NODE` works with the ssh config in use; then refresh.';
  return 'See the Stash HA output for the commands and their answers; then refresh.';
}
