import type { ChalkInstance } from 'chalk';
import { ROUND_KIND_LABELS } from '../loop/plan.js';
import { findPrinciple } from '../schema/principles.js';
import type { RoundPosition } from '../session/loop.js';
import { stripControl } from './sanitize.js';
import { formatDuration, wrap } from './text.js';

/**
 * The lines that open a round of a loop: which round, who interviews, the kind of round, its budget,
 * and the principles this interviewer owns. Shown before the round's first question, and again
 * when `coach resume` comes back into the middle of a round.
 */
export function roundBanner(
  position: RoundPosition,
  color: ChalkInstance,
  width: number,
  resumed = false,
): string {
  const { round } = position;
  const questions = round.questions.length;
  // The plan file may be hand-edited (peer mode reads it back): its text is not trusted on screen.
  const meta = [
    ROUND_KIND_LABELS[round.kind],
    `${questions} question${questions === 1 ? '' : 's'}`,
    `main answers ${formatDuration(Math.round(round.minutes * 60))}, probes extra`,
    ...(resumed ? [`resumed at question ${position.question}`] : []),
  ];
  const principles = round.principles.map((p) => stripControl(findPrinciple(p)?.name ?? p));
  const rule = color.dim('─'.repeat(Math.min(width, 60)));
  return [
    '',
    rule,
    `${color.bold(`Round ${position.number} of ${position.of}: ${stripControl(round.interviewer)}`)}  ${color.dim(meta.join(' · '))}`,
    ...(principles.length ? [wrap(`Principles: ${principles.join(', ')}`, width)] : []),
    rule,
    '',
  ].join('\n');
}
