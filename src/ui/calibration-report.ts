import type { CalibrationReport, ScorerComparison } from '../scoring/calibration.js';
import { table } from './text.js';

const figure = (x: number | null) => (x === null ? '-' : x.toFixed(3));

/** The confusion table with short headings; zero cells dotted so the diagonal stands out. */
function confusionTable(counts: Record<string, Record<string, number>>): string {
  const short: Record<string, string> = {
    'strong-no-hire': 'SNH',
    'no-hire': 'NH',
    hire: 'H',
    'strong-hire': 'SH',
    insufficient: 'insuff.',
  };
  const rows = Object.keys(counts);
  const columns = Object.keys(counts[rows[0]!] ?? {});
  return table(
    ['', ...columns.map((c) => short[c] ?? c)],
    rows.map((r) => [
      `  ${r}`,
      ...columns.map((c) => (counts[r]![c] ? String(counts[r]![c]) : '.').padStart((short[c] ?? c).length)),
    ]),
  );
}

const LEGEND = [
  'Pairwise agreement: of the pairs the labels put in order, the share the scorer orders the same way',
  '  (a tie counts half; 0.5 is chance, 1 perfect). Spearman: rank correlation with the labels, -1 to 1',
  '  (0 is none). Quadratic kappa: agreement on the four levels beyond chance (1 perfect, 0 chance; a',
  '  miss by two levels costs four times a miss by one). Word count: the same order figures for the',
  "  answers' lengths alone, the baseline a scorer has to beat. '-': not defined for this set.",
];

/** The human report of `coach calibrate`: figures per scorer beside the word-count baseline, verdicts, legend. */
export function renderCalibration(
  file: string,
  reports: readonly CalibrationReport[],
  comparison: ScorerComparison | undefined,
): string {
  const out: string[] = [];
  const n = reports[0]!.n;
  out.push(
    `Calibration of the ${reports.map((r) => r.scorer).join(' and ')} scorer${reports.length > 1 ? 's' : ''} against ${n} labelled answer${n === 1 ? '' : 's'} in ${file}`,
    '',
  );
  const base = reports[0]!.baseline;
  out.push(
    table(
      ['', ...reports.map((r) => r.scorer), 'word count'],
      [
        [
          'Pairwise agreement',
          ...reports.map((r) => figure(r.pairwiseAgreement)),
          figure(base.pairwiseAgreement),
        ],
        ['Spearman', ...reports.map((r) => figure(r.spearman)), figure(base.spearman)],
        ['Quadratic kappa', ...reports.map((r) => figure(r.quadraticKappa)), '-'],
      ],
    ),
  );
  for (const r of reports) {
    out.push(`Verdicts of the ${r.scorer} scorer (rows: the label; columns: the scorer)`);
    out.push(confusionTable(r.confusion));
    if (r.criteria?.length) {
      out.push(`Per labelled criterion, ${r.scorer} scorer`);
      out.push(
        table(
          ['  criterion', 'n', 'Spearman', 'kappa'],
          r.criteria.map((c) => [
            `  ${c.criterion}`,
            String(c.n),
            figure(c.spearman),
            figure(c.quadraticKappa),
          ]),
        ),
      );
    }
    if (r.fallbacks > 0)
      out.push(
        `Warning: ${r.fallbacks} of ${r.n} answers fell back to the offline scorer; the ${r.scorer} figures include those offline scores.\n`,
      );
  }
  if (comparison) {
    const [a, b] = comparison.scorers;
    out.push(
      `${a} against ${b}: pairwise agreement ${figure(comparison.pairwiseAgreement)}, Spearman ${figure(comparison.spearman)}, quadratic kappa ${figure(comparison.quadraticKappa)}`,
      `Verdicts (rows: ${a}; columns: ${b})`,
      confusionTable(comparison.confusion),
    );
  }
  out.push(...LEGEND, '');
  return out.join('\n');
}
