/**
 * Near-duplicate prompt detection without comparing every pair.
 *
 * Prompts become sets of content words; two prompts are near duplicates when the Jaccard similarity
 * of their sets reaches the threshold. Candidates come from prefix filtering (Bayardo et al.,
 * "Scaling up all pairs similarity search", WWW 2007): with each set's words ordered rarest first,
 * two sets that reach similarity t must share a word within their first |x| - ceil(t*|x|) + 1 words,
 * so only those words are probed. Because sets are indexed smallest first, an indexed set y is
 * never larger than the set x probing it, and they need ceil(t/(1+t) * (|x|+|y|)) >= ceil(2t/(1+t) * |y|)
 * shared words; so y need only be indexed by its first |y| - ceil(2t/(1+t)*|y|) + 1 words (PPJoin's
 * indexing prefix, Xiao et al., WWW 2008), fewer than it probes with. The result is exact (no
 * missed pairs) and, because the prefixes hold rare words, each prompt meets only a handful of
 * candidates.
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
  const words: string[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  // A hand-rolled scan: this runs over every prompt of every bank on each lint.
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const isWordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (isWordChar) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= 2) {
      const raw = lower.slice(start, i);
      if (!STOP_WORDS.has(raw)) {
        const word = raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw;
        if (!words.includes(word)) words.push(word);
      }
    }
    start = -1;
  }
  return words;
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
  // Words get provisional ids on first sight and a document frequency; ranking the ids by rarity
  // (rarest = 0, ties by spelling) then lets a set's sorted ranks put its rarest words first.
  const provisional = new Map<string, number>();
  const spelling: string[] = [];
  const frequency: number[] = [];
  const raw = texts.map((text) =>
    contentWords(text).map((w) => {
      let id = provisional.get(w);
      if (id === undefined) {
        id = spelling.length;
        provisional.set(w, id);
        spelling.push(w);
        frequency.push(0);
      }
      frequency[id]!++;
      return id;
    }),
  );
  const byRarity = spelling
    .map((_, id) => id)
    .sort((x, y) => frequency[x]! - frequency[y]! || (spelling[x]! < spelling[y]! ? -1 : 1));
  const rank = new Int32Array(byRarity.length);
  byRarity.forEach((id, r) => {
    rank[id] = r;
  });
  const sets = raw.map((ids) => Int32Array.from(ids, (id) => rank[id]!).sort());

  // Smaller sets first, so every candidate already indexed is no larger than the current set.
  const order = sets.map((_, i) => i).sort((x, y) => sets[x]!.length - sets[y]!.length || x - y);
  // postings[token] holds pairs (set index, position of the token in that set).
  const postings: number[][] = Array.from({ length: byRarity.length }, () => []);
  const stamp = new Int32Array(texts.length).fill(-1);
  const overlap = new Int32Array(texts.length);
  const pairs: SimilarPair[] = [];
  const candidates: number[] = [];

  for (const i of order) {
    const x = sets[i]!;
    const n = x.length;
    if (n === 0) continue;
    const prefix = n - atLeast(threshold * n) + 1;
    candidates.length = 0;
    for (let p = 0; p < prefix; p++) {
      const list = postings[x[p]!]!;
      for (let k = 0; k < list.length; k += 2) {
        const j = list[k]!;
        const q = list[k + 1]!;
        const m = sets[j]!.length;
        if (m < atLeast(threshold * n)) continue;
        if (stamp[j] !== i) {
          stamp[j] = i;
          overlap[j] = 0;
          // Positional filter (PPJoin): even if every remaining word matched, could they reach the threshold?
          const needed = atLeast((threshold / (1 + threshold)) * (n + m));
          // Stamped but never pushed: later shared words still count into overlap[j], unread.
          if (1 + Math.min(n - p - 1, m - q - 1) < needed) continue;
          candidates.push(j);
        }
        overlap[j]!++;
      }
    }
    for (const j of candidates) {
      if (overlap[j]! <= 0) continue;
      const y = sets[j]!;
      const shared = intersectionSize(x, y);
      const similarity = shared / (n + y.length - shared);
      if (similarity >= threshold) pairs.push({ a: Math.min(i, j), b: Math.max(i, j), similarity });
    }
    const indexed = n - atLeast(((2 * threshold) / (1 + threshold)) * n) + 1;
    for (let p = 0; p < indexed; p++) postings[x[p]!]!.push(i, p);
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}

/**
 * The least whole number of words that can reach `bound`. Products such as 0.56 × 25 come out as
 * 14.000000000000002 in floating point, and a plain Math.ceil would then demand 15 words and miss
 * a pair at exactly 14/25. The filters only need to be generous (the final check is the exact
 * similarity >= threshold), so rounding errors are absorbed by a small tolerance.
 */
function atLeast(bound: number): number {
  return Math.ceil(bound - 1e-9);
}

function intersectionSize(x: Int32Array, y: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    const a = x[i]!;
    const b = y[j]!;
    if (a === b) {
      shared++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return shared;
}
