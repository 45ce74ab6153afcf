/**
 * Near-duplicate prompt detection without comparing every pair.
 *
 * Prompts become sets of content words; two prompts are near duplicates when the Jaccard similarity
 * of their sets reaches the threshold. Candidates come from prefix filtering (Bayardo et al.,
 * "Scaling up all pairs similarity search", WWW 2007): with each set's words ordered rarest first,
 * two sets that reach similarity t must share a word within their first |x| - ceil(t*|x|) + 1 words,
 * so only those words are indexed. The result is exact (no missed pairs) and, because the prefixes
 * hold rare words, each prompt meets only a handful of candidates.
 */

export const NEAR_DUPLICATE_THRESHOLD = 0.6;

// Words that carry no topic: English function words and the stock phrasing of interview prompts.
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on ' +
    'once only or other our ours out over own same she should so some such than that the their theirs them then ' +
    'there these they this those through to too under until up very was we were what when where which while who ' +
    'whom why will with would you your yours one two way ways walk through tell describe give example time times ' +
    'situation explain share talk us let lets please think approach'
  ).split(' '),
);

/** Content words of a prompt: lower case, stop words removed, a light plural fold ("models" = "model"). */
export function contentWords(text: string): string[] {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP_WORDS.has(raw)) continue;
    words.add(raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw);
  }
  return [...words];
}

export interface SimilarPair {
  /** Indexes into the input, a < b. */
  a: number;
  b: number;
  similarity: number;
}

export function findNearDuplicates(
  texts: readonly string[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
): SimilarPair[] {
  const sets = texts.map(contentWords);
  const frequency = new Map<string, number>();
  for (const set of sets) for (const w of set) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rarestFirst = (x: string, y: string) =>
    frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : x > y ? 1 : 0);
  for (const set of sets) set.sort(rarestFirst);

  // Smaller sets first, so every candidate already indexed is no larger than the current set.
  const order = sets.map((_, i) => i).sort((x, y) => sets[x]!.length - sets[y]!.length || x - y);
  const index = new Map<string, number[]>();
  const pairs: SimilarPair[] = [];
  const seen = new Map<number, number>();

  for (const i of order) {
    const set = sets[i]!;
    if (set.length === 0) continue;
    const prefix = set.length - Math.ceil(threshold * set.length) + 1;
    seen.clear();
    for (let p = 0; p < prefix; p++) {
      for (const j of index.get(set[p]!) ?? []) {
        if (seen.has(j) || sets[j]!.length < threshold * set.length) continue;
        seen.set(j, 1);
        const similarity = jaccard(set, sets[j]!);
        if (similarity >= threshold) pairs.push({ a: Math.min(i, j), b: Math.max(i, j), similarity });
      }
    }
    for (let p = 0; p < prefix; p++) {
      const word = set[p]!;
      const list = index.get(word);
      if (list) list.push(i);
      else index.set(word, [i]);
    }
  }
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

function jaccard(x: readonly string[], y: readonly string[]): number {
  const small = x.length <= y.length ? x : y;
  const large = new Set(x.length <= y.length ? y : x);
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / (x.length + y.length - shared);
}
