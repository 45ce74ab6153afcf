import type { ChalkInstance } from 'chalk';
import { SCORED_BY_A_PERSON } from '../scoring/human.js';
import type { ScoreResult, Verdict } from '../scoring/result.js';
import { fitWidth, visibleLength, wrap } from './text.js';

export const VERDICT_LABEL: Record<Verdict, string> = {
  'strong-hire': 'strong hire',
  hire: 'hire',
  'no-hire': 'no hire',
  'strong-no-hire': 'strong no hire',
  insufficient: 'insufficient',
};

export function verdictText(result: Pick<ScoreResult, 'verdict'>, color: ChalkInstance): string {
  const label = VERDICT_LABEL[result.verdict];
  switch (result.verdict) {
    case 'strong-hire':
    case 'hire':
      return color.green(label);
    case 'no-hire':
      return color.yellow(label);
    default:
      return color.red(label);
  }
}

export function bar(score: number | null, max: number, color: ChalkInstance): string {
  if (score === null) return color.dim('·'.repeat(max));
  const paint = score >= 3 ? color.green : score === 2 ? color.yellow : color.red;
  return paint('█'.repeat(score)) + color.dim('░'.repeat(max - score));
}

/** The human report of one score: criteria with bars, verdict, evidence, top suggestions, warnings. */
export function renderScore(result: ScoreResult, color: ChalkInstance, width = 88): string {
  const lines: string[] = [];
  const overall = result.overall === null ? '  -/100' : `${String(result.overall).padStart(3)}/100`;
  const meta = [
    result.scorer === 'human' ? SCORED_BY_A_PERSON : `${result.scorer} scorer`,
    `rubric ${result.rubric}`,
    ...(result.level ? [`level ${result.level}`] : []),
  ];
  lines.push(
    `${color.bold('Score')} ${color.bold(overall)}  ${verdictText(result, color)}  ${color.dim(`(${meta.join(', ')})`)}`,
  );
  // Says where the number came from when a focused question was judged on part of its rubric.
  if (result.focusCriteria) {
    lines.push(
      color.dim(
        wrap(
          `Focused question: judged on ${result.focusCriteria.join(', ')} only, their weights renormalised to sum to 1.`,
          width,
        ),
      ),
    );
  }
  lines.push('');
  const nameWidth = Math.min(34, Math.max(...result.criteria.map((c) => visibleLength(c.name))));
  // An insufficient answer has no per-criterion scores; one line says so instead of a column of dashes.
  const criteria = result.verdict === 'insufficient' ? [] : result.criteria;
  for (const c of criteria) {
    const score = c.score === null ? '-' : String(c.score);
    const head = `${fitWidth(c.name, nameWidth)}  ${bar(c.score, c.max, color)} ${score}/${c.max}`;
    // Feedback goes beside the bar when it fits, else wrapped beneath it: never cut, it is the advice.
    const room = width - nameWidth - 12;
    if (visibleLength(c.feedback) <= room) lines.push(`${head}  ${color.dim(c.feedback)}`);
    else lines.push(head, color.dim(wrap(c.feedback, width, '    ')));
  }
  const evidence = result.criteria.filter((c) => c.evidence.length > 0);
  if (evidence.length > 0) {
    lines.push('', color.bold('Evidence'));
    for (const c of evidence) lines.push(wrap(`${c.name}: "${c.evidence[0]}"`, width, '  '));
  }
  if (result.suggestions.length > 0) {
    lines.push('', color.bold('Top suggestions'));
    result.suggestions.slice(0, 3).forEach((s, i) => {
      lines.push(wrap(s, width, '     ').replace(/^ {5}/, `  ${i + 1}. `));
    });
  }
  if (result.note) lines.push('', color.bold('Interviewer’s note'), wrap(result.note, width, '  '));
  if (result.warnings.length > 0) {
    lines.push('', color.bold('Warnings'));
    for (const w of result.warnings)
      lines.push(wrap(w, width, '    ').replace(/^ {4}/, `  ${color.yellow('!')} `));
  }
  const audit: string[] = [];
  if (result.usage)
    audit.push(
      `tokens: ${result.usage.inputTokens} in, ${result.usage.outputTokens} out; about $${result.usage.costUsd.toFixed(4)}`,
    );
  // What produced the score, to compare it only with scores of the same versions (results from before
  // versions were recorded have none).
  if (result.scorer === 'human')
    audit.push(
      `${SCORED_BY_A_PERSON}: overall from their levels and the rubric's weights, rubric ${result.rubricVersion}`,
    );
  else if (result.promptVersion)
    audit.push(
      `judged by ${[result.scorer, result.model].filter(Boolean).join(' ')}, prompt ${result.promptVersion}, rubric ${result.rubricVersion}`,
    );
  if (audit.length > 0) lines.push('', ...audit.map((a) => color.dim(a)));
  return `${lines.join('\n')}\n`;
}
