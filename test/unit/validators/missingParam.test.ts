import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { parseMetadata } from '../../../server/src/agents/metadata';
import { missingParam } from '../../../server/src/services/validators/missingParam';
import { applyFix, lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', 'resources:'];

describe('missing-param', () => {
  test('a required parameter absent from block params: on the params key, fix adds it at the same indentation', () => {
    const text = lines(...HEAD,
      '  stash_res:',
      '    agent: ocf:heartbeat:stash',
      '    params:',
      '      stash_user: atlstash',
      '      stash_home: /srv/stash',
      '    meta: { migration-threshold: 1 }');
    const found = runValidators(text, [missingParam]);
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(d.code, 'missing-param');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 7);
    assert.equal(d.text, 'params');
    assert.equal(d.message, "Resource 'stash_res' lacks the parameter 'stash_inst' that ocf:heartbeat:stash requires: add it under params.");
    assert.ok(d.fixes);
    assert.equal(d.fixes.length, 1);
    assert.equal(applyFix(text, d.fixes[0]), lines(...HEAD,
      '  stash_res:',
      '    agent: ocf:heartbeat:stash',
      '    params:',
      '      stash_user: atlstash',
      '      stash_home: /srv/stash',
      '      stash_inst: ""',
      '    meta: { migration-threshold: 1 }'));
  });

  test('no params at all: on the resource id, one diagnostic per parameter, a fix that adds them all', () => {
    const text = lines(...HEAD, '  fs:', '    agent: ocf:heartbeat:Filesystem', '  other: { agent: ocf:pacemaker:Dummy }');
    const found = runValidators(text, [missingParam]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[5, 'fs'], [5, 'fs'], [5, 'fs']]);
    assert.deepEqual(found.map((d) => /'(\w+)' that/.exec(d.message)?.[1]), ['device', 'directory', 'fstype']);
    assert.match(found[0].message, /add it under a params key\.$/);
    const all = found[0].fixes?.find((f) => f.title === 'Add all 3 missing required parameters');
    assert.ok(all?.preferred);
    assert.equal(applyFix(text, all), lines(...HEAD,
      '  fs:',
      '    agent: ocf:heartbeat:Filesystem',
      '    params:',
      '      device: ""',
      '      directory: ""',
      '      fstype: ""',
      '  other: { agent: ocf:pacemaker:Dummy }'));
  });

  test('flow style stays flow style', () => {
    const text = lines(...HEAD, '  fs: { agent: ocf:heartbeat:Filesystem, params: { device: /dev/drbd0 } }',
      '  vip: { agent: ocf:heartbeat:IPaddr2 }');
    const found = runValidators(text, [missingParam]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[5, 'params'], [5, 'params'], [6, 'vip']]);
    const all = found[0].fixes?.find((f) => f.title.startsWith('Add all'));
    assert.ok(all);
    assert.match(applyFix(text, all), /params: \{ device: \/dev\/drbd0, directory: "", fstype: "" \} \}\n/);
    const vip = found[2].fixes?.[0];
    assert.ok(vip);
    assert.match(applyFix(text, vip), /vip: \{ agent: ocf:heartbeat:IPaddr2, params: \{ ip: "" \} \}\n$/);
  });

  test('an empty params key is filled under the key', () => {
    const text = lines(...HEAD, '  vip:', '    agent: ocf:heartbeat:IPaddr2', '    params:  # to do', '  x: { agent: systemd:a }');
    const found = runValidators(text, [missingParam]);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'params');
    assert.ok(found[0].fixes);
    assert.equal(applyFix(text, found[0].fixes[0]), lines(...HEAD,
      '  vip:', '    agent: ocf:heartbeat:IPaddr2', '    params:  # to do', '      ip: ""', '  x: { agent: systemd:a }'));
  });

  test('a required parameter set to nothing is reported on its key', () => {
    const found = runValidators(lines(...HEAD, '  vip:', '    agent: ocf:heartbeat:IPaddr2', '    params:', '      ip:',
      '  p: { agent: ocf:pacemaker:ping, params: { host_list: "" } }'), [missingParam]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[8, 'ip'], [9, 'host_list']]);
    assert.equal(found[0].message, "Parameter 'ip' of ocf:heartbeat:IPaddr2 is empty, but the agent requires a value: give it one.");
  });

  test('params through an alias: still on the params key, and no edit of the anchor', () => {
    const text = lines('x-p: &p { stash_user: atlstash }', ...HEAD, '  s:', '    agent: ocf:heartbeat:stash', '    params: *p');
    const found = runValidators(text, [missingParam]);
    assert.equal(found.length, 2);
    assert.equal(found[0].line, 8);
    assert.equal(found[0].text, 'params');
    assert.equal(found[0].fixes, undefined);
  });

  test('near miss: all required set; a deprecated required one is not required; a replaced one satisfies its successor', () => {
    const xml = `<resource-agent name="Mode"><version>1.1</version><parameters>
      <parameter name="mode" required="1"><content type="string"/></parameter>
      <parameter name="old_mode" required="1"><deprecated><replaced-with name="mode"/></deprecated><content type="string"/></parameter>
      </parameters></resource-agent>`;
    const r = parseMetadata(xml, { name: 'ocf:acme:Mode', origin: 'test' });
    assert.ok(r.ok);
    const text = lines(...HEAD,
      '  m: { agent: ocf:acme:Mode, params: { old_mode: fast } }',
      '  vip: { agent: ocf:heartbeat:IPaddr2, params: { ip: 10.0.0.5 } }',
      '  d: { agent: ocf:pacemaker:Dummy }',
      '  u: { agent: ocf:acme:Unknown }');
    assert.deepEqual(runValidators(text, [missingParam], createCatalog([r.agent])), []);
  });

  test('near miss: params written as a list or a single value is type-mismatch\'s finding alone', () => {
    for (const params of ['[ip=10.0.0.5]', 'ip=10.0.0.5']) {
      const text = lines(...HEAD, '  vip:', '    agent: ocf:heartbeat:IPaddr2', `    params: ${params}`);
      assert.deepEqual(runValidators(text, [missingParam]), [], params);
    }
  });
});
