import { SCORE_MAX } from '../scoring/result.js';
import { type Debrief, type Evidence, type PracticeItem, type RoundVote, VOTE_LABEL } from './debrief.js';
import { ROUND_KIND_LABELS } from './plan.js';

/**
 * The debrief's sentences, written once for both of its renderers (the terminal's and the Markdown
 * transcript's): they differ in layout and escaping, never in what they say.
 */

const RECOMMENDATION_LABEL: Record<NonNullable<Debrief['recommendation']['decision']>, string> = {
  'strong-hire': 'Strong hire',
  hire: 'Hire',
  'no-hire': 'No hire',
};

/** "r2 System design, Senior engineer: no hire (mean overall 30/100 of 1 question(s))". */
export function roundHeadline(round: RoundVote): string {
  const vote = round.vote ? VOTE_LABEL[round.vote] : 'no vote';
  const reason = round.vote ? ` (${round.reason})` : '';
  return `${round.roundId} ${ROUND_KIND_LABELS[round.kind]}, ${round.interviewer}: ${vote}${reason}`;
}

/** Each question of a round with its score and who gave it: "sd-x 30/100 no-hire by offline (offline-1)". */
export function questionLines(round: RoundVote): string[] {
  return round.questions.map((q) =>
    q.judge === null
      ? `${q.questionId}: not scored`
      : `${q.questionId}: ${q.overall ?? '-'}/100 ${q.verdict}, by ${q.judge}`,
  );
}

/** A quote with what it was evidence for: `Ownership 4/4: "I took it on..."`; the quote is marked apart. */
export function evidenceParts(e: Evidence): { label: string; quote: string } {
  const label = e.criterion
    ? `${e.criterion} ${e.score ?? '-'}/${SCORE_MAX} (${e.questionId})`
    : `opening of the answer (${e.questionId})`;
  // An answer's line breaks would break the layout; the words are kept exactly.
  return { label, quote: e.quote.replace(/\s+/g, ' ').trim() };
}

export function recommendationLine(debrief: Debrief): string {
  const { decision, because, missing } = debrief.recommendation;
  const head = decision ? RECOMMENDATION_LABEL[decision] : 'No recommendation';
  const gaps = missing.length ? ` Not scored, so no vote: ${missing.join(', ')}.` : '';
  return `${head}: ${because}.${gaps}`;
}

export function practiceLine(item: PracticeItem): string {
  return `${item.focus}: ${item.reason}. Practise: ${item.questionIds.join(', ')}`;
}

/** Where every number came from. */
export function judgesLine(debrief: Debrief): string {
  return debrief.judges.length
    ? `Scores by ${debrief.judges.join('; ')}. Overall is the weighted mean of the rubric's 1-4 criterion levels on 0-100.`
    : 'Nothing was scored.';
}
