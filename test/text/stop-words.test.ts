import { describe, expect, it } from 'vitest';
import {
  FUNCTION_WORDS,
  NEAR_DUPLICATE_STOP_WORDS,
  STOP_WORDS,
  STORY_PROMPT_WORDS,
  TERM_STOP_WORDS,
} from '../../src/text/stop-words.js';

const subset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((w) => !b.has(w));

describe('stop-word groups', () => {
  it('every reader ignores the function words, or the stop words that include them', () => {
    expect(subset(FUNCTION_WORDS, STOP_WORDS)).toEqual([]);
    expect(subset(STOP_WORDS, NEAR_DUPLICATE_STOP_WORDS)).toEqual([]);
    expect(subset(FUNCTION_WORDS, TERM_STOP_WORDS)).toEqual([]);
  });

  it('every reader ignores how prompts ask for a story', () => {
    for (const set of [NEAR_DUPLICATE_STOP_WORDS, TERM_STOP_WORDS, STORY_PROMPT_WORDS]) {
      for (const w of ['tell', 'time', 'describe', 'situation', 'example', 'walk', 'give'])
        expect(set.has(w)).toBe(true);
    }
  });

  it('differ by purpose: the scorer keeps words a signal can be about, the prompt check drops them', () => {
    for (const w of ['through', 'share', 'approach', 'explain']) {
      expect(NEAR_DUPLICATE_STOP_WORDS.has(w)).toBe(true);
      expect(TERM_STOP_WORDS.has(w)).toBe(false);
    }
    for (const w of ['shows', 'clearly', 'specific']) {
      expect(TERM_STOP_WORDS.has(w)).toBe(true);
      expect(NEAR_DUPLICATE_STOP_WORDS.has(w)).toBe(false);
    }
  });

  it('are lower-case single words with no empty entries', () => {
    for (const set of [STOP_WORDS, NEAR_DUPLICATE_STOP_WORDS, TERM_STOP_WORDS, STORY_PROMPT_WORDS]) {
      for (const w of set) expect(w).toMatch(/^[a-z]+$/);
    }
  });
});
