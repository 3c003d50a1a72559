import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { parseMetadata } from '../../../server/src/agents/metadata';
import { unknownOp } from '../../../server/src/services/validators/unknownOp';
import { applyFix, lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', 'resources:'];
const STASH = ['  stash_res:', '    agent: ocf:heartbeat:stash', '    params: { stash_user: u, stash_home: /h, stash_inst: /i }', '    ops:'];

describe('unknown-op', () => {
  test('a misspelt operation gets a did-you-mean and a rename fix', () => {
    const text = lines(...HEAD, ...STASH, '      moniter: { interval: 15s }');
    const found = runValidators(text, [unknownOp]);
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(d.code, 'unknown-op');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 9);
    assert.equal(d.text, 'moniter');
    assert.equal(d.message, "Operation 'moniter' is not one ocf:heartbeat:stash advertises: did you mean 'monitor'?");
    assert.ok(d.fixes);
    assert.match(applyFix(text, d.fixes[0]), /\n {6}monitor: \{ interval: 15s \}\n$/);
  });

  test('an operation the agent lacks lists the ones it has', () => {
    const found = runValidators(lines(...HEAD, ...STASH, '      promote: { timeout: 30s }'), [unknownOp]);
    assert.equal(found.length, 1);
    assert.equal(found[0].message, "Operation 'promote' is not one ocf:heartbeat:stash advertises; it has start, stop, monitor, meta-data, validate-all.");
  });

  test('through a merge it points at the alias', () => {
    const found = runValidators(lines('x-ops: &ops { reload: { timeout: 5s } }', ...HEAD, ...STASH, '      <<: *ops'), [unknownOp]);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 10);
    assert.equal(found[0].text, '*ops');
    assert.equal(found[0].fixes, undefined);
  });

  test('near miss: advertised operations, role-specific monitors, and monitor on any agent', () => {
    const r = parseMetadata('<resource-agent name="Quiet"><actions><action name="start" timeout="5"/></actions></resource-agent>',
      { name: 'ocf:acme:Quiet', origin: 'test' });
    assert.ok(r.ok);
    const text = lines(...HEAD, ...STASH,
      '      start: { timeout: 240s }',
      '      stop: { timeout: 120s }',
      '      monitor: { interval: 15s, timeout: 30s }',
      '  drbd:',
      '    agent: ocf:linbit:drbd',
      '    ops: { promote: {}, demote: {}, notify: {}, monitor: [ { role: Promoted }, { role: Unpromoted } ] }',
      '  web: { agent: systemd:httpd, ops: { monitor: { interval: 60s }, status: {} } }',
      '  q: { agent: ocf:acme:Quiet, ops: { start: {}, monitor: { interval: 10s } } }',
      '  u: { agent: ocf:acme:Unknown, ops: { anything: {} } }');
    assert.deepEqual(runValidators(text, [unknownOp], createCatalog([r.agent])), []);
  });
});
