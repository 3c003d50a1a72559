// The version profile (client/src/cluster/pcsProfile.ts) for the pcs releases the
// product meets: 0.10.8, 0.11.5 and 0.12.0.2 as Debian ships them (they also run
// for real in test/cluster-matrix and test/cluster-ops), and 0.9.169 of CentOS 7,
// which no Debian release has, so its line here is from pcs's documentation only.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { colocationArgv, defaultsArgv, pcsSyntax } from '../../../client/src/cluster/pcsConfigArgv';
import { pcsProfile, pcsVersionOf } from '../../../client/src/cluster/pcsProfile';

describe('pcs version profile', () => {
  test('pcs --version in all its parts: Debian 13 prints four', () => {
    assert.equal(pcsVersionOf('0.12.0.2\n'), '0.12.0.2');
    assert.equal(pcsVersionOf('0.10.8'), '0.10.8');
    assert.equal(pcsVersionOf('0.9.169\n'), '0.9.169');
    assert.equal(pcsVersionOf('pcs: command not found'), undefined);
    assert.equal(pcsVersionOf('7'), undefined);
  });

  test('what each release does, as written down by hand from the change logs and the lab', () => {
    const row = (v: string) => {
      const p = pcsProfile(v);
      return [p.moveClearsItself, p.nodeStandby, p.cleanupNodeWord, p.newRoles, p.promotable, p.defaultsUpdate, p.remove, p.scoreOption,
        p.setupNameOption, p.roleWord('Promoted')];
    };
    assert.deepEqual(row('0.9.169'), [false, false, false, false, 'master', false, 'remove', false, true, 'Master']);
    assert.deepEqual(row('0.10.8'), [false, true, true, false, 'promotable', true, 'delete', false, false, 'Master']);
    assert.deepEqual(row('0.11.5'), [true, true, true, true, 'promotable', true, 'delete', false, false, 'Promoted']);
    assert.deepEqual(row('0.12.0.2'), [true, true, true, true, 'promotable', true, 'delete', true, false, 'Promoted']);
  });

  test("apply's commands follow it: score=VALUE for pcs 0.12, the bare score before; defaults update from 0.10", () => {
    const c = { resource: { id: 'vip' }, with: { id: 'stash' }, score: { text: 'INFINITY', value: 'INFINITY' } } as unknown as Parameters<typeof colocationArgv>[1];
    const ids = (id: string) => id;
    assert.deepEqual(colocationArgv(pcsSyntax('0.12.0.2'), c, ids).slice(-1), ['score=INFINITY']);
    assert.deepEqual(colocationArgv(pcsSyntax('0.11.5'), c, ids).slice(-1), ['INFINITY']);
    assert.deepEqual(defaultsArgv(pcsSyntax('0.10.8'), 'resource-defaults', ['resource-stickiness=1']), ['pcs', 'resource', 'defaults', 'update', 'resource-stickiness=1']);
    assert.deepEqual(defaultsArgv(pcsSyntax('0.9.169'), 'op-defaults', ['timeout=60s']), ['pcs', 'resource', 'op', 'defaults', 'timeout=60s']);
  });
});
