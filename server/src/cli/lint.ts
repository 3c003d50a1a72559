/**
 * `stash-ha lint`: checks spec files with the language server's own validation and
 * prints the findings as text or JSON (spec-format.md, "The command line"). Exit
 * status 0 when no file has an error (warnings allowed), 1 when one has, 2 for a
 * usage error or a file that cannot be read — the worst status wins, and every
 * readable file is still checked and reported.
 */
import { AgentInfo } from '../agents/model';
import { createCatalog } from '../agents/catalog';
import { loadMetadataFile } from '../agents/metadataFiles';
import { validateText } from '../services/validate';
import { CliIo, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, readFailureReason, UsageError } from './io';
import { formatJson, formatText, LintRecord, OUTPUT_FORMATS, OutputFormat, toRecords } from './format';

export const LINT_SUMMARY = 'check cluster spec files (*.cluster.yaml) for mistakes';

const HELP = `Usage: stash-ha lint [--format text|json] [--metadata FILE]... FILE...

Checks cluster spec files with the same checks as the editor.

Options:
  --format text|json  Output format (default: text).
                      text: one line per finding, "FILE:LINE:COLUMN: SEVERITY CODE MESSAGE",
                      then a summary line.
                      json: one array of {file, line, column, endLine, endColumn,
                      severity, code, message}.
  --metadata FILE     Also know the agent described by this OCF meta-data XML file
                      (as \`crm_resource --show-metadata AGENT\` prints it). Name the file
                      after the agent with dots for colons, e.g. ocf.acme.Foo.metadata.xml.
                      Repeatable.
  -h, --help          Show this help.

FILE may be - to read standard input.

Lines and columns are 1-based; columns count UTF-16 code units, as editors do.
A finding's range runs from (line, column) up to, not including, (endLine, endColumn):
endColumn is the column just past its last character.

Exit status: 0 no errors (warnings allowed), 1 at least one error,
2 a usage error or a file that cannot be read.
`;

interface LintOptions {
  readonly format: OutputFormat;
  readonly metadata: readonly string[];
  readonly files: readonly string[];
  readonly help: boolean;
}

/** Reads `lint`'s arguments; throws UsageError on anything it does not understand. */
export function parseLintArgs(args: readonly string[]): LintOptions {
  let format: OutputFormat = 'text';
  let help = false;
  const metadata: string[] = [];
  const files: string[] = [];
  const valueOf = (i: number, option: string, inline?: string): string => {
    const v = inline ?? args[i + 1];
    if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${option} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    const [option, inline] = arg.startsWith('--') && arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (option === '--help' || option === '-h') {
      help = true;
    } else if (option === '--format') {
      const v = valueOf(i, option, inline);
      if (!(OUTPUT_FORMATS as readonly string[]).includes(v)) throw new UsageError(`unknown format '${v}': use text or json`);
      format = v as OutputFormat;
      if (inline === undefined) i++;
    } else if (option === '--metadata') {
      metadata.push(valueOf(i, option, inline));
      if (inline === undefined) i++;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      files.push(arg);
    }
  }
  if (!help && files.length === 0) throw new UsageError('no spec file given');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  return { format, metadata, files, help };
}

/** The agents of the --metadata files, or the first reason one is unusable. */
async function readAgents(paths: readonly string[], io: CliIo): Promise<AgentInfo[] | string> {
  const agents: AgentInfo[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await io.readText(path);
    } catch (err) {
      return `cannot read ${path}: ${readFailureReason(err)}`;
    }
    const r = loadMetadataFile(path, text);
    if (!r.ok) return `unusable meta-data file ${path}: ${r.error.message}`;
    agents.push(r.agent);
  }
  return agents;
}

/** Runs `stash-ha lint ARGS` and returns its exit status. */
export async function runLint(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseLintArgs(args);
  if (options.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const agents = await readAgents(options.metadata, io);
  if (typeof agents === 'string') {
    io.err(`stash-ha: ${agents}\n`);
    return EXIT_USAGE;
  }
  const catalog = createCatalog(agents);
  const records: LintRecord[] = [];
  let unreadable = false;
  let checked = 0;
  for (const file of options.files) {
    let text: string;
    try {
      text = await io.readText(file);
    } catch (err) {
      io.err(`stash-ha: cannot read ${file}: ${readFailureReason(err)}\n`);
      unreadable = true;
      continue;
    }
    checked++;
    records.push(...toRecords(file === '-' ? '<stdin>' : file, text, validateText(text, catalog)));
  }
  // JSON consumers always get an array; a text summary of no file checked would mislead.
  if (options.format === 'json') io.out(formatJson(records));
  else if (checked > 0) io.out(formatText(records, checked));
  if (unreadable) return EXIT_USAGE;
  return records.some((r) => r.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
