/**
 * Generates the JSON Schema (draft-07, as yaml-language-server reads it) of a cluster
 * spec's structure from the one definition of the format: the shapes of schema.ts,
 * the attribute vocabularies of attributes.ts and the value patterns of the
 * vocabulary (vocabulary/patterns.ts). schemas/cluster-spec.schema.json is this output, committed; a test
 * keeps the two equal, so nobody edits the file by hand.
 *
 * The schema describes structure only: what the agents' meta-data says about params
 * and operations, and the relations between resources, are the validators' business.
 * Mappings that the format closes (its own keys, operation options) have
 * `additionalProperties: false`; vocabularies whose unknown names are only warnings
 * (meta attributes, clone options, properties) stay open.
 */
import { AttributeSet, OP_OPTIONS, ValueRule } from './attributes';
import { SEVERITY_OF } from './codes';
import { EXTENSION_KEY_PATTERN, FieldDef, ROOT_SHAPE, Shape } from './schema';
import { anyCaseWords, VALUE_PATTERNS } from './vocabulary';

export type JsonSchema = { [keyword: string]: unknown };

const SCALAR: JsonSchema = { type: ['string', 'number', 'boolean'] };
const EXTENSIONS = { [EXTENSION_KEY_PATTERN]: {} };
const KEY_PATTERN = { resource: VALUE_PATTERNS.id, group: VALUE_PATTERNS.id, node: VALUE_PATTERNS.nodeName } as const;

/** A collection type that may also be left empty (`meta:` with nothing after it). */
function orNull(type: string): string[] {
  return [type, 'null'];
}

function ruleSchema(rule: ValueRule): JsonSchema {
  switch (rule.kind) {
    case 'string':
    case 'host':
    case 'user':
      return { ...SCALAR };
    case 'boolean':
      return { anyOf: [{ type: 'boolean' }, { type: 'string', pattern: VALUE_PATTERNS.boolean }, { enum: [0, 1] }] };
    case 'duration':
      return { type: ['string', 'integer'], pattern: VALUE_PATTERNS.duration, minimum: 0 };
    case 'score':
      return { type: ['string', 'integer'], pattern: VALUE_PATTERNS.score };
    case 'integer':
      return {
        type: ['integer', 'string'],
        pattern: rule.infinity ? VALUE_PATTERNS.integerOrInfinity : VALUE_PATTERNS.integer,
        ...(rule.min === undefined ? {} : { minimum: rule.min }),
        ...(rule.max === undefined ? {} : { maximum: rule.max }),
      };
    case 'enum': {
      const deprecated = Object.entries(rule.deprecated ?? {});
      const values = rule.values ?? [];
      // Words that YAML reads as numbers (`pacemaker: 2.1`): the checker reads their
      // source text, so the schema takes the numbers too (2.0 is the number 2 there).
      if (values.length > 0 && deprecated.length === 0 && values.every((v) => /^\d+\.\d+$/.test(v))) {
        return { type: ['string', 'number'], enum: [...values, ...values.map(Number)] };
      }
      const listed = {
        enum: [...values, ...deprecated.map(([old]) => old)],
        enumDescriptions: [...values.map(() => ''), ...deprecated.map(([, use]) => `Deprecated: use ${use}.`)],
      };
      return rule.anyCase
        ? { type: 'string', anyOf: [listed, { pattern: anyCaseWords([...values, ...deprecated.map(([old]) => old)]) }] }
        : { type: 'string', ...listed };
    }
  }
}

function attributesSchema(set: AttributeSet): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const a of set.attributes) properties[a.name] = { description: a.doc, ...ruleSchema(a.value) };
  const closed = SEVERITY_OF[set.unknownCode] === 'error';
  return {
    type: orNull('object'),
    properties,
    patternProperties: EXTENSIONS,
    additionalProperties: closed ? false : { ...SCALAR },
  };
}

/** `not: { required: [a, b] }` for each pair of keys that exclude each other, once per pair. */
function conflicts(fields: readonly FieldDef[]): JsonSchema[] {
  const seen = new Set<string>();
  const out: JsonSchema[] = [];
  for (const f of fields) {
    for (const other of f.conflictsWith ?? []) {
      const pair = [f.name, other].sort();
      if (seen.has(pair.join('\0'))) continue;
      seen.add(pair.join('\0'));
      out.push({ not: { required: pair } });
    }
  }
  return out;
}

function mapSchema(fields: readonly FieldDef[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const f of fields) properties[f.name] = { description: f.doc, ...shapeSchema(f.shape) };
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const exclusive = conflicts(fields);
  return {
    type: required.length > 0 ? 'object' : orNull('object'),
    properties,
    ...(required.length > 0 ? { required } : {}),
    patternProperties: EXTENSIONS,
    additionalProperties: false,
    ...(exclusive.length === 1 ? exclusive[0] : exclusive.length > 1 ? { allOf: exclusive } : {}),
  };
}

function shapeSchema(shape: Shape): JsonSchema {
  switch (shape.kind) {
    case 'string': return { ...SCALAR };
    case 'ref': return { type: 'string', pattern: shape.to === 'node' ? VALUE_PATTERNS.nodeName : VALUE_PATTERNS.id };
    case 'agent': return { type: 'string' };
    case 'integer': return {
      type: 'integer',
      ...(shape.min === undefined ? {} : { minimum: shape.min }),
      ...(shape.max === undefined ? {} : { maximum: shape.max }),
    };
    case 'value': return ruleSchema(shape.rule);
    case 'map': return mapSchema(shape.fields);
    case 'dict': return {
      type: orNull('object'),
      propertyNames: { pattern: KEY_PATTERN[shape.keyKind] },
      additionalProperties: shapeSchema(shape.value),
      ...(shape.minEntries === undefined ? {} : { minProperties: shape.minEntries }),
    };
    case 'list': return shape.minItems === undefined
      ? { type: orNull('array'), items: shapeSchema(shape.item) }
      : { type: 'array', items: shapeSchema(shape.item), minItems: shape.minItems };
    case 'attributes': return attributesSchema(shape.set);
    case 'params': return { type: orNull('object'), additionalProperties: { ...SCALAR } };
    case 'ops': {
      const op = attributesSchema(OP_OPTIONS);
      return { type: orNull('object'), additionalProperties: { anyOf: [op, { type: 'array', items: op }] } };
    }
  }
}

/** The JSON Schema of a cluster spec. */
export function buildJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Stash HA cluster spec',
    description: 'The desired state of a Pacemaker cluster running Stash (*.cluster.yaml). ' +
      'Generated from server/src/spec/schema.ts by `npm run schema`; do not edit by hand.',
    ...shapeSchema(ROOT_SHAPE),
  };
}

/** The schema as the committed file holds it. */
export function jsonSchemaText(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}

/** Prints the schema (dist/gen-schema.js runs this). */
export function main(): void {
  process.stdout.write(jsonSchemaText());
}
