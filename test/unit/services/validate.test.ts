import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCatalog } from '../../../server/src/agents/catalog';
import { ALL_CODES } from '../../../server/src/spec/codes';
import { diag } from '../../../server/src/spec/diagnostic';
import { buildModel } from '../../../server/src/spec/model';
import { validate, validateText } from '../../../server/src/services/validate';
import { ALL_VALIDATORS } from '../../../server/src/services/validators';
import { badDuration } from '../../../server/src/services/validators/badDuration';
import { badMetaValue } from '../../../server/src/services/validators/badMetaValue';
import { badOpOption } from '../../../server/src/services/validators/badOpOption';
import { badPropertyValue } from '../../../server/src/services/validators/badPropertyValue';
import { badScore } from '../../../server/src/services/validators/badScore';
import { duplicateId } from '../../../server/src/services/validators/duplicateId';
import { invalidId } from '../../../server/src/services/validators/invalidId';
import { missingField } from '../../../server/src/services/validators/missingField';
import { stonithDisabled } from '../../../server/src/services/validators/stonithDisabled';
import { typeMismatch } from '../../../server/src/services/validators/typeMismatch';
import { Validator } from '../../../server/src/services/validators/types';
import { unknownKey } from '../../../server/src/services/validators/unknownKey';
import { unknownMeta } from '../../../server/src/services/validators/unknownMeta';
import { unknownProperty } from '../../../server/src/services/validators/unknownProperty';
import { lines, repoRoot, runValidators } from '../helpers';

/** The structure and value checks. */
const STRUCTURE: readonly Validator[] = [unknownKey, typeMismatch, missingField, invalidId, duplicateId, badDuration,
  badOpOption, unknownMeta, badMetaValue, badScore, unknownProperty, badPropertyValue, stonithDisabled];

describe('validate', () => {
  test('the example of spec-format.md raises nothing from the structure and value checks', () => {
    const text = readFileSync(join(repoRoot(), 'test/fixtures/spec-format/example.cluster.yaml'), 'utf8');
    assert.deepEqual(runValidators(text, STRUCTURE), []);
  });

  test('the registry holds one validator for every code but the YAML tree\'s own', () => {
    const covered = ALL_VALIDATORS.flatMap((v) => v.codes);
    assert.equal(new Set(covered).size, covered.length, 'no code is reported by two validators');
    const expected = ALL_CODES.filter((c) => c !== 'yaml-syntax' && c !== 'duplicate-key');
    assert.deepEqual([...covered].sort(), [...expected].sort());
  });

  test('yaml-syntax and duplicate-key come along, sorted by position then code', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'properties:', '  stonith-enabled: false',
      '  stonith-enabled: true', 'resouces: {}', 'bad: [');
    const found = validateText(text, createCatalog());
    const starts = found.map((d) => d.span.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    const codes = found.map((d) => d.code);
    assert.ok(codes.includes('duplicate-key') && codes.includes('yaml-syntax') && codes.includes('unknown-key'), codes.join());
    for (let i = 1; i < found.length; i++) {
      if (found[i].span.start === found[i - 1].span.start && found[i].span.end === found[i - 1].span.end) {
        assert.ok(found[i - 1].code <= found[i].code);
      }
    }
  });

  test('a validator that throws costs only its own findings and one line on stderr', () => {
    const model = buildModel(lines('cluster: c', 'nodes: { n1: { address: a } }', 'resouces: {}'));
    const thrower: Validator = {
      codes: ['unknown-node'],
      check({ report }) {
        report(diag('unknown-node', { start: 0, end: 1 }, 'partial'));
        throw new Error('boom');
      },
    };
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    try {
      const found = validate(model, createCatalog(), [thrower, unknownKey]);
      assert.deepEqual(found.map((d) => d.code), ['unknown-key']);
    } finally {
      console.error = original;
    }
    assert.equal(logged.length, 1);
    assert.match(logged[0], /unknown-node check failed.*boom/s);
  });

  test('exact duplicates are removed, distinct messages at one place are kept', () => {
    const model = buildModel('cluster: c\n');
    const twice: Validator = {
      codes: ['unknown-node'],
      check({ report }) {
        report(diag('unknown-node', { start: 0, end: 7 }, 'same'));
        report(diag('unknown-node', { start: 0, end: 7 }, 'same'));
        report(diag('unknown-node', { start: 0, end: 7 }, 'other'));
      },
    };
    assert.deepEqual(validate(model, createCatalog(), [twice]).map((d) => d.message), ['other', 'same']);
  });

  test('a malformed document never throws', () => {
    for (const text of ['', ':', '- - -', '{ a: [ }', 'cluster: [\n', 'a: *x', '\t\t', 'nodes: { n: *n }']) {
      assert.doesNotThrow(() => validateText(text, createCatalog()), JSON.stringify(text));
    }
  });
});
