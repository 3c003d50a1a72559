import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badDuration } from '../../../server/src/services/validators/badDuration';
import { lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes: { n1: { address: a } }'];

describe('bad-duration', () => {
  test('an op interval that does not parse', () => {
    const text = lines(...HEAD, 'resources:', '  r:', '    agent: ocf:pacemaker:Dummy', '    ops:', '      monitor: { interval: 10 secs }');
    const [d, ...rest] = runValidators(text, [badDuration]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'bad-duration');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 7);
    assert.equal(d.text, '10 secs');
    assert.equal(d.message, "Operation option 'interval' in operation 'monitor' of resource 'r' is '10 secs': expected a duration such as 30s, 500ms, 5min or PT4M.");
  });

  test('every duration place: op options in a list, op-defaults, failure-timeout, properties', () => {
    const text = lines(...HEAD, 'properties:', '  cluster-recheck-interval: 15 minutes', 'op-defaults:', '  timeout: 1d',
      'resource-defaults:', '  failure-timeout: P1DT', 'resources:', '  r:', '    agent: ocf:pacemaker:Dummy',
      '    meta: { failure-timeout: soon }', '    ops:', '      monitor:', '        - { interval: 10s, start-delay: -5s }',
      '        - { interval: 20s, interval-origin: x, timeout: }');
    const found = runValidators(text, [badDuration]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [
      [4, '15 minutes'], [6, '1d'], [8, 'P1DT'], [12, 'soon'], [15, '-5s'], [16, 'x'], [16, 'timeout'],
    ]);
    assert.match(found[0].message, /^Cluster property 'cluster-recheck-interval' in 'properties' is '15 minutes'/);
    assert.match(found[6].message, /^Operation option 'timeout' in operation 'monitor' #2 of resource 'r' has no value: expected a duration/);
  });

  test('through an alias: at the alias use, once per use', () => {
    const text = lines('x-ops: &ops { monitor: { interval: 10 secs } }', ...HEAD, 'resources:',
      '  a: { agent: ocf:pacemaker:Dummy, ops: *ops }', '  b: { agent: ocf:pacemaker:Dummy, ops: *ops }');
    const found = runValidators(text, [badDuration]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[5, '*ops'], [6, '*ops']]);
  });

  test('near miss: every unit, no unit, ISO 8601, a number, and an alias of a good value', () => {
    const text = lines(...HEAD, 'x-t: &t 90s', 'op-defaults: { timeout: *t, interval: 0 }', 'resources:', '  r:',
      '    agent: ocf:pacemaker:Dummy', '    meta: { failure-timeout: PT4M }', '    ops:',
      '      monitor: [ { interval: 500ms }, { interval: 1500msec }, { interval: 7us }, { interval: 7usec } ]',
      '      start: { timeout: 2min, start-delay: 1m, interval-origin: 1h }', '      stop: { timeout: 1hr, interval: 30 sec }',
      '      promote: { timeout: P1D, interval: pt1h30m }', 'properties: { stonith-timeout: 60 }');
    assert.deepEqual(runValidators(text, [badDuration]), []);
  });
});
