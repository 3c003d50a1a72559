/**
 * Conformance of the spec checker to the contract (spec-format.md), through the same
 * entry the CLI and the editor use: `validateText(text, createCatalog())`, all
 * validators together.
 *
 * The first part walks every row of the contract's diagnostics table. Each case is a
 * realistic spec (the contract's own example with one mistake made in it) and must
 * produce exactly the findings listed, no more: the code, the severity the table
 * gives, the 1-based line, the exact text the range covers (the offending key or
 * value; for a missing thing the key of the mapping it is missing from; for a
 * duplicate or conflict the later occurrence) and a message that names what is
 * wrong and the fix. Each near miss must raise nothing of the row's code (and, as
 * built, nothing at all). The rows live in table*.ts; the "Keys" and "Values"
 * sections are keys.test.ts and values.test.ts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CODES, SEVERITY_OF } from '../../../server/src/spec/codes';
import { repoRoot } from '../helpers';
import { BASE, check, edit, Expected, Row, Seen } from './contractSpec';
import { AGENTS_ROWS } from './tableAgents';
import { RELATIONS_ROWS } from './tableRelations';
import { STRUCTURE_ROWS } from './tableStructure';
import { VERSIONS_ROWS } from './tableVersions';

const TABLE: readonly Row[] = [...STRUCTURE_ROWS, ...AGENTS_ROWS, ...RELATIONS_ROWS, ...VERSIONS_ROWS];

function brief(found: readonly Seen[]): string {
  return found.map((d) => `${d.line} ${d.code} ${JSON.stringify(d.range)}: ${d.message}`).join('\n');
}

describe('contract: the diagnostics table', () => {
  test('the table rows are exactly the codes the checker knows, with the contract\'s severities', () => {
    assert.deepEqual(TABLE.map((r) => r.code), ALL_CODES);
    for (const row of TABLE) assert.equal(SEVERITY_OF[row.code], row.severity, row.code);
  });

  test('the base spec (the contract\'s example with the monitor timeout it asks for) raises nothing', () => {
    assert.deepEqual(check(BASE), []);
  });

  for (const row of TABLE) {
    describe(`${row.code} (${row.severity}): ${row.when}`, () => {
      for (const c of row.cases) {
        test(c.name, () => {
          const found = check(c.text);
          const expected = [c, ...(c.also ?? [])].map((e) => ({ code: e.code, line: e.line, range: e.range }));
          const key = (e: Expected): string => `${e.line} ${e.code} ${JSON.stringify(e.range)}`;
          assert.deepEqual(found.map(key).sort(), expected.map(key).sort(), brief(found));
          const d = found.find((f) => f.code === c.code && f.line === c.line && f.range === c.range)!;
          assert.equal(d.severity, row.severity);
          for (const says of c.says) assert.match(d.message, says);
        });
      }
      for (const n of row.nearMisses) {
        test(`near miss: ${n.name}`, () => {
          const found = check(n.text);
          assert.deepEqual(found.filter((d) => d.code === row.code), [], brief(found));
          assert.deepEqual(found.map((d) => d.code).filter((c) => !(n.others ?? []).includes(c)), [], brief(found));
        });
      }
    });
  }
});

describe('contract: the example and the shipped examples', () => {
  test('the example of spec-format.md: exactly one op-timeout-short warning, on stash_res\'s monitor', () => {
    const text = readFileSync(join(repoRoot(), 'test/fixtures/spec-format/example.cluster.yaml'), 'utf8');
    const found = check(text);
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.line, d.range]), [['op-timeout-short', 'warning', 23, 'monitor']], brief(found));
    assert.match(found[0].message, /monitor operation of 'stash_res' has no timeout, so it gets Pacemaker's default of 20s, below the 30s/);
    assert.equal(text, edit(BASE, ['{ interval: 15s, timeout: 30s }', '{ interval: 15s }']), 'the base spec is the example plus its timeout');
  });

  test('examples/stash.cluster.yaml raises nothing at all', () => {
    const found = check(readFileSync(join(repoRoot(), 'examples/stash.cluster.yaml'), 'utf8'));
    assert.deepEqual(found, [], brief(found));
  });
});
