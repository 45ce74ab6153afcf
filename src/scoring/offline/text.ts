/**
 * One pass over an answer: sentences with their offsets in the original text (so every quote is an
 * exact substring), lower-cased words, and a word set for whole-word lookups. Everything the offline
 * scorer measures reads this structure instead of scanning the raw text again.
 */

export interface Sentence {
  /** Exactly answer.slice(start, end). */
  text: string;
  start: number;
  end: number;
  lower: string;
  words: string[];
  /** How many of its words are numbers, in figures or in words (counted once, read by many criteria). */
  numbers: number;
}

export interface AnalyzedText {
  raw: string;
  /** Lower case, with spaces at both ends so " word " lookups need no special cases. */
  padded: string;
  sentences: Sentence[];
  words: string[];
  wordSet: Set<string>;
}

const WORD = /[a-z0-9][a-z0-9'’%$-]*/g;

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
    sentences.push({ text, start: from, end: to, lower, words, numbers: countNumbers(words) });
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
  const words: string[] = [];
  for (const s of sentences) for (const w of s.words) words.push(w);
  // Only runs of whitespace and line breaks need normalising; replacing every single space costs more.
  const padded = ` ${lowerAll.replace(/[\t\n\r\f\v\u00a0 ]{2,}|[\t\n\r\f\v\u00a0]/g, ' ')} `;
  return { raw, padded, sentences, words, wordSet: new Set(words) };
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

/** Numbers in figures or words: "40%", "3x", "two weeks", "a million". */
export function countNumbers(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (hasDigit(w) || NUMBER_WORDS.has(w)) n++;
  return n;
}

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
