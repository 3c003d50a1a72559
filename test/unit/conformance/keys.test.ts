/**
 * Conformance to the "Keys" section of spec-format.md, sentence by sentence, through
 * validateText with all validators (see contractSpec.ts). Each test takes the
 * contract's example, writes what a sentence allows and asserts nothing is reported,
 * and writes what it forbids and asserts the one finding it earns.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, check, edit, insertBefore, Seen } from './contractSpec';

/** The findings of `text` as `line code range` strings. */
function found(text: string): string[] {
  return check(text).map((d: Seen) => `${d.line} ${d.code} ${d.range}`);
}

const withResource = (lines: string): string => insertBefore(BASE, 'constraints:\n', lines);
const withStashOps = (ops: string): string => edit(BASE, ['      monitor: { interval: 15s, timeout: 30s }', `      monitor: { ${ops} }`]);
const withStashMeta = (meta: string): string => edit(BASE, ['      migration-threshold: 1', `      ${meta}`]);

describe('contract: top level', () => {
  test('every top-level key of the table is accepted together', () => {
    const text = edit(BASE,
      ['resources:\n', 'resource-defaults:\n  resource-stickiness: 100\nop-defaults:\n  timeout: 60s\nresources:\n'],
      ['constraints:\n', 'groups:\n  stash_grp: [stash_fs]\nconstraints:\n']);
    assert.deepEqual(found(text), []);
  });

  test('keys starting with x- are ignored, whatever they hold; any other unknown key is unknown-key', () => {
    const ignored = 'x-defaults: &d { whatever: [1, 2], nested: { agent: nonsense } }\nx-: 1\n' + BASE;
    assert.deepEqual(found(ignored), []);
    assert.deepEqual(found(BASE + 'extras: {}\n'), ['33 unknown-key extras']);
  });

  test('cluster is required, nodes is required with at least one node', () => {
    assert.deepEqual(found(edit(BASE, ['cluster: stash\n', ''])), ['1 missing-field nodes']);
    assert.match(check(edit(BASE, ['cluster: stash\n', '']))[0].message, /Missing 'cluster' at the top level/);
    const noNodes = edit(BASE, ['nodes:\n  node01: { address: 192.168.56.11 }\n  node02: { address: 192.168.56.12, ssh: { user: admin, port: 2222 } }\n', 'nodes: {}\n']);
    assert.deepEqual(found(noNodes), ['2 missing-field nodes']);
  });

  test('resource-defaults takes the meta attribute keys, op-defaults the operation keys', () => {
    const text = edit(BASE, ['resources:\n',
      'resource-defaults: { resource-stickiness: 100, migration-threshold: 3, colour: red }\nop-defaults: { timeout: 60s, on-fail: restart, colour: red }\nresources:\n']);
    assert.deepEqual(found(text), ['7 unknown-meta colour', '8 bad-op-option colour']);
  });

  test('groups map an id to a list of resource ids; constraints hold colocation, order and location lists', () => {
    const text = edit(BASE, ['constraints:\n', 'groups:\n  stash_grp: [stash_fs, stash_res]\n  web:\n    - stash_vip\nconstraints:\n'],
      ['  order:\n', '  location:\n    - { resource: web, node: node01 }\n  order:\n']);
    assert.deepEqual(found(text), []);
    assert.deepEqual(found(edit(BASE, ['  order:', '  orders:'])), ['31 unknown-key orders']);
  });
});

describe('contract: nodes', () => {
  test('ssh is optional and takes host, user and port; port is an integer 1–65535', () => {
    const ok = edit(BASE, ['ssh: { user: admin, port: 2222 }', 'ssh: { host: n2.example.com, user: admin, port: 65535 }'],
      ['  node01: { address: 192.168.56.11 }', '  node01: { address: 192.168.56.11, ssh: { port: 1 } }']);
    assert.deepEqual(found(ok), []);
    for (const port of ['0', '65536', 'ssh', '22.5']) {
      assert.deepEqual(found(edit(BASE, ['port: 2222', `port: ${port}`])), [`4 type-mismatch ${port}`], port);
    }
    assert.deepEqual(found(edit(BASE, ['ssh: { user: admin', 'ssh: { usr: admin'])), ['4 unknown-key usr']);
  });
});

describe('contract: resources', () => {
  test('agent: ocf:PROVIDER:TYPE, stonith:TYPE, systemd:NAME, lsb:NAME and service:NAME are the forms', () => {
    const forms = withResource('  a:\n    agent: systemd:stash-backup\n  b:\n    agent: lsb:postfix\n  c:\n    agent: service:crond\n' +
      '  d:\n    agent: stonith:fence_ipmilan\n  e:\n    agent: ocf:pacemaker:Dummy\n');
    assert.deepEqual(found(forms), ['34 unknown-agent stonith:fence_ipmilan'], 'stonith meta-data is not built in, the form is fine');
    for (const bad of ['systemd:', 'ocf:heartbeat:IPaddr2:x', 'upstart:stash', 'IPaddr2', 'ocf:heartbeat:']) {
      assert.deepEqual(found(edit(BASE, ['agent: ocf:heartbeat:IPaddr2', `agent: "${bad}"`])).map((f) => f.split(' ')[1]), ['bad-agent'], bad);
    }
  });

  test('params is a mapping of scalars', () => {
    assert.deepEqual(found(edit(BASE, ['cidr_netmask: 24', 'cidr_netmask: [24]'])), ['13 type-mismatch [24]']);
  });

  test('ops: action → operation, or action → list of operations (two monitors with different roles); Master/Slave accepted', () => {
    const drbd = (monitors: string): string => withResource('  drbd:\n    agent: ocf:linbit:drbd\n    params: { drbd_resource: stash }\n' +
      `    ops:\n      monitor:\n${monitors}    promotable: { notify: true }\n`);
    assert.deepEqual(found(drbd('        - { interval: 29s, role: Promoted }\n        - { interval: 31s, role: Unpromoted }\n')), []);
    assert.deepEqual(found(drbd('        - { interval: 29s, role: Master }\n        - { interval: 31s, role: Slave }\n')), []);
    assert.deepEqual(found(drbd('        - { interval: 29s, role: Leader }\n        - { interval: 31s, role: Unpromoted }\n')), ['32 bad-op-option Leader']);
  });

  test('clone or promotable, each alone; not both', () => {
    const ping = (clone: string): string => withResource(`  ping:\n    agent: ocf:pacemaker:ping\n    params: { host_list: 192.168.56.1 }\n${clone}`);
    assert.deepEqual(found(ping('    clone: { clone-max: 2 }\n')), []);
    assert.deepEqual(found(ping('    promotable: { promoted-max: 1 }\n')), []);
    assert.deepEqual(found(ping('    promotable: {}\n    clone: {}\n')), ['31 unknown-key clone']);
  });
});

describe('contract: operation keys', () => {
  test('interval, timeout, start-delay and interval-origin are durations', () => {
    assert.deepEqual(found(withStashOps('interval: 15s, timeout: 30s, start-delay: 5s, interval-origin: 0')), []);
    for (const key of ['interval', 'timeout', 'start-delay', 'interval-origin']) {
      const ops = `interval: 15s, timeout: 30s, ${key}: soon`.replace(`${key}: 15s, `, '').replace(`${key}: 30s, `, '');
      assert.deepEqual(found(withStashOps(ops)), ['23 bad-duration soon'], key);
    }
  });

  test('on-fail: ignore, block, stop, restart, standby, fence, demote', () => {
    for (const v of ['ignore', 'block', 'stop', 'restart', 'standby', 'fence', 'demote']) {
      assert.deepEqual(found(withStashOps(`interval: 15s, timeout: 30s, on-fail: ${v}`)), [], v);
    }
    assert.deepEqual(found(withStashOps('interval: 15s, timeout: 30s, on-fail: reboot')), ['23 bad-op-option reboot']);
  });

  test('role: Started, Stopped, Promoted, Unpromoted, and the deprecated Master and Slave', () => {
    for (const v of ['Started', 'Stopped', 'Promoted', 'Unpromoted', 'Master', 'Slave']) {
      assert.deepEqual(found(withStashOps(`interval: 15s, timeout: 30s, role: ${v}`)), [], v);
    }
  });

  test('enabled and record-pending are booleans; OCF_CHECK_LEVEL is an integer; nothing else is a key', () => {
    assert.deepEqual(found(withStashOps('interval: 15s, timeout: 30s, enabled: on, record-pending: 0, OCF_CHECK_LEVEL: 20')), []);
    assert.deepEqual(found(withStashOps('interval: 15s, timeout: 30s, enabled: perhaps')), ['23 bad-op-option perhaps']);
    assert.deepEqual(found(withStashOps('interval: 15s, timeout: 30s, record-pending: later')), ['23 bad-op-option later']);
    assert.deepEqual(found(withStashOps('interval: 15s, timeout: 30s, OCF_CHECK_LEVEL: deep')), ['23 bad-op-option deep']);
    assert.deepEqual(found(withStashOps('interval: 15s, timeout: 30s, requires: quorum')), ['23 bad-op-option requires']);
  });
});

describe('contract: meta attributes', () => {
  test('migration-threshold is an integer ≥ 0 or INFINITY', () => {
    for (const v of ['0', '1', '1000000', 'INFINITY']) assert.deepEqual(found(withStashMeta(`migration-threshold: ${v}`)), [], v);
    for (const v of ['-1', 'once', '1.5']) assert.deepEqual(found(withStashMeta(`migration-threshold: ${v}`)), [`26 bad-meta-value ${v}`], v);
  });

  test('resource-stickiness is a score, priority an integer', () => {
    for (const v of ['100', '-100', 'INFINITY', '-INFINITY']) assert.deepEqual(found(withStashMeta(`resource-stickiness: ${v}`)), [], v);
    assert.deepEqual(found(withStashMeta('resource-stickiness: sticky')), ['26 bad-score sticky']);
    assert.deepEqual(found(withStashMeta('priority: 10')), []);
    assert.deepEqual(found(withStashMeta('priority: high')), ['26 bad-meta-value high']);
  });

  test('target-role: Started, Stopped, Promoted, Unpromoted', () => {
    for (const v of ['Started', 'Stopped', 'Promoted', 'Unpromoted']) assert.deepEqual(found(withStashMeta(`target-role: ${v}`)), [], v);
    assert.deepEqual(found(withStashMeta('target-role: Running')), ['26 bad-meta-value Running']);
  });

  test('is-managed, maintenance, allow-migrate and critical are booleans; failure-timeout a duration', () => {
    assert.deepEqual(found(withStashMeta('is-managed: true\n      maintenance: no\n      allow-migrate: off\n      critical: 1\n      failure-timeout: 1h')), []);
    for (const key of ['is-managed', 'maintenance', 'allow-migrate', 'critical']) {
      assert.deepEqual(found(withStashMeta(`${key}: sometimes`)), ['26 bad-meta-value sometimes'], key);
    }
    assert.deepEqual(found(withStashMeta('failure-timeout: a while')), ['26 bad-duration a while']);
  });

  test('multiple-active: block, stop_only, stop_start, stop_unexpected; requires: nothing, quorum, fencing, unfencing', () => {
    for (const v of ['block', 'stop_only', 'stop_start', 'stop_unexpected']) assert.deepEqual(found(withStashMeta(`multiple-active: ${v}`)), [], v);
    for (const v of ['nothing', 'quorum', 'fencing', 'unfencing']) assert.deepEqual(found(withStashMeta(`requires: ${v}`)), [], v);
    assert.deepEqual(found(withStashMeta('multiple-active: stop_all')), ['26 bad-meta-value stop_all']);
    assert.deepEqual(found(withStashMeta('requires: everything')), ['26 bad-meta-value everything']);
  });
});

describe('contract: clone options', () => {
  const drbd = (options: string): string => withResource(`  drbd:\n    agent: ocf:linbit:drbd\n    params: { drbd_resource: stash }\n    promotable: { ${options} }\n`);

  test('clone-max, clone-node-max, promoted-max, promoted-node-max are integers', () => {
    assert.deepEqual(found(drbd('clone-max: 2, clone-node-max: 1, promoted-max: 1, promoted-node-max: 1')), []);
    for (const key of ['clone-max', 'clone-node-max', 'promoted-max', 'promoted-node-max']) {
      assert.deepEqual(found(drbd(`${key}: two`)), ['30 bad-meta-value two'], key);
    }
  });

  test('notify, interleave, globally-unique, ordered are booleans', () => {
    assert.deepEqual(found(drbd('notify: true, interleave: yes, globally-unique: false, ordered: off')), []);
    for (const key of ['notify', 'interleave', 'globally-unique', 'ordered']) {
      assert.deepEqual(found(drbd(`${key}: sure`)), ['30 bad-meta-value sure'], key);
    }
  });
});
