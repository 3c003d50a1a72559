/**
 * The checker on broken input: 2,000 random mutations of the contract's example and
 * of examples/stash.cluster.yaml (lines deleted, duplicated, indented or dedented,
 * characters deleted, YAML tokens inserted), from a fixed seed so a failure repeats.
 * Nothing may throw (not even inside one validator, which validate() would only log),
 * every range must lie within the text. A mutation that made the checker loop would
 * hit the test's deadline; how fast the checker is, is the benchmark's business.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCatalog } from '../../../server/src/agents/catalog';
import { validateText } from '../../../server/src/services/validate';
import { repoRoot } from '../helpers';

const RUNS = 2000;
/** Against a hang only: all the runs take a few seconds. The loop yields now and then, so the deadline can fire. */
const DEADLINE_MS = 120_000;
const SEED = 20240601;

/** A small deterministic generator (a linear congruential one), so runs repeat exactly. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

/** Tokens that stress the parser and the resolver: indicators, anchors, aliases, merges, tags, quotes, tabs, documents. */
const TOKENS = ['&a ', '*a', '<<: *a', '<<: [*a, *b]', '- ', ': ', '{', '}', '[', ']', '"', "'", '#', '\t', '  ', 'x-y: ', '? ',
  '|', '>', '!!str ', '!!map ', '%YAML 1.2', '---', '...', 'é', '😀', '\r', '\n', 'INFINITY', '-1', 'agent: ', 'ocf:heartbeat:stash',
  '&b [*b]', '*zz', 'null', '~', 'clone: {}', 'promotable: {}', 'score: ', '/srv/stash', 'stash_res', ',', '*'];

function mutate(text: string, next: () => number): string {
  const lines = text.split('\n');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const count = 1 + Math.floor(next() * 4);
  for (let m = 0; m < count; m++) {
    const k = Math.floor(next() * lines.length);
    const line = lines[k] ?? '';
    const at = Math.floor(next() * (line.length + 1));
    switch (Math.floor(next() * 5)) {
      case 0: lines.splice(k, 1); break;
      case 1: lines.splice(k, 0, line); break;
      case 2: {
        const shift = Math.floor(next() * 5) - 2;
        lines[k] = shift > 0 ? ' '.repeat(shift) + line : line.slice(-shift);
        break;
      }
      case 3: lines[k] = line.slice(0, at) + pick(TOKENS) + line.slice(at); break;
      default: lines[k] = line.slice(0, at) + line.slice(at + 1 + Math.floor(next() * 5));
    }
  }
  return lines.join('\n');
}

test(`${RUNS} mutated specs: no throw, every range inside the text`, { timeout: DEADLINE_MS }, async (t) => {
  const root = repoRoot();
  const bases = [
    readFileSync(join(root, 'test/fixtures/spec-format/example.cluster.yaml'), 'utf8'),
    readFileSync(join(root, 'examples/stash.cluster.yaml'), 'utf8'),
  ];
  const catalog = createCatalog();
  for (let i = 0; i < 20; i++) for (const base of bases) validateText(base, catalog);

  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.join(' '));
  const next = random(SEED);
  let findings = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      if (run % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      const text = mutate(bases[run % bases.length], next);
      const found = validateText(text, catalog);
      findings += found.length;
      for (const d of found) {
        const inside = Number.isInteger(d.span.start) && Number.isInteger(d.span.end)
          && d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length;
        assert.ok(inside, `run ${run}: ${d.code} range ${JSON.stringify(d.span)} outside a text of ${text.length}: ${JSON.stringify(text)}`);
      }
      assert.deepEqual(logged, [], `run ${run}: a validator threw on ${JSON.stringify(text)}`);
    }
  } finally {
    console.error = original;
  }
  t.diagnostic(`${findings} findings`);
  assert.ok(findings > RUNS, 'the mutations do break the specs');
});
