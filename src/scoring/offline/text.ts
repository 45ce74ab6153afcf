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

export function analyzeText(raw: string): AnalyzedText {
  const sentences: Sentence[] = [];
  // A sentence ends at . ! ? followed by space, or at a line break (bullets and short lines count as sentences).
  const boundary = /[.!?]+(?=\s|$)|\n+/g;
  let start = 0;
  const push = (end: number) => {
    const slice = raw.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const text = slice.trim();
    if (text) {
      const lower = text.toLowerCase();
      sentences.push({
        text,
        start: start + lead,
        end: start + lead + text.length,
        lower,
        words: lower.match(WORD) ?? [],
      });
    }
  };
  for (let m = boundary.exec(raw); m; m = boundary.exec(raw)) {
    const end = m[0].startsWith('\n') ? m.index : m.index + m[0].length;
    push(end);
    start = m.index + m[0].length;
  }
  push(raw.length);
  const words = sentences.flatMap((s) => s.words);
  return {
    raw,
    padded: ` ${raw.toLowerCase().replace(/\s+/g, ' ')} `,
    sentences,
    words,
    wordSet: new Set(words),
  };
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

export function functionWordRatio(text: AnalyzedText): number {
  if (text.words.length === 0) return 0;
  let n = 0;
  for (const w of text.words) if (FUNCTION_WORDS.has(w)) n++;
  return n / text.words.length;
}

/** Whether a phrase occurs: single words match whole words, longer phrases match as text. */
export function hasPhrase(text: AnalyzedText, phrase: string): boolean {
  const p = phrase.toLowerCase().trim();
  if (!p) return false;
  if (/^[a-z0-9]+$/.test(p)) return text.wordSet.has(p) || text.wordSet.has(`${p}s`);
  return text.padded.includes(p.length <= 4 ? ` ${p} ` : p);
}

/** The distinct phrases of a list that occur in the text. */
export function matchedPhrases(text: AnalyzedText, phrases: readonly string[]): string[] {
  const found: string[] = [];
  for (const p of phrases)
    if (hasPhrase(text, p) && !found.includes(p.toLowerCase())) found.push(p.toLowerCase());
  return found;
}

export function sentenceHas(sentence: Sentence, phrase: string): boolean {
  const p = phrase.toLowerCase();
  if (/^[a-z0-9]+$/.test(p)) return sentence.words.includes(p) || sentence.words.includes(`${p}s`);
  return sentence.lower.includes(p);
}

/** A quote for evidence: the sentence, cut to a readable length at a word boundary, still a substring. */
export function quote(sentence: Sentence, max = 180): string {
  if (sentence.text.length <= max) return sentence.text;
  const cut = sentence.text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return cut.slice(0, space > max / 2 ? space : max).trimEnd();
}

/** Up to `limit` quotes from sentences that contain any of the phrases, in answer order. */
export function quotesFor(text: AnalyzedText, phrases: readonly string[], limit = 2): string[] {
  const quotes: string[] = [];
  if (phrases.length === 0) return quotes;
  for (const s of text.sentences) {
    if (phrases.some((p) => sentenceHas(s, p))) quotes.push(quote(s));
    if (quotes.length >= limit) break;
  }
  return quotes;
}

const NUMBER_WORDS = new Set(
  'two three four five six seven eight nine ten twelve fifteen twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions half double doubled tripled halved dozen'.split(
    ' ',
  ),
);

/** Numbers in figures or words: "40%", "3x", "two weeks", "a million". */
export function countNumbers(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (/\d/.test(w) || NUMBER_WORDS.has(w)) n++;
  return n;
}

/** Content words for relevance: not function words, at least 4 letters, light plural folding. */
export function contentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    if (w.length < 4 || FUNCTION_WORDS.has(w) || STOP_TERMS.has(w)) continue;
    terms.add(stem(w));
  }
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
