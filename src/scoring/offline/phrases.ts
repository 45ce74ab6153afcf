import { type AnalyzedText, quote } from './text.js';
import { wordsOf } from './words.js';

/**
 * Phrase matching for the offline scorer. A rubric brings a few hundred phrases (its hints, the
 * design lexicons, the principle cues); looking each one up in each answer was most of the scorer's
 * time. Instead the phrases are compiled once into a table keyed by the word each can start with, and
 * an answer is read once, word by word, finding every phrase at the same time: the idea of
 * Aho-Corasick, on words rather than letters.
 *
 * What matches: a phrase is split into words the way answers are. Its words must appear in order, as
 * whole words, inside one sentence; the last may also take a plural "s" and, when it has five letters
 * or more, match the start of a word, so stems work ("investigat" finds "investigated", "load balanc"
 * finds "load balancing") while short words stay whole ("bar" does not find "barely"). Curly and
 * straight apostrophes are the same ("I’d choose" is "i'd choose").
 */

/** Stems shorter than this match whole words (or their plural) only. */
const MIN_STEM = 5;

interface Phrase {
  id: number;
  /** How it is shown in feedback: the phrase as first compiled, lower case. */
  display: string;
  words: readonly string[];
}

const NONE: readonly Phrase[] = [];

export class PhraseIndex {
  private readonly phrases: Phrase[] = [];
  private readonly byText = new Map<string, Phrase | null>();
  private readonly byKey = new Map<string, Phrase>();
  /** Phrases by their first word, exactly as written. */
  private readonly byFirst = new Map<string, Phrase[]>();
  /** One-word phrases of MIN_STEM letters or more, by that word: they also match words it starts. */
  private readonly stems = new Map<string, Phrase[]>();
  private longestStem = 0;
  /** Which phrases can start at a word of an answer, worked out once per distinct word. */
  private readonly startsAt = new Map<string, readonly Phrase[]>();

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
      phrase = { id: this.phrases.length, display: text.toLowerCase().trim(), words };
      this.phrases.push(phrase);
      this.byKey.set(key, phrase);
      push(this.byFirst, words[0]!, phrase);
      if (words.length === 1 && words[0]!.length >= MIN_STEM) {
        push(this.stems, words[0]!, phrase);
        this.longestStem = Math.max(this.longestStem, words[0]!.length);
      }
    }
    this.byText.set(text, phrase);
  }

  /**
   * The compiled phrase for a text: one given to the constructor, or the same words written another
   * way (feedback passes phrases around lower-cased). Anything else is a programming error.
   */
  phrase(text: string): Phrase | null {
    let phrase = this.byText.get(text);
    if (phrase === undefined) {
      phrase = this.byKey.get(wordsOf(normalise(text)).join(' '));
      if (!phrase) throw new Error(`phrase "${text}" is not in this index`);
      this.byText.set(text, phrase);
    }
    return phrase;
  }

  /**
   * The phrases that can start at a word of an answer (lower case, apostrophes straight, as
   * analyzeText gives them): exact first words, and plurals and stems of one-word phrases.
   */
  candidates(w: string): readonly Phrase[] {
    let found = this.startsAt.get(w);
    if (found) return found;
    const list: Phrase[] = [...(this.byFirst.get(w) ?? NONE)];
    const add = (ps: readonly Phrase[] | undefined) => {
      for (const p of ps ?? NONE) if (p.words.length === 1 && !list.includes(p)) list.push(p);
    };
    if (w.endsWith('s')) add(this.byFirst.get(w.slice(0, -1)));
    for (let n = MIN_STEM; n < w.length && n <= this.longestStem; n++) add(this.stems.get(w.slice(0, n)));
    found = list.length ? list : NONE;
    // Answers share most of their vocabulary, so this stays small; the bound only guards a long-running process.
    if (this.startsAt.size > 100_000) this.startsAt.clear();
    this.startsAt.set(w, found);
    return found;
  }
}

/** Where the phrases of an index occur in one answer: for each phrase, its sentences in answer order. */
export class PhraseHits {
  constructor(
    private readonly index: PhraseIndex,
    private readonly bySentence: (number[] | undefined)[],
  ) {}

  /** The indexes of the sentences that contain a phrase, ascending. */
  sentences(text: string): readonly number[] {
    const phrase = this.index.phrase(text);
    return (phrase && this.bySentence[phrase.id]) || NO_SENTENCES;
  }

  has(text: string): boolean {
    return this.sentences(text).length > 0;
  }

  /** The distinct phrases of a list that occur, in list order, as shown in feedback. */
  matched(texts: readonly string[]): string[] {
    const found: string[] = [];
    for (const text of texts) {
      const phrase = this.index.phrase(text);
      if (phrase && this.bySentence[phrase.id] && !found.includes(phrase.display)) found.push(phrase.display);
    }
    return found;
  }
}

const NO_SENTENCES: readonly number[] = [];

/** Reads the answer once and finds every phrase of the index in it. */
export function findPhrases(text: AnalyzedText, index: PhraseIndex): PhraseHits {
  const bySentence: (number[] | undefined)[] = new Array(index.size);
  text.sentences.forEach((sentence, s) => {
    const words = sentence.words;
    for (let i = 0; i < words.length; i++) {
      for (const phrase of index.candidates(words[i]!)) {
        if (phrase.words.length > 1 && !restMatches(phrase.words, words, i)) continue;
        const hits = bySentence[phrase.id];
        if (!hits) bySentence[phrase.id] = [s];
        else if (hits[hits.length - 1] !== s) hits.push(s);
      }
    }
  });
  return new PhraseHits(index, bySentence);
}

/** Whether the words after the first of a phrase follow at position `at` of a sentence. */
function restMatches(phrase: readonly string[], words: readonly string[], at: number): boolean {
  const last = phrase.length - 1;
  if (at + last >= words.length) return false;
  for (let k = 1; k < last; k++) if (words[at + k] !== phrase[k]) return false;
  const want = phrase[last]!;
  const word = words[at + last]!;
  return (
    word === want ||
    (word.length === want.length + 1 && word.endsWith('s') && word.startsWith(want)) ||
    (want.length >= MIN_STEM && word.startsWith(want))
  );
}

/** Up to `limit` quotes from the sentences that contain any of the phrases, in answer order. */
export function quotesFor(
  text: AnalyzedText,
  hits: PhraseHits,
  phrases: readonly string[],
  limit = 2,
): string[] {
  const indices = new Set<number>();
  for (const p of phrases) for (const i of hits.sentences(p)) indices.add(i);
  return [...indices]
    .sort((a, b) => a - b)
    .slice(0, limit)
    .map((i) => quote(text.sentences[i]!));
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
