/**
 * How the desired cluster reads one value: a scalar into a `DesiredValue` with its text and
 * span, an attribute mapping (meta, properties, operation options, clone options)
 * into named values normalised by the kind attributes.ts gives each name, and the
 * deep freeze that makes the result immutable. Every normal form comes from the
 * vocabulary.
 */
import { AttributeSet, OP_OPTIONS, ValueRule } from './attributes';
import type { DesiredAttribute, DesiredValue } from './desired';
import { Span } from './diagnostic';
import { isInfinity, normalBoolean, normalDuration, normalInteger, normalRole, normalScore, parseInteger, Role } from './vocabulary';
import { YMap, YNode, YScalar } from './yamlTree';

/** A copy of a span, so the frozen result shares nothing with the YAML tree. */
export function spanOf(span: Span): Span {
  return { start: span.start, end: span.end };
}

/** A scalar as a value normalised by `normal`; undefined for a missing or empty (`key:`) scalar. */
export function valueOf<T>(scalar: YScalar | undefined, normal: (text: string) => T | undefined): DesiredValue<T> | undefined {
  if (scalar === undefined || scalar.value === null) return undefined;
  const value = normal(scalar.text);
  return { ...(value === undefined ? {} : { value }), text: scalar.text, span: spanOf(scalar.span) };
}

/** A scalar that is text to Pacemaker (a name, an address, a URL); undefined when missing or blank. */
export function textValue(scalar: YScalar | undefined): DesiredValue | undefined {
  return scalar?.text.trim() ? valueOf(scalar, (t) => t) : undefined;
}

/**
 * A fixed word in its canonical spelling (`Mandatory`), a deprecated one as the word
 * that replaced it (`Master` → `Promoted`). Matched as the checks match it: as written,
 * or in any case where Pacemaker compares without case (meta attributes, properties).
 */
export function normalWord(rule: ValueRule, text: string): string | undefined {
  const same = (a: string): boolean => (rule.anyCase ? a.toLowerCase() === text.toLowerCase() : a === text);
  const listed = (rule.values ?? []).find(same);
  if (listed !== undefined) return listed;
  const old = Object.keys(rule.deprecated ?? {}).find(same);
  return old === undefined ? undefined : rule.deprecated?.[old];
}

const ROLE_RULE = OP_OPTIONS.get('role')?.value;

/** A role word as the operation and constraint keys take it: a listed spelling (Master and Slave too), by its new name. */
export function roleOf(text: string): Role | undefined {
  const word = ROLE_RULE && normalWord(ROLE_RULE, text);
  return word === undefined ? undefined : normalRole(word);
}

/** A role as the operation and constraint keys take it, read from a scalar. */
export function roleValue(node: YNode | undefined): DesiredValue<Role> | undefined {
  return valueOf(node?.kind === 'scalar' ? node : undefined, roleOf);
}

/** The normal form of a value of this kind; a name the vocabulary does not know keeps its text. */
export function normalByRule(rule: ValueRule | undefined, text: string): string | undefined {
  switch (rule?.kind) {
    case undefined:
    case 'string':
    case 'host':
    case 'user': return text;
    case 'boolean': return normalBoolean(text);
    case 'duration': return normalDuration(text);
    case 'score': return normalScore(text);
    case 'integer':
      // An integer that may be INFINITY is a score to Pacemaker: 1000000 and INFINITY are one value.
      if (rule.infinity) return isInfinity(text) || parseInteger(text) !== undefined ? normalScore(text) : undefined;
      return normalInteger(text);
    case 'enum': return normalWord(rule, text);
  }
}

/**
 * A named value given as text (a CIB nvpair or XML attribute), normalised by the kind
 * `set` gives its name, exactly as `attributesOf` normalises the same name in a spec.
 */
export function namedValue(name: string, text: string, set: AttributeSet): DesiredAttribute {
  const value = normalByRule(set.get(name)?.value, text);
  return { name, ...(value === undefined ? {} : { value }), text };
}

/** A named scalar of a mapping, normalised by `normal`. */
export function attributeOf(name: string, nameSpan: Span, scalar: YScalar, normal: (text: string) => string | undefined): DesiredAttribute {
  const value = normal(scalar.text);
  return { name, nameSpan: spanOf(nameSpan), ...(value === undefined ? {} : { value }), text: scalar.text, span: spanOf(scalar.span) };
}

/**
 * The scalar entries of an attribute mapping, in order, each normalised by the kind
 * `set` gives its name (`skip` names are read elsewhere). Entries that are not scalars
 * are left out (type-mismatch reports them); `key:` with nothing after it is kept as ''.
 */
export function attributesOf(map: YMap | undefined, set: AttributeSet, skip: readonly string[] = []): DesiredAttribute[] {
  const out: DesiredAttribute[] = [];
  for (const pair of map?.pairs ?? []) {
    if (pair.value.kind !== 'scalar' || skip.includes(pair.key)) continue;
    const rule = set.get(pair.key)?.value;
    out.push(attributeOf(pair.key, pair.keySpan, pair.value, (t) => normalByRule(rule, t)));
  }
  return out;
}

/** Freezes a plain value and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}
