/**
 * unknown-key: a key the format does not have at its place (schema.ts), with the
 * closest known key as did-you-mean and a fix that renames it; also the second of
 * two keys that exclude each other (`clone` and `promotable`).
 */
import { diag } from '../../spec/diagnostic';
import { didYouMean } from '../../spec/suggest';
import { replaceFix } from './findingReports';
import { structureFindings } from './structureWalk';
import { Validator } from './types';

export const unknownKey: Validator = {
  codes: ['unknown-key'],
  check({ model, report }) {
    for (const f of structureFindings(model)) {
      if (f.kind === 'unknown-key') {
        const dym = didYouMean(f.pair.key, f.known);
        const tail = dym.suggestion ? dym.text
          : ` Known keys here: ${f.known.join(', ')}; keys starting with 'x-' are yours and ignored.`;
        const fixes = dym.suggestion ? replaceFix(model.text, f.pair.keySpan, f.pair.key, dym.suggestion) : [];
        report(diag('unknown-key', f.pair.keySpan, `Unknown key '${f.pair.key}' ${f.place.at}.${tail}`, fixes));
      } else if (f.kind === 'conflict') {
        report(diag('unknown-key', f.pair.keySpan,
          `'${f.pair.key}' and '${f.other}' cannot both be set ${f.place.at}: keep one of them.`));
      }
    }
  },
};
