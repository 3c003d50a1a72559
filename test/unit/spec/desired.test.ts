import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, desiredCluster, DesiredCluster, DesiredResource, Span } from '../../../server/src';
import { BASE } from '../conformance/contractSpec';
import { lines } from '../helpers';

/** The span of `needle` in `text`, at its first occurrence from where `after` starts. */
function at(text: string, needle: string, after = ''): Span {
  const from = text.indexOf(after);
  const start = text.indexOf(needle, from);
  assert.ok(from >= 0 && start >= 0, `${needle} after ${after}`);
  return { start, end: start + needle.length };
}

const HEAD = lines('cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }');

function desired(text: string): DesiredCluster {
  return desiredCluster(buildModel(text));
}

function resource(text: string, id = 'r'): DesiredResource {
  const r = desired(text).resources.find((x) => x.id === id);
  assert.ok(r, id);
  return r;
}

/** The normal forms of a resource's meta attributes, by name. */
function metaValues(text: string): Record<string, string | undefined> {
  return Object.fromEntries(resource(text).meta.map((a) => [a.name, a.value]));
}

describe('desiredCluster', () => {
  test("the contract's example, read in full", () => {
    const t = BASE;
    const v = (text: string, after = '') => ({ value: text, text, span: at(t, text, after) });
    const attr = (name: string, text: string, after = '') => ({ name, nameSpan: at(t, name, after), ...v(text, after) });
    const ref = (id: string, after: string) => ({ id, span: at(t, id, after) });
    const agent = (type: string) => ({
      value: { standard: 'ocf', provider: 'heartbeat', type, name: `ocf:heartbeat:${type}` },
      text: `ocf:heartbeat:${type}`, span: at(t, `ocf:heartbeat:${type}`),
    });
    const ms = (value: number, text: string, after: string) => ({ value, text, span: at(t, text, after) });
    const expected: DesiredCluster = {
      name: v('stash'),
      nodes: [
        { name: 'node01', span: at(t, 'node01'), address: v('192.168.56.11'), ssh: { host: v('192.168.56.11') } },
        {
          name: 'node02', span: at(t, 'node02'), address: v('192.168.56.12'),
          ssh: { host: v('192.168.56.12'), user: v('admin'), port: { value: 2222, text: '2222', span: at(t, '2222') } },
        },
      ],
      resources: [
        {
          id: 'stash_fs', span: at(t, 'stash_fs', 'resources:'), agent: agent('Filesystem'),
          params: [attr('device', '/dev/drbd0'), attr('directory', '/var/atlassian/application-data'), attr('fstype', 'xfs')],
          ops: [], meta: [],
        },
        {
          id: 'stash_vip', span: at(t, 'stash_vip', 'resources:'), agent: agent('IPaddr2'),
          params: [attr('ip', '192.168.56.100', '{ ip:'), attr('cidr_netmask', '24', 'cidr_netmask')],
          ops: [{ action: 'monitor', span: at(t, 'monitor'), interval: ms(30_000, '30s', 'monitor'), options: [] }],
          meta: [],
        },
        {
          id: 'stash_res', span: at(t, 'stash_res', 'resources:'), agent: agent('stash'),
          params: [
            attr('stash_user', 'atlstash'), attr('stash_home', '/var/atlassian/application-data/stash'),
            attr('stash_inst', '/opt/atlassian/stash/3.11.3'),
          ],
          ops: [
            { action: 'monitor', span: at(t, 'monitor', 'stash_inst'), interval: ms(15_000, '15s', 'stash_inst'), timeout: ms(30_000, '30s', '15s'), options: [] },
            { action: 'start', span: at(t, 'start', 'stash_inst'), timeout: ms(240_000, '240s', 'stash_inst'), options: [] },
          ],
          meta: [attr('migration-threshold', '1', 'migration-threshold')],
        },
      ],
      groups: [],
      constraints: {
        colocations: [
          {
            span: at(t, '{ resource: stash_vip, with: stash_res, score: INFINITY }'),
            resource: ref('stash_vip', 'colocation:'), with: ref('stash_res', 'with: stash_res'), score: v('INFINITY'),
          },
          {
            span: at(t, '{ resource: stash_res, with: stash_fs }'),
            resource: ref('stash_res', '{ resource: stash_res'), with: ref('stash_fs', 'with: stash_fs'),
            score: { value: 'INFINITY', text: 'INFINITY' },
          },
        ],
        orders: [{ span: at(t, '{ first: stash_fs, then: stash_res }'), first: ref('stash_fs', 'first: '), then: ref('stash_res', 'then: ') }],
        locations: [],
      },
      properties: [attr('no-quorum-policy', 'ignore')],
      resourceDefaults: [],
      opDefaults: [],
      stash: [{ resource: 'stash_res', statusUrl: { value: 'http://localhost:7990/status', text: 'http://localhost:7990/status' } }],
      problems: [],
    };
    assert.deepStrictEqual(desired(t), expected);
  });

  test('durations are milliseconds: 15 and 15s are one value, each keeping its text', () => {
    const r = resource(HEAD + lines('resources:', '  r:', '    agent: ocf:pacemaker:Dummy', '    ops:',
      '      monitor: { interval: 15, timeout: 15s }', '      start: { timeout: PT4M, start-delay: 500ms }'));
    const [monitor, start] = r.ops;
    assert.deepEqual([monitor.interval?.value, monitor.interval?.text, monitor.timeout?.value, monitor.timeout?.text], [15_000, '15', 15_000, '15s']);
    assert.deepEqual([start.interval, start.timeout?.value], [undefined, 240_000]);
    assert.deepEqual(start.options.map((o) => [o.name, o.value, o.text]), [['start-delay', '500ms', '500ms']]);
    const meta = metaValues(HEAD + lines('resources:', '  r:', '    agent: ocf:pacemaker:Dummy', '    meta: { failure-timeout: 10min }'));
    assert.equal(meta['failure-timeout'], '600000ms');
  });

  test('booleans, scores, roles and meta words have one normal form', () => {
    const meta = metaValues(HEAD + lines('resources:', '  r:', '    agent: ocf:pacemaker:Dummy', '    meta:',
      '      is-managed: yes', '      maintenance: "off"', '      critical: Y', '      resource-stickiness: +INFINITY',
      '      migration-threshold: 1000000', '      priority: "+05"', '      target-role: Master', '      multiple-active: STOP_ONLY',
      '      x-custom: As Written'));
    assert.deepEqual(meta, {
      'is-managed': 'true', maintenance: 'false', critical: 'true', 'resource-stickiness': 'INFINITY',
      'migration-threshold': 'INFINITY', priority: '5', 'target-role': 'Promoted', 'multiple-active': 'stop_only', 'x-custom': 'As Written',
    });
    const started = metaValues(HEAD + lines('resources:', '  r:', '    agent: ocf:pacemaker:Dummy', '    meta: { target-role: started }'));
    assert.equal(started['target-role'], 'Started');
  });

  test('an operation role by its new name; operation and constraint words as the CIB takes them', () => {
    const text = HEAD + lines('resources:', '  d:', '    agent: ocf:linbit:drbd', '    ops:', '      monitor:',
      '        - { interval: 29s, role: Master, enabled: "no", on-fail: restart, OCF_CHECK_LEVEL: "010" }',
      '        - { interval: 31s, role: Slave, on-fail: Restart }',
      '        - { interval: 32s, role: master }',
      '    promotable: { notify: true, promoted-max: 1 }',
      '  fs: { agent: ocf:heartbeat:Filesystem }',
      'constraints:',
      '  colocation:', '    - { resource: fs, with: d, score: +INFINITY, with-role: Master }',
      '  order:', '    - { first: d, then: fs, first-action: promote, then-action: start, kind: optional, symmetrical: "off" }',
      '  location:', '    - { resource: fs, node: n1, score: -infinity }');
    const d = desired(text);
    const drbd = d.resources[0];
    assert.deepEqual(drbd.ops.map((o) => [o.role?.value, o.role?.text]), [['Promoted', 'Master'], ['Unpromoted', 'Slave'], [undefined, 'master']]);
    assert.deepEqual(drbd.ops[0].options.map((o) => [o.name, o.value]), [['enabled', 'false'], ['on-fail', 'restart'], ['OCF_CHECK_LEVEL', '10']]);
    assert.deepEqual(drbd.ops[1].options.map((o) => [o.name, o.value, o.text]), [['on-fail', undefined, 'Restart']]);
    assert.deepEqual(drbd.clone && [drbd.clone.kind, drbd.clone.options.map((o) => [o.name, o.value])], ['promotable', [['notify', 'true'], ['promoted-max', '1']]]);
    const [c] = d.constraints.colocations;
    assert.deepEqual([c.score.value, c.score.text, c.withRole?.value, c.role], ['INFINITY', '+INFINITY', 'Promoted', undefined]);
    const [o] = d.constraints.orders;
    assert.deepEqual([o.firstAction?.value, o.thenAction?.value, o.kind?.value, o.kind?.text, o.symmetrical?.value], ['promote', 'start', undefined, 'optional', 'false']);
    assert.deepEqual(d.constraints.locations.map((l) => [l.resource.id, l.node.id, l.score.value]), [['fs', 'n1', '-INFINITY']]);
  });

  test('properties, resource-defaults and op-defaults are normalised by their kind', () => {
    const d = desired(HEAD + lines('pacemaker: "2.1"',
      'properties: { stonith-enabled: "no", no-quorum-policy: Freeze, stonith-timeout: 60, some-new-property: x }',
      'resource-defaults: { resource-stickiness: 100 }', 'op-defaults: { timeout: 1min, record-pending: on }'));
    assert.deepEqual(d.properties.map((p) => [p.name, p.value]), [['stonith-enabled', 'false'], ['no-quorum-policy', 'freeze'], ['stonith-timeout', '60000ms'], ['some-new-property', 'x']]);
    assert.deepEqual(d.resourceDefaults.map((p) => [p.name, p.value]), [['resource-stickiness', '100']]);
    assert.deepEqual(d.opDefaults.map((p) => [p.name, p.value]), [['timeout', '60000ms'], ['record-pending', 'true']]);
    assert.equal(d.pacemaker?.value, '2.1');
  });

  test('what does not normalise keeps its text and no normal form; what cannot be read is left out', () => {
    const text = HEAD + lines('resources:',
      '  r:', '    agent: ocf:pacemaker:Dummy', '    ops: { monitor: { interval: 15 sex, timeout: soon } }',
      '    meta: { migration-threshold: once, is-managed: maybe, resource-stickiness: [1], priority: }',
      '  bad: { agent: IPaddr2 }', '  none: { params: { a: 1 } }', '  scalar: 5', '  empty:',
      'groups: { g: [r, "", bad] }',
      'constraints:', '  colocation:', '    - { resource: r, score: INFINTY }', '    - { resource: r, with: bad, score: INFINTY }',
      '  order:', '    - { first: r }', '  location:', '    - { node: n1 }');
    const d = desired(text);
    assert.deepEqual(d.resources.map((r) => r.id), ['r', 'bad', 'none']);
    const r = d.resources[0];
    assert.deepEqual([r.ops[0].interval, r.ops[0].timeout], [
      { text: '15 sex', span: at(text, '15 sex') }, { text: 'soon', span: at(text, 'soon') }]);
    assert.deepEqual(r.meta.map((m) => [m.name, m.value, m.text]), [['migration-threshold', undefined, 'once'], ['is-managed', undefined, 'maybe'], ['priority', undefined, '']]);
    assert.deepEqual(d.resources[1].agent, { text: 'IPaddr2', span: at(text, 'IPaddr2') });
    assert.equal(d.resources[2].agent, undefined);
    assert.deepEqual(d.groups.map((g) => [g.id, g.members.map((m) => m.id)]), [['g', ['r', 'bad']]]);
    assert.deepEqual(d.constraints.colocations.map((c) => [c.with.id, c.score.value, c.score.text]), [['bad', undefined, 'INFINTY']]);
    assert.deepEqual([d.constraints.orders, d.constraints.locations], [[], []]);
  });

  test('anchors, aliases and merge keys are resolved; a value through an alias points at the alias', () => {
    const text = lines('cluster: c', 'x-ssh: &ssh { user: admin, port: 2222 }', 'x-meta: &meta { migration-threshold: 3, is-managed: "on" }',
      'nodes:', '  n1: { address: 10.0.0.1, ssh: *ssh }', '  n2: { address: 10.0.0.2, ssh: { <<: *ssh, port: 22 } }',
      'resources:', '  r:', '    agent: &dummy ocf:pacemaker:Dummy', '    meta: { <<: *meta, migration-threshold: 1 }', '  s: { agent: *dummy }');
    const d = desired(text);
    const aliasAt = (alias: string, after: string) => at(text, alias, after);
    assert.deepEqual(d.nodes[0].ssh.user, { value: 'admin', text: 'admin', span: aliasAt('*ssh', 'n1:') });
    assert.deepEqual(d.nodes[1].ssh.port, { value: 22, text: '22', span: aliasAt('22', 'port: 22 }') });
    assert.deepEqual(d.nodes[1].ssh.user?.span, aliasAt('*ssh', 'n2:'));
    const [r, s] = d.resources;
    assert.deepEqual(r.meta.map((m) => [m.name, m.value, m.span]), [
      ['migration-threshold', '1', at(text, '1', 'migration-threshold: 1')], ['is-managed', 'true', aliasAt('*meta', 'resources:')]]);
    assert.deepEqual(s.agent, { value: { standard: 'ocf', provider: 'pacemaker', type: 'Dummy', name: 'ocf:pacemaker:Dummy' }, text: 'ocf:pacemaker:Dummy', span: aliasAt('*dummy', 's:') });
  });

  test('ssh targets: ssh.host else the address; a port is a decimal integer from 1 to 65535', () => {
    const node = (ssh: string) => desired(lines('cluster: c', 'nodes:', `  n1: { address: 10.0.0.1${ssh} }`));
    assert.deepEqual(node(', ssh: { host: jump-n1 }').nodes[0].ssh.host.value, 'jump-n1');
    assert.deepEqual(node(', ssh: { host: "" }').nodes[0].ssh.host.value, '10.0.0.1');
    for (const good of ['22', '1', '65535', '"2222"']) {
      const d = node(`, ssh: { port: ${good} }`);
      assert.deepEqual([d.problems, d.nodes[0].ssh.port?.value], [[], Number(good.replace(/"/g, ''))], good);
    }
    for (const bad of ['0x8ae', '22.0', '" 22"', '0', '65536', '-22', '2e3', '0o4256', 'ssh', '"22 "']) {
      const d = node(`, ssh: { port: ${bad} }`);
      assert.deepEqual(d.nodes, [], bad);
      assert.equal(d.problems.length, 1, bad);
      assert.match(d.problems[0].message, /^node n1: ssh\.port '.*' is not a port number$/, bad);
    }
    const noAddress = desired(lines('cluster: c', 'nodes:', '  n1: { ssh: { user: u } }', '  n2: { address: "" }', '  n3: { ssh: { host: h3 } }'));
    assert.deepEqual(noAddress.problems.map((p) => p.message), ['node n1 has no address (nor ssh.host) to connect to', 'node n2 has no address (nor ssh.host) to connect to']);
    assert.deepEqual(noAddress.nodes.map((n) => [n.name, n.address, n.ssh.host.value]), [['n3', undefined, 'h3']]);
  });

  test('values ssh or curl would misread are unsafe problems by the vocabulary\'s rules; their node is left out', () => {
    const d = desired(lines('cluster: c', 'nodes:',
      '  n1: { address: -oProxyCommand=x }', '  n2: { address: 10.0.0.2, ssh: { host: "n2;x", user: "-l" } }',
      '  n3: { address: 10.0.0.3, ssh: { port: 0x8ae } }', '  n4: { address: 10.0.0.4, ssh: { user: jdoe@corp } }',
      'resources:', '  s: { agent: ocf:heartbeat:stash, params: { status_url: "file:///etc/shadow" } }'));
    assert.deepEqual(d.nodes.map((n) => n.name), ['n4']);
    assert.deepEqual(d.problems.map((p) => [p.message, p.unsafe]), [
      ["node n1: address '-oProxyCommand=x' cannot be used: it starts with '-', which ssh would read as an option", true],
      ['node n2: ssh.host \'n2;x\' cannot be used: it holds ";"', true],
      ["node n2: ssh.user '-l' cannot be used: it starts with '-', which ssh would read as an option", true],
      ["node n3: ssh.port '0x8ae' is not a port number", true],
      ["resource s: status_url 'file:///etc/shadow' cannot be used: its scheme is file, not http or https", true],
    ]);
    assert.deepEqual(d.stash[0].statusUrl.value, undefined, 'an unsafe status page has no value');
    assert.equal(desired(lines('cluster: c', 'nodes:', '  n1: { ssh: { user: u } }')).problems[0].unsafe, undefined, 'a node with no address is no unsafe value');
  });

  test("Stash's status page: status_url, else the agent's default", () => {
    const d = desired(HEAD + lines('resources:', '  s1: { agent: ocf:heartbeat:stash, params: { status_url: "http://10.0.0.9:7990/status" } }',
      '  s2: { agent: ocf:heartbeat:stash }', '  s3: { agent: ocf:heartbeat:stash, params: { status_url: } }', '  d: { agent: ocf:pacemaker:Dummy }'));
    assert.deepEqual(d.stash.map((s) => [s.resource, s.statusUrl.value, s.statusUrl.span !== undefined]), [
      ['s1', 'http://10.0.0.9:7990/status', true], ['s2', 'http://localhost:7990/status', false], ['s3', 'http://localhost:7990/status', false]]);
  });

  test('is deep-frozen plain data that survives JSON', () => {
    const d = desired(BASE);
    const frozen = (x: unknown): boolean => typeof x !== 'object' || x === null || (Object.isFrozen(x) && Object.values(x).every(frozen));
    assert.ok(frozen(d));
    assert.deepStrictEqual(JSON.parse(JSON.stringify(d)), d);
    assert.throws(() => { (d.nodes as unknown as unknown[]).push({}); }, TypeError);
    assert.deepStrictEqual(desired(''), { nodes: [], resources: [], groups: [], constraints: { colocations: [], orders: [], locations: [] },
      properties: [], resourceDefaults: [], opDefaults: [], stash: [], problems: [] });
  });
});
