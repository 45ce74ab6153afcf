import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  confusion,
  pairwiseAgreement,
  quadraticKappa,
  spearman,
} from '../../src/scoring/agreement.js';

describe('pairwiseAgreement', () => {
  it('counts agreeing pairs, halves ties of the other rater and skips ties of the reference', () => {
    // Reference [1,2,2,3] orders 5 of the 6 pairs (items 1 and 2 tie). Other [2,2,1,3]:
    // (0,1) tie -> 0.5, (0,2) reversed -> 0, (0,3) (1,3) (2,3) agree -> 3. 3.5 / 5 = 0.7.
    expect(pairwiseAgreement([1, 2, 2, 3], [2, 2, 1, 3])).toBeCloseTo(0.7, 12);
    expect(pairwiseAgreement([1, 2, 2, 3], [1, 3, 2, 4])).toBe(1);
    expect(pairwiseAgreement([1, 2, 3], [30, 20, 10])).toBe(0);
  });

  it('is null when the reference orders no pair', () => {
    expect(pairwiseAgreement([2, 2, 2], [1, 2, 3])).toBeNull();
    expect(pairwiseAgreement([], [])).toBeNull();
  });

  it('refuses raters of different lengths', () => {
    expect(() => pairwiseAgreement([1, 2], [1])).toThrow(RangeError);
  });
});

describe('spearman', () => {
  it('gives tied values the mean of their ranks', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
  });

  it('matches a hand computation with ties', () => {
    // x ranks [1, 2.5, 2.5, 4], y ranks [1, 3, 2, 4], both with mean 2.5.
    // Σdxdy = 2.25 + 0 + 0 + 2.25 = 4.5; Σdx² = 4.5; Σdy² = 2.25 + 0.25 + 0.25 + 2.25 = 5.
    // rho = 4.5 / sqrt(4.5 * 5) = sqrt(0.9) = 0.948683...
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(Math.sqrt(0.9), 12);
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(0.948683, 6);
  });

  it('is 1 and -1 for the same and the reversed order, whatever the scale', () => {
    expect(spearman([1, 2, 3, 4], [5, 50, 500, 5000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1, 12);
  });

  it('is null without variation or with fewer than two items', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1], [2])).toBeNull();
  });
});

describe('quadraticKappa', () => {
  it("equals Cohen's kappa on two categories: the textbook 50-application example gives 0.4", () => {
    // Wikipedia, "Cohen's kappa", first example: both yes 20, A yes B no 5, A no B yes 10, both no 15.
    // po = 35/50 = 0.7, pe = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    const a = [...Array(20).fill(2), ...Array(5).fill(2), ...Array(10).fill(1), ...Array(15).fill(1)];
    const b = [...Array(20).fill(2), ...Array(5).fill(1), ...Array(10).fill(2), ...Array(15).fill(1)];
    expect(quadraticKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  it('matches a hand computation on three categories', () => {
    // A = [1,1,2,2,3,3], B = [1,2,2,3,3,3]. Observed Σ(i-j)² = 2 (two off-by-one).
    // Margins A (2,2,2), B (1,2,3); expected Σ(i-j)² a_i b_j / n = (4+24+2+6+8+4) / 6 = 8.
    // kappa = 1 - 2/8 = 0.75.
    expect(quadraticKappa([1, 1, 2, 2, 3, 3], [1, 2, 2, 3, 3, 3])).toBeCloseTo(0.75, 12);
  });

  it('is 1 for identical ratings and -1 for the full reversal of a uniform spread', () => {
    expect(quadraticKappa([1, 2, 3, 4], [1, 2, 3, 4])).toBe(1);
    // Observed Σ = 9+1+1+9 = 20; expected = (1/4) Σ over all 16 cells (i-j)² = 40/4 = 10; 1 - 20/10 = -1.
    expect(quadraticKappa([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('is null when both raters use one category, and refuses values outside 1..k', () => {
    expect(quadraticKappa([3, 3], [3, 3])).toBeNull();
    expect(() => quadraticKappa([0, 2], [1, 2])).toThrow(/not a category/);
    expect(() => quadraticKappa([1.5, 2], [1, 2])).toThrow(/not a category/);
  });
});

describe('confusion', () => {
  it('counts every pair and lists empty rows and columns as zero', () => {
    expect(confusion(['a', 'a', 'b'], ['x', 'y', 'y'], ['a', 'b', 'c'], ['x', 'y'])).toEqual({
      a: { x: 1, y: 1 },
      b: { x: 0, y: 1 },
      c: { x: 0, y: 0 },
    });
  });
});
