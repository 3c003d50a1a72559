import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { opTimeoutShort } from '../../../server/src/services/validators/opTimeoutShort';
import { applyFix, lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }'];
const STASH = ['resources:', '  stash_res:', '    agent: ocf:heartbeat:stash', '    params: { stash_user: u, stash_home: /h, stash_inst: /i }', '    ops:'];

describe('op-timeout-short', () => {
  test('an explicit timeout below the advertised one, on the timeout value, with a fix', () => {
    const text = lines(...HEAD, ...STASH, '      start: { timeout: 60s }');
    const found = runValidators(text, [opTimeoutShort]);
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(d.code, 'op-timeout-short');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 9);
    assert.equal(d.text, '60s');
    assert.equal(d.message, "Timeout 60s of the start operation of 'stash_res' is below the 240s that ocf:heartbeat:stash advertises for start: set it to at least 240s.");
    assert.ok(d.fixes);
    assert.match(applyFix(text, d.fixes[0]), /start: \{ timeout: 240s \}\n$/);
  });

  test('no timeout: Pacemaker\'s 20s default is compared, on the operation key, and the fix adds one', () => {
    const text = lines(...HEAD, ...STASH, '      monitor: { interval: 15s }', '      stop:', '        interval: 0s');
    const found = runValidators(text, [opTimeoutShort]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[9, 'monitor'], [10, 'stop']]);
    assert.equal(found[0].message,
      "The monitor operation of 'stash_res' has no timeout, so it gets Pacemaker's default of 20s, below the 30s that ocf:heartbeat:stash advertises: add timeout: 30s.");
    assert.ok(found[0].fixes && found[1].fixes);
    assert.match(applyFix(text, found[0].fixes[0]), /monitor: \{ interval: 15s, timeout: 30s \}\n/);
    assert.match(applyFix(text, found[1].fixes[0]), /\n {6}stop:\n {8}interval: 0s\n {8}timeout: 120s\n$/);
  });

  test('no timeout but op-defaults: their timeout is the one compared', () => {
    const short = runValidators(lines(...HEAD, 'op-defaults: { timeout: 60s }', ...STASH, '      monitor: { interval: 15s }', '      start: {}'), [opTimeoutShort]);
    assert.deepEqual(short.map((d) => [d.line, d.text]), [[11, 'start']]);
    assert.match(short[0].message, /gets the op-defaults timeout of 60s, below the 240s/);
    const long = runValidators(lines(...HEAD, 'op-defaults: { timeout: 5min }', ...STASH, '      start:', '      stop: { interval: 0 }'), [opTimeoutShort]);
    assert.deepEqual(long, []);
  });

  test('milliseconds and ISO 8601 count exactly; an empty operation gets a block fix', () => {
    const text = lines(...HEAD, ...STASH, '      start: { timeout: 239999ms }', '      stop: { timeout: PT2M }', '      monitor:');
    const found = runValidators(text, [opTimeoutShort]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[9, '239999ms'], [11, 'monitor']]);
    assert.ok(found[1].fixes);
    assert.match(applyFix(text, found[1].fixes[0]), /\n {6}monitor:\n {8}timeout: 30s\n$/);
  });

  test('a monitor with a role is measured against the monitor advertised for that role', () => {
    const text = lines(...HEAD, 'resources:', '  drbd:', '    agent: ocf:linbit:drbd', '    params: { drbd_resource: r0 }', '    ops:',
      '      monitor:',
      '        - { role: Promoted, interval: 10s, timeout: 20s }',
      '        - { role: Slave, interval: 20s, timeout: 15s }');
    const found = runValidators(text, [opTimeoutShort]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[11, '15s']]);
    assert.match(found[0].message, /below the 20s that ocf:linbit:drbd advertises for monitor/);
  });

  test('through an alias it points at the alias use', () => {
    const found = runValidators(lines('x-fast: &fast 5s', ...HEAD, ...STASH, '      stop: { timeout: *fast }'), [opTimeoutShort]);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 10);
    assert.equal(found[0].text, '*fast');
    assert.equal(found[0].fixes, undefined);
  });

  test('near miss: long enough, disabled, unparsable (another check\'s business), unknown ops and agents', () => {
    const text = lines(...HEAD, ...STASH,
      '      start: { timeout: PT4M }',
      '      stop: { timeout: 2min }',
      '      monitor: { interval: 15s, timeout: 30s }',
      '      validate-all: { timeout: 1s, enabled: false }',
      '      meta-data: { timeout: soon }',
      '      reload: { timeout: 1s }',
      '  vip: { agent: ocf:heartbeat:IPaddr2, params: { ip: 10.0.0.5 }, ops: { monitor: { interval: 30s } } }',
      '  w: { agent: ocf:acme:Widget, ops: { start: { timeout: 1s } } }');
    assert.deepEqual(runValidators(text, [opTimeoutShort]), []);
  });

  test('operations of one action in a list: each at its own item, named by place and role, not merged into one', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'resources:', '  st:', '    agent: ocf:heartbeat:stash',
      '    params: { stash_user: u, stash_home: /srv/h, stash_inst: /opt/s }', '    ops:', '      monitor:',
      '        - { interval: 15s }', '        - { interval: 60s, role: Started }');
    const found = runValidators(text, [opTimeoutShort]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[9, '{ interval: 15s }'], [10, '{ interval: 60s, role: Started }']]);
    assert.match(found[0].message, /^The monitor operation #1 of 'st' has no timeout/);
    assert.match(found[1].message, /^The monitor operation #2 \(role Started\) of 'st' has no timeout/);
  });

  test('near miss: an op-defaults timeout that does not parse is bad-duration\'s, not a warning per operation', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'op-defaults: { timeout: 4 minutes }', 'resources:', '  st:',
      '    agent: ocf:heartbeat:stash', '    params: { stash_user: u, stash_home: /srv/h, stash_inst: /opt/s }',
      '    ops: { monitor: { interval: 15s }, start: {} }');
    assert.deepEqual(runValidators(text, [opTimeoutShort]), []);
  });
});
