/**
 * The did-you-mean part of the checks for names that are not declared (resources,
 * groups, nodes): a sentence for the message and the quick fix that applies it.
 */
import { SpecFix } from '../../spec/diagnostic';
import { replaceLiteral, yamlScalar } from '../../spec/edits';
import { Ref } from '../../spec/model';

/**
 * `Did you mean 'x'?` with a fix replacing the name where it is written (none when it
 * is reached through an alias), or `advice` when there is no likely name.
 */
export function misnamed(text: string, ref: Ref, likely: string | undefined, advice: string): { sentence: string; fixes: SpecFix[] } {
  if (likely === undefined) return { sentence: advice, fixes: [] };
  const edit = yamlScalar(likely) === likely ? replaceLiteral(text, ref.span, ref.id, likely) : undefined;
  return {
    sentence: `Did you mean '${likely}'?`,
    fixes: edit ? [{ title: `Change to '${likely}'`, edits: [edit], preferred: true }] : [],
  };
}
