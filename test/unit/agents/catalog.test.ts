import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinAgents, createCatalog, implicitParams, STASH_AGENT } from '../../../server/src/agents/catalog';
import { createAgentInfo, parseMetadata } from '../../../server/src/agents/metadata';

describe('agent catalog', () => {
  test('holds the built-in agents and Stash, all parsed without errors', () => {
    assert.deepEqual(builtinAgents().errors, []);
    assert.deepEqual([...createCatalog().names()].sort(), [
      'ocf:heartbeat:Filesystem', 'ocf:heartbeat:IPaddr2', 'ocf:heartbeat:stash',
      'ocf:linbit:drbd', 'ocf:pacemaker:Dummy', 'ocf:pacemaker:ping',
    ]);
    assert.equal(createCatalog().get(STASH_AGENT)?.origin, 'agent/stash');
    assert.equal(createCatalog().get('ocf:heartbeat:IPaddr2')?.origin, 'built-in');
  });

  test('is case-sensitive, as Pacemaker is', () => {
    const catalog = createCatalog();
    assert.ok(catalog.get('ocf:heartbeat:IPaddr2'));
    assert.equal(catalog.get('ocf:heartbeat:ipaddr2'), undefined);
    assert.equal(catalog.get('OCF:heartbeat:IPaddr2'), undefined);
  });

  test('extra agents are added, and replace a built-in of the same name', () => {
    const r = parseMetadata('<resource-agent name="IPaddr2"><parameters><parameter name="only"/></parameters></resource-agent>',
      { name: 'ocf:heartbeat:IPaddr2', origin: 'ws/ocf.heartbeat.IPaddr2.metadata.xml' });
    assert.ok(r.ok);
    const foo = createAgentInfo({ ...r.agent, name: 'ocf:acme:Foo' });
    const catalog = createCatalog([r.agent, foo]);
    assert.deepEqual(catalog.get('ocf:heartbeat:IPaddr2')?.parameters.map((p) => p.name), ['only']);
    assert.equal(catalog.get('ocf:acme:Foo')?.name, 'ocf:acme:Foo');
    assert.ok(catalog.names().includes('ocf:acme:Foo'));
    assert.equal(createCatalog().get('ocf:heartbeat:IPaddr2')?.parameter('only'), undefined, 'other catalogs unaffected');
  });

  test('knows systemd, lsb and service agents by any name, with Pacemaker\'s generic meta-data', () => {
    const catalog = createCatalog();
    const unit = catalog.get('systemd:httpd');
    assert.equal(unit?.parameters.length, 0);
    assert.deepEqual(unit?.action('monitor'), { name: 'monitor', timeout: 100, interval: 60 });
    assert.equal(unit?.action('start')?.timeout, 100);
    const lsb = catalog.get('lsb:ssh');
    assert.deepEqual(lsb?.action('monitor'), { name: 'monitor', timeout: 15, interval: 15 });
    assert.ok(lsb?.action('force-reload'));
    assert.equal(catalog.get('service:x<y')?.name, 'service:x<y');
    assert.equal(catalog.get('stonith:fence_xvm'), undefined);
    assert.equal(catalog.get('ocf:heartbeat:Nope'), undefined);
    assert.equal(catalog.names().includes('systemd:httpd'), false);
  });

  test('trace_ra and trace_file are implicit for heartbeat and pacemaker agents only', () => {
    assert.deepEqual(implicitParams('ocf:heartbeat:stash'), ['trace_ra', 'trace_file']);
    assert.deepEqual(implicitParams('ocf:pacemaker:ping'), ['trace_ra', 'trace_file']);
    assert.deepEqual(implicitParams('ocf:linbit:drbd'), []);
    assert.deepEqual(implicitParams('systemd:heartbeat'), []);
  });
});
