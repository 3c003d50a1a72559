/**
 * A small JSON Schema (draft-07) checker for the keywords our generated schema uses,
 * so the tests can prove that specs validate against it without a schema library.
 * It returns the paths that fail; it is not a general validator.
 */
import { JsonSchema } from '../../../server/src/spec/jsonSchema';

function typeOf(v: unknown): string[] {
  if (v === null) return ['null'];
  if (Array.isArray(v)) return ['array'];
  if (typeof v === 'number') return Number.isInteger(v) ? ['integer', 'number'] : ['number'];
  return [typeof v];
}

/** The paths at which `value` breaks `schema`, empty when it validates. */
export function schemaErrors(schema: JsonSchema, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  const fail = (why: string): void => void errors.push(`${path}: ${why}`);
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    if (!typeOf(value).some((t) => types.includes(t))) return [`${path}: type ${typeOf(value)[0]} is not ${types.join('|')}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail(`${JSON.stringify(value)} is not in enum`);
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) fail(`'${value}' does not match pattern`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`${value} < minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`${value} > maximum`);
  }
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => schemaErrors(s as JsonSchema, value, path).length === 0)) fail('matches no anyOf branch');
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf) errors.push(...schemaErrors(s as JsonSchema, value, path));
  if (schema.not !== undefined && schemaErrors(schema.not as JsonSchema, value, path).length === 0) fail('matches a not');
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, i) => errors.push(...schemaErrors(schema.items as JsonSchema, item, `${path}[${i}]`)));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, JsonSchema>);
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) fail(`missing '${r}'`);
    if (typeof schema.minProperties === 'number' && Object.keys(obj).length < schema.minProperties) fail('too few properties');
    for (const [k, v] of Object.entries(obj)) {
      const names = schema.propertyNames as JsonSchema | undefined;
      if (names) errors.push(...schemaErrors(names, k, `${path}.${k} (name)`));
      const matched = patterns.filter(([p]) => new RegExp(p).test(k));
      for (const [, s] of matched) errors.push(...schemaErrors(s, v, `${path}.${k}`));
      if (k in props) errors.push(...schemaErrors(props[k], v, `${path}.${k}`));
      else if (matched.length === 0 && schema.additionalProperties === false) fail(`'${k}' is not allowed`);
      else if (matched.length === 0 && typeof schema.additionalProperties === 'object') {
        errors.push(...schemaErrors(schema.additionalProperties as JsonSchema, v, `${path}.${k}`));
      }
    }
  }
  return errors;
}
