import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatDuration, formatScore, formatSeconds, isInfinity, normalBoolean, normalDuration, normalInteger, normalScore,
  pacemakerNumber, parseBoolean, parseDuration, parseInteger, parseScore, SCORE_INFINITY,
} from '../../../../server/src/spec/vocabulary';

describe('vocabulary: values', () => {
  test('durations: units, no unit means seconds, ISO 8601', () => {
    const cases: [string, number | undefined][] = [
      ['30', 30_000], ['30s', 30_000], ['30 sec', 30_000], ['500ms', 500], ['500msec', 500], ['1500us', 1.5], ['2usec', 0.002],
      ['5m', 300_000], ['5min', 300_000], ['2h', 7_200_000], ['2hr', 7_200_000], ['2H', 7_200_000], [' 10s ', 10_000],
      ['PT4M', 240_000], ['pt1h30m', 5_400_000], ['PT1.5S', 1500], ['P1D', 86_400_000], ['P1W', 604_800_000], ['P1DT1H', 90_000_000],
      ['', undefined], ['s', undefined], ['-5s', undefined], ['1.5s', undefined], ['10d', undefined], ['10 secs', undefined],
      ['P', undefined], ['PT', undefined], ['P1DT', undefined], ['PT1', undefined], ['1s2s', undefined], ['forever', undefined],
      ['5constructor', undefined], ['5toString', undefined], ['5__proto__', undefined],
    ];
    for (const [text, ms] of cases) assert.equal(parseDuration(text), ms, JSON.stringify(text));
  });

  test('a duration has one normal form, whatever unit it was written in', () => {
    for (const same of [['15', '15s', '15 sec', '15000ms', 'PT15S', '15000000us'], ['4min', 'PT4M', '240', '240s'], ['0', '0s', '0ms', 'PT0S']]) {
      const forms = new Set(same.map(normalDuration));
      assert.equal(forms.size, 1, same.join(' '));
      assert.notEqual([...forms][0], undefined);
    }
    assert.equal(normalDuration('15'), '15000ms');
    assert.equal(normalDuration('1500us'), '1500us');
    assert.equal(normalDuration('15 sex'), undefined);
    assert.notEqual(normalDuration('15s'), normalDuration('15ms'));
  });

  test('durations format back to text Pacemaker reads as the same value', () => {
    const cases: [number, string][] = [[15_000, '15s'], [240_000, '240s'], [0, '0s'], [1500, '1500ms'], [1.5, '1500us'], [0.007, '7us']];
    for (const [ms, text] of cases) {
      assert.equal(formatDuration(ms), text, String(ms));
      assert.equal(parseDuration(text), ms, text);
    }
    assert.equal(formatSeconds(240_000), '240s');
    assert.equal(formatSeconds(1500), '1.5s');
  });

  test('scores: integers, ±INFINITY, capped at ±1,000,000', () => {
    const cases: [string, number | undefined][] = [
      ['0', 0], ['100', 100], ['-100', -100], ['+5', 5], ['INFINITY', SCORE_INFINITY], ['+INFINITY', SCORE_INFINITY],
      ['-INFINITY', -SCORE_INFINITY], ['infinity', SCORE_INFINITY], ['5000000', SCORE_INFINITY], ['-5000000', -SCORE_INFINITY],
      ['1.5', undefined], ['inf', undefined], ['', undefined], ['high', undefined], ['INFINITE', undefined],
    ];
    for (const [text, score] of cases) assert.equal(parseScore(text), score, JSON.stringify(text));
  });

  test('+INFINITY and INFINITY (and what Pacemaker caps to it) have one normal form', () => {
    for (const t of ['INFINITY', '+INFINITY', 'infinity', ' +Infinity ', '1000000', '5000000']) assert.equal(normalScore(t), 'INFINITY', t);
    for (const t of ['-INFINITY', '-infinity', '-1000000', '-7000000']) assert.equal(normalScore(t), '-INFINITY', t);
    const cases: [string, string | undefined][] = [['+5', '5'], ['005', '5'], ['-0', '0'], ['-100', '-100'], ['999999', '999999'], ['INFINTY', undefined], ['1.5', undefined]];
    for (const [text, normal] of cases) assert.equal(normalScore(text), normal, text);
    assert.deepEqual([formatScore(SCORE_INFINITY), formatScore(-SCORE_INFINITY), formatScore(42), formatScore(2e6)], ['INFINITY', '-INFINITY', '42', 'INFINITY']);
    assert.deepEqual(['INFINITY', '+INFINITY', ' +infinity ', '-INFINITY', '1000000'].map(isInfinity), [true, true, true, false, false]);
  });

  test('Pacemaker numbers: INFINITY and beyond', () => {
    assert.equal(pacemakerNumber('INFINITY'), SCORE_INFINITY);
    assert.equal(pacemakerNumber('+INFINITY'), SCORE_INFINITY);
    assert.equal(pacemakerNumber('-INFINITY'), -SCORE_INFINITY);
    assert.equal(pacemakerNumber('5000000'), SCORE_INFINITY);
    assert.equal(pacemakerNumber('3'), 3);
    assert.equal(pacemakerNumber('x'), undefined);
  });

  test('Pacemaker numbers read a cluster\'s own output leniently, as char2score does', () => {
    assert.equal(pacemakerNumber('5000ms'), 5000);
    assert.equal(pacemakerNumber(' 7 '), 7);
    assert.equal(pacemakerNumber(undefined), undefined);
    assert.equal(parseScore('5000ms'), undefined);
  });

  test('booleans: the words Pacemaker accepts, in any case', () => {
    for (const t of ['true', 'True', 'yes', 'on', '1', 'y', 'Y']) assert.equal(parseBoolean(t), true, t);
    for (const t of ['false', 'FALSE', 'no', 'off', '0', 'n']) assert.equal(parseBoolean(t), false, t);
    for (const t of ['', 'maybe', '2', 'enabled', 'truth']) assert.equal(parseBoolean(t), undefined, t);
  });

  test('a boolean has one normal form: true or false', () => {
    for (const t of ['true', 'TRUE', 'Yes', 'on', 'y', '1', ' yes ']) assert.equal(normalBoolean(t), 'true', t);
    for (const t of ['false', 'No', 'OFF', 'n', '0']) assert.equal(normalBoolean(t), 'false', t);
    for (const t of ['', 'maybe', '2', 'ja']) assert.equal(normalBoolean(t), undefined, t);
  });

  test('integers', () => {
    assert.equal(parseInteger('-3'), -3);
    assert.equal(parseInteger('3.0'), undefined);
    assert.deepEqual(['+5', '007', '-0', '-12', 'x', '1e3'].map(normalInteger), ['5', '7', '0', '-12', undefined, undefined]);
  });
});
