import type { BankQuestion } from '../banks/registry.js';
import type { FollowUpKind, Rubric } from '../schema/index.js';
import { focusRubric, judgedOn } from '../scoring/focus.js';
import { inInterviewOrder } from './plan.js';

/**
 * What a human interviewer needs in front of them for one question (`coach interview --peer`): the
 * question, its probes in the order to ask them, the criteria they will judge with the four level
 * descriptors of each, and what a strong answer shows and a weak one falls into. Pure data: the
 * screen renders it and `--json` prints it as it is.
 */
export interface InterviewerSheet {
  question: {
    id: string;
    bank: string;
    category: string;
    prompt: string;
    levels: string[];
    principles: string[];
    tenets: string[];
    /** The time the candidate has for the main answer (the question's limit, a round's share, or --time). */
    timeLimitSeconds: number;
  };
  /** Every follow-up of the question, in interview order; `kind` null for a plain-text one. */
  probes: { kind: FollowUpKind | null; prompt: string }[];
  rubric: {
    id: string;
    name: string;
    /** Set for a focused question: the only criteria judged, their weights renormalised. */
    focusCriteria: string[] | null;
    criteria: {
      id: string;
      name: string;
      /** Share of the overall (renormalised for a focused question). */
      weight: number;
      description: string;
      levels: { 1: string; 2: string; 3: string; 4: string };
    }[];
  };
  signals: string[];
  pitfalls: string[];
}

export function interviewerSheet(
  question: BankQuestion,
  rubric: Rubric,
  timeLimitSeconds = question.timeLimitSeconds,
): InterviewerSheet {
  // The person judges exactly the criteria every scorer would: a focused question's only.
  const judged = focusRubric(rubric, question);
  return {
    question: {
      id: question.id,
      bank: question.bank,
      category: question.category,
      prompt: question.prompt,
      levels: [...question.levels],
      principles: [...question.principles],
      tenets: [...(question.tenets ?? [])],
      timeLimitSeconds,
    },
    probes: inInterviewOrder(question.followUps).map((f) => ({ kind: f.kind ?? null, prompt: f.prompt })),
    rubric: {
      id: rubric.id,
      name: rubric.name,
      focusCriteria: judgedOn(rubric, judged) ?? null,
      criteria: judged.criteria.map((c) => ({
        id: c.id,
        name: c.name,
        weight: Math.round(c.weight * 1000) / 1000,
        description: c.description,
        levels: { 1: c.levels[1], 2: c.levels[2], 3: c.levels[3], 4: c.levels[4] },
      })),
    },
    signals: [...question.signals],
    pitfalls: [...(question.pitfalls ?? [])],
  };
}
