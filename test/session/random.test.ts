import { describe, expect, it } from 'vitest';
import { hashString, seededRandom, shuffle } from '../../src/session/random.js';

// Users' --seed and the date-derived drill picks reproduce sessions only while these stay the same:
// a change to the generator must show up here, not in someone's history.
describe('the one seeded random generator', () => {
  it('is mulberry32: seed 42 gives the reference sequence', () => {
    const next = seededRandom(42);
    expect([next(), next(), next()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('gives the same shuffle for the same seed, and a new array', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(shuffle(items, seededRandom(7))).toEqual(['e', 'b', 'c', 'd', 'f', 'a']);
    expect(shuffle(items, seededRandom(7))).toEqual(shuffle(items, seededRandom(7)));
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('derives seeds from text with FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('2026-12-03')).toBe(3206470837);
  });
});
