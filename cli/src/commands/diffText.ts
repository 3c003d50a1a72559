/**
 * How `diff` (and `apply`, before and after) show differences: as text, grouped by
 * what they are about (a resource, a constraint, the properties …), one line each
 * with `+` added, `~` changed (`live → spec`), `-` live-only, `!` unsupported and the
 * spec's line; or as the contract's JSON records `{ kind, path, live, spec, line }`.
 */
import {
  describeColocation, describeLocation, describeOrder, DesiredCluster, Difference, LineIndex,
} from '../../../server/src';

const SYMBOL: Readonly<Record<Difference['kind'], string>> = { add: '+', change: '~', 'live-only': '-', unsupported: '!', leftover: '-' };

/** What a difference is about, as a heading. */
function heading(d: Difference, spec: DesiredCluster, live: DesiredCluster): string {
  const s = d.subject;
  switch (s.kind) {
    case 'cluster': return 'cluster';
    case 'node': return `node ${s.name}`;
    case 'attributes': return s.section;
    case 'resource': return `resource ${s.id}`;
    case 'group': return `group ${s.id}`;
    case 'unsupported': return 'not in the spec format (apply leaves these as they are)';
    case 'leftover': return 'leftovers of moves (never part of a spec)';
    case 'constraint': {
      const from = s.index !== undefined ? spec : live;
      const pick = <T extends { id?: string }>(list: readonly T[]): T | undefined => (s.index !== undefined ? list[s.index] : list.find((c) => c.id === s.liveId));
      if (s.type === 'colocation') { const c = pick(from.constraints.colocations); return `colocation ${c ? describeColocation(c) : '?'}`; }
      if (s.type === 'order') { const c = pick(from.constraints.orders); return `order ${c ? describeOrder(c) : '?'}`; }
      const c = pick(from.constraints.locations);
      return `location ${c ? describeLocation(c) : '?'}`;
    }
  }
}

function value(text: string | null): string {
  if (text === null) return '(unset)';
  return text === '' || /\s/.test(text) ? JSON.stringify(text) : text;
}

function line(d: Difference, lines: LineIndex): string {
  const where = d.span ? `  (line ${lines.positionAt(d.span.start).line + 1})` : '';
  const what = d.kind === 'change' ? `${value(d.live)} → ${value(d.spec)}` : d.kind === 'add' ? d.spec ?? '' : d.live ?? '';
  const note = d.hint ? ` — by hand: ${d.hint}` : d.kind === 'live-only' ? ' — apply --prune removes it' : '';
  return `  ${SYMBOL[d.kind]} ${d.path}: ${what}${note}${where}`;
}

/** Counts by kind, e.g. "2 changed, 1 added". */
export function countText(diffs: readonly Difference[]): string {
  const n = (k: Difference['kind']) => diffs.filter((d) => d.kind === k).length;
  const parts = [[n('add'), 'added'], [n('change'), 'changed'], [n('live-only'), 'live-only'], [n('unsupported'), 'unsupported'], [n('leftover'), 'leftovers of moves']] as const;
  return parts.filter(([c]) => c > 0).map(([c, w]) => `${c} ${w}`).join(', ');
}

/** The differences as grouped text lines (no summary). */
export function differencesText(diffs: readonly Difference[], spec: DesiredCluster, live: DesiredCluster, specText: string): string {
  const lines = new LineIndex(specText);
  const groups = new Map<string, string[]>();
  for (const d of diffs) {
    const h = heading(d, spec, live);
    groups.set(h, [...(groups.get(h) ?? []), line(d, lines)]);
  }
  return [...groups].map(([h, items]) => `${h}\n${items.join('\n')}\n`).join('');
}

/** The contract's JSON records. */
export function differencesJson(diffs: readonly Difference[], specText: string): { kind: string; path: string; live: string | null; spec: string | null; line: number | null }[] {
  const lines = new LineIndex(specText);
  return diffs.map((d) => ({ kind: d.kind, path: d.path, live: d.live, spec: d.spec, line: d.span ? lines.positionAt(d.span.start).line + 1 : null }));
}
