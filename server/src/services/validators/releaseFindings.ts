/**
 * What the stated Pacemaker release (`pacemaker: "2.1"`) makes of a spec's names and
 * values, for the two version checks: each role word, attribute name and attribute
 * value the release table (vocabulary/releases.ts) has an entry for, judged against
 * the stated line, as `version-mismatch` (the line does not have it) or `deprecated`
 * (it has it, but has replaced it). A spec that states no release, or no known one,
 * has none of these findings. Computed once per model for both checks.
 */
import { AttributeSet, ValueRule } from '../../spec/attributes';
import { diag, SpecDiagnostic, SpecFix, Span } from '../../spec/diagnostic';
import { SpecModel } from '../../spec/model';
import { statedRelease } from '../../spec/releaseAttributes';
import { printable, ROLES } from '../../spec/vocabulary';
import {
  earlierInLine, ReleaseChange, releaseChange, releaseEventName, ReleaseLine, ReleasePlace, releaseVerdict,
} from '../../spec/vocabulary/releases';
import { YScalar } from '../../spec/yamlTree';
import { capitalize, replaceFix } from './findingReports';
import { structureFindings } from './structureWalk';

/** One word the table knows, where it is written and what it is called in messages. */
interface Seen {
  readonly change: ReleaseChange;
  /** "role 'Master' ('role' of colocation constraint 1)", "cluster property 'fencing-timeout' in 'properties'". */
  readonly subject: string;
  /** The word as written, and where. */
  readonly written: string;
  readonly span: Span;
}

function isRoleRule(rule: ValueRule): boolean {
  return rule.kind === 'enum' && rule.values === ROLES;
}

/**
 * The table's entry for a name, or a value of it. A word of a rule that takes any
 * case (meta attributes and properties are name/value pairs Pacemaker compares so) is
 * looked up in any case; other words only as written, since the value checks already
 * refuse `role: master` in an operation.
 */
function lookup(place: ReleasePlace, name: string, value?: string, anyCase = true): ReleaseChange | undefined {
  if (place !== 'role') return releaseChange(place, name, anyCase ? value?.trim().toLowerCase() : value);
  const word = capitalize(name.trim().toLowerCase());
  return anyCase || word === name ? releaseChange('role', word) : undefined;
}

function seenWords(model: SpecModel): Seen[] {
  const out: Seen[] = [];
  const value = (set: AttributeSet, key: string, node: YScalar, rule: ValueRule | undefined, where: string): void => {
    if (node.value === null) return;
    const change = rule && isRoleRule(rule) ? lookup('role', node.text, undefined, rule.anyCase === true)
      : lookup(set.id, key, node.text, rule?.anyCase === true);
    const noun = rule && isRoleRule(rule) ? 'role' : `value`;
    if (change) out.push({ change, subject: `${noun} '${printable(node.text)}' of ${set.noun} '${key}' ${where}`, written: node.text, span: node.span });
  };
  for (const f of structureFindings(model)) {
    if (f.kind === 'attribute') {
      const named = lookup(f.set.id, f.pair.key);
      if (named) out.push({ change: named, subject: `${f.set.noun} '${printable(f.pair.key)}' ${f.place.at}`, written: f.pair.key, span: f.pair.keySpan });
      if (f.pair.value.kind === 'scalar') value(f.set, f.pair.key, f.pair.value, f.def?.value, f.place.at);
    } else if (f.kind === 'scalar' && f.shape.kind === 'value' && isRoleRule(f.shape.rule) && f.node.value !== null) {
      const change = lookup('role', f.node.text, undefined, f.shape.rule.anyCase === true);
      if (change) out.push({ change, subject: `role '${printable(f.node.text)}' (${f.subject})`, written: f.node.text, span: f.node.span });
    }
  }
  return out;
}

/** The fix that writes `use`; not the preferred one when part of the stated line still needs the old word. */
function fix(model: SpecModel, seen: Seen, use: string | undefined, preferred = true): SpecFix[] {
  if (use === undefined) return [];
  return replaceFix(model.text, seen.span, seen.written, use).map((f) => (preferred ? f : { ...f, preferred: false }));
}

function judge(model: SpecModel, seen: Seen, line: ReleaseLine): SpecDiagnostic | undefined {
  const verdict = releaseVerdict(seen.change, line);
  const stated = `this spec is for Pacemaker ${line} (pacemaker: ${line})`;
  switch (verdict.kind) {
    case 'known':
      return undefined;
    case 'missing': {
      const use = verdict.use === undefined ? '' : `: use '${verdict.use}'`;
      if (verdict.why === 'added') {
        const instead = verdict.use === undefined ? ': remove it, or state the release line the cluster runs'
          : `: use '${verdict.use}', its name there`;
        return diag('version-mismatch', seen.span,
          `${capitalize(seen.subject)} came with ${releaseEventName(verdict.event)}, and ${stated}${instead}.`, fix(model, seen, verdict.use));
      }
      const was = seen.change.deprecated ? ` (deprecated since ${releaseEventName(seen.change.deprecated)})` : '';
      const verb = verdict.event.by ? 'refuses' : 'removed';
      const rest = verdict.use === undefined ? `: ${seen.change.note ?? 'remove it'}` : use;
      return diag('version-mismatch', seen.span,
        `${releaseEventName(verdict.event)} ${verb} ${seen.subject}${was}, and ${stated}${rest}.`, fix(model, seen, verdict.use));
    }
    case 'deprecated': {
      const instead = verdict.use === undefined ? `; ${seen.change.note ?? 'remove it'}` : `: use '${verdict.use}'`;
      const earlier = earlierInLine(verdict.event);
      const keep = earlier === undefined ? ''
        : ` (Pacemaker ${earlier} know only '${printable(seen.written)}': keep it for a cluster that runs one of them)`;
      return diag('deprecated', seen.span,
        `${capitalize(seen.subject)} is deprecated since ${releaseEventName(verdict.event)}${instead}${keep}.`,
        fix(model, seen, verdict.use, earlier === undefined));
    }
  }
}

const cache = new WeakMap<SpecModel, readonly SpecDiagnostic[]>();

/** The version findings of a spec (both codes), for the stated release; none without one. */
export function releaseFindings(model: SpecModel): readonly SpecDiagnostic[] {
  let found = cache.get(model);
  if (!found) {
    const line = statedRelease(model);
    found = line === undefined ? [] : seenWords(model).flatMap((s) => judge(model, s, line) ?? []);
    cache.set(model, found);
  }
  return found;
}
