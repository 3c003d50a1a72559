/**
 * The one help style of `stash-ha`: a usage line, what the subcommand does, its
 * options in one aligned list, and its exit statuses. Built from the same
 * declarations the parser reads, so help and behaviour cannot drift apart.
 */
import { OptionSpec, PositionalSpec } from './args';
import { ExitStatus } from './exitStatus';

export interface HelpText {
  readonly name: string;
  readonly positional: PositionalSpec;
  readonly description: string;
  readonly options: readonly OptionSpec[];
  readonly exits: Readonly<Partial<Record<ExitStatus, string>>>;
  /** Paragraphs after the options (formats, notes). */
  readonly notes?: string;
}

/** `stash-ha failover [OPTIONS] SPEC RESOURCE NODE`. */
export function usageLine(h: Pick<HelpText, 'name' | 'positional'>): string {
  const names = h.positional.names.map((n, i) => (h.positional.variadic && i === h.positional.names.length - 1 ? `${n}...` : n));
  return `stash-ha ${h.name} [OPTIONS] ${names.join(' ')}`.trimEnd();
}

function optionLabel(o: OptionSpec): string {
  const value = o.choices ? o.choices.join('|') : o.value;
  return `${o.short ? `-${o.short}, ` : ''}--${o.name}${value ? ` ${value}` : ''}`;
}

/** Breaks a paragraph into lines of at most `width` characters, at spaces. */
function wrap(text: string, width = 88): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line].join('\n');
}

/** The whole help of one subcommand. */
export function helpText(h: HelpText): string {
  const labels = h.options.map(optionLabel);
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  const options = h.options.map((o, i) => {
    const [first, ...rest] = o.help.split('\n');
    return [`  ${labels[i].padEnd(width)}${first}`, ...rest.map((l) => `  ${' '.repeat(width)}${l}`)].join('\n');
  });
  const exits = Object.entries(h.exits).map(([code, meaning]) => `${code} ${meaning}`).join(', ');
  return [
    `Usage: ${usageLine(h)}`, '', h.description, '', 'Options:', ...options, '',
    ...(h.notes ? [h.notes, ''] : []),
    wrap(`Exit status: ${exits}.`), '',
  ].join('\n');
}
