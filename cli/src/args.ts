/**
 * The one argument parser of `stash-ha`, over node:util `parseArgs`. Every option
 * works as `--opt value` and as `--opt=value`; `--` ends the options. Whatever is
 * wrong (an unknown option, a missing value, a value outside the choices, too few
 * or too many arguments) is a UsageError worded the same way in every subcommand.
 */
import { parseArgs } from 'node:util';

/** A mistake in how the command was called: reported with the usage line, exit status 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  /** The long name without dashes: `format` is `--format`. */
  readonly name: string;
  readonly short?: string;
  /** The value's placeholder in help (`FILE`, `SEC`); absent for a flag. */
  readonly value?: string;
  readonly help: string;
  /** The values it takes; anything else is a usage error. */
  readonly choices?: readonly string[];
  readonly multiple?: boolean;
  /** A positive number of seconds. */
  readonly seconds?: boolean;
}

/** What an invocation said. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  flag(name: string): boolean;
  /** The last value given for an option. */
  value(name: string): string | undefined;
  values(name: string): readonly string[];
  /** A `seconds` option in milliseconds. */
  ms(name: string): number | undefined;
}

/** The positional arguments a subcommand takes: their names for messages, and how many. */
export interface PositionalSpec {
  readonly names: readonly string[];
  /** The last name may repeat (`FILE...`). */
  readonly variadic?: boolean;
}

export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', help: 'show this help' };

function spelling(o: OptionSpec): string {
  return `--${o.name}`;
}

/** Parses `args` against the options of one subcommand (checkPositionals counts the rest); throws UsageError. */
export function parseCommandArgs(args: readonly string[], options: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(options.map((o) => [o.name, o]));
  const byShort = new Map(options.filter((o) => o.short).map((o) => [o.short as string, o]));
  const config = Object.fromEntries(options.map((o) => [o.name, {
    type: o.value === undefined ? 'boolean' as const : 'string' as const,
    ...(o.short ? { short: o.short } : {}),
    multiple: true,
  }]));
  const { tokens } = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: false, tokens: true });
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') { positionals.push(t.value); continue; }
    if (t.kind === 'option-terminator') continue;
    const spec = t.rawName.startsWith('--') ? byName.get(t.name) : byShort.get(t.name) ?? byName.get(t.name);
    if (spec === undefined) throw new UsageError(`unknown option '${t.rawName}'`);
    const name = spelling(spec);
    if (spec.value === undefined) {
      if (t.value !== undefined) throw new UsageError(`${name} takes no value`);
      values.set(spec.name, ['']);
      continue;
    }
    // `--format --verbose`: the next option is not a value, it is a forgotten one.
    if (t.value === undefined || t.value === '' || (!t.inlineValue && t.value.startsWith('-') && t.value !== '-')) {
      throw new UsageError(`${name} needs a value`);
    }
    if (spec.choices && !spec.choices.includes(t.value)) {
      throw new UsageError(`${name} must be ${spec.choices.join(' or ')}, not '${t.value}'`);
    }
    if (spec.seconds) {
      const n = /^\d+(\.\d+)?$/.test(t.value) ? Number(t.value) : NaN;
      if (!(n > 0)) throw new UsageError(`${name} needs a number of seconds, not '${t.value}'`);
    }
    if (!spec.multiple && values.has(spec.name)) throw new UsageError(`${name} given twice`);
    values.set(spec.name, [...(values.get(spec.name) ?? []), t.value]);
  }
  return {
    positionals,
    flag: (n) => values.has(n),
    value: (n) => values.get(n)?.at(-1),
    values: (n) => values.get(n) ?? [],
    ms: (n) => { const v = values.get(n)?.at(-1); return v === undefined ? undefined : Number(v) * 1000; },
  };
}

/** Checks the count of positional arguments; throws UsageError naming what is missing or extra. */
export function checkPositionals(positionals: readonly string[], spec: PositionalSpec): void {
  const min = spec.names.length;
  if (positionals.length < min) throw new UsageError(`missing ${spec.names.slice(positionals.length).join(' ')}`);
  if (!spec.variadic && positionals.length > min) throw new UsageError(`unexpected argument '${positionals[min]}'`);
}
