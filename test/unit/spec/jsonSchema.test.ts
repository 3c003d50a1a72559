import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildJsonSchema, JsonSchema, jsonSchemaText } from '../../../server/src/spec/jsonSchema';
import { TOP_FIELDS } from '../../../server/src/spec/schema';
import { lines, repoRoot } from '../helpers';
import { schemaErrors } from './jsonSchemaCheck';

function errorsOf(yamlText: string): string[] {
  return schemaErrors(buildJsonSchema(), parse(yamlText, { merge: true }));
}

describe('jsonSchema', () => {
  test('the committed schemas/cluster-spec.schema.json is the generated one (regenerate: npm run schema)', () => {
    const committed = readFileSync(join(repoRoot(), 'schemas/cluster-spec.schema.json'), 'utf8');
    assert.equal(committed, jsonSchemaText());
  });

  test('draft-07, closed top level with x- keys allowed, required keys from schema.ts', () => {
    const s = buildJsonSchema();
    assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(s.additionalProperties, false);
    assert.deepEqual(s.patternProperties, { '^x-': {} });
    assert.deepEqual(s.required, ['cluster', 'nodes']);
    assert.deepEqual(Object.keys(s.properties as object), TOP_FIELDS.map((f) => f.name));
    const props = s.properties as Record<string, JsonSchema>;
    assert.equal(props.nodes.minProperties, 1);
    assert.match(String(props.cluster.description), /cluster name/);
  });

  test('the example of spec-format.md and the shipped examples validate', () => {
    for (const file of ['test/fixtures/spec-format/example.cluster.yaml', 'examples/stash.cluster.yaml']) {
      assert.deepEqual(errorsOf(readFileSync(join(repoRoot(), file), 'utf8')), [], file);
    }
  });

  test('anchors, merges, op lists, deprecated roles and empty optional mappings validate', () => {
    const text = lines('x-mon: &mon { interval: 10s, timeout: PT20S }', 'cluster: c', 'nodes: { n1: { address: a, ssh: } }',
      'resources:', '  d:', '    agent: ocf:linbit:drbd', '    params: { drbd_resource: r0 }', '    meta:',
      '    ops: { monitor: [ { <<: *mon, role: Master }, { interval: 11s, role: Unpromoted } ], start: }',
      '    promotable: { notify: true, promoted-max: 1 }', 'constraints:', '  order: [ { first: d, then: d, kind: Optional } ]');
    assert.deepEqual(errorsOf(text), []);
  });

  test('structural mistakes are rejected', () => {
    const base = ['cluster: c', 'nodes: { n1: { address: a } }'];
    const bad: [string, RegExp][] = [
      ['resouces: {}', /'resouces' is not allowed/],
      ['nodes2: []', /'nodes2' is not allowed/],
      ['resources: { 1r: { agent: x } }', /1r \(name\)/],
      ['resources: { r: { params: {} } }', /missing 'agent'/],
      ['resources: { r: { agent: x, clone: {}, promotable: {} } }', /matches a not/],
      ['resources: { r: { agent: x, ops: { monitor: { interval: 10 secs } } } }', /monitor/],
      ['resources: { r: { agent: x, ops: { monitor: { intervl: 10s } } } }', /monitor/],
      ['op-defaults: { timeout: forever }', /timeout/],
      ['constraints: { order: [ { first: a, then: b, kind: Always } ] }', /kind/],
      ['constraints: { colocation: [ { resource: a, with: b, score: high } ] }', /score/],
      ['properties: { stonith-enabled: maybe }', /stonith-enabled/],
    ];
    for (const [row, why] of bad) {
      const errors = errorsOf(lines(...base, row));
      assert.ok(errors.some((e) => why.test(e)), `${row}: ${errors.join('; ')}`);
    }
    assert.ok(errorsOf(lines('cluster: c', 'nodes: {}')).some((e) => /too few/.test(e)));
    assert.ok(errorsOf(lines('cluster: c', 'nodes: { n1: { address: a, ssh: { port: 70000 } } }')).some((e) => /maximum/.test(e)));
  });

  test('open vocabularies stay open: unknown meta attributes and properties are warnings, not schema errors', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'properties: { dc-deadline: 20s }',
      'resources: { r: { agent: x, meta: { colour: red }, clone: { something: 1 } } }');
    assert.deepEqual(errorsOf(text), []);
  });
});
