import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../src/scoring/offline/words.js';
import { countWords, isWordPart, isWordStart, wordsIn, writtenWords } from '../../src/text/tokens.js';

describe('wordsIn', () => {
  it('keeps joiners inside a word and lower-cases', () => {
    expect(wordsIn("Don't cut 40% of the $5m read-heavy ’cache’ -now")).toEqual([
      "don't",
      'cut',
      '40%',
      'of',
      'the',
      '5m',
      'read-heavy',
      'cache’',
      'now',
    ]);
  });

  it('without joiners splits at them; a minimum length drops short pieces whole', () => {
    expect(wordsIn("Don't cut read-heavy A/B tests", { joiners: false })).toEqual([
      'don',
      't',
      'cut',
      'read',
      'heavy',
      'a',
      'b',
      'tests',
    ]);
    expect(wordsIn("Don't cut read-heavy A/B tests x1", { joiners: false, minLength: 2 })).toEqual([
      'don',
      'cut',
      'read',
      'heavy',
      'tests',
      'x1',
    ]);
    expect(wordsIn('to be or not', { minLength: 3 })).toEqual(['not']);
  });

  it('finds no words in text without letters or digits', () => {
    expect(wordsIn(' -- ’ % $ ')).toEqual([]);
    expect(wordsIn('')).toEqual([]);
  });
});

describe('the character tests the scorer scans with', () => {
  it('agree with wordsIn on every UTF-16 code unit', () => {
    const disagreements: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      // Lower-case text only: the scanner is given lower-cased text, as wordsIn lower-cases first.
      if (ch.toLowerCase() !== ch) continue;
      const startsAlone = wordsIn(ch).length === 1;
      const continuesWord = wordsIn(`a${ch}`)[0] === `a${ch}`;
      if (startsAlone !== isWordStart(c) || continuesWord !== isWordPart(c)) disagreements.push(c);
    }
    expect(disagreements).toEqual([]);
  });

  it('give the scorer the same words as wordsIn (curly apostrophes straightened)', () => {
    const text =
      "we shipped 3x faster; the team’s p99 fell 40% — a read-heavy, cache-first don't-break-it plan";
    expect(wordsOf(text)).toEqual(wordsIn(text).map((w) => w.replaceAll('’', "'")));
  });
});

describe('countWords', () => {
  it('counts runs between whitespace, as a person counts', () => {
    expect(countWords('  We cut p99 by 40% — in A/B tests.\n\nThen  shipped ')).toBe(11);
    expect(countWords(' \n\t ')).toBe(0);
  });
});

describe('writtenWords', () => {
  it('keeps case and letters of any script; only an apostrophe inside joins', () => {
    expect(writtenWords("Amazon's ML team: naïve Überfluss, read-heavy 40% A/B")).toEqual([
      "Amazon's",
      'ML',
      'team',
      'naïve',
      'Überfluss',
      'read',
      'heavy',
      '40',
      'A',
      'B',
    ]);
  });
});
