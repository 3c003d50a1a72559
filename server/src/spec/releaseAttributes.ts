/**
 * The attribute vocabularies as a spec that states its Pacemaker release sees them.
 * Without `pacemaker:` they are exactly attributes.ts, so such a spec keeps the
 * findings it always had. With it, the names and values the release table
 * (vocabulary/releases.ts) knows for any release are known too — `fence` for
 * no-quorum-policy, `fencing-timeout`, `master-max` — so they are never also
 * `unknown-property` or `bad-property-value`: whether the stated release has them is
 * the version checks' business, and one mistake gets one finding.
 */
import { AttributeDef, AttributeSet, ValueRule } from './attributes';
import { SpecModel, scalarText } from './model';
import { parseReleaseLine, ReleaseLine, releaseNames, ReleaseValueKind, releaseValues } from './vocabulary/releases';

/** The release line the spec states (`pacemaker: "2.1"`), if it states a known one. */
export function statedRelease(model: SpecModel): ReleaseLine | undefined {
  const text = scalarText(model.root?.get('pacemaker')?.value);
  return text === undefined ? undefined : parseReleaseLine(text);
}

function ruleOf(kind: ReleaseValueKind): ValueRule {
  if (typeof kind === 'string') return { kind };
  return { kind: 'enum', values: kind.words, anyCase: true };
}

/** The names of one vocabulary that the release table widens, with their widened definitions. */
function widened(set: AttributeSet): ReadonlyMap<string, AttributeDef> {
  const out = new Map<string, AttributeDef>();
  for (const def of set.attributes) {
    const values = def.value.values ?? [];
    const more = releaseValues(set.id, def.name).filter((v) => !values.includes(v));
    if (def.value.kind === 'enum' && more.length > 0) out.set(def.name, { ...def, value: { ...def.value, values: [...values, ...more] } });
  }
  for (const change of releaseNames(set.id)) {
    if (!set.get(change.name) && change.kind) out.set(change.name, { name: change.name, doc: change.doc ?? '', value: ruleOf(change.kind) });
  }
  return out;
}

const WIDENED = new WeakMap<AttributeSet, ReadonlyMap<string, AttributeDef>>();

/** The definition of an attribute name: attributes.ts's, or (for a spec that states a release) as the release table widens it. */
export function releaseAttribute(set: AttributeSet, name: string, versioned: boolean): AttributeDef | undefined {
  if (!versioned) return set.get(name);
  let table = WIDENED.get(set);
  if (!table) {
    table = widened(set);
    WIDENED.set(set, table);
  }
  return table.get(name) ?? set.get(name);
}
