import { describe, expect, it } from 'vitest';
import {
  contentWords,
  findNearDuplicates,
  findRepeats,
  NEAR_DUPLICATE_THRESHOLD,
  type SimilarPair,
} from '../../src/lint/near-duplicates.js';
import { seededRandom } from '../../src/session/random.js';

/** The definition the prefix-filtered search must agree with: every pair, plain Jaccard. */
function bruteForce(texts: readonly string[], threshold: number): SimilarPair[] {
  const sets = texts.map((t) => new Set(contentWords(t)));
  const pairs: SimilarPair[] = [];
  for (let a = 0; a < sets.length; a++) {
    for (let b = a + 1; b < sets.length; b++) {
      const x = sets[a]!;
      const y = sets[b]!;
      let shared = 0;
      for (const w of x) if (y.has(w)) shared++;
      const union = x.size + y.size - shared;
      if (union > 0 && shared / union >= threshold) pairs.push({ a, b, similarity: shared / union });
    }
  }
  return pairs;
}

/**
 * Prompts in families: each family has a base set of topic words and each member keeps most of
 * them, drops some and adds others, so similarities spread on both sides of any threshold.
 */
function generatePrompts(count: number, seed: number): string[] {
  const next = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const vocabulary = Array.from({ length: 400 }, (_, i) => `topic${i.toString(36)}x`);
  const families = Array.from({ length: 40 }, () =>
    Array.from({ length: 4 + Math.floor(next() * 10) }, () => pick(vocabulary)),
  );
  const stock = ['Tell me about a time you', 'Describe how you would', 'Walk me through', 'How would you'];
  return Array.from({ length: count }, () => {
    const base = pick(families);
    const kept = base.filter(() => next() > 0.2);
    const added = Array.from({ length: Math.floor(next() * 3) }, () => pick(vocabulary));
    const words = [...kept, ...added].map((w) => (next() > 0.8 ? `${w}s` : w)); // plural folding
    return `${pick(stock)} ${words.join(' ')}?`;
  });
}

const key = (p: SimilarPair) => `${p.a}-${p.b}`;

describe('findNearDuplicates is exact', () => {
  const prompts = generatePrompts(400, 20240611);

  it.each([NEAR_DUPLICATE_THRESHOLD, 0.5, 0.75, 0.9])(
    'finds the same pairs as brute force over 400 prompts at threshold %s',
    (threshold) => {
      const expected = bruteForce(prompts, threshold);
      const found = findNearDuplicates(prompts, threshold);
      // The fixture must exercise both sides of the threshold, or agreement proves nothing.
      expect(expected.length).toBeGreaterThan(10);
      expect(bruteForce(prompts, threshold / 2).length).toBeGreaterThan(expected.length);

      expect(found.map(key)).toEqual(expected.map(key));
      found.forEach((pair, i) => {
        expect(pair.similarity).toBeCloseTo(expected[i]!.similarity, 12);
      });
    },
  );

  it('reports each pair once, as a < b, sorted by a then b', () => {
    const found = findNearDuplicates(prompts);
    expect(found.every((p) => p.a < p.b)).toBe(true);
    expect(new Set(found.map(key)).size).toBe(found.length);
    const sorted = [...found].sort((x, y) => x.a - y.a || x.b - y.b);
    expect(found).toEqual(sorted);
  });

  it('is exact where threshold × size is not exactly representable (0.56 × 25 = 14.000000000000002)', () => {
    const words = Array.from({ length: 25 }, (_, i) => `word${String.fromCharCode(97 + i)}x`);
    const texts = [words.join(' '), words.slice(0, 14).join(' ')]; // Jaccard 14/25 = 0.56
    expect(bruteForce(texts, 0.56).map(key)).toEqual(['0-1']);
    expect(findNearDuplicates(texts, 0.56).map(key)).toEqual(['0-1']);
  });

  it('is exact at every threshold k/n written as a decimal, for sets of up to 40 words', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i.toString(36)}q`);
    const misses: string[] = [];
    for (let n = 2; n <= 40; n++) {
      for (let k = 1; k < n; k++) {
        // A threshold as a user would write it (0.56, not 14/25), with the pair at exactly k/n.
        const threshold = Number((k / n).toFixed(2));
        const texts = [words.slice(0, n).join(' '), words.slice(0, k).join(' ')];
        const expected = bruteForce(texts, threshold).map(key);
        const found = findNearDuplicates(texts, threshold).map(key);
        if (found.join() !== expected.join()) misses.push(`${k}/${n} at ${threshold}`);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe('the threshold boundary (default 0.6)', () => {
  it('is 0.6', () => {
    expect(NEAR_DUPLICATE_THRESHOLD).toBe(0.6);
  });

  it('flags a pair at exactly the threshold (3 shared of 5 words)', () => {
    const found = findNearDuplicates(['kafka partition rebalance', 'kafka partition rebalance storm outage']);
    expect(found).toEqual([{ a: 0, b: 1, similarity: 0.6 }]);
  });

  it('does not flag a pair just below it (5 shared of 9 words = 0.556)', () => {
    const a = 'kafka partition rebalance consumer lag storm outage';
    const b = 'kafka partition rebalance consumer lag broker quota';
    expect(contentWords(a)).toHaveLength(7);
    expect(findNearDuplicates([a, b])).toEqual([]);
    expect(bruteForce([a, b], 0.5)).toHaveLength(1); // they are similar, just not enough
  });

  it('flags identical prompts at 100%', () => {
    const prompt = 'Design a global rate limiter for a public API.';
    expect(findNearDuplicates([prompt, prompt])).toEqual([{ a: 0, b: 1, similarity: 1 }]);
  });
});

describe('distinct prompts are not flagged', () => {
  it('different topics in the same stock phrasing', () => {
    const prompts = [
      'Tell me about a time you disagreed with your manager about a launch date.',
      'Tell me about a time you hired someone who turned out to be a poor fit.',
      'Tell me about a time you cut the cost of a service in half.',
      'Design a global rate limiter for a public API.',
      'Design the feature store for a recommendation system.',
      'How would you roll out a schema migration across two hundred services?',
    ];
    expect(findNearDuplicates(prompts)).toEqual([]);
  });

  it('prompts made only of stop words match nothing, not even each other', () => {
    expect(contentWords('Tell me about a time when you')).toEqual([]);
    expect(findNearDuplicates(['Tell me about a time when you', 'tell me about the time'])).toEqual([]);
  });
});

describe('contentWords', () => {
  it('lower-cases, drops stop words and one-letter words, and keeps each word once', () => {
    expect(contentWords('Describe the Kafka outage, and the KAFKA fix: a 5 x plan')).toEqual([
      'kafka',
      'outage',
      'fix',
      'plan',
    ]);
  });

  it('folds simple plurals of longer words but not -ss words or short words', () => {
    expect(contentWords('models classes bus gas services')).toEqual([
      'model',
      'classe',
      'bus',
      'gas',
      'service',
    ]);
    expect(contentWords('process')).toEqual(['process']);
  });
});

describe('findRepeats reports each repeating prompt once, against the earliest it is similar to', () => {
  /** From the exact pairs: for each text, the smallest earlier partner. */
  function earliestPartners(texts: readonly string[], threshold: number): Map<number, number> {
    const earliest = new Map<number, number>();
    for (const { a, b } of bruteForce(texts, threshold)) {
      if (!earliest.has(b) || a < earliest.get(b)!) earliest.set(b, a);
    }
    return earliest;
  }

  it.each([NEAR_DUPLICATE_THRESHOLD, 0.75])(
    'agrees with brute force over 400 prompts with copies at %s',
    (threshold) => {
      // Exact copies interleaved with the families: both the collapsed and the pair-searched paths.
      const base = generatePrompts(400, 7);
      const texts = base.map((t, i) => (i % 9 === 4 ? base[i - 3]! : t));
      const repeats = findRepeats(texts, threshold);
      const expected = earliestPartners(texts, threshold);
      expect(expected.size).toBeGreaterThan(20);
      expect(new Map(repeats.map((r) => [r.index, r.of]))).toEqual(expected);
      expect(new Set(repeats.map((r) => r.index)).size).toBe(repeats.length);
    },
  );

  it('counts the cluster: 2,000 copies are 1,999 repeats of the first, each knowing the cluster size', () => {
    const prompt = 'Tell me about a time you took ownership of a failing project outside your team.';
    const repeats = findRepeats(Array.from({ length: 2000 }, () => prompt));
    expect(repeats).toHaveLength(1999);
    expect(repeats.every((r) => r.of === 0 && r.similarity === 1 && r.cluster === 2000)).toBe(true);
  });

  it('a chain is one cluster, and each link is reported against its own earliest match', () => {
    const texts = [
      'kafka partition rebalance storm consumer lag',
      'kafka partition rebalance storm consumer lag outage',
      'unrelated thumbnail transcode pipeline',
      'kafka partition rebalance storm consumer lag outage pager',
    ];
    const repeats = findRepeats(texts);
    expect(repeats.map((r) => [r.index, r.of, r.cluster])).toEqual([
      [1, 0, 3],
      [3, 0, 3],
    ]);
  });
});
