import type { Level, Question, Rubric } from '../schema/index.js';
import { focusRubric, judgedOn } from './focus.js';
import { overallScore, SCORE_MAX, type ScoreResult, verdictFor } from './result.js';
import { rubricVersion } from './versions.js';

/**
 * A person's judgement of an answer, as an interviewer enters it in `coach interview --peer`: a level
 * 1-4 for each criterion judged, an optional note on each, and an optional overall note.
 */
export interface HumanJudgement {
  /** Criterion id to level 1 (strong no hire) .. 4 (strong hire). */
  levels: Readonly<Record<string, number>>;
  /** Criterion id to the interviewer's note on it (optional, empty notes are dropped). */
  notes?: Readonly<Record<string, string>>;
  note?: string;
}

/**
 * A person's levels as a ScoreResult, so history, stats and drills read it like any scorer's. The
 * overall and the verdict come from the same function the scorers use (the weighted mean of the
 * levels, a focused question's weights renormalised), never from the person directly. There is no
 * model and no prompt version: the number's provenance is "scored by a person".
 * Throws RangeError when a judged criterion has no level or a level is not 1-4: the screen asks
 * until it has one, so this is a programming error, not a user's.
 */
export function humanResult(
  input: { rubric: Rubric; question?: Pick<Question, 'id' | 'focusCriteria'>; level?: Level },
  judgement: HumanJudgement,
): ScoreResult {
  // The criteria judged are the question's focus, as for every scorer (src/scoring/focus.ts).
  const rubric = focusRubric(input.rubric, input.question);
  const criteria = rubric.criteria.map((c) => {
    const level = judgement.levels[c.id];
    if (level === undefined || !Number.isInteger(level) || level < 1 || level > SCORE_MAX)
      throw new RangeError(`criterion "${c.id}" needs a level from 1 to ${SCORE_MAX}, got ${level}`);
    return {
      id: c.id,
      name: c.name,
      score: level,
      max: SCORE_MAX,
      // A person quotes nothing from a transcript; their note is the feedback.
      evidence: [],
      feedback: judgement.notes?.[c.id]?.trim() ?? '',
    };
  });
  const overall = overallScore(criteria, rubric);
  const note = judgement.note?.trim();
  const judged = judgedOn(input.rubric, rubric);
  return {
    questionId: input.question?.id ?? null,
    rubric: input.rubric.id,
    scorer: 'human',
    model: null,
    promptVersion: null,
    rubricVersion: rubricVersion(rubric),
    level: input.level ?? null,
    overall,
    verdict: verdictFor(overall),
    criteria,
    ...(judged ? { focusCriteria: judged } : {}),
    // A person's notes are shown beside their criteria; they are not advice to rank, so none is made up.
    suggestions: [],
    warnings: [],
    ...(note ? { note } : {}),
  };
}

/** The provenance of a person's score, wherever its number is shown. */
export const SCORED_BY_A_PERSON = 'scored by a person';
