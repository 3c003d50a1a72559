import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badScore } from '../../../server/src/services/validators/badScore';
import { lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes: { n1: { address: a } }'];

describe('bad-score', () => {
  test('a colocation score that is not an integer or ±INFINITY', () => {
    const text = lines(...HEAD, 'constraints:', '  colocation:', '    - { resource: a, with: b, score: always }');
    const [d, ...rest] = runValidators(text, [badScore]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'bad-score');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 5);
    assert.equal(d.text, 'always');
    assert.equal(d.message, "'score' of colocation constraint 1 is 'always': expected a score: an integer, INFINITY or -INFINITY.");
  });

  test('location scores and resource-stickiness, in meta and resource-defaults', () => {
    const text = lines(...HEAD, 'resource-defaults: { resource-stickiness: 1.5 }', 'resources:', '  r:', '    agent: ocf:pacemaker:Dummy',
      '    meta: { resource-stickiness: INFINITE }', 'constraints:', '  location:', '    - resource: r', '      node: n1',
      '      score: "-inf"');
    const found = runValidators(text, [badScore]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[3, '1.5'], [7, 'INFINITE'], [12, '"-inf"']]);
    assert.match(found[0].message, /^Meta attribute 'resource-stickiness' in 'resource-defaults' is '1\.5'/);
    assert.match(found[2].message, /^'score' of location constraint 1 is '-inf'/);
  });

  test('near miss: integers, signs and every INFINITY form', () => {
    const text = lines(...HEAD, 'resource-defaults: { resource-stickiness: 100 }', 'constraints:',
      '  colocation: [ { resource: a, with: b, score: INFINITY }, { resource: a, with: c, score: -INFINITY },',
      '    { resource: a, with: d, score: +INFINITY }, { resource: a, with: e, score: -500 }, { resource: a, with: f } ]',
      '  location: [ { resource: a, node: n1, score: "+50" }, { resource: a, node: n1, score: 0 } ]');
    assert.deepEqual(runValidators(text, [badScore]), []);
  });
});
