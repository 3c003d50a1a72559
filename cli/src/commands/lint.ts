/**
 * `stash-ha lint`: checks spec files with the language server's own validation and
 * prints the findings as text or JSON (spec-format.md, "The command line"). Exit
 * status 0 when no file has an error (warnings allowed), 1 when one has, 2 for a
 * usage error or a file that cannot be read — the worst status wins, and every
 * readable file is still checked and reported.
 */
import { AgentInfo, createCatalog, loadMetadataFile, validateText } from '../../../server/src';
import { HELP_OPTION, OptionSpec, UsageError } from '../args';
import { CliCommand } from '../command';
import { EXIT } from '../exitStatus';
import { CliIo, readFailureReason } from '../io';
import { formatJson, formatText, LintRecord, OUTPUT_FORMATS, toRecords } from './lintFormat';

/** `--metadata FILE`, for every subcommand that checks a spec. */
export const METADATA_OPTION: OptionSpec = {
  name: 'metadata', value: 'FILE', multiple: true,
  help: 'also know the agent described by this OCF meta-data XML file\n' +
    '(as `crm_resource --show-metadata AGENT` prints it), named after the agent\n' +
    'with dots for colons, e.g. ocf.acme.Foo.metadata.xml; repeatable',
};

/** The agents of the --metadata files, or the first reason one is unusable. */
export async function readAgents(paths: readonly string[], io: CliIo): Promise<AgentInfo[] | string> {
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

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'check cluster spec files (*.cluster.yaml) for mistakes',
  positional: { names: ['FILE'], variadic: true },
  description: 'Checks cluster spec files with the same checks as the editor. FILE may be - to read standard input.',
  options: [
    {
      name: 'format', value: 'FORMAT', choices: OUTPUT_FORMATS,
      help: 'output format (default text)\n' +
        'text: one line per finding, "FILE:LINE:COLUMN: SEVERITY CODE MESSAGE", then a summary line\n' +
        'json: one array of {file, line, column, endLine, endColumn, severity, code, message}',
    },
    METADATA_OPTION,
    HELP_OPTION,
  ],
  notes: 'Lines and columns are 1-based; columns count UTF-16 code units, as editors do.\n' +
    "A finding's range runs from (line, column) up to, not including, (endLine, endColumn):\n" +
    'endColumn is the column just past its last character.',
  exits: { [EXIT.ok]: 'no errors (warnings allowed)', [EXIT.failed]: 'at least one error', [EXIT.usage]: 'a usage error or a file that cannot be read' },

  async run(args, io) {
    const files = args.positionals;
    if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
    const agents = await readAgents(args.values('metadata'), io);
    if (typeof agents === 'string') {
      io.err(`stash-ha: ${agents}\n`);
      return EXIT.usage;
    }
    const catalog = createCatalog(agents);
    const records: LintRecord[] = [];
    let unreadable = false;
    let checked = 0;
    for (const file of files) {
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
    if (args.value('format') === 'json') io.out(formatJson(records));
    else if (checked > 0) io.out(formatText(records, checked));
    if (unreadable) return EXIT.usage;
    return records.some((r) => r.severity === 'error') ? EXIT.failed : EXIT.ok;
  },
};
