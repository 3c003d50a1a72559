import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimedFindings } from '../exampleClaims';
import { lintJson, ROOT } from './cliProcess';

const EXAMPLES = join(ROOT, 'examples');

describe('examples', () => {
  test('stash.cluster.yaml lints clean: no errors, no warnings', () => {
    const r = lintJson([join(EXAMPLES, 'stash.cluster.yaml')]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.records, []);
  });

  test('classic-mistakes.cluster.yaml has exactly the findings its comments claim, each on its line', () => {
    const path = join(EXAMPLES, 'classic-mistakes.cluster.yaml');
    const claims = claimedFindings(readFileSync(path, 'utf8'));
    assert.ok(claims.length >= 8, `only ${claims.length} claims`);
    const r = lintJson([path]);
    assert.equal(r.status, 1);
    assert.deepEqual(r.records.map((x) => `${x.line} ${x.code}`).sort(), claims);
  });

  test('classic-mistakes.cluster.yaml shows each of the seed\'s mistakes', () => {
    const codes = new Set(lintJson([join(EXAMPLES, 'classic-mistakes.cluster.yaml')]).records.map((x) => x.code));
    for (const code of ['stash-home-not-shared', 'vip-not-colocated', 'stonith-disabled', 'unknown-param', 'op-timeout-short', 'stash-home-in-inst']) {
      assert.ok(codes.has(code), `no ${code}`);
    }
  });

  test('every other example spec lints without errors', () => {
    const others = readdirSync(EXAMPLES).filter((f) => /\.cluster\.ya?ml$/.test(f) && f !== 'classic-mistakes.cluster.yaml');
    for (const f of others) {
      const r = lintJson([join(EXAMPLES, f)]);
      assert.equal(r.status, 0, `${f}: ${r.stdout}`);
    }
  });
});
