import { stem } from '../../text/stem.js';
import { TERM_STOP_WORDS } from '../../text/stop-words.js';
import { wordsIn } from '../../text/tokens.js';
import { factsOf, readWords, type WordFacts } from './words.js';

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
  distinct: WordFacts[];
}

/** Line breaks, and runs of . ! ? (a sentence ends there when whitespace or the end follows). */
const BOUNDARY = /[\n\r]|[.!?]+/g;

// Numbers each analysis, so WordFacts.seen can mark the words already counted in this one.
let analyses = 0;

/**
 * Reads an answer (this runs thousands of times a second): sentence boundaries at . ! ? before
 * whitespace or the end, and at line breaks; words as words.ts reads them, each with its facts.
 * Lower-casing is done once for the whole text when it keeps every offset.
 */
export function analyzeText(raw: string): AnalyzedText {
  const lowerAll = raw.toLowerCase();
  const sameOffsets = lowerAll.length === raw.length;
  const sentences: Sentence[] = [];
  const pass = ++analyses;
  const words: string[] = [];
  const distinct: WordFacts[] = [];
  const facts: WordFacts[] = [];
  const push = (from: number, to: number) => {
    while (from < to && isSpace(raw.charCodeAt(from))) from++;
    while (to > from && isSpace(raw.charCodeAt(to - 1))) to--;
    if (to <= from) return;
    const text = raw.slice(from, to);
    const lower = sameOffsets ? lowerAll.slice(from, to) : text.toLowerCase();
    facts.length = 0;
    if (sameOffsets) readWords(lowerAll, from, to, facts);
    else readWords(lower, 0, lower.length, facts);
    const sentenceWords = new Array<string>(facts.length);
    let numbers = 0;
    let glue = 0;
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k]!;
      sentenceWords[k] = f.word;
      words.push(f.word);
      if (f.number) numbers++;
      if (f.glue) glue++;
      if (f.seen !== pass) {
        f.seen = pass;
        distinct.push(f);
      }
    }
    sentences.push({ text, start: from, end: to, lower, words: sentenceWords, numbers, glue });
  };
  // The regular expression finds the candidates natively; a loop over every character costs more.
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(raw); m; m = BOUNDARY.exec(raw)) {
    const c = raw.charCodeAt(m.index);
    if (c === 10 || c === 13) {
      if (wrapsLine(raw, m.index)) continue;
      push(start, m.index);
      start = m.index + 1;
    } else {
      const end = m.index + m[0].length;
      if (end === raw.length || isSpace(raw.charCodeAt(end))) {
        push(start, end);
        start = end;
      }
    }
  }
  push(start, raw.length);
  // Only runs of whitespace and line breaks need normalising; replacing every single space costs more.
  const padded = ` ${lowerAll.replace(/[\t\n\r\f\v\u00a0 ]{2,}|[\t\n\r\f\v\u00a0]/g, ' ')} `;
  return { raw, padded, sentences, words, distinct };
}

/** The same analysed text without some sentences; quotes stay exact substrings of the original answer. */
export function withoutSentences(text: AnalyzedText, remove: readonly { start: number }[]): AnalyzedText {
  if (remove.length === 0) return text;
  const skip = new Set(remove.map((s) => s.start));
  const sentences = text.sentences.filter((s) => !skip.has(s.start));
  const words = sentences.flatMap((s) => s.words);
  const distinct = [...new Set(words)].map(factsOf);
  return {
    raw: text.raw,
    padded: ` ${sentences.map((s) => s.lower).join(' ')} `,
    sentences,
    words,
    distinct,
  };
}

/**
 * A line break inside a hard-wrapped sentence: the line does not end a sentence or a clause and the
 * next line goes on in lower case ("...with an old tokenizer, and the\naggregate metric hid it").
 * Answers pasted from editors and mail are often wrapped; reading each line as a sentence would cut
 * their sentences in pieces. Lists and paragraphs still break: their lines start otherwise.
 */
function wrapsLine(raw: string, at: number): boolean {
  // "\r\n" is one break: read from its \r, and its \n does what the \r did.
  if (raw.charCodeAt(at) === 10 && raw.charCodeAt(at - 1) === 13) return wrapsLine(raw, at - 1);
  let before = at - 1;
  while (before >= 0 && (raw.charCodeAt(before) === 32 || raw.charCodeAt(before) === 9)) before--;
  let after = raw.charCodeAt(at) === 13 && raw.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  while (after < raw.length && (raw.charCodeAt(after) === 32 || raw.charCodeAt(after) === 9)) after++;
  const next = raw.charCodeAt(after);
  const last = raw.charCodeAt(before);
  const lowerNext = (next >= 97 && next <= 122) || (next >= 48 && next <= 57);
  // A blank line before is a paragraph break, whatever follows.
  const endsClause =
    last === 46 || last === 33 || last === 63 || last === 58 || last === 59 || last === 10 || last === 13;
  return before >= 0 && lowerNext && !endsClause;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 160;
}

/** A quote for evidence: the sentence, cut to a readable length at a word boundary, still a substring. */
export function quote(sentence: Sentence, max = 180): string {
  if (sentence.text.length <= max) return sentence.text;
  const cut = sentence.text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return cut.slice(0, space > max / 2 ? space : max).trimEnd();
}

/** Numbers in the whole answer: the sum over its sentences. */
export function numbersIn(text: AnalyzedText): number {
  let n = 0;
  for (const s of text.sentences) n += s.numbers;
  return n;
}

const termsMemo = new Map<string, Set<string>>();

/**
 * Content words for relevance: stems of the words of 4 letters or more that are not TERM_STOP_WORDS.
 * Memoised: the same prompts and signals are read for every answer to a question.
 */
export function contentTerms(text: string): Set<string> {
  const memo = termsMemo.get(text);
  if (memo) return memo;
  const terms = new Set<string>();
  for (const w of wordsIn(text)) {
    if (w.length < 4 || TERM_STOP_WORDS.has(w)) continue;
    terms.add(stem(w));
  }
  if (termsMemo.size > 5000) termsMemo.clear();
  termsMemo.set(text, terms);
  return terms;
}
