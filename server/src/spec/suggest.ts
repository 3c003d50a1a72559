/**
 * Did-you-mean: the closest known name to a misspelt one, by optimal string alignment
 * distance (Damerau-Levenshtein with adjacent transpositions), case-insensitive.
 */

/** Three rows of the distance table, reused between calls (grown when a word is longer). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** The distance of two lower-cased words; stops early past `limit`. */
function distance(s: string, t: string, limit: number): number {
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  if (rows[0].length <= t.length) rows = [0, 1, 2].map(() => new Int32Array(t.length * 2 + 1));
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s.charCodeAt(i - 1) === t.charCodeAt(j - 2) && s.charCodeAt(i - 2) === t.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[t.length];
}

/** Edit distance with adjacent transpositions, case-insensitive; stops early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  return distance(a.toLowerCase(), b.toLowerCase(), Math.min(limit, Math.max(a.length, b.length)));
}

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: at most
 * a third of the word's length in edits (at least 1, at most 3), or a case-only
 * difference. Ties go to the candidate listed first.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c === word) continue;
    const candidate = c.toLowerCase();
    if (candidate === lower) return c;
    const d = distance(lower, candidate, bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** `did you mean 'x'?` or the empty string, for appending to a message. */
export function didYouMean(word: string, candidates: Iterable<string>): { text: string; suggestion?: string } {
  const s = suggest(word, candidates);
  return s === undefined ? { text: '' } : { text: ` Did you mean '${s}'?`, suggestion: s };
}
