/**
 * The lint that `apply` and `export` run before anything else: the same checks as
 * `lint` (with the agents of any --metadata files), its findings printed the same
 * way on standard error. A spec with an error goes no further.
 */
import { createCatalog, validateText } from '../../../server/src';
import { ParsedArgs } from '../args';
import { CliIo } from '../io';
import { readAgents } from './lint';
import { formatText, toRecords } from './lintFormat';

/** 'ok', 'errors' (printed), or 'usage' when a --metadata file cannot be used (said why). */
export async function checkSpec(path: string, text: string, args: ParsedArgs, io: CliIo, what: string): Promise<'ok' | 'errors' | 'usage'> {
  const agents = await readAgents(args.values('metadata'), io);
  if (typeof agents === 'string') {
    io.err(`stash-ha: ${agents}\n`);
    return 'usage';
  }
  const records = toRecords(path, text, validateText(text, createCatalog(agents)));
  if (!records.some((r) => r.severity === 'error')) return 'ok';
  io.err(formatText(records.filter((r) => r.severity === 'error'), 1));
  io.err(`stash-ha: ${path} has errors, so ${what}\n`);
  return 'errors';
}
