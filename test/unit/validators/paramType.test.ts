import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { parseMetadata } from '../../../server/src/agents/metadata';
import { paramType } from '../../../server/src/services/validators/paramType';
import { applyFix, lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', 'resources:'];

const TUNER = parseMetadata(`<resource-agent name="Tuner"><version>1.1</version><parameters>
  <parameter name="mode"><content type="select" default="fast"><option value="fast"/><option value="safe"/></content></parameter>
  <parameter name="count"><content type="nonnegative_integer"/></parameter>
  <parameter name="port"><content type="port"/></parameter>
  <parameter name="wait"><content type="timeout"/></parameter>
  <parameter name="legacy"><deprecated><replaced-with name="mode"/></deprecated><content type="boolean"/></parameter>
  </parameters></resource-agent>`, { name: 'ocf:acme:Tuner', origin: 'test' });

function catalog() {
  assert.ok(TUNER.ok);
  return createCatalog([TUNER.agent]);
}

describe('param-type', () => {
  test('a boolean and an integer that are not, on the value', () => {
    const text = lines(...HEAD,
      '  vip:',
      '    agent: ocf:heartbeat:IPaddr2',
      '    params:',
      '      ip: 10.0.0.5',
      '      lvs_support: maybe',
      '      arp_count: five');
    const found = runValidators(text, [paramType]);
    assert.equal(found.length, 2);
    const [b, i] = found;
    assert.equal(b.code, 'param-type');
    assert.equal(b.severity, 'error');
    assert.equal(b.line, 9);
    assert.equal(b.text, 'maybe');
    assert.equal(b.message, "Parameter 'lvs_support' of ocf:heartbeat:IPaddr2 takes a boolean (true or false; also yes/no, on/off, 1/0), not 'maybe'.");
    assert.equal(i.line, 10);
    assert.equal(i.text, 'five');
    assert.equal(i.message, "Parameter 'arp_count' of ocf:heartbeat:IPaddr2 takes an integer, not 'five'.");
  });

  test('a select value outside the options gets a did-you-mean and a fix', () => {
    const text = lines(...HEAD, '  t:', '    agent: ocf:acme:Tuner', '    params: { mode: fsat, count: -1, port: 70000, wait: soon, legacy: perhaps }');
    const found = runValidators(text, [paramType], catalog());
    assert.deepEqual(found.map((d) => d.text), ['fsat', '-1', '70000', 'soon', 'perhaps']);
    assert.equal(found[0].message, "Parameter 'mode' of ocf:acme:Tuner takes one of fast, safe, not 'fsat': did you mean 'fast'?");
    assert.ok(found[0].fixes);
    assert.match(applyFix(text, found[0].fixes[0]), /\{ mode: fast, count/);
    assert.match(found[1].message, /an integer of 0 or more/);
    assert.match(found[2].message, /a port number/);
    assert.match(found[3].message, /a duration/);
    assert.match(found[4].message, /It is deprecated: use 'mode' instead\.$/);
  });

  test('through an alias it points at the alias use', () => {
    const found = runValidators(lines('x-v: &bad nope', ...HEAD,
      '  vip: { agent: ocf:heartbeat:IPaddr2, params: { ip: 10.0.0.5, flush_routes: *bad } }'), [paramType]);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 6);
    assert.equal(found[0].text, '*bad');
  });

  test('near miss: good values, strings, empty values, and what the agents accept beyond their declared types', () => {
    const text = lines(...HEAD,
      '  vip: { agent: ocf:heartbeat:IPaddr2, params: { ip: 10.0.0.5, lvs_support: yes, arp_count: 3, cidr_netmask: abc, flush_routes: } }',
      '  fs: { agent: ocf:heartbeat:Filesystem, params: { device: /dev/sdb1, directory: /srv, fstype: xfs, force_unmount: safe, fast_stop: "0" } }',
      '  ping: { agent: ocf:pacemaker:ping, params: { host_list: gw, dampen: 5s, use_fping: on } }',
      '  drbd: { agent: ocf:linbit:drbd, params: { drbd_resource: r0, unfence_extra_args: --quiet } }',
      '  t: { agent: ocf:acme:Tuner, params: { mode: safe, count: 0, port: 8080, wait: PT1M, legacy: false } }');
    assert.deepEqual(runValidators(text, [paramType], catalog()), []);
  });
});
