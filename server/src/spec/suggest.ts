/**
 * Did-you-mean: the closest known name to a misspelt one, by optimal string alignment
 * distance (Damerau-Levenshtein with adjacent transpositions), case-insensitive.
 */

/** Edit distance with adjacent transpositions; stops early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length];
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
  for (const c of candidates) {
    if (c === word) continue;
    if (c.toLowerCase() === word.toLowerCase()) return c;
    const d = editDistance(word, c, bestDistance - 1);
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
