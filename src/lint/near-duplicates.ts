import { foldPlural } from '../text/stem.js';
import { NEAR_DUPLICATE_STOP_WORDS } from '../text/stop-words.js';
import { wordsIn } from '../text/tokens.js';

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

/** @internal The default Jaccard threshold; its test pins the value the README documents. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

/** An overlap count that marks a candidate the positional filter has ruled out. */
const PRUNED = -1;

/**
 * Content words of a prompt: lower case, stop words removed, a light plural fold ("models" = "model").
 * Joiners split words here ("read-heavy" counts as "read" and "heavy", and one-letter pieces are
 * dropped), so prompts that hyphenate a phrase differently still share its words.
 * @internal Exported for its unit test and the brute-force check the pair search is tested against.
 */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of rawWords(text)) {
    const word = contentWord(raw);
    if (word !== undefined && !words.includes(word)) words.push(word);
  }
  return words;
}

function rawWords(text: string): string[] {
  return wordsIn(text, { joiners: false, minLength: 2 });
}

/** What one raw word counts as: undefined for a stop word, else its plural-folded form. */
function contentWord(raw: string): string | undefined {
  return NEAR_DUPLICATE_STOP_WORDS.has(raw) ? undefined : foldPlural(raw);
}

export interface SimilarPair {
  /** Indexes into the input, a < b. */
  a: number;
  b: number;
  similarity: number;
}

/**
 * Every pair of texts at or above the threshold, exactly.
 * @internal The lint rule reads the pair search through findRepeats; this exposes it whole so the
 * test can check it against every pair, which findRepeats (one row per repeat) cannot show.
 */
export function findNearDuplicates(
  texts: readonly string[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
): SimilarPair[] {
  return pairsAmong(wordSets(texts), threshold);
}

export interface Repeat {
  /** The text that repeats an earlier one, and the earliest text it is similar to (indexes). */
  index: number;
  of: number;
  similarity: number;
  /** How many texts are in its cluster (texts linked by similarity), itself and the first included. */
  cluster: number;
}

/**
 * Each text that repeats an earlier one, once, against the earliest it is similar to, with the size
 * of its cluster. Texts with the same words are collapsed before the pair search, so 2,000 copies of
 * one prompt cost one set, not two million pairs; the output grows with the texts, never with pairs.
 */
export function findRepeats(texts: readonly string[], threshold = NEAR_DUPLICATE_THRESHOLD): Repeat[] {
  const sets = wordSets(texts);
  // Groups of identical word sets, numbered in order of their first (earliest) member.
  const groupOf = new Int32Array(texts.length);
  const firstOf: number[] = [];
  const sizeOf: number[] = [];
  const groups = new Map<string, number>();
  sets.forEach((set, i) => {
    const key = set.join(',');
    let g = groups.get(key);
    if (g === undefined || set.length === 0) {
      g = firstOf.length;
      if (set.length > 0) groups.set(key, g);
      firstOf.push(i);
      sizeOf.push(0);
    }
    groupOf[i] = g;
    sizeOf[g]!++;
  });
  // Among distinct sets: the earliest other group each group is similar to, and the clusters.
  const parent = firstOf.map((_, g) => g);
  const root = (g: number): number => {
    while (parent[g] !== g) {
      parent[g] = parent[parent[g]!]!;
      g = parent[g]!;
    }
    return g;
  };
  const earliest: ({ group: number; similarity: number } | undefined)[] = [];
  const consider = (g: number, other: number, similarity: number) => {
    const best = earliest[g];
    if (!best || other < best.group) earliest[g] = { group: other, similarity };
  };
  for (const { a, b, similarity } of pairsAmong(
    firstOf.map((i) => sets[i]!),
    threshold,
  )) {
    consider(a, b, similarity);
    consider(b, a, similarity);
    parent[root(a)] = root(b);
  }
  const clusterSize = new Map<number, number>();
  for (let g = 0; g < firstOf.length; g++)
    clusterSize.set(root(g), (clusterSize.get(root(g)) ?? 0) + sizeOf[g]!);

  const repeats: Repeat[] = [];
  texts.forEach((_, i) => {
    const g = groupOf[i]!;
    const cluster = clusterSize.get(root(g))!;
    // The first member of its own group (identical words), or of the earliest similar group.
    const same = firstOf[g]! < i ? firstOf[g]! : undefined;
    const other = earliest[g] && firstOf[earliest[g].group]! < i ? earliest[g] : undefined;
    const otherFirst = other ? firstOf[other.group]! : undefined;
    if (same !== undefined && (otherFirst === undefined || same < otherFirst))
      repeats.push({ index: i, of: same, similarity: 1, cluster });
    else if (other && otherFirst !== undefined)
      repeats.push({ index: i, of: otherFirst, similarity: other.similarity, cluster });
  });
  return repeats;
}

/** Each text as the sorted ranks of its content words, rarest word first. */
function wordSets(texts: readonly string[]): Int32Array[] {
  // Words get provisional ids on first sight and a document frequency; ranking the ids by rarity
  // (rarest = 0, ties by spelling) then lets a set's sorted ranks put its rarest words first.
  // Prompts repeat most of their words, so each raw word is read (stop word? plural?) once, and
  // remembered as its word's id (-1 for a stop word); `seenIn` drops a word's repeats within a text.
  const idOfRaw = new Map<string, number>();
  const idOfWord = new Map<string, number>();
  const spelling: string[] = [];
  let frequency: Int32Array = new Int32Array(1024);
  let seenIn: Int32Array = new Int32Array(1024).fill(-1);
  const raw = texts.map((text, t) => {
    const ids: number[] = [];
    for (const w of rawWords(text)) {
      let id = idOfRaw.get(w);
      if (id === undefined) {
        const word = contentWord(w);
        if (word === undefined) id = -1;
        else {
          id = idOfWord.get(word);
          if (id === undefined) {
            id = spelling.length;
            idOfWord.set(word, id);
            spelling.push(word);
            if (id === frequency.length) {
              frequency = grown(frequency, 0);
              seenIn = grown(seenIn, -1);
            }
          }
        }
        idOfRaw.set(w, id);
      }
      if (id < 0 || seenIn[id] === t) continue;
      seenIn[id] = t;
      frequency[id]!++;
      ids.push(id);
    }
    return ids;
  });
  const byRarity = spelling
    .map((_, id) => id)
    .sort((x, y) => frequency[x]! - frequency[y]! || (spelling[x]! < spelling[y]! ? -1 : 1));
  const rank = new Int32Array(byRarity.length);
  byRarity.forEach((id, r) => {
    rank[id] = r;
  });
  return raw.map((ids) => {
    const set = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) set[k] = rank[ids[k]!]!;
    return set.sort();
  });
}

/** A copy of `array` twice as long, the new half filled with `fill`. */
function grown(array: Int32Array, fill: number): Int32Array {
  const bigger = new Int32Array(array.length * 2).fill(fill);
  bigger.set(array);
  return bigger;
}

/** The prefix-filtered pair search over word sets (see the top of this file). */
function pairsAmong(sets: readonly Int32Array[], threshold: number): SimilarPair[] {
  const lengths = Int32Array.from(sets, (set) => set.length);
  const words = sets.reduce((max, set) => Math.max(max, set.length ? set[set.length - 1]! + 1 : 0), 0);
  const indexedPrefix = (n: number) => n - atLeast(((2 * threshold) / (1 + threshold)) * n) + 1;

  // postings: for each word, the (set, position) pairs of the sets indexed under it so far, in one
  // flat array per field; each word's run is sized in advance, since every set's indexing prefix
  // depends only on its length, and filled up to end[word] as sets are indexed.
  const start = new Int32Array(words + 1);
  for (const set of sets) {
    const indexed = set.length === 0 ? 0 : indexedPrefix(set.length);
    for (let p = 0; p < indexed; p++) start[set[p]! + 1]!++;
  }
  for (let w = 0; w < words; w++) start[w + 1]! += start[w]!;
  const end = start.slice(0, words);
  const postedSet = new Int32Array(start[words]!);
  const postedAt = new Int32Array(start[words]!);

  // Smaller sets first, so every candidate already indexed is no larger than the current set.
  const order = sets.map((_, i) => i).sort((x, y) => lengths[x]! - lengths[y]! || x - y);
  const stamp = new Int32Array(sets.length).fill(-1);
  const overlap = new Int32Array(sets.length);
  const pairs: SimilarPair[] = [];
  const candidates: number[] = [];
  const share = threshold / (1 + threshold);

  for (const i of order) {
    const x = sets[i]!;
    const n = x.length;
    if (n === 0) continue;
    const shortest = atLeast(threshold * n);
    const prefix = n - shortest + 1;
    candidates.length = 0;
    for (let p = 0; p < prefix; p++) {
      const word = x[p]!;
      for (let k = start[word]!, last = end[word]!; k < last; k++) {
        const j = postedSet[k]!;
        const m = lengths[j]!;
        if (m < shortest) continue;
        // Positional filter (PPJoin): even if every remaining word matched, could they reach the threshold?
        const needed = atLeast(share * (n + m));
        const rest = 1 + Math.min(n - p - 1, m - postedAt[k]! - 1);
        if (stamp[j] !== i) {
          stamp[j] = i;
          overlap[j] = 0;
          if (rest < needed) {
            overlap[j] = PRUNED;
            continue;
          }
          candidates.push(j);
        } else if (overlap[j]! === PRUNED) {
          continue;
        } else if (overlap[j]! + rest < needed) {
          overlap[j] = PRUNED;
          continue;
        }
        overlap[j]!++;
      }
    }
    for (const j of candidates) {
      if (overlap[j]! <= 0) continue;
      const y = sets[j]!;
      const shared = sharedAtLeast(x, y, atLeast(share * (n + y.length)));
      if (shared < 0) continue;
      const similarity = shared / (n + y.length - shared);
      if (similarity >= threshold) pairs.push({ a: Math.min(i, j), b: Math.max(i, j), similarity });
    }
    const indexed = indexedPrefix(n);
    for (let p = 0; p < indexed; p++) {
      const word = x[p]!;
      postedSet[end[word]!] = i;
      postedAt[end[word]!] = p;
      end[word]!++;
    }
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

/**
 * How many words two sorted sets share, or -1 as soon as they cannot share `needed`: most candidates
 * differ in their first few words, so the merge stops early.
 */
function sharedAtLeast(x: Int32Array, y: Int32Array, needed: number): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    if (shared + Math.min(x.length - i, y.length - j) < needed) return -1;
    const a = x[i]!;
    const b = y[j]!;
    if (a === b) {
      shared++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return shared >= needed ? shared : -1;
}
