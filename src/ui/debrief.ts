import type { ChalkInstance } from 'chalk';
import { type Debrief, type Evidence, RECOMMENDATION_RULE, type Vote } from '../loop/debrief.js';
import {
  evidenceParts,
  judgesLine,
  practiceLine,
  questionLines,
  recommendationLine,
  roundHeadline,
} from '../loop/debrief-text.js';
import { stripControl } from './sanitize.js';
import { wrap } from './text.js';

/**
 * The debrief on the terminal at the end of a loop: the recommendation and its rule, each
 * interviewer's vote with the scores and quotes behind it, per principle the strongest and weakest
 * evidence, the bar raiser's summary, three things to practise, and the judges of every number.
 */
export function renderDebrief(debrief: Debrief, color: ChalkInstance, width: number): string {
  const text = (s: string, indent = '') => wrap(stripControl(s), width, indent);
  const decision = debrief.recommendation.decision;
  const paint = decision === 'no-hire' || decision === null ? color.red : color.green;
  const out = [
    color.bold('Debrief'),
    '',
    paint(color.bold(text(`Recommendation: ${recommendationLine(debrief)}`))),
    color.dim(text(`Rule: ${RECOMMENDATION_RULE}`)),
    '',
    color.bold('Votes'),
  ];
  for (const round of debrief.rounds) {
    out.push(votePaint(round.vote, color)(text(roundHeadline(round), '  ')));
    for (const line of questionLines(round)) out.push(color.dim(text(line, '    ')));
    for (const ev of round.evidence) out.push(text(quoteOf(ev), '    '));
  }
  if (debrief.principles.length) {
    out.push('', color.bold('Principles'));
    for (const p of debrief.principles) {
      out.push(
        text(
          `${p.name} (${p.roundId}, ${p.questionId}): ${p.overall === null ? 'not scored' : `${p.overall}/100`}`,
          '  ',
        ),
      );
      // Without the scorer's evidence (an answer too thin to judge), the opening is shown as said.
      if (p.strongest)
        out.push(text(`${p.strongest.criterion ? 'strongest' : 'said'}: ${quoteOf(p.strongest)}`, '    '));
      if (p.weakest) out.push(text(`weakest: ${quoteOf(p.weakest)}`, '    '));
    }
  }
  if (debrief.barRaiser)
    out.push('', color.bold("The bar raiser's summary"), text(debrief.barRaiser.summary, '  '));
  out.push('', color.bold('Practise next'));
  if (debrief.practice.length === 0) out.push(text('Nothing scored below hire.', '  '));
  out.push(...debrief.practice.map((item, i) => text(`${i + 1}. ${practiceLine(item)}`, '  ')));
  out.push('', color.dim(text(judgesLine(debrief))));
  return out.join('\n');
}

function quoteOf(ev: Evidence): string {
  const { label, quote } = evidenceParts(ev);
  return `${label}: "${quote}"`;
}

function votePaint(vote: Vote | null, color: ChalkInstance): (s: string) => string {
  if (vote === 'strong-hire' || vote === 'hire') return color.green;
  if (vote === 'no-hire') return color.yellow;
  return vote === null ? color.dim : color.red;
}
