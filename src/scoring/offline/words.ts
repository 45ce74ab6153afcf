import { stem } from '../../text/stem.js';
import { FUNCTION_WORDS } from '../../text/stop-words.js';
import { isWordPart, isWordStart } from '../../text/tokens.js';

/**
 * What the offline scorer knows about each word it reads. Answers share most of their vocabulary, so
 * each distinct word is examined once (is it a number, a function word, what is its stem) and kept
 * in a table keyed by a hash of its letters that is computed while the text is scanned: a word seen
 * before costs no new string and no Map lookup, which is most of the cost of reading an answer.
 */

export interface WordFacts {
  /** Lower case with straight apostrophes; one string per distinct word, so lookups reuse its hash. */
  readonly word: string;
  /** A figure or a number word ("40%", "3x", "two", "million"). */
  readonly number: boolean;
  /** A function word ("the", "because"): prose has many, keyword lists and keyboard mashing few. */
  readonly glue: boolean;
  /** For relevance: light plural and suffix folding. */
  readonly stem: string;
  /** The last analysis that counted this word as distinct: counts distinct words without a Set. */
  seen: number;
}

const NUMBER_WORDS = new Set(
  // Every cardinal a person spells out: "ninety days" and "eleven alerts" are figures as much as "90".
  (
    'zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds ' +
    'thousand thousands million millions billion billions half double doubled tripled halved dozen'
  ).split(' '),
);

const APOSTROPHE = 39;
const CURLY_APOSTROPHE = 8217;

interface Entry extends WordFacts {
  readonly hash: number;
}

/** Open addressing with linear probing; slots hold entry index + 1, 0 is empty. */
class WordTable {
  private slots = new Int32Array(1 << 12);
  private entries: Entry[] = [];

  find(source: string, from: number, to: number, hash: number): WordFacts {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.slots[slot]!;
      if (at === 0) return this.add(source, from, to, hash, slot);
      const entry = this.entries[at - 1]!;
      if (entry.hash === hash && sameWord(entry.word, source, from, to)) return entry;
    }
  }

  private add(source: string, from: number, to: number, hash: number, slot: number): WordFacts {
    // Vocabulary is bounded in practice; the cap only guards a process that scores endless gibberish.
    if (this.entries.length >= 200_000) {
      this.clear();
      return this.find(source, from, to, hash);
    }
    const word = ownCopy(source.slice(from, to).replaceAll('’', "'"));
    const entry: Entry = {
      word,
      hash,
      number: hasDigit(word) || NUMBER_WORDS.has(word),
      glue: FUNCTION_WORDS.has(word),
      stem: stem(word),
      seen: 0,
    };
    this.entries.push(entry);
    this.slots[slot] = this.entries.length;
    if (this.entries.length * 2 > this.slots.length) this.grow();
    return entry;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.entries.forEach((entry, i) => {
      let slot = entry.hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    });
    this.slots = slots;
  }

  private clear(): void {
    this.slots = new Int32Array(1 << 12);
    this.entries = [];
  }
}

function sameWord(word: string, source: string, from: number, to: number): boolean {
  if (word.length !== to - from) return false;
  for (let k = 0; k < word.length; k++) {
    let c = source.charCodeAt(from + k);
    if (c === CURLY_APOSTROPHE) c = APOSTROPHE;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * A copy that does not point into the text it was cut from: V8 keeps longer slices as views of their
 * parent, and a table entry would then keep a whole old answer alive.
 */
function ownCopy(s: string): string {
  return s.length >= 13 ? s.split('').join('') : s;
}

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

const table = new WordTable();

/**
 * Reads the words of lower-case text between `from` and `to` into `into`: words as text/tokens.ts
 * defines them ("don't", "40%", "read-heavy"). The hash (FNV-1a, with ’ read as ') is computed in the
 * same loop that finds the word's end.
 */
export function readWords(lower: string, from: number, to: number, into: WordFacts[]): void {
  let i = from;
  while (i < to) {
    let c = lower.charCodeAt(i);
    if (!isWordStart(c)) {
      i++;
      continue;
    }
    let hash = 0x811c9dc5;
    let j = i;
    for (; j < to; j++) {
      c = lower.charCodeAt(j);
      if (!isWordPart(c)) break;
      hash = Math.imul(hash ^ (c === CURLY_APOSTROPHE ? APOSTROPHE : c), 0x01000193);
    }
    into.push(table.find(lower, i, j, hash));
    i = j;
  }
}

/** The words of lower-case text, as strings. */
export function wordsOf(lower: string): string[] {
  const facts: WordFacts[] = [];
  readWords(lower, 0, lower.length, facts);
  return facts.map((f) => f.word);
}

/** The facts of one word, as analyzeText gives them. */
export function factsOf(word: string): WordFacts {
  const facts: WordFacts[] = [];
  readWords(word, 0, word.length, facts);
  if (facts.length !== 1) throw new Error(`"${word}" is not one word`);
  return facts[0]!;
}
