// Spec values no cluster command may send, through every subcommand that reaches
// nodes: each run ends with exit status 2 and the finding, before anything is
// started (the runner records every process the run would have started). The
// values are the ones a hostile spec would use: options in a host or user name,
// shell words in a host, a port YAML reads as hex, a status page curl would read
// from the node's disk as root.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../cli/src/main';
import { ProcessRunner, systemClock } from '../../../client/src/remote/processRunner';
import { memoryIo } from './memoryIo';

const STASH = 'resources:\n  stash: { agent: ocf:heartbeat:stash, params: { stash_user: stash, stash_home: /srv/h, stash_inst: /srv/i } }\n';

/** [what, node lines, resources, what stderr must say] */
const HOSTILE: readonly (readonly [string, string, string, RegExp])[] = [
  ['an address that is an ssh option', '  n1: { address: "-oProxyCommand=touch /tmp/pwned" }', STASH,
    /node n1: address '-oProxyCommand=touch \/tmp\/pwned' cannot be used: it starts with '-', which ssh would read as an option/],
  ['an ssh.host with a shell word', '  n1: { address: 10.0.0.1, ssh: { host: "n1;reboot" } }', STASH,
    /node n1: ssh\.host 'n1;reboot' cannot be used: it holds ";"/],
  ['an ssh.user that is an option', '  n1: { address: 10.0.0.1, ssh: { user: -oProxyCommand=x } }', STASH,
    /node n1: ssh\.user '-oProxyCommand=x' cannot be used: it starts with '-'/],
  ['a port YAML reads as hex', '  n1: { address: 10.0.0.1, ssh: { port: 0x8ae } }', STASH,
    /node n1: ssh\.port '0x8ae' is not a port number/],
  ['a status page on the node\'s disk', '  n1: { address: 10.0.0.1 }',
    'resources:\n  stash: { agent: ocf:heartbeat:stash, params: { stash_user: stash, stash_home: /srv/h, stash_inst: /srv/i, status_url: "file:///etc/shadow" } }\n',
    /resource stash: status_url 'file:\/\/\/etc\/shadow' cannot be used: its scheme is file, not http or https/],
];

const COMMANDS: readonly (readonly string[])[] = [
  ['status'], ['failover', 'SPEC', 'stash', 'n1'], ['standby', 'SPEC', 'n1'], ['unstandby', 'SPEC', 'n1'], ['cleanup', 'SPEC', 'stash'],
  ['enable', 'SPEC', 'stash'], ['disable', 'SPEC', 'stash'], ['clear', 'SPEC', 'stash'], ['deploy-agent'], ['diff'], ['fetch-metadata'],
];

function recorder(): { runner: ProcessRunner; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    runner: { run: (file, args) => { calls.push([file, ...args].join(' ')); return Promise.resolve({ exitCode: 1, stdout: '', stderr: 'not run', durationMs: 0, timedOut: false }); } },
  };
}

describe('hostile spec values are refused with exit 2 before anything is started', () => {
  for (const [what, node, resources, says] of HOSTILE) {
    test(what, async () => {
      const spec = `cluster: c\nnodes:\n${node}\n  n2: { address: 10.0.0.2 }\n${resources}`;
      for (const command of COMMANDS) {
        const argv = command.length === 1 ? [command[0], 'h.cluster.yaml'] : command.map((a) => (a === 'SPEC' ? 'h.cluster.yaml' : a));
        const io = memoryIo({ 'h.cluster.yaml': spec });
        const { runner, calls } = recorder();
        assert.equal(await main(argv, io, { runner, clock: systemClock }), 2, `${argv.join(' ')}: ${io.stderr()}`);
        assert.match(io.stderr(), says, argv.join(' '));
        assert.match(io.stderr(), /nothing was sent/, argv.join(' '));
        assert.deepEqual(calls, [], `${argv.join(' ')} started nothing`);
      }
    });
  }

  test('apply refuses them too, without starting anything', async () => {
    for (const [, node, resources] of HOSTILE) {
      const io = memoryIo({ 'h.cluster.yaml': `cluster: c\nnodes:\n${node}\n${resources}` });
      const { runner, calls } = recorder();
      assert.notEqual(await main(['apply', '--yes', 'h.cluster.yaml'], io, { runner, clock: systemClock }), 0, io.stderr());
      assert.deepEqual(calls, []);
    }
  });

  test('import: a HOST that is an option or holds a shell word', async () => {
    for (const host of ['-oProxyCommand=x', 'root@n1;reboot', 'a b']) {
      const io = memoryIo({});
      const { runner, calls } = recorder();
      assert.equal(await main(['import', '--', host], io, { runner, clock: systemClock }), 2, io.stderr());
      assert.ok(io.stderr().includes(host), io.stderr());
      assert.deepEqual(calls, []);
    }
  });
});
