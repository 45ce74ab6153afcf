/**
 * Agreement statistics between two raters of the same answers (a person's labels and a scorer, or two
 * scorers). Pure functions over plain numbers: no I/O, no knowledge of rubrics. Each returns null when
 * the figure is undefined for its input (too few items, no variation), never NaN.
 */

/**
 * Of the pairs of items the reference rater puts in a strict order, the share the other rater orders
 * the same way; a tie in the other rater counts half (it neither agrees nor disagrees). Pairs the
 * reference ties are left out: there is no order to agree with. Null when no pair is ordered.
 */
export function pairwiseAgreement(reference: readonly number[], other: readonly number[]): number | null {
  sameLength(reference, other);
  let pairs = 0;
  let agreed = 0;
  for (let i = 0; i < reference.length; i++) {
    for (let j = i + 1; j < reference.length; j++) {
      const want = Math.sign(reference[i]! - reference[j]!);
      if (want === 0) continue;
      pairs++;
      const got = Math.sign(other[i]! - other[j]!);
      if (got === want) agreed += 1;
      else if (got === 0) agreed += 0.5;
    }
  }
  return pairs === 0 ? null : agreed / pairs;
}

/**
 * 1-based ranks, tied values sharing the mean of the ranks they span (the usual "fractional" ranking).
 * @internal Exported for its worked-by-hand unit test; spearman is its only caller.
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Spearman's rank correlation with ties: Pearson's correlation of the average ranks (the textbook
 * 1 - 6Σd²/n(n²-1) shortcut is wrong with ties). Null with fewer than two items or when either rater
 * gives every item the same value.
 */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  sameLength(a, b);
  if (a.length < 2) return null;
  return pearson(averageRanks(a), averageRanks(b));
}

function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  return vx === 0 || vy === 0 ? null : cov / Math.sqrt(vx * vy);
}

/**
 * Cohen's kappa with quadratic weights over the ordered categories 1..k: 1 is perfect agreement, 0 is
 * what chance alone gives from the two raters' own distributions, negative is worse than chance. A
 * disagreement by two levels costs four times one by one level. Null when chance already explains
 * everything (both raters use a single category), where the ratio is 0/0.
 */
export function quadraticKappa(a: readonly number[], b: readonly number[], categories = 4): number | null {
  sameLength(a, b);
  const n = a.length;
  if (n === 0) return null;
  for (const v of [...a, ...b]) {
    if (!Number.isInteger(v) || v < 1 || v > categories)
      throw new RangeError(`quadraticKappa: ${v} is not a category 1..${categories}`);
  }
  const rowTotals = new Array<number>(categories).fill(0);
  const colTotals = new Array<number>(categories).fill(0);
  let observed = 0;
  for (let i = 0; i < n; i++) {
    rowTotals[a[i]! - 1]!++;
    colTotals[b[i]! - 1]!++;
    observed += (a[i]! - b[i]!) ** 2;
  }
  let expected = 0;
  for (let r = 0; r < categories; r++) {
    for (let c = 0; c < categories; c++) expected += (r - c) ** 2 * ((rowTotals[r]! * colTotals[c]!) / n);
  }
  // The (k-1)² normalisation of the weights cancels in the ratio, so it is left out.
  return expected === 0 ? null : 1 - observed / expected;
}

/** How often each pair of categories occurs: counts[row][column], every row and column present. */
export function confusion<R extends string, C extends string>(
  rows: readonly R[],
  columns: readonly C[],
  rowCategories: readonly R[],
  columnCategories: readonly C[],
): Record<R, Record<C, number>> {
  sameLength(rows, columns);
  const table = Object.fromEntries(
    rowCategories.map((r) => [r, Object.fromEntries(columnCategories.map((c) => [c, 0]))]),
  ) as Record<R, Record<C, number>>;
  for (let i = 0; i < rows.length; i++) table[rows[i]!][columns[i]!]++;
  return table;
}

function sameLength(a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) throw new RangeError(`rater lengths differ: ${a.length} and ${b.length}`);
}
