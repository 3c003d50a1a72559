import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isInfinity, isValidId, isValidNodeName, parseBoolean, parseDuration, parseInteger, parseScore, VALUE_PATTERNS,
} from '../../../../server/src/spec/vocabulary';

const SAMPLES = [
  '', ' ', '0', '1', '-1', '+1', '30', '30s', '30 s', ' 30s ', '30S', '30 sec', '30secs', '500ms', '500MSEC', '7us', '7usec',
  '5m', '5min', '5MIN', '2h', '2hr', '2hrs', '1d', '1.5s', '-5s', 's', 'P', 'PT', 'P1D', 'p1d', 'PT4M', 'pt4m', 'PT1.5S',
  'P1Y2M3W4DT5H6M7S', 'P1DT', 'PT1', 'P1DT1H', 'PT1H30M', 'INFINITY', '+INFINITY', '-INFINITY', 'infinity', '-Infinity',
  'INFINITE', 'inf', 'true', 'TRUE', 'yes', 'Yes', 'on', 'y', 'false', 'no', 'off', 'n', 'N', 'maybe', 'truth', '2', '01',
  'a', '_a', '1a', 'a.b-c_d', 'a b', 'a/b', '-a', '.a', 'stash_res', 'node01', 'node-01.example.com', 'node_01', '-node',
  'node-', 'a..b', '10.0.0.1', 'x'.repeat(63), 'x'.repeat(64), 'ä', '5constructor', '10 toString',
];

function agrees(pattern: string, parser: (text: string) => boolean): void {
  const re = new RegExp(pattern);
  for (const s of SAMPLES) assert.equal(re.test(s), parser(s), `${pattern} on ${JSON.stringify(s)}`);
}

describe('vocabulary: patterns', () => {
  test('each pattern accepts exactly what the parser of the vocabulary accepts', () => {
    agrees(VALUE_PATTERNS.id, isValidId);
    agrees(VALUE_PATTERNS.boolean, (s) => parseBoolean(s) !== undefined);
    agrees(VALUE_PATTERNS.integer, (s) => parseInteger(s) !== undefined);
    agrees(VALUE_PATTERNS.score, (s) => parseScore(s) !== undefined);
    agrees(VALUE_PATTERNS.duration, (s) => parseDuration(s) !== undefined);
    agrees(VALUE_PATTERNS.integerOrInfinity, (s) => parseInteger(s) !== undefined || isInfinity(s));
  });

  test('node names: what pcs builds a cluster with and the cluster commands pass as one word', () => {
    for (const n of ['node01', 'node-01.example.com', '10.0.0.1', 'N1', 'node_01', '_n', 'node-', 'x'.repeat(64)]) {
      assert.ok(isValidNodeName(n), n);
    }
    for (const n of ['', '-node', '.node', 'a b', 'a/b', 'n{1}', 'ä']) assert.ok(!isValidNodeName(n), n);
  });
});
