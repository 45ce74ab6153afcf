/**
 * What a word is, for every reader of text in coach: the offline scorer, story suggestions and the
 * near-duplicate prompt check. One definition, in two forms that must agree (a test checks every
 * character): a regular expression for native scans, and character-code tests for the scorer's
 * scanner, which hashes each word in the same loop that finds its end.
 *
 * A word starts with a letter or digit (in lower-case text) and may continue with the joiners
 * ' ’ % $ and -, so "don't", "40%", "$5m" and "read-heavy" are one word each.
 */

/** Letters and digits start a word (in lower-case text). */
export function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** After its first character a word may also hold the joiners ' ’ % $ and -. */
export function isWordPart(c: number): boolean {
  return isWordStart(c) || c === 39 || c === 8217 || c === 37 || c === 36 || c === 45;
}

/** Letters and digits of any script; an apostrophe inside a word keeps it whole ("Amazon's"). */
const WRITTEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * The words of text other people wrote (a job posting), as written: case kept, so acronyms in
 * capitals ("ML", "SDK") can be told from words, and letters of any script. Joiners other than an
 * apostrophe end a word.
 */
export function writtenWords(text: string): string[] {
  return text.match(WRITTEN) ?? [];
}

export interface WordOptions {
  /**
   * Whether the joiners ' ’ % $ - continue a word (the default) or end it: without them "read-heavy"
   * is "read" and "heavy", and "don't" is "don" and "t".
   */
  joiners?: boolean;
  /** Words shorter than this are left out (default 1: none). */
  minLength?: number;
}

const JOINED = /[a-z0-9][a-z0-9'’%$-]*/g;
const patterns = new Map<string, RegExp>([['true,1', JOINED]]);

function patternFor({ joiners = true, minLength = 1 }: WordOptions): RegExp {
  const key = `${joiners},${minLength}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    // Greedy from a word's start, so a word too short to match is skipped whole, never cut.
    pattern = joiners
      ? new RegExp(`[a-z0-9][a-z0-9'’%$-]{${minLength - 1},}`, 'g')
      : new RegExp(`[a-z0-9]{${minLength},}`, 'g');
    patterns.set(key, pattern);
  }
  return pattern;
}

/**
 * The words of a text, lower-cased, in order (repeats kept). A native regular-expression scan: this
 * runs over every prompt of every bank on each lint, and a loop over each character in JavaScript
 * costs several times more.
 */
export function wordsIn(text: string, options: WordOptions = {}): string[] {
  return text.toLowerCase().match(patternFor(options)) ?? [];
}

/**
 * Words as a person counts them: runs of characters between whitespace ("40%" and "A/B" are one
 * each). The count shown while typing an answer and beside a story, and the baseline the scorer's
 * calibration compares with.
 */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
