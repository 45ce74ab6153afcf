/**
 * One pass over an answer: sentences with their offsets in the original text (so every quote is an
 * exact substring), and their words with what the scorer needs to know about each. Everything the
 * offline scorer measures reads this structure instead of scanning the raw text again.
 */

export interface Sentence {
  /** Exactly answer.slice(start, end). */
  text: string;
  start: number;
  end: number;
  lower: string;
  /** Its words: lower case, curly apostrophes straightened. */
  words: string[];
  /** How many of its words are numbers, in figures or in words (counted once, read by many criteria). */
  numbers: number;
  /** How many of its words are function words ("the", "because"): prose has many, lists few. */
  glue: number;
}

export interface AnalyzedText {
  raw: string;
  /** Lower case, with spaces at both ends so " word " lookups need no special cases. */
  padded: string;
  sentences: Sentence[];
  words: string[];
  /** Each distinct word once, in order of first use. */
  distinct: string[];
}

/** What the scorer reads from a word, worked out once per distinct word: answers share most of theirs. */
export interface WordFacts {
  /** The word as the scorer sees it; one string per distinct word, so later lookups reuse its hash. */
  readonly word: string;
  /** A figure or a number word ("40%", "3x", "two", "million"). */
  readonly number: boolean;
  /** A function word. */
  readonly glue: boolean;
  /** For relevance: light plural and suffix folding. */
  readonly stem: string;
  /** The analysis that last counted it as distinct (see `distinctWords`). */
  seen: number;
}

const WORD = /[a-z0-9][a-z0-9'’%$-]*/g;

const factsByWord = new Map<string, WordFacts>();
let analyses = 0;

export function factsOf(word: string): WordFacts {
  let facts = factsByWord.get(word);
  if (!facts) {
    const straight = word.includes('’') ? word.replaceAll('’', "'") : word;
    facts = factsByWord.get(straight) ?? {
      word: straight,
      number: hasDigit(straight) || NUMBER_WORDS.has(straight),
      glue: FUNCTION_WORDS.has(straight),
      stem: stem(straight),
      seen: 0,
    };
    // Vocabulary is bounded in practice; the cap only guards a process scoring unbounded gibberish.
    if (factsByWord.size > 200_000) factsByWord.clear();
    factsByWord.set(word, facts);
    factsByWord.set(straight, facts);
  }
  return facts;
}

/**
 * One hand-written pass (this runs thousands of times a second): sentence boundaries at . ! ? before
 * whitespace or the end, and at line breaks; words as runs of letters and digits that may continue
 * with ' ’ % $ or -. Lower-casing is done once for the whole text when it keeps every offset.
 */
export function analyzeText(raw: string): AnalyzedText {
  const lowerAll = raw.toLowerCase();
  const sameOffsets = lowerAll.length === raw.length;
  const sentences: Sentence[] = [];
  const push = (from: number, to: number) => {
    while (from < to && isSpace(raw.charCodeAt(from))) from++;
    while (to > from && isSpace(raw.charCodeAt(to - 1))) to--;
    if (to <= from) return;
    const text = raw.slice(from, to);
    const lower = sameOffsets ? lowerAll.slice(from, to) : text.toLowerCase();
    const words = wordsOf(lower);
    let numbers = 0;
    let glue = 0;
    for (let k = 0; k < words.length; k++) {
      const facts = factsOf(words[k]!);
      words[k] = facts.word;
      if (facts.number) numbers++;
      if (facts.glue) glue++;
    }
    sentences.push({ text, start: from, end: to, lower, words, numbers, glue });
  };
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10 || c === 13) {
      push(start, i);
      start = i + 1;
    } else if (c === 46 || c === 33 || c === 63) {
      let j = i;
      while (j + 1 < raw.length && isStop(raw.charCodeAt(j + 1))) j++;
      if (j + 1 === raw.length || isSpace(raw.charCodeAt(j + 1))) {
        push(start, j + 1);
        start = j + 1;
      }
      i = j;
    }
  }
  push(start, raw.length);
  // Only runs of whitespace and line breaks need normalising; replacing every single space costs more.
  return withSentences(raw, sentences, lowerAll.replace(/[\t\n\r\f\v\u00a0 ]{2,}|[\t\n\r\f\v\u00a0]/g, ' '));
}

/** The same analysed text without some sentences; quotes stay exact substrings of the original answer. */
export function withoutSentences(text: AnalyzedText, remove: readonly { start: number }[]): AnalyzedText {
  if (remove.length === 0) return text;
  const skip = new Set(remove.map((s) => s.start));
  const sentences = text.sentences.filter((s) => !skip.has(s.start));
  return withSentences(text.raw, sentences, sentences.map((s) => s.lower).join(' '));
}

function withSentences(raw: string, sentences: Sentence[], lower: string): AnalyzedText {
  // Distinct words without a Set: each word's facts remember the analysis that last counted them.
  const pass = ++analyses;
  const words: string[] = [];
  const distinct: string[] = [];
  for (const s of sentences) {
    for (const w of s.words) {
      words.push(w);
      const facts = factsOf(w);
      if (facts.seen !== pass) {
        facts.seen = pass;
        distinct.push(w);
      }
    }
  }
  return { raw, padded: ` ${lower} `, sentences, words, distinct };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 160;
}

function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Words of lower-cased text, as WORD would match them. */
export function wordsOf(lower: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = lower.length;
  while (i < n) {
    if (!isWordStart(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < n; j++) {
      const c = lower.charCodeAt(j);
      // letters, digits and the joiners ' ’ % $ -
      if (!(isWordStart(c) || c === 39 || c === 8217 || c === 37 || c === 36 || c === 45)) break;
    }
    out.push(lower.slice(i, j));
    i = j;
  }
  return out;
}

/** Common English function words: prose has many, keyword lists and keyboard mashing have almost none. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or but so because if then than that this these those to of in on at by for with from into over ' +
    'after before during while about as is are was were be been being have has had do did does i we you he she ' +
    'it they me us him her them my our your their its not no can could would should will which who what when ' +
    'where why how there here also just only very all some any more most each other such one'
  ).split(' '),
);

/** A quote for evidence: the sentence, cut to a readable length at a word boundary, still a substring. */
export function quote(sentence: Sentence, max = 180): string {
  if (sentence.text.length <= max) return sentence.text;
  const cut = sentence.text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return cut.slice(0, space > max / 2 ? space : max).trimEnd();
}

const NUMBER_WORDS = new Set(
  'two three four five six seven eight nine ten twelve fifteen twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions half double doubled tripled halved dozen'.split(
    ' ',
  ),
);

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Numbers in the whole answer: the sum over its sentences. */
export function numbersIn(text: AnalyzedText): number {
  let n = 0;
  for (const s of text.sentences) n += s.numbers;
  return n;
}

const termsMemo = new Map<string, Set<string>>();

/**
 * Content words for relevance: not function words, at least 4 letters, light plural folding.
 * Memoised: the same prompts and signals are read for every answer to a question.
 */
export function contentTerms(text: string): Set<string> {
  const memo = termsMemo.get(text);
  if (memo) return memo;
  const terms = new Set<string>();
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    if (w.length < 4 || FUNCTION_WORDS.has(w) || STOP_TERMS.has(w)) continue;
    terms.add(stem(w));
  }
  if (termsMemo.size > 5000) termsMemo.clear();
  termsMemo.set(text, terms);
  return terms;
}

const STOP_TERMS = new Set(
  'with that this have from they them their what when your more than into about would could should which there these those because while after before during where shows explains names answer strong'.split(
    ' ',
  ),
);

export function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}
