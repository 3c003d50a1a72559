import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidId, parseBoolean, parseDuration, parseInteger, parseScore, SCORE_INFINITY } from '../../../server/src/spec/values';

describe('values', () => {
  test('durations: units, no unit means seconds, ISO 8601', () => {
    const cases: [string, number | undefined][] = [
      ['30', 30_000], ['30s', 30_000], ['30 sec', 30_000], ['500ms', 500], ['500msec', 500], ['1500us', 1.5], ['2usec', 0.002],
      ['5m', 300_000], ['5min', 300_000], ['2h', 7_200_000], ['2hr', 7_200_000], ['2H', 7_200_000], [' 10s ', 10_000],
      ['PT4M', 240_000], ['pt1h30m', 5_400_000], ['PT1.5S', 1500], ['P1D', 86_400_000], ['P1W', 604_800_000], ['P1DT1H', 90_000_000],
      ['', undefined], ['s', undefined], ['-5s', undefined], ['1.5s', undefined], ['10d', undefined], ['10 secs', undefined],
      ['P', undefined], ['PT', undefined], ['P1DT', undefined], ['PT1', undefined], ['1s2s', undefined], ['forever', undefined],
    ];
    for (const [text, ms] of cases) assert.equal(parseDuration(text), ms, JSON.stringify(text));
  });

  test('scores: integers, ±INFINITY, capped at ±1,000,000', () => {
    const cases: [string, number | undefined][] = [
      ['0', 0], ['100', 100], ['-100', -100], ['+5', 5], ['INFINITY', SCORE_INFINITY], ['+INFINITY', SCORE_INFINITY],
      ['-INFINITY', -SCORE_INFINITY], ['infinity', SCORE_INFINITY], ['5000000', SCORE_INFINITY], ['-5000000', -SCORE_INFINITY],
      ['1.5', undefined], ['inf', undefined], ['', undefined], ['high', undefined], ['INFINITE', undefined],
    ];
    for (const [text, score] of cases) assert.equal(parseScore(text), score, JSON.stringify(text));
  });

  test('booleans: the words Pacemaker accepts, in any case', () => {
    for (const t of ['true', 'True', 'yes', 'on', '1', 'y', 'Y']) assert.equal(parseBoolean(t), true, t);
    for (const t of ['false', 'FALSE', 'no', 'off', '0', 'n']) assert.equal(parseBoolean(t), false, t);
    for (const t of ['', 'maybe', '2', 'enabled', 'truth']) assert.equal(parseBoolean(t), undefined, t);
  });

  test('integers and ids', () => {
    assert.equal(parseInteger('-3'), -3);
    assert.equal(parseInteger('3.0'), undefined);
    for (const id of ['a', '_a', 'stash_res', 'a.b-c_1']) assert.ok(isValidId(id), id);
    for (const id of ['', '1a', '-a', '.a', 'a b', 'a/b', 'a:b', 'ä']) assert.ok(!isValidId(id), id);
  });
});
