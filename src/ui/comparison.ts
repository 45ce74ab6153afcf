import type { ChalkInstance } from 'chalk';
import { verdictLabel } from '../report/bands.js';
import type { ComparisonDetail } from '../report/compare.js';
import { judgeOf } from '../report/model.js';
import { stripControl } from './sanitize.js';
import { table } from './text.js';

/**
 * `coach compare` for a person: the two attempts with their judges, the criteria side by side with
 * the change, the evidence that appeared and disappeared, and the answer diffed word by word.
 */
export function renderComparison(
  detail: ComparisonDetail,
  before: Parameters<typeof judgeOf>[0] & { date: string },
  after: Parameters<typeof judgeOf>[0] & { date: string },
  names: ReadonlyMap<string, string>,
  c: ChalkInstance,
  width: number | undefined,
): string {
  const { comparison: cmp } = detail;
  const score = (s: { overall: number | null; verdict: Parameters<typeof verdictLabel>[0] }) =>
    s.overall === null ? 'unscored' : `${s.overall}/100 ${verdictLabel(s.verdict)}`;
  const signed = (d: number | null) =>
    d === null ? '-' : d > 0 ? c.green(`+${d}`) : d < 0 ? c.red(String(d)) : c.dim('0');
  const overallDelta =
    cmp.before.overall === null || cmp.after.overall === null ? null : cmp.after.overall - cmp.before.overall;
  const out = [
    `${c.bold('Question')} ${cmp.question ?? `an own prompt (${detail.rubric} rubric)`}`,
    `${c.bold('Before')}   ${stripControl(cmp.before.id)}  ${before.date}  ${score(cmp.before)}  ${c.dim(judgeOf(before))}`,
    `${c.bold('After')}    ${stripControl(cmp.after.id)}  ${after.date}  ${score(cmp.after)}  ${c.dim(judgeOf(after))}`,
    '',
    table(
      ['CRITERION', 'BEFORE', 'AFTER', 'CHANGE'].map((h) => c.dim(h)),
      [
        ...cmp.criteria.map((k) => [
          names.get(k.id) ?? k.id,
          k.before === null ? '-' : `${k.before}/4`,
          k.after === null ? '-' : `${k.after}/4`,
          signed(k.delta),
        ]),
        [
          c.bold('Overall'),
          cmp.before.overall === null ? '-' : String(cmp.before.overall),
          cmp.after.overall === null ? '-' : String(cmp.after.overall),
          signed(overallDelta),
        ],
      ],
      width,
    ).trimEnd(),
    '',
    c.bold('Evidence'),
  ];
  if (!detail.evidenceRecorded) {
    out.push(c.dim('  not recorded for one or both attempts (history keeps it from this version on)'));
  } else if (detail.evidence.length === 0) {
    out.push(c.dim('  the same quotes as evidence in both'));
  }
  for (const e of detail.evidence) {
    out.push(`  ${names.get(e.criterion) ?? e.criterion}`);
    for (const q of e.appeared) out.push(`    ${c.green('+')} "${stripControl(q)}"`);
    for (const q of e.disappeared) out.push(`    ${c.red('-')} "${stripControl(q)}"`);
  }
  const plain = c.level === 0;
  out.push(
    '',
    `${c.bold('Answer, word by word')} ${c.dim(plain ? '([-removed-] {+added+})' : '(removed in red, added in green)')}`,
    // Answers are user text: no escape sequence in one may colour or drive the terminal.
    detail.diff
      .map((part) => ({ ...part, text: stripControl(part.text) }))
      .map((p) =>
        p.kind === 'same'
          ? p.text
          : p.kind === 'removed'
            ? plain
              ? `[-${p.text.trimEnd()}-]${p.text.slice(p.text.trimEnd().length)}`
              : c.red.strikethrough(p.text)
            : plain
              ? `{+${p.text.trimEnd()}+}${p.text.slice(p.text.trimEnd().length)}`
              : c.green(p.text),
      )
      .join(''),
  );
  return `${out.join('\n').trimEnd()}\n`;
}
