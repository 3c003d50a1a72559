// When the system ssh itself refuses a name it is given (OpenSSH checks a host or
// login name from its command line for shell characters, blanks and a leading '-',
// and exits 255 before connecting), the failure says so: which name, and where to
// fix it. Before, the status read this as "crm_mon: no output" and deploy-agent as
// "FAILED at exit 255". The targets here are built by hand, past openCluster's own
// check, as a name from elsewhere (an ssh config, a future caller) could reach ssh.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterConnection } from '../../client/src/cluster/clusterConnection';
import { deployAgent } from '../../client/src/cluster/deployAgent';
import { MemoryLogger } from '../../client/src/remote/logger';
import { spawnRunner, systemClock } from '../../client/src/remote/processRunner';
import { SshSession } from '../../client/src/remote/sshSession';
import { repoRoot } from '../cluster/labCluster';

describe('names the system ssh refuses', () => {
  const sessions: SshSession[] = [];
  after(async () => { await Promise.all(sessions.map((s) => s.close())); });
  const connection = (target: { host: string; user?: string }): ClusterConnection => {
    const session = new SshSession({ configFile: '/dev/null', connectTimeoutSec: 5 }, { runner: spawnRunner(), clock: systemClock, logger: new MemoryLogger() });
    sessions.push(session);
    return new ClusterConnection([{ name: 'n1', target: { name: 'n1', ...target } }], session, { clock: systemClock, logger: new MemoryLogger() });
  };

  for (const [what, target, says] of [
    ['a host name with a shell character', { host: 'n1;reboot' }, /n1: ssh refused the host name 'n1;reboot': hostname contains invalid characters\. Fix the node's address or ssh\.host/],
    ['a host name that is an option', { host: '-oProxyCommand=x' }, /n1: ssh refused the host name '-oProxyCommand=x'/],
    ['a login name with a quote', { host: '127.0.0.1', user: "ad'min" }, /n1: ssh refused the login name 'ad'min': remote username contains invalid characters\. Fix ssh\.user/],
  ] as const) {
    test(`${what}: a failure that names it, for a command, the status and deploy-agent`, async () => {
      const c = connection(target);
      const run = await c.run({ argv: ['true'] });
      assert.equal(run.failure?.kind, 'invalid-argument', JSON.stringify(run));
      assert.match(run.failure.message, says);
      const status = await c.status();
      assert.equal(status.ok, false);
      assert.match(status.ok ? '' : status.error, says);
      assert.doesNotMatch(status.ok ? '' : status.error, /no output/);
      const deploy = await deployAgent(c, readFileSync(join(repoRoot, 'agent/stash')), systemClock);
      assert.deepEqual(deploy.nodes.map((n) => [n.ok, n.step, n.failureKind]), [[false, 'ssh', 'invalid-argument']]);
      assert.match(deploy.nodes[0].message, says);
    });
  }
});
