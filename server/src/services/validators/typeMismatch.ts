/**
 * type-mismatch: a value of the wrong YAML type for its place (a list where a mapping
 * goes, a mapping where a single value goes, …), an SSH port that is not an integer
 * from 1 to 65535, and a constraint field outside its fixed values (order kind,
 * roles, actions), which schema.ts gives this code.
 */
import { diag } from '../../spec/diagnostic';
import { Shape } from '../../spec/schema';
import { YNode } from '../../spec/yamlTree';
import { badValueDiagnostics, capitalize, plural } from './findingReports';
import { structureFindings } from './structureWalk';
import { Validator } from './types';

const PLURAL = { resource: 'resource ids', group: 'group ids', node: 'node names' } as const;

/** What a shape wants, in words. */
function expected(shape: Shape): string {
  switch (shape.kind) {
    case 'map': return 'a mapping';
    case 'dict': return `a mapping of ${PLURAL[shape.keyKind]} to their settings`;
    case 'list': return 'a list';
    case 'attributes': return `a mapping of ${plural(shape.set.noun)}`;
    case 'params': return 'a mapping of parameter names to values';
    case 'ops': return 'a mapping of actions to operations';
    default: return 'a single value';
  }
}

function actual(node: YNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  return `the value '${node.text}'`;
}

/** How to turn what was written into what the place wants. */
function hint(shape: Shape, node: YNode): string {
  const wantsMap = ['map', 'dict', 'attributes', 'params', 'ops'].includes(shape.kind);
  if (wantsMap && node.kind === 'seq') return ": write its entries as 'key: value' lines, without '- '.";
  if (wantsMap) return ": write its entries as 'key: value' lines indented below it.";
  if (shape.kind === 'list') return ": write each item on its own line starting with '- ', or as [a, b].";
  return ': give a single value (quote it if it contains \': \' or starts with \'[\' or \'{\').';
}

export const typeMismatch: Validator = {
  codes: ['type-mismatch'],
  check({ model, report }) {
    for (const f of structureFindings(model)) {
      if (f.kind !== 'wrong-type') continue;
      report(diag('type-mismatch', f.node.span,
        `${capitalize(f.subject)} must be ${expected(f.shape)}, not ${actual(f.node)}${hint(f.shape, f.node)}`));
    }
    for (const d of badValueDiagnostics(model, 'type-mismatch')) report(d);
  },
};
