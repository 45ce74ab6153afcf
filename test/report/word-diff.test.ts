import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../src/report/word-diff.js';

const render = (before: string, after: string) =>
  wordDiff(before, after)
    .map((p) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`))
    .join('');

describe('wordDiff', () => {
  it('marks words removed and added, keeping the rest', () => {
    expect(render('we fixed the cache', 'I fixed the slow cache')).toBe(
      '[-we -]{+I +}fixed the {+slow +}cache',
    );
  });

  it('treats a change of spacing or line breaks alone as no change, and keeps the after layout', () => {
    const parts = wordDiff('one two\nthree', 'one  two three');
    expect(parts).toEqual([{ kind: 'same', text: 'one  two three' }]);
  });

  it('gives back both texts whole: the same and added parts are the after text, same and removed the before', () => {
    const before = 'Situation: the build broke. I paged the owner and waited.';
    const after = 'Situation: the nightly build broke twice. I fixed the exporter myself and told the owner.';
    const parts = wordDiff(before, after);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text.trimEnd())
        .join(' ')
        .replace(/\s+/g, ' '),
    ).toBe(before);
  });

  it('handles empty answers', () => {
    expect(wordDiff('', 'new words')).toEqual([{ kind: 'added', text: 'new words' }]);
    expect(wordDiff('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
    expect(wordDiff('', '')).toEqual([]);
  });
});
