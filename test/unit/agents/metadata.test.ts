import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMetadata } from '../../../server/src/agents/metadata';
import { IPADDR2_METADATA_XML } from '../../../server/src/agents/builtin/ipaddr2';
import { DRBD_METADATA_XML } from '../../../server/src/agents/builtin/drbd';

const OCF11 = `<?xml version="1.0"?>
<resource-agent name="Thing" version="3.2">
<version>1.1</version>
<longdesc lang="de">Ein Ding.</longdesc>
<longdesc lang="en">A thing, &lt;described&gt; &amp; escaped.</longdesc>
<shortdesc lang="en">Thing</shortdesc>
<parameters>
<parameter name="mode" required="1" reloadable="1">
<longdesc lang="en"><![CDATA[Pick <one>.]]></longdesc>
<shortdesc lang="en">Mode</shortdesc>
<content type="select" default="fast">
<option value="fast" />
<option value="safe" />
</content>
</parameter>
<parameter name="addr" unique-group="endpoint"><content type="string" /></parameter>
<parameter name="port" unique-group="endpoint"><content type="port" default="80" /></parameter>
<parameter name="old_mode">
<deprecated><replaced-with name="mode" /><desc lang="en">Use mode.</desc></deprecated>
<content type="boolean" />
</parameter>
<parameter name="untyped" />
</parameters>
<actions>
<action name="start" timeout="2min" />
<action name="stop" timeout="PT1M30S" />
<action name="monitor" timeout="500ms" interval="10" depth="10" role="Promoted" />
<action name="notify" />
</actions>
</resource-agent>`;

const OCF10_OBSOLETES = `<resource-agent name="Old"><version>1.0</version>
<parameters>
<parameter name="newname" obsoletes="oldname" required="1"><content type="string" /></parameter>
<parameter name="oldname" deprecated="1" unique="1"><content type="string" /></parameter>
</parameters><actions><action name="start" timeout="20s" /></actions></resource-agent>`;

describe('parseMetadata', () => {
  test('reads IPaddr2: flags, defaults and action timeouts in seconds', () => {
    const r = parseMetadata(IPADDR2_METADATA_XML, { name: 'ocf:heartbeat:IPaddr2', origin: 'built-in' });
    assert.ok(r.ok);
    const a = r.agent;
    assert.equal(a.name, 'ocf:heartbeat:IPaddr2');
    assert.equal(r.xmlName, 'IPaddr2');
    assert.equal(a.version, '1.0');
    assert.equal(a.ocfVersion, '1.0');
    assert.equal(a.origin, 'built-in');
    const ip = a.parameter('ip');
    assert.ok(ip);
    assert.equal(ip.required, true);
    assert.equal(ip.unique, true);
    assert.equal(ip.type, 'string');
    assert.equal(a.parameter('nic')?.default, undefined);
    assert.equal(a.parameter('lvs_ipv6_addrlabel_value')?.default, '99');
    assert.equal(a.parameter('lvs_support')?.type, 'boolean');
    assert.deepEqual(a.action('monitor'), { name: 'monitor', timeout: 20, interval: 10, depth: 0 });
    assert.deepEqual(a.action('start'), { name: 'start', timeout: 20 });
    assert.equal(a.parameter('no_such'), undefined);
  });

  test('reads OCF 1.1: select options, unique groups, reloadable, deprecated with replacement, units', () => {
    const r = parseMetadata(OCF11, { origin: 'test' });
    assert.ok(r.ok);
    const a = r.agent;
    assert.equal(a.name, 'Thing');
    assert.equal(a.ocfVersion, '1.1');
    assert.equal(a.longdesc, 'A thing, <described> & escaped.');
    assert.equal(a.shortdesc, 'Thing');
    const mode = a.parameter('mode');
    assert.deepEqual(mode?.options, ['fast', 'safe']);
    assert.equal(mode?.type, 'select');
    assert.equal(mode?.default, 'fast');
    assert.equal(mode?.reloadable, true);
    assert.equal(mode?.longdesc, 'Pick <one>.');
    assert.equal(a.parameter('addr')?.uniqueGroup, 'endpoint');
    assert.equal(a.parameter('port')?.uniqueGroup, 'endpoint');
    assert.equal(a.parameter('port')?.unique, false);
    const old = a.parameter('old_mode');
    assert.equal(old?.deprecated, true);
    assert.deepEqual(old?.replacedWith, ['mode']);
    assert.equal(old?.deprecatedDesc, 'Use mode.');
    assert.equal(a.parameter('untyped')?.type, 'string');
    assert.equal(a.action('start')?.timeout, 120);
    assert.equal(a.action('stop')?.timeout, 90);
    assert.deepEqual(a.action('monitor'), { name: 'monitor', timeout: 0.5, interval: 10, depth: 10, role: 'Promoted' });
    assert.deepEqual(a.action('notify'), { name: 'notify' });
  });

  test('reads OCF 1.0 deprecated and obsoletes as a replacement', () => {
    const r = parseMetadata(OCF10_OBSOLETES, { name: 'ocf:x:Old', origin: 'test' });
    assert.ok(r.ok);
    assert.deepEqual(r.agent.parameter('oldname')?.replacedWith, ['newname']);
    assert.equal(r.agent.parameter('oldname')?.deprecated, true);
    assert.equal(r.agent.parameter('oldname')?.unique, true);
    assert.equal(r.agent.parameter('newname')?.deprecated, false);
  });

  test('keeps both role-specific monitors of drbd and unit-less timeouts', () => {
    const r = parseMetadata(DRBD_METADATA_XML, { name: 'ocf:linbit:drbd', origin: 'built-in' });
    assert.ok(r.ok);
    const monitors = r.agent.actions.filter((a) => a.name === 'monitor');
    assert.deepEqual(monitors, [
      { name: 'monitor', timeout: 20, interval: 20, role: 'Slave' },
      { name: 'monitor', timeout: 20, interval: 10, role: 'Master' },
    ]);
    assert.equal(r.agent.action('start')?.timeout, 240);
    assert.deepEqual(r.agent.action('validate-all'), { name: 'validate-all' });
  });

  test('two parses of the same XML are deep-equal (lookups are not data)', () => {
    const a = parseMetadata(OCF11, { origin: 'x' });
    const b = parseMetadata(OCF11, { origin: 'x' });
    assert.ok(a.ok && b.ok);
    assert.deepEqual(a.agent, b.agent);
    assert.equal(Object.keys(a.agent).includes('parameter'), false);
  });

  test('malformed XML is an error result with the line, not a throw', () => {
    const r = parseMetadata('<resource-agent name="x">\n<parameters>\n</resource-agent>', { origin: 'test' });
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.match(r.error, /not well-formed XML \(line 3/);
    assert.equal(r.line, 3);
  });

  test('XML that is not meta-data, or lacks names, is an error result', () => {
    const cases: [string, RegExp][] = [
      ['', /not well-formed|no <resource-agent>/],
      ['<html><body/></html>', /no <resource-agent> element/],
      ['<resource-agent><parameters/></resource-agent>', /no name attribute/],
      ['<resource-agent name="a"><parameters><parameter><content type="string"/></parameter></parameters></resource-agent>', /parameter number 1 has no name/],
      ['<resource-agent name="a"><actions><action timeout="5"/></actions></resource-agent>', /action number 1 has no name/],
    ];
    for (const [xml, error] of cases) {
      const r = parseMetadata(xml, { origin: 'test' });
      assert.ok(!r.ok, xml);
      assert.match(r.error, error, xml);
    }
  });

  test('never throws on truncated or mangled meta-data', () => {
    for (let cut = 0; cut < IPADDR2_METADATA_XML.length; cut += 97) {
      const broken = IPADDR2_METADATA_XML.slice(0, cut) + '<&>"' + IPADDR2_METADATA_XML.slice(cut + 13);
      const r = parseMetadata(broken, { origin: 'fuzz' });
      assert.equal(typeof r.ok, 'boolean');
    }
  });
});
