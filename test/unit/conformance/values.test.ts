/**
 * Conformance to spec-format.md beyond the key lists: constraints, the "Values"
 * section (booleans, durations, scores, ids), cluster properties, the agents the
 * server knows (Stash's schema first), anchors/aliases/merges and "runs with". Each
 * sentence gets a spec that it allows (nothing reported) and, where it forbids
 * something, the one finding that earns. All through validateText (contractSpec.ts).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, check, edit, insertBefore } from './contractSpec';

function found(text: string): string[] {
  return check(text).map((d) => `${d.line} ${d.code} ${d.range}`);
}

const withResource = (lines: string): string => insertBefore(BASE, 'constraints:\n', lines);
const FIRST_COLOCATION = '{ resource: stash_vip, with: stash_res, score: INFINITY }';
const withProperty = (line: string): string => edit(BASE, ['  no-quorum-policy: ignore\n', `  no-quorum-policy: ignore\n  ${line}\n`]);

describe('contract: constraints', () => {
  test('colocation: resource, with, score, role, with-role; score defaults to INFINITY', () => {
    assert.deepEqual(found(edit(BASE, [FIRST_COLOCATION, '{ resource: stash_vip, with: stash_res, role: Started, with-role: Started }'])), []);
    assert.deepEqual(found(edit(BASE, [FIRST_COLOCATION, '{ resource: stash_vip, with: stash_res, with-role: Leader }'])), ['29 type-mismatch Leader']);
  });

  test('order: first, then, kind (Mandatory, Optional, Serialize), symmetrical, first-action and then-action (start, stop, promote, demote)', () => {
    for (const kind of ['Mandatory', 'Optional', 'Serialize']) {
      for (const action of ['start', 'stop', 'promote', 'demote']) {
        const order = `{ first: stash_fs, then: stash_res, kind: ${kind}, symmetrical: false, first-action: ${action}, then-action: ${action} }`;
        assert.deepEqual(found(edit(BASE, ['{ first: stash_fs, then: stash_res }', order])), [], `${kind} ${action}`);
      }
    }
    assert.deepEqual(found(edit(BASE, ['{ first: stash_fs, then: stash_res }', '{ first: stash_fs, then: stash_res, kind: Always }'])), ['32 type-mismatch Always']);
    assert.deepEqual(found(edit(BASE, ['{ first: stash_fs, then: stash_res }', '{ first: stash_fs, then: stash_res, then-action: monitor }'])), ['32 type-mismatch monitor']);
  });

  test('location: resource, node, score; score defaults to INFINITY', () => {
    const text = BASE + '  location:\n    - { resource: stash_res, node: node01 }\n    - { resource: stash_res, node: node02, score: -INFINITY }\n';
    assert.deepEqual(found(text), []);
  });

  test('a constraint may name a resource, a group, or a cloned resource', () => {
    const text = edit(withResource('  ping:\n    agent: ocf:pacemaker:ping\n    params: { host_list: 192.168.56.1 }\n    clone: {}\n'),
      ['constraints:\n', 'groups:\n  stash_grp: [stash_fs, stash_res]\nconstraints:\n'],
      ['  order:\n', '  location:\n    - { resource: stash_grp, node: node01 }\n    - { resource: ping, node: node02, score: 10 }\n  order:\n'],
      ['{ first: stash_fs, then: stash_res }', '{ first: ping, then: stash_grp }']);
    assert.deepEqual(found(text), []);
  });
});

describe('contract: values', () => {
  test('a boolean is true/false, yes/no, on/off or 1/0', () => {
    for (const v of ['true', 'false', 'yes', 'no', 'on', 'off', '1', '0', 'True', 'NO']) {
      assert.deepEqual(found(edit(BASE, ['migration-threshold: 1', `is-managed: ${v}`])), [], v);
    }
    assert.deepEqual(found(edit(BASE, ['migration-threshold: 1', 'is-managed: enabled'])), ['26 bad-meta-value enabled']);
  });

  test('a duration: an integer with ms, msec, us, usec, s, sec, m, min, h or hr, none (seconds), or ISO 8601 (PT4M)', () => {
    for (const v of ['500ms', '500msec', '5000000us', '5000000usec', '5s', '5sec', '5m', '5min', '1h', '1hr', '300', 'PT4M']) {
      assert.deepEqual(found(edit(BASE, ['migration-threshold: 1', `failure-timeout: ${v}`])), [], v);
    }
    for (const v of ['5 minutes', '1.5s', '5d', 'PT', '-5s']) {
      assert.deepEqual(found(edit(BASE, ['migration-threshold: 1', `failure-timeout: ${v}`])), [`26 bad-duration ${v}`], v);
    }
  });

  test('no unit means seconds, and each unit counts as itself for timeouts (30 = 30s, 29999ms < 30s)', () => {
    const monitor = (timeout: string): string[] => found(edit(BASE, ['{ interval: 15s, timeout: 30s }', `{ interval: 15s, timeout: ${timeout} }`]));
    for (const ok of ['30', '30000ms', '30000000us', 'PT30S', '1m', '1h']) assert.deepEqual(monitor(ok), [], ok);
    for (const short of ['29', '29999ms', '29sec', 'PT29S']) assert.deepEqual(monitor(short), [`23 op-timeout-short ${short}`], short);
  });

  test('a score is an integer, INFINITY, +INFINITY or -INFINITY', () => {
    for (const v of ['100', '-100', '0', 'INFINITY', '+INFINITY', '-INFINITY']) {
      const findings = found(edit(BASE, ['score: INFINITY', `score: ${v}`]));
      assert.ok(findings.every((f) => !f.includes('bad-score')), `${v}: ${findings.join('; ')}`);
    }
    for (const v of ['1.5', 'INFINITE', 'high']) assert.deepEqual(found(edit(BASE, ['score: INFINITY', `score: ${v}`])), [`29 bad-score ${v}`], v);
  });

  test('an id starts with a letter or _ and holds only letters, digits, _, . and -; resources and groups share one id space', () => {
    for (const id of ['a', '_a', 'A1', 'stash.res-1_b']) {
      assert.deepEqual(found(withResource(`  ${id}:\n    agent: ocf:pacemaker:Dummy\n`)), [], id);
    }
    for (const id of ['1a', '-a', '.a', 'a b', 'a/b', 'a:b', 'ä']) {
      assert.deepEqual(found(withResource(`  "${id}":\n    agent: ocf:pacemaker:Dummy\n`)), [`27 invalid-id "${id}"`], id);
    }
    assert.deepEqual(found(insertBefore(BASE, 'constraints:\n', 'groups:\n  stash_fs: [stash_vip]\n')), ['28 duplicate-id stash_fs']);
  });
});

describe('contract: cluster properties', () => {
  test('each listed property with a value of its kind', () => {
    const props = ['stonith-enabled: true', 'fencing-enabled: true', 'symmetric-cluster: true', 'maintenance-mode: false',
      'start-failure-is-fatal: yes', 'stop-all-resources: off', 'stonith-timeout: 60s', 'cluster-recheck-interval: 15min',
      'shutdown-lock-limit: PT30M', 'shutdown-lock: 1', 'placement-strategy: balanced'];
    assert.deepEqual(found(withProperty(props.join('\n  '))), []);
    for (const v of ['stop', 'freeze', 'ignore', 'demote', 'suicide']) assert.deepEqual(found(edit(BASE, ['policy: ignore', `policy: ${v}`])), [], v);
    for (const v of ['default', 'utilization', 'minimal', 'balanced']) assert.deepEqual(found(withProperty(`placement-strategy: ${v}`)), [], v);
  });

  test('wrong kinds: booleans and fixed words are bad-property-value, durations bad-duration', () => {
    assert.deepEqual(found(withProperty('symmetric-cluster: mostly')), ['7 bad-property-value mostly']);
    assert.deepEqual(found(withProperty('placement-strategy: fair')), ['7 bad-property-value fair']);
    assert.deepEqual(found(withProperty('cluster-recheck-interval: often')), ['7 bad-duration often']);
  });

  test('stonith-enabled and fencing-enabled are both known; any other property is an unknown-property warning', () => {
    const text = withProperty('dc-deadline: 20s');
    assert.deepEqual(check(text).map((d) => [d.code, d.severity, d.range]), [['unknown-property', 'warning', 'dc-deadline']]);
  });
});

describe('contract: the agents the server knows', () => {
  const STASH_PARAMS = '      stash_user: atlstash\n      stash_home: /var/atlassian/application-data/stash\n      stash_inst: /opt/atlassian/stash/3.11.3\n';

  test('ocf:heartbeat:stash requires stash_user, stash_home and stash_inst; status_url is optional', () => {
    for (const p of ['stash_user', 'stash_home', 'stash_inst']) {
      const text = edit(BASE, [STASH_PARAMS, STASH_PARAMS.split('\n').filter((l) => !l.includes(`${p}:`)).join('\n')]);
      const findings = check(text);
      assert.deepEqual(findings.map((d) => `${d.line} ${d.code} ${d.range}`), ['18 missing-param params'], p);
      assert.match(findings[0].message, new RegExp(`lacks the parameter '${p}'`));
    }
    assert.deepEqual(found(edit(BASE, ['      stash_user: atlstash\n', '      stash_user: atlstash\n      status_url: http://localhost:7990/status\n'])), []);
    assert.deepEqual(found(edit(BASE, ['      stash_user: atlstash\n', '      stash_user: atlstash\n      status_url: localhost:7990\n'])), ['20 param-value localhost:7990']);
  });

  test('Stash\'s advertised timeouts: start 240s, stop 120s, monitor 30s', () => {
    const ops = (line: string): string[] => found(edit(BASE, ['      start: { timeout: 240s }', line]));
    assert.deepEqual(ops('      start: { timeout: 240s }\n      stop: { timeout: 120s }'), []);
    assert.deepEqual(ops('      start: { timeout: 239s }'), ['24 op-timeout-short 239s']);
    assert.deepEqual(ops('      start: { timeout: 240s }\n      stop: { timeout: 119s }'), ['25 op-timeout-short 119s']);
    assert.deepEqual(found(edit(BASE, ['timeout: 30s }', 'timeout: 29s }'])), ['23 op-timeout-short 29s']);
  });

  test('IPaddr2 requires ip, Filesystem device, directory and fstype, drbd drbd_resource, ping host_list; Dummy nothing', () => {
    const missing = (lines: string): string[] => check(withResource(lines)).filter((d) => d.code === 'missing-param').map((d) => d.message.match(/parameter '([^']+)'/)![1]);
    assert.deepEqual(missing('  v2:\n    agent: ocf:heartbeat:IPaddr2\n    params: { cidr_netmask: 24 }\n'), ['ip']);
    assert.deepEqual(missing('  fs2:\n    agent: ocf:heartbeat:Filesystem\n    params: { options: noatime }\n'), ['device', 'directory', 'fstype']);
    assert.deepEqual(missing('  drbd:\n    agent: ocf:linbit:drbd\n    params: { drbdconf: /etc/drbd.conf }\n    promotable: {}\n'), ['drbd_resource']);
    assert.deepEqual(missing('  ping:\n    agent: ocf:pacemaker:ping\n    params: { multiplier: 100 }\n'), ['host_list']);
    assert.deepEqual(missing('  probe:\n    agent: ocf:pacemaker:Dummy\n'), []);
  });
});

describe('contract: anchors, aliases and merges', () => {
  test('resolved before checking: shared settings through *alias and << are checked like written ones', () => {
    const text = 'x-monitor: &monitor { interval: 15s, timeout: 30s }\nx-meta: &meta { migration-threshold: 1 }\n' +
      edit(BASE, ['      monitor: { interval: 15s, timeout: 30s }', '      monitor: *monitor'], ['    meta:\n      migration-threshold: 1', '    meta:\n      <<: *meta\n      priority: 5']);
    assert.deepEqual(found(text), []);
  });

  test('a finding through an alias points at the alias use, not at the anchor', () => {
    const text = 'x-monitor: &monitor { interval: 15s, timeout: 10s }\n' + edit(BASE, ['      monitor: { interval: 15s, timeout: 30s }', '      monitor: *monitor']);
    assert.deepEqual(found(text), ['24 op-timeout-short *monitor']);
  });

  test('a finding through a << merge points at the merged alias; explicit keys override merged ones', () => {
    const text = 'x-meta: &meta { migration-threshold: once, priority: high }\n' +
      edit(BASE, ['    meta:\n      migration-threshold: 1', '    meta:\n      <<: *meta\n      priority: 5']);
    assert.deepEqual(found(text), ['27 bad-meta-value *meta']);
  });

  test('an anchor inside a resource is checked where it is written and again at each alias use', () => {
    const text = edit(withResource('  probe:\n    agent: ocf:pacemaker:Dummy\n    ops: *ops\n'),
      ['      monitor: { interval: 15s, timeout: 30s }\n      start: { timeout: 240s }', '      &ops\n      monitor: { interval: 15s, timeout: 30s }\n      start: { timeout: 2s }']);
    assert.deepEqual(found(text), ['25 op-timeout-short 2s', '30 op-timeout-short *ops']);
  });
});

describe('contract: runs with', () => {
  const UNTIED = edit(BASE, [`    - ${FIRST_COLOCATION}\n`, '']);

  test('chains of INFINITY colocations, in either direction, tie the address to Stash', () => {
    const chained = (lines: string): string[] => found(edit(withResource('  probe:\n    agent: ocf:pacemaker:Dummy\n'),
      [`    - ${FIRST_COLOCATION}\n`, lines]));
    assert.deepEqual(chained('    - { resource: stash_vip, with: probe }\n    - { resource: probe, with: stash_res }\n'), []);
    assert.deepEqual(chained('    - { resource: probe, with: stash_vip, score: +INFINITY }\n    - { resource: stash_fs, with: probe }\n'), []);
    assert.deepEqual(chained('    - { resource: probe, with: stash_vip, score: -INFINITY }\n    - { resource: stash_fs, with: probe }\n'), ['11 vip-not-colocated stash_vip']);
  });

  test('a group counts as its members, and a clone as itself', () => {
    assert.deepEqual(found(insertBefore(UNTIED, 'constraints:\n', 'groups:\n  front: [stash_vip]\n  back: [stash_res]\n')
      .replace('  colocation:\n', '  colocation:\n    - { resource: front, with: back }\n')), []);
    const viaClone = edit(withResource('  ping:\n    agent: ocf:pacemaker:ping\n    params: { host_list: 192.168.56.1 }\n    clone: {}\n'),
      [`    - ${FIRST_COLOCATION}\n`, '    - { resource: stash_vip, with: ping }\n    - { resource: stash_res, with: ping }\n']);
    assert.deepEqual(found(viaClone), []);
  });

  test('the home must be inside a Filesystem directory path by path: /srv/stash-home is not inside /srv/stash', () => {
    const layout = (directory: string, home: string): string[] => found(edit(BASE, ['directory: /var/atlassian/application-data', `directory: ${directory}`],
      ['stash_home: /var/atlassian/application-data/stash', `stash_home: ${home}`]));
    assert.deepEqual(layout('/srv/stash', '/srv/stash-home'), ['20 stash-home-not-shared /srv/stash-home']);
    assert.deepEqual(layout('/srv/stash', '/srv/stash'), []);
    assert.deepEqual(layout('/srv/stash/', '/srv//stash/./home'), []);
    assert.deepEqual(layout('/srv/stash', '/srv/stash/../stash-home'), ['20 stash-home-not-shared /srv/stash/../stash-home']);
  });

  test('a Filesystem whose own mistake hides what it mounts raises that mistake only', () => {
    assert.deepEqual(found(edit(BASE, ['agent: ocf:heartbeat:Filesystem', 'agent: ocf:heartbeat:Filesystm'])), ['9 unknown-agent ocf:heartbeat:Filesystm']);
    assert.deepEqual(found(edit(BASE, ['directory: /var/atlassian/application-data', 'directory: var/atlassian/application-data'])),
      ['10 param-value var/atlassian/application-data']);
  });
});
