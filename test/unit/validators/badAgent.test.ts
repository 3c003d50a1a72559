import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badAgent } from '../../../server/src/services/validators/badAgent';
import { applyFix, lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', 'resources:'];

describe('bad-agent', () => {
  test('an agent string of no allowed form, with the known agent it likely means', () => {
    const text = lines(...HEAD,
      '  vip:',
      '    agent: IPaddr2',
      '  fs:',
      '    agent: OCF:heartbeat:Filesystem');
    const found = runValidators(text, [badAgent]);
    assert.equal(found.length, 2);
    const [vip, fs] = found;
    assert.equal(vip.code, 'bad-agent');
    assert.equal(vip.severity, 'error');
    assert.equal(vip.line, 6);
    assert.equal(vip.text, 'IPaddr2');
    assert.match(vip.message, /^Agent 'IPaddr2' is not a full agent name: did you mean 'ocf:heartbeat:IPaddr2'\?/);
    assert.ok(vip.fixes);
    assert.match(applyFix(text, vip.fixes[0]), /\n {4}agent: ocf:heartbeat:IPaddr2\n/);
    assert.equal(fs.line, 8);
    assert.equal(fs.text, 'OCF:heartbeat:Filesystem');
    assert.match(fs.message, /did you mean 'ocf:heartbeat:Filesystem'\?/);
  });

  test('a string that resembles no agent says which forms there are', () => {
    const found = runValidators(lines(...HEAD, '  x:', '    agent: "ocf::"'), [badAgent]);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, '"ocf::"');
    assert.equal(found[0].message,
      "Agent 'ocf::' is not an agent name: write ocf:PROVIDER:TYPE, stonith:TYPE, systemd:NAME, lsb:NAME or service:NAME, e.g. ocf:heartbeat:IPaddr2.");
    assert.equal(found[0].fixes, undefined);
  });

  test('through an alias it points at the alias use, and offers no edit there', () => {
    const text = lines('x-agent: &a heartbeat:IPaddr2', ...HEAD, '  vip:', '    agent: *a');
    const found = runValidators(text, [badAgent]);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 7);
    assert.equal(found[0].text, '*a');
    assert.equal(found[0].fixes, undefined);
  });

  test('near miss: every allowed form, unknown or not, and an empty agent', () => {
    const text = lines(...HEAD,
      '  a: { agent: ocf:heartbeat:IPaddr2 }',
      '  b: { agent: ocf:acme:Widget }',
      '  c: { agent: stonith:fence_xvm }',
      '  d: { agent: systemd:httpd }',
      '  e: { agent: lsb:ssh }',
      '  f: { agent: service:nginx }',
      '  g:',
      '    agent:');
    assert.deepEqual(runValidators(text, [badAgent]), []);
  });
});
