/**
 * Checks one scalar against a value rule of attributes.ts / schema.ts and says, in
 * words, what was expected; also decides which code a failed value is reported as
 * (a duration that does not parse is `bad-duration` and a score `bad-score`
 * wherever they appear). The validators of value codes share this; it reports nothing.
 */
import { ValueRule } from '../../spec/attributes';
import { DiagnosticCode } from '../../spec/codes';
import { Shape } from '../../spec/schema';
import { didYouMean } from '../../spec/suggest';
import {
  badHost, badLoginUser, HOST_RULE, isInfinity, LOGIN_USER_RULE, parseBoolean, parseDecimal, parseDuration, parseInteger, parseScore,
} from '../../spec/vocabulary';
import { YScalar } from '../../spec/yamlTree';

/** A scalar shape of schema.ts: an integer field or a value checked by a rule. */
export type ScalarShape = Extract<Shape, { kind: 'integer' } | { kind: 'value' }>;

export interface ValueProblem {
  /** "an integer from 1 to 65535", "one of Mandatory, Optional, Serialize", … */
  readonly expected: string;
  /** For enums: the accepted value closest to what was written. */
  readonly suggestion?: string;
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return '';
}

/** What a rule accepts, in words. */
export function describeRule(rule: ValueRule): string {
  switch (rule.kind) {
    case 'string': return 'text';
    case 'boolean': return 'true or false';
    case 'duration': return 'a duration such as 30s, 500ms, 5min or PT4M';
    case 'score': return 'a score: an integer, INFINITY or -INFINITY';
    case 'integer': return `an integer${range(rule.min, rule.max)}${rule.infinity ? ' or INFINITY' : ''}`;
    case 'enum': return `one of ${(rule.values ?? []).join(', ')}`;
    case 'host': return HOST_RULE;
    case 'user': return LOGIN_USER_RULE;
  }
}

function inRange(n: number, rule: { min?: number; max?: number }): boolean {
  return (rule.min === undefined || n >= rule.min) && (rule.max === undefined || n <= rule.max);
}

/** Undefined when `text` satisfies the rule; otherwise what was expected. */
export function checkRule(rule: ValueRule, text: string): ValueProblem | undefined {
  const failed = { expected: describeRule(rule) };
  switch (rule.kind) {
    case 'string': return undefined;
    case 'boolean': return parseBoolean(text) === undefined ? failed : undefined;
    case 'duration': return parseDuration(text) === undefined ? failed : undefined;
    case 'score': return parseScore(text) === undefined ? failed : undefined;
    case 'integer': {
      if (rule.infinity && isInfinity(text)) return undefined;
      const n = parseInteger(text);
      return n === undefined || !inRange(n, rule) ? failed : undefined;
    }
    case 'enum': {
      const accepted = [...(rule.values ?? []), ...Object.keys(rule.deprecated ?? {})];
      if (accepted.includes(text)) return undefined;
      if (rule.anyCase && accepted.some((v) => v.toLowerCase() === text.toLowerCase())) return undefined;
      return { ...failed, suggestion: didYouMean(text, rule.values ?? []).suggestion };
    }
    case 'host': return badHost(text) === undefined ? undefined : failed;
    case 'user': return badLoginUser(text) === undefined ? undefined : failed;
  }
}

/**
 * Checks a scalar against a scalar shape. An `integer` shape wants a YAML integer, not
 * text, written in decimal digits (the vocabulary's parseDecimal, which the port rule
 * is): `0x8ae` is 2222 to YAML but not to ssh or a reader.
 */
export function checkScalar(shape: ScalarShape, node: YScalar): ValueProblem | undefined {
  if (shape.kind === 'value') return checkRule(shape.rule, node.text);
  const ok = typeof node.value === 'number' && Number.isInteger(node.value) && inRange(node.value, shape)
    && parseDecimal(node.text, shape.min ?? 0, shape.max ?? Number.MAX_SAFE_INTEGER) !== undefined;
  return ok ? undefined : { expected: `an integer${range(shape.min, shape.max)}` };
}

/** The code a failed value of this rule is reported as, given the code of its place. */
export function codeForRule(rule: ValueRule, placeCode: DiagnosticCode): DiagnosticCode {
  if (rule.kind === 'duration') return 'bad-duration';
  if (rule.kind === 'score') return 'bad-score';
  return placeCode;
}

/** The code a failed scalar of this shape is reported as. */
export function codeForScalar(shape: ScalarShape): DiagnosticCode {
  return shape.kind === 'integer' ? 'type-mismatch' : codeForRule(shape.rule, shape.code);
}
