/**
 * missing-field: a required key of the format (schema.ts) that is absent or has no
 * value, reported at the key of the mapping it is missing from (a resource id, a
 * node name, the head of a constraint; the start of the document for the top level
 * of an empty one); `nodes` without any node, and a group without members (pcs and
 * the CIB refuse an empty group).
 */
import { diag } from '../../spec/diagnostic';
import { FieldDef } from '../../spec/schema';
import { structureFindings } from './structureWalk';
import { Validator } from './types';

/** "Add 'agent: ocf:heartbeat:stash'." or "Add it: the cluster name …". */
function howToAdd(field: FieldDef): string {
  if (field.example) return `Add e.g. '${field.name}: ${field.example}'.`;
  const doc = /^[A-Z](?![A-Z])/.test(field.doc) ? field.doc.charAt(0).toLowerCase() + field.doc.slice(1) : field.doc;
  return `Add it: ${doc}`;
}

export const missingField: Validator = {
  codes: ['missing-field'],
  check({ model, report }) {
    for (const f of structureFindings(model)) {
      if (f.kind === 'missing') {
        const what = f.empty ? `'${f.field.name}' ${f.place.at} has no value.` : `Missing '${f.field.name}' ${f.place.at}.`;
        report(diag('missing-field', f.span, `${what} ${howToAdd(f.field)}`));
      } else if (f.kind === 'too-few') {
        const noun = f.noun === 'entry' ? `entr${f.min === 1 ? 'y' : 'ies'}` : `${f.noun}${f.min === 1 ? '' : 's'}`;
        report(diag('missing-field', f.span, `${f.subject} needs at least ${f.min} ${noun}. ${f.doc}`));
      }
    }
  },
};
