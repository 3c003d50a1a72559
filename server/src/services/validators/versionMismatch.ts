/**
 * version-mismatch: with `pacemaker:` stated, a role, meta attribute, operation
 * option, clone option, cluster property or value that the stated release line does
 * not have: too old for it (`Promoted` on 1.1, `fencing-enabled` on 2.1) or gone from
 * it (`Master` on 3.0, whose pcs refuses it; a property 3.0 removed), named with the
 * release that added or removed it and the name to use (releaseFindings.ts). Also a
 * `pacemaker` value that is no known release line, such as a whole release (`2.1.5`,
 * whose line is offered as the fix). Nothing at all without `pacemaker:`.
 */
import { diag, SpecDiagnostic } from '../../spec/diagnostic';
import { SpecModel } from '../../spec/model';
import { printable } from '../../spec/vocabulary';
import { parseReleaseLine, RELEASE_LINES } from '../../spec/vocabulary/releases';
import { replaceFix } from './findingReports';
import { releaseFindings } from './releaseFindings';
import { structureFindings } from './structureWalk';
import { Validator } from './types';

const LINES = `${RELEASE_LINES.slice(0, -1).join(', ')} or ${RELEASE_LINES[RELEASE_LINES.length - 1]}`;

/** A `pacemaker` value that names no release line. */
function badLine(model: SpecModel): SpecDiagnostic[] {
  for (const f of structureFindings(model)) {
    if (f.kind !== 'scalar' || f.shape.kind !== 'value' || f.shape.code !== 'version-mismatch') continue;
    if (f.node.value === null) {
      return [diag('version-mismatch', f.keySpan, `'pacemaker' has no value: write the release line the spec is for (${LINES}), or remove the key.`)];
    }
    if (parseReleaseLine(f.node.text) !== undefined) return [];
    const line = parseReleaseLine(f.node.text.trim().split('.').slice(0, 2).join('.'));
    const guess = line === undefined ? '' : ` Did you mean '${line}'?`;
    return [diag('version-mismatch', f.node.span,
      `'${printable(f.node.text)}' is no Pacemaker release line this format knows: 'pacemaker' takes ${LINES} (the line, not the release).${guess}`,
      line === undefined ? [] : replaceFix(model.text, f.node.span, f.node.text, line))];
  }
  return [];
}

export const versionMismatch: Validator = {
  codes: ['version-mismatch'],
  check({ model, report }) {
    for (const d of badLine(model)) report(d);
    for (const d of releaseFindings(model)) if (d.code === 'version-mismatch') report(d);
  },
};
