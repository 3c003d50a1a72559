// The live-cluster query's command and the reading of its answer, with the CIB and
// corosync answers captured from the lab (test/fixtures/cib/).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { liveQuery, readLiveAnswer } from '../../../client/src/cluster/liveQuery';
import { cmapText, fixtureText } from '../spec/cibFixtures';

const M = '@@stash-ha-test';

function output(parts: Record<string, { body: string; rc?: number }>): string {
  return Object.entries(parts).map(([name, s]) => `${M} ${name}\n${s.body}\n${s.rc === undefined ? '' : `${M} rc ${s.rc}\n`}`).join('');
}

describe('the live-cluster query', () => {
  test('is a fixed script; the marker and what to ask are its arguments', () => {
    const a = liveQuery({}, M);
    const b = liveQuery({ pcsVersion: true, timeoutMs: 5000 }, M);
    assert.deepEqual(a.command.argv.slice(0, 2), ['sh', '-c']);
    assert.equal(a.command.argv[2], b.command.argv[2]);
    assert.deepEqual(a.command.argv.slice(3), ['sh', M, '-']);
    assert.deepEqual(b.command.argv.slice(3), ['sh', M, 'pcs']);
    assert.equal(b.command.timeoutMs, 5000);
    assert.match(a.command.argv[2], /cibadmin --query/);
    assert.match(a.command.argv[2], /corosync-cmapctl -b nodelist\.node/);
  });

  test('reads the CIB, the nodes with their addresses and the pcs version in one answer', () => {
    const answer = readLiveAnswer('node01', output({
      host: { body: 'node01' }, cib: { body: fixtureText('pacemaker-2.1.5-seed.xml'), rc: 0 }, cmap: { body: cmapText(), rc: 0 }, pcs: { body: '0.11.5', rc: 0 },
    }), '', M);
    assert.ok(answer.ok);
    assert.equal(answer.pcsVersion, '0.11.5');
    assert.equal(answer.host, 'node01');
    assert.deepEqual(answer.live.desired.nodes.map((n) => n.address?.text), ['10.213.88.11', '10.213.88.12', '10.213.88.13']);
    assert.equal(answer.live.desired.resources.length, 2);
  });

  test("falls back to corosync.conf when cmapctl cannot answer, and says why when the CIB cannot be read", () => {
    const conf = readLiveAnswer('node02', output({
      cib: { body: fixtureText('pacemaker-2.1.5-seed.xml'), rc: 0 }, cmap: { body: 'Failed to initialize the cmap API. Error CS_ERR_LIBRARY', rc: 1 },
      'corosync.conf': { body: fixtureText('corosync-3.1.7.conf'), rc: 0 },
    }), '', M);
    assert.ok(conf.ok);
    assert.deepEqual(conf.live.desired.nodes.map((n) => [n.name, n.address?.text]), [['node01', '10.213.88.11'], ['node02', '10.213.88.12'], ['node03', '10.213.88.13']]);
    const down = readLiveAnswer('node02', output({ cib: { body: 'Could not connect to the CIB: Transport endpoint is not connected', rc: 102 } }), '', M);
    assert.deepEqual(down, { ok: false, node: 'node02', error: 'node02: cibadmin --query exited 102: Could not connect to the CIB: Transport endpoint is not connected' });
    const cut = readLiveAnswer('node02', `${M} cib\n<cib`, 'ssh: connection closed', M);
    assert.equal(cut.ok, false);
    assert.match(cut.ok ? '' : cut.error, /cibadmin --query \(no answer\): <cib/);
    const garbled = readLiveAnswer('node02', output({ cib: { body: '<cib><configuration>', rc: 0 } }), '', M);
    assert.equal(garbled.ok, false);
    assert.match(garbled.ok ? '' : garbled.error, /^node02: the CIB: not well-formed XML/);
  });
});
