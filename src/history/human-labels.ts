import type { BankQuestion } from '../banks/registry.js';
import type { Level, Rubric } from '../schema/index.js';
import type { LabelledAnswer } from '../scoring/calibration.js';
import { VERDICTS } from '../scoring/result.js';
import type { ScoreInput } from '../scoring/scorer.js';
import { type Attempt, scoredAttempts } from './attempt.js';

/** The answers people scored in history, as a calibration set: what to score, and the person's labels. */
export interface HumanLabelledSet {
  inputs: ScoreInput[];
  labelled: LabelledAnswer[];
  /** Human-scored attempts left out because there is no answer text to score (no transcript was given). */
  withoutTranscript: number;
  /** Left out because their question or rubric is no longer in the banks. */
  unknownQuestion: number;
}

/**
 * Attempts a person scored (`coach interview --peer --transcript FILE`) turned into labelled answers,
 * so `coach calibrate --from-history` measures a scorer against people's judgements with the figures
 * it computes for a calibration file. The label is the person's verdict (the quartile of the overall
 * their levels give), the criterion labels their levels; answers are scored as spoken (a transcript).
 */
export function humanLabelledSet(
  attempts: readonly Attempt[],
  questions: readonly BankQuestion[],
  rubrics: ReadonlyMap<string, Rubric>,
): HumanLabelledSet {
  const set: HumanLabelledSet = { inputs: [], labelled: [], withoutTranscript: 0, unknownQuestion: 0 };
  for (const a of scoredAttempts(attempts)) {
    if (a.scorer !== 'human' || a.verdict === 'insufficient') continue;
    if (!a.answer.trim()) {
      set.withoutTranscript++;
      continue;
    }
    const question = questions.find((q) => q.id === a.questionId);
    const rubric = rubrics.get(a.rubric);
    if (!question || !rubric) {
      set.unknownQuestion++;
      continue;
    }
    set.inputs.push({
      rubric,
      question,
      prompt: question.prompt,
      answer: a.answer,
      ...(a.level ? { level: a.level as Level } : {}),
      mode: 'spoken',
    });
    const criteria = Object.fromEntries(
      a.criteria.flatMap((c) => (c.score === null ? [] : [[c.id, c.score] as const])),
    );
    set.labelled.push({
      label: VERDICTS.indexOf(a.verdict) + 1,
      criteria,
      answer: a.answer,
      rubric: rubric.id,
    });
  }
  return set;
}
