// Import's spec writer on CIBs captured from the lab: the seed's cluster comes back
// as about what the admin typed; every captured cluster comes back as a spec that
// lints without errors and diffs in sync with the cluster it was read from; what the
// format cannot say is listed at the top; values YAML would misread are quoted.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog, diffClusters, inSync, validateText, writeSpec, yamlScalar } from '../../../server/src';
import { CibState, liveOf, specOf } from './cibFixtures';

const catalog = createCatalog();

describe('writing a live cluster as a spec', () => {
  test("the seed's cluster comes back as what the seed typed, less what pcs would make by itself", () => {
    const text = writeSpec(liveOf('seed'), { catalog, header: ['Imported from node01.'] });
    assert.equal(text, [
      '# Imported from node01.',
      '',
      'cluster: stashlab',
      '',
      'nodes:',
      '  node01: { address: 10.213.88.11 }',
      '  node02: { address: 10.213.88.12 }',
      '  node03: { address: 10.213.88.13 }',
      '',
      'properties:',
      '  stonith-enabled: false',
      '  dc-deadtime: 5s',
      '',
      'resource-defaults:',
      '  resource-stickiness: 1',
      '',
      'resources:',
      '  stash_res:',
      '    agent: ocf:heartbeat:stash',
      '    params: { stash_home: /srv/shared/stash-home, stash_inst: /srv/stash, stash_user: stash }',
      // The seed's monitor has no timeout, so it differs from the agent's 15s/30s; its start timeout is the agent's own.
      '    ops:',
      '      monitor: { interval: 15s }',
      '    meta: { migration-threshold: 1 }',
      '  stash_vip:',
      '    agent: ocf:heartbeat:IPaddr2',
      '    params: { cidr_netmask: 24, ip: 10.213.88.100, nic: eth0 }',
      '    ops:',
      '      monitor: { interval: 30s }',
      '',
      'constraints:',
      '  colocation:',
      '    - { resource: stash_vip, with: stash_res, score: INFINITY }',
      '  order:',
      '    - { first: stash_res, then: stash_vip }',
      '',
    ].join('\n'));
  });

  for (const state of ['seed', 'values', 'shapes', 'unsupported', 'leftovers'] as CibState[]) {
    test(`${state}: the spec written lints without errors and diffs in sync with its cluster`, () => {
      const live = liveOf(state);
      const text = writeSpec(live, { catalog });
      const errors = validateText(text, catalog).filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((e) => `${e.code}: ${e.message}`), []);
      const diffs = diffClusters(specOf(text), live);
      assert.equal(inSync(diffs), true, diffs.map((d) => `${d.kind} ${d.path}`).join('\n'));
      assert.equal(diffs.filter((d) => d.kind === 'unsupported').length, live.unsupported.length);
      assert.equal(diffs.filter((d) => d.kind === 'leftover').length, live.leftovers.length);
    });
  }

  test('what the format cannot say is listed at the top; what the operations set is not written', () => {
    const unsupported = writeSpec(liveOf('unsupported'), { catalog });
    assert.match(unsupported, /^# Not imported: the spec format cannot say these, and apply leaves them as they are:\n/);
    for (const u of liveOf('unsupported').unsupported) assert.ok(unsupported.includes(`#   - ${u.what} (${u.path})\n`), u.path);
    const shapes = writeSpec(liveOf('shapes'), { catalog });
    assert.ok(!shapes.includes('target-role'), 'disable set target-role on web; a spec does not carry it');
    assert.match(shapes, / {2}web:\n {4}agent: ocf:pacemaker:Dummy\n {4}ops:\n {6}monitor: \{ interval: 20s, timeout: 40s, OCF_CHECK_LEVEL: 10 \}\n/);
    assert.match(shapes, / {6}monitor:\n {8}- \{ interval: 29s, role: Promoted \}\n {8}- \{ interval: 31s, role: Unpromoted \}\n/);
    // Too long for one line of 100 columns: a block.
    assert.match(shapes, / {4}promotable:\n {6}clone-max: 2\n {6}clone-node-max: 1\n {6}notify: true\n {6}promoted-max: 1\n {6}promoted-node-max: 1\n/);
    assert.match(shapes, / {4}- \{ first: drbd, then: stack, kind: Optional, first-action: promote, then-action: start \}\n/);
    assert.match(shapes, / {4}- \{ first: stash_vip, then: web, kind: Serialize, first-action: stop \}\n/);
    assert.match(shapes, /groups:\n {2}stack: \[fs, web\]\n/);
  });

  test('the ssh user and port the import was reached with go to the nodes', () => {
    const text = writeSpec(liveOf('seed'), { catalog, ssh: (node) => ({ user: 'admin', ...(node === 'node02' ? { port: 2222 } : {}) }) });
    assert.match(text, / {2}node01: \{ address: 10\.213\.88\.11, ssh: \{ user: admin \} \}\n {2}node02: \{ address: 10\.213\.88\.12, ssh: \{ user: admin, port: 2222 \} \}\n/);
    assert.deepEqual(specOf(text).nodes.map((n) => [n.name, n.ssh.user?.text, n.ssh.port?.value]), [['node01', 'admin', undefined], ['node02', 'admin', 2222], ['node03', 'admin', undefined]]);
  });

  test('a scalar is plain where YAML reads it back as the same text, else quoted', () => {
    const values = ['/srv/stash', 'http://localhost:7990/status', '10.0.0.1', 'yes', '24', '-INFINITY', 'null', '~', '', ' lead', 'trail ', 'a: b',
      'x #y', '#z', '- item', '[list]', '{map}', 'a,b', '*ref', '&anchor', '!tag', '|', '>', '%d', '@at', '`tick`', '"q"', "'q'", 'line\nbreak', 'tab\t', '<<', 'ü'];
    for (const v of values) {
      const text = ['cluster: c', 'nodes:', '  n: { address: 10.0.0.1 }', 'resources:', '  r:', '    agent: ocf:pacemaker:Dummy',
        `    params: { p: ${yamlScalar(v)} }`, ''].join('\n');
      const params = specOf(text).resources[0]?.params ?? [];
      assert.deepEqual(params.map((p) => p.text), [v], `${JSON.stringify(v)} written as ${yamlScalar(v)}`);
    }
    assert.equal(yamlScalar('/srv/stash'), '/srv/stash');
    assert.equal(yamlScalar('null'), '"null"');
  });
});
