import { VERDICTS, type Verdict } from '../scoring/result.js';
import type { Band } from './svg-chart.js';

/**
 * The verdict bands drawn behind the score trend: the quartiles of the 0-100 overall that
 * `verdictFor` (src/scoring/result.ts) turns into verdicts. A test checks the two agree.
 */
export const VERDICT_BANDS: readonly Band[] = VERDICTS.map((verdict, i) => ({
  from: i * 25,
  to: (i + 1) * 25,
  label: verdictLabel(verdict),
  key: verdict,
}));

export function verdictLabel(verdict: Verdict): string {
  return verdict.replace(/-/g, ' ');
}
