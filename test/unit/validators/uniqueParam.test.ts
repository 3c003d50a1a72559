import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { parseMetadata } from '../../../server/src/agents/metadata';
import { uniqueParam } from '../../../server/src/services/validators/uniqueParam';
import { lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', 'resources:'];

describe('unique-param', () => {
  test('two IPaddr2 resources with one address: on the later value', () => {
    const text = lines(...HEAD,
      '  vip1: { agent: ocf:heartbeat:IPaddr2, params: { ip: 10.0.0.5 } }',
      '  vip2:',
      '    agent: ocf:heartbeat:IPaddr2',
      '    params:',
      '      ip: 10.0.0.5');
    const found = runValidators(text, [uniqueParam]);
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(d.code, 'unique-param');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 9);
    assert.equal(d.text, '10.0.0.5');
    assert.equal(d.message, "Resource 'vip2' has ip '10.0.0.5', as resource 'vip1' does: ocf:heartbeat:IPaddr2 requires each resource to have its own ip. Change one of them.");
  });

  test('two Stash resources sharing a home (unique="1" in OCF 1.1 meta-data counts)', () => {
    const found = runValidators(lines(...HEAD,
      '  a: { agent: ocf:heartbeat:stash, params: { stash_user: u, stash_home: /srv/h, stash_inst: /opt/a } }',
      '  b: { agent: ocf:heartbeat:stash, params: { stash_user: u, stash_home: /srv/h, stash_inst: /opt/b } }'), [uniqueParam]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[6, '/srv/h']]);
  });

  test('an OCF 1.1 unique group conflicts only when all its values match', () => {
    const r = parseMetadata(`<resource-agent name="Svc"><version>1.1</version><parameters>
      <parameter name="addr" unique-group="endpoint"><content type="string"/></parameter>
      <parameter name="port" unique-group="endpoint"><content type="string"/></parameter>
      </parameters></resource-agent>`, { name: 'ocf:acme:Svc', origin: 'test' });
    assert.ok(r.ok);
    const text = lines(...HEAD,
      '  a: { agent: ocf:acme:Svc, params: { addr: h, port: "80" } }',
      '  b: { agent: ocf:acme:Svc, params: { addr: h, port: "81" } }',
      '  c: { agent: ocf:acme:Svc, params: { addr: h, port: "80" } }',
      '  d: { agent: ocf:pacemaker:Dummy, params: { state: /run/x } }',
      '  e: { agent: ocf:pacemaker:Dummy, params: { state: /run/x } }');
    const found = runValidators(text, [uniqueParam], createCatalog([r.agent]));
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[7, 'h'], [9, '/run/x']]);
    assert.equal(found[0].message, "Resource 'c' has the same addr, port as resource 'a' ('h', '80'): ocf:acme:Svc requires the unique group 'endpoint' to differ between resources. Change one of them.");
  });

  test('through an alias it points at the later alias use', () => {
    const found = runValidators(lines('x-ip: &ip 10.0.0.5', ...HEAD,
      '  vip1: { agent: ocf:heartbeat:IPaddr2, params: { ip: *ip } }',
      '  vip2: { agent: ocf:heartbeat:IPaddr2, params: { ip: *ip } }'), [uniqueParam]);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 7);
    assert.equal(found[0].text, '*ip');
  });

  test('near miss: different values, other agents, unset and non-unique parameters', () => {
    const text = lines(...HEAD,
      '  vip1: { agent: ocf:heartbeat:IPaddr2, params: { ip: 10.0.0.5, nic: eth0 } }',
      '  vip2: { agent: ocf:heartbeat:IPaddr2, params: { ip: 10.0.0.6, nic: eth0 } }',
      '  d1: { agent: ocf:pacemaker:Dummy, params: { fake: 10.0.0.5 } }',
      '  d2: { agent: ocf:pacemaker:Dummy, params: { fake: 10.0.0.5 } }',
      '  d3: { agent: ocf:pacemaker:Dummy }',
      '  d4: { agent: ocf:pacemaker:Dummy, params: { state: "" } }',
      '  d5: { agent: ocf:pacemaker:Dummy, params: { state: "" } }');
    assert.deepEqual(runValidators(text, [uniqueParam]), []);
  });
});
