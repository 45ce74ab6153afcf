import { type AnalyzedText, quote } from './text.js';
import { wordsOf } from './words.js';

/**
 * Phrase matching for the offline scorer. A rubric brings a few hundred phrases (its hints, the
 * design lexicons, the principle and STAR cues); looking each one up in each answer was most of the
 * scorer's time. Instead the phrases are compiled once into a trie of words, and an answer is read
 * once, word by word, finding every phrase at the same time: the idea of Aho-Corasick, on words
 * rather than letters.
 *
 * What matches: a phrase is split into words the way answers are. Its words must appear in order, as
 * whole words, inside one sentence; the last may also take a plural "s" (from two letters) and, when
 * it has five letters or more, match the start of a word, so stems work ("investigat" finds
 * "investigated", "load balanc" finds "load balancing") while short words stay whole ("bar" does not
 * find "barely"). Curly and straight apostrophes are the same ("I’d choose" is "i'd choose").
 */

/** Stems shorter than this match whole words (or their plural) only. */
const MIN_STEM = 5;
/** One-letter words take no plural: "a" must not find "as". */
const MIN_PLURAL = 2;

interface Phrase {
  id: number;
  /** How it is shown in feedback: the phrase as first compiled, lower case. */
  display: string;
  words: readonly string[];
  /** Spellings of one idea share it ("trade-off", "tradeoffs", "trade off"; "retry", "retries"); see sameIdea. */
  variant: string;
}

/** What reading one more word from a trie node gives: the phrases it completes, and where to go on. */
interface Step {
  ends: readonly Phrase[];
  next: TrieNode | undefined;
}

const NONE: readonly Phrase[] = [];
const DEAD_END: Step = { ends: NONE, next: undefined };

/**
 * A node stands for the words read so far. Phrases that need one more word hang off it by that word
 * (matched exactly, as a plural or as a stem); longer phrases go on through a child, word by exact word.
 */
class TrieNode {
  private readonly children = new Map<string, TrieNode>();
  /** Phrases completed by one more word, by that word. */
  private readonly lastWords = new Map<string, Phrase[]>();
  /** The same, for last words of MIN_STEM letters or more, which also match words they start. */
  private readonly stems = new Map<string, Phrase[]>();
  private longestStem = 0;
  /** Steps worked out once per node and word: answers share most of their vocabulary. */
  private readonly steps = new Map<string, Step>();

  add(phrase: Phrase, from: number): void {
    const word = phrase.words[from]!;
    if (from < phrase.words.length - 1) {
      let child = this.children.get(word);
      if (!child) {
        child = new TrieNode();
        this.children.set(word, child);
      }
      child.add(phrase, from + 1);
      return;
    }
    push(this.lastWords, word, phrase);
    if (word.length >= MIN_STEM) {
      push(this.stems, word, phrase);
      this.longestStem = Math.max(this.longestStem, word.length);
    }
  }

  /** Reading word `w` (lower case, apostrophes straight, as analyzeText gives them) from here. */
  step(w: string): Step {
    let step = this.steps.get(w);
    if (step) return step;
    const ends: Phrase[] = [...(this.lastWords.get(w) ?? NONE)];
    const add = (ps: readonly Phrase[] | undefined) => {
      for (const p of ps ?? NONE) if (!ends.includes(p)) ends.push(p);
    };
    if (w.length > MIN_PLURAL && w.endsWith('s')) add(this.lastWords.get(w.slice(0, -1)));
    for (let n = MIN_STEM; n < w.length && n <= this.longestStem; n++) add(this.stems.get(w.slice(0, n)));
    const next = this.children.get(w);
    step = ends.length || next ? { ends: ends.length ? ends : NONE, next } : DEAD_END;
    // The bound only guards a long-running process fed endless new words.
    if (this.steps.size > 100_000) this.steps.clear();
    this.steps.set(w, step);
    return step;
  }
}

export class PhraseIndex {
  private readonly phrases: Phrase[] = [];
  private readonly byText = new Map<string, Phrase | null>();
  private readonly byKey = new Map<string, Phrase>();
  private readonly lists = new WeakMap<readonly string[], readonly Phrase[]>();
  readonly root = new TrieNode();

  constructor(phrases: Iterable<string>) {
    for (const text of phrases) this.add(text);
  }

  get size(): number {
    return this.phrases.length;
  }

  private add(text: string): void {
    if (this.byText.has(text)) return;
    const words = wordsOf(normalise(text));
    if (words.length === 0) {
      // A phrase with no words ("", "--") matches nothing, as it always has.
      this.byText.set(text, null);
      return;
    }
    const key = words.join(' ');
    let phrase = this.byKey.get(key);
    if (!phrase) {
      phrase = {
        id: this.phrases.length,
        display: text.toLowerCase().trim(),
        words,
        variant: variantOf(words),
      };
      this.phrases.push(phrase);
      this.byKey.set(key, phrase);
      this.root.add(phrase, 0);
    }
    this.byText.set(text, phrase);
  }

  /**
   * The distinct compiled phrases of a list, worked out once per list: the lists are the rubric's and
   * the lexicons' own arrays, asked about for every answer. Every text must have been given to the
   * constructor; anything else is a programming error.
   */
  resolve(texts: readonly string[]): readonly Phrase[] {
    let resolved = this.lists.get(texts);
    if (!resolved) {
      const phrases: Phrase[] = [];
      for (const text of texts) {
        const phrase = this.byText.get(text);
        if (phrase === undefined) throw new Error(`phrase "${text}" is not in this index`);
        if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
      }
      resolved = phrases;
      this.lists.set(texts, resolved);
    }
    return resolved;
  }
}

/** A phrase found in an answer. */
export interface FoundPhrase {
  /** As shown in feedback: lower case. */
  display: string;
  /** The indexes of the sentences that contain it, ascending. */
  sentences: readonly number[];
}

/** Where the phrases of an index occur in one answer. */
export class PhraseHits {
  constructor(
    private readonly index: PhraseIndex,
    private readonly bySentence: (number[] | undefined)[],
    private readonly occurrences: Uint32Array,
  ) {}

  /** The distinct phrases of a list that occur, in list order. */
  matched(texts: readonly string[]): FoundPhrase[] {
    const found: FoundPhrase[] = [];
    for (const phrase of this.index.resolve(texts)) {
      const sentences = this.bySentence[phrase.id];
      if (sentences) found.push({ display: phrase.display, sentences });
    }
    return found;
  }

  /**
   * Up to `limit` phrases of a list that do not occur, as shown in feedback: one spelling of each
   * idea, and none the answer already has in another spelling.
   */
  missing(texts: readonly string[], limit: number): string[] {
    const phrases = this.index.resolve(texts);
    const seen = phrases.filter((p) => this.bySentence[p.id]).map((p) => p.variant);
    const missing: string[] = [];
    for (const phrase of phrases) {
      if (missing.length >= limit) break;
      if (seen.some((v) => sameIdea(v, phrase.variant))) continue;
      seen.push(phrase.variant);
      missing.push(phrase.display);
    }
    return missing;
  }

  /** The sentences that contain any phrase of a list. */
  sentencesWithAny(texts: readonly string[]): Set<number> {
    const sentences = new Set<number>();
    for (const phrase of this.index.resolve(texts))
      for (const i of this.bySentence[phrase.id] ?? NO_SENTENCES) sentences.add(i);
    return sentences;
  }

  /** How many times the phrases of a list occur in all (a sentence may hold one more than once). */
  count(texts: readonly string[]): number {
    let n = 0;
    for (const phrase of this.index.resolve(texts)) n += this.occurrences[phrase.id]!;
    return n;
  }
}

const NO_SENTENCES: readonly number[] = [];

/** Reads the answer once and finds every phrase of the index in it. */
export function findPhrases(text: AnalyzedText, index: PhraseIndex): PhraseHits {
  const bySentence: (number[] | undefined)[] = new Array(index.size);
  const occurrences = new Uint32Array(index.size);
  const sentences = text.sentences;
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s]!.words;
    for (let i = 0; i < words.length; i++) {
      // Walk the trie from this word for as long as some phrase can still continue.
      let node: TrieNode | undefined = index.root;
      for (let k = i; node && k < words.length; k++) {
        const step: Step = node.step(words[k]!);
        for (const phrase of step.ends) {
          occurrences[phrase.id]!++;
          const hits = bySentence[phrase.id];
          if (!hits) bySentence[phrase.id] = [s];
          else if (hits[hits.length - 1] !== s) hits.push(s);
        }
        node = step.next;
      }
    }
  }
  return new PhraseHits(index, bySentence, occurrences);
}

/** Up to `limit` quotes from the sentences that contain any of the phrases, in answer order. */
export function quotesFor(text: AnalyzedText, found: readonly FoundPhrase[], limit = 2): string[] {
  const indices = new Set<number>();
  for (const phrase of found) for (const i of phrase.sentences) indices.add(i);
  return [...indices]
    .sort((a, b) => a - b)
    .slice(0, limit)
    .map((i) => quote(text.sentences[i]!));
}

/** The letters and digits of a phrase, with a plural ending folded: "trade-offs" -> "tradeoff". */
function variantOf(words: readonly string[]): string {
  const joined = words.join('').replace(/[^a-z0-9]/g, '');
  return joined.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
}

/** The same spelling, or one extends the other from a stem on ("replica", "replication"). */
function sameIdea(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= MIN_STEM && long.startsWith(short);
}

/** Phrases are written in any case; an answer's words are already lower case. */
function normalise(s: string): string {
  return straighten(s.toLowerCase());
}

function straighten(word: string): string {
  return word.includes('’') ? word.replaceAll('’', "'") : word;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
