import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { parseMetadata } from '../../../server/src/agents/metadata';
import { unknownAgent } from '../../../server/src/services/validators/unknownAgent';
import { applyFix, lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', 'resources:'];

describe('unknown-agent', () => {
  test('a near miss of a known name (names are case-sensitive) gets a did-you-mean and a fix', () => {
    const text = lines(...HEAD, '  vip:', '    agent: ocf:heartbeat:ipaddr2');
    const found = runValidators(text, [unknownAgent]);
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(d.code, 'unknown-agent');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 6);
    assert.equal(d.text, 'ocf:heartbeat:ipaddr2');
    assert.equal(d.message,
      "Agent 'ocf:heartbeat:ipaddr2' is not known, so its parameters go unchecked: did you mean 'ocf:heartbeat:IPaddr2'? (Agent names are case-sensitive.)");
    assert.ok(d.fixes);
    assert.match(applyFix(text, d.fixes[0]), /agent: ocf:heartbeat:IPaddr2\n$/);
  });

  test('an agent nothing resembles says how to add its meta-data', () => {
    const found = runValidators(lines(...HEAD, '  w: { agent: ocf:acme:Widget }', '  f: { agent: stonith:fence_xvm }'), [unknownAgent]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[5, 'ocf:acme:Widget'], [6, 'stonith:fence_xvm']]);
    assert.match(found[0].message, /add its meta-data to the workspace as ocf\.acme\.Widget\.metadata\.xml \(crm_resource --show-metadata ocf:acme:Widget > ocf\.acme\.Widget\.metadata\.xml\)\.$/);
    assert.match(found[1].message, /stonith\.fence_xvm\.metadata\.xml/);
  });

  test('through an alias it points at the alias use', () => {
    const found = runValidators(lines('x-a: &w ocf:acme:Widget', ...HEAD, '  w:', '    agent: *w'), [unknownAgent]);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 7);
    assert.equal(found[0].text, '*w');
  });

  test('near miss: built-in, Stash, generic service agents, malformed names and agents from extra meta-data', () => {
    const widget = parseMetadata('<resource-agent name="Widget"/>', { name: 'ocf:acme:Widget', origin: 'test' });
    assert.ok(widget.ok);
    const text = lines(...HEAD,
      '  a: { agent: ocf:heartbeat:IPaddr2 }',
      '  b: { agent: ocf:heartbeat:stash }',
      '  c: { agent: systemd:httpd }',
      '  d: { agent: lsb:ssh }',
      '  e: { agent: IPaddr2 }',
      '  f: { agent: ocf:acme:Widget }');
    assert.deepEqual(runValidators(text, [unknownAgent], createCatalog([widget.agent])), []);
  });
});
