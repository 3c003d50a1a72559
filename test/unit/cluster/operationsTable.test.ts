// The operations table: the one list the CLI (and the editor) generate their
// commands from. Each row runs its operation with the names it declares.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS } from '../../../cli/src/commands';
import { ClusterConnection } from '../../../client/src/cluster/clusterConnection';
import { operation, OPERATIONS, runOperation } from '../../../client/src/cluster/operations';
import { silentLogger } from '../../../client/src/remote/logger';
import { systemClock } from '../../../client/src/remote/processRunner';
import { SshSession } from '../../../client/src/remote/sshSession';
import { FakeNodes } from './fakeNodes';
import { fixturePath } from './snapshots';

let fake: FakeNodes | undefined;
afterEach(() => fake?.dispose());

describe('OPERATIONS', () => {
  test('one row per id; every row is a stash-ha subcommand with its names as arguments, in order', () => {
    assert.equal(new Set(OPERATIONS.map((o) => o.id)).size, OPERATIONS.length);
    for (const row of OPERATIONS) {
      const command = COMMANDS.find((c) => c.name === row.id);
      assert.ok(command, `stash-ha ${row.id}`);
      assert.deepEqual(command.positional.names, ['SPEC', ...row.requires.map((r) => r.toUpperCase())]);
      assert.equal(command.summary, row.summary);
      assert.equal(row.subject === 'cluster', row.requires.length === 0, `${row.id}: a cluster operation needs no name, others do`);
    }
  });

  test('what moves or stops a resource is marked disruptive, and only that', () => {
    assert.deepEqual(OPERATIONS.filter((o) => o.disruptive).map((o) => o.id).sort(), ['clear', 'disable', 'failover', 'standby', 'unstandby']);
  });

  test('a row runs its operation with the names it was given: cleanup of an unknown resource is refused by name', async () => {
    fake = new FakeNodes({ node01: { crmMonFile: fixturePath('pacemaker-2.1.5-healthy.xml') } });
    const deps = { runner: fake, clock: systemClock, logger: silentLogger };
    const conn = new ClusterConnection([{ name: 'node01', target: { name: 'node01', host: 'node01' } }], new SshSession({ controlPersistSec: 0 }, deps), deps);
    try {
      const report = await runOperation(operation('cleanup'), conn, { resource: 'nosuch' }, systemClock);
      assert.deepEqual([report.outcome, report.problems], ['refused', ["the cluster has no resource 'nosuch'"]]);
      const unnamed = await runOperation(operation('failover'), conn, { resource: 'stash' }, systemClock);
      assert.deepEqual([unnamed.outcome, unnamed.problems], ['refused', ['failover needs a node']]);
      const noAgent = await runOperation(operation('deploy-agent'), conn, {}, systemClock);
      assert.deepEqual([noAgent.outcome, noAgent.problems], ['refused', ['deploy-agent needs the agent']]);
    } finally {
      await conn.close();
    }
  });
});
