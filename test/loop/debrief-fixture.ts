import type { QuestionOutcome, RoundOutcome } from '../../src/loop/debrief.js';
import type { LoopPlan } from '../../src/loop/plan.js';
import type { ScoreResult } from '../../src/scoring/result.js';

/**
 * A loop and its answers written out by hand for the debrief tests: literal ScoreResults whose
 * evidence quotes are copied from the answers (one, on purpose, is not).
 */

/** A three-round loop written out: two stories, one design, two stories for the bar raiser. */
export const plan: LoopPlan = {
  level: 'L6',
  seed: 9,
  job: null,
  rounds: [
    {
      id: 'r1',
      kind: 'behavioral',
      interviewer: 'Hiring manager',
      principles: ['ownership', 'dive-deep'],
      questions: ['bhv-ownership-outside-your-area', 'bhv-dive-deep-due-diligence'],
      minutes: 10,
    },
    {
      id: 'r2',
      kind: 'system-design',
      interviewer: 'Senior engineer',
      principles: [],
      questions: ['sd-photo-library-backend'],
      minutes: 40,
    },
    {
      id: 'r3',
      kind: 'bar-raiser',
      interviewer: 'Bar raiser',
      principles: ['earn-trust', 'think-big'],
      questions: ['bhv-trust-skeptical-partner-team', 'bhv-think-big-team-ambition'],
      minutes: 10,
    },
  ],
};

export const STORY = {
  'bhv-ownership-outside-your-area':
    'Last year our billing exports failed every night. I took it on although it was not my team. I rewrote the retry logic and cut failures from 40 a week to 2.',
  'bhv-dive-deep-due-diligence':
    'In 2023 a vendor claimed 99.99% uptime. I pulled their status history myself and found three outages they had not reported. We chose another vendor.',
  'sd-photo-library-backend':
    'First the requirements: uploads, albums, sharing. Then a rough estimate of 2 billion photos. We store originals in object storage. Not sure about caching.',
  'bhv-trust-skeptical-partner-team':
    'A partner team stopped trusting our API after an outage. I met their lead every week and shared our incident reviews. They moved back to our API in 3 months.',
  'bhv-think-big-team-ambition': 'We did some stuff with the team and it was fine I think.',
} as const;
export type Asked = keyof typeof STORY;

/**
 * A literal score as a scorer returns it, with the criteria given as [id, name, score, quote]; the
 * quote is copied from the answer (or, to test the guard, not).
 */
export function score(
  questionId: Asked,
  overall: number,
  verdict: ScoreResult['verdict'],
  criteria: [string, string, number, string][],
  judge: Pick<ScoreResult, 'scorer' | 'model' | 'promptVersion'> = {
    scorer: 'offline',
    model: null,
    promptVersion: 'offline-1',
  },
): ScoreResult {
  return {
    questionId,
    rubric: questionId.startsWith('sd-') ? 'system-design' : 'star',
    ...judge,
    rubricVersion: 'abc1234567',
    level: 'L6',
    overall,
    verdict,
    criteria: criteria.map(([id, name, s, quote]) => ({
      id,
      name,
      score: s,
      max: 4,
      evidence: quote ? [quote] : [],
      feedback: `${name} feedback`,
    })),
    suggestions: [],
    warnings: [],
  };
}

export const strongOwnership = score('bhv-ownership-outside-your-area', 88, 'strong-hire', [
  ['ownership', 'Ownership', 4, 'I took it on although it was not my team.'],
  ['results', 'Results and quantified impact', 4, 'cut failures from 40 a week to 2'],
  ['reflection', 'Reflection and learning', 3, ''],
  ['structure', 'Structure', 2, 'Last year our billing exports failed every night.'],
]);
export const strongDive = score('bhv-dive-deep-due-diligence', 80, 'strong-hire', [
  ['specificity', 'Specificity and depth of actions', 4, 'I pulled their status history myself'],
  ['results', 'Results and quantified impact', 3, 'We chose another vendor.'],
  ['reflection', 'Reflection and learning', 2, ''],
]);
export const weakDesign = score('sd-photo-library-backend', 30, 'no-hire', [
  ['requirements', 'Requirements and clarification', 3, 'First the requirements: uploads, albums, sharing.'],
  ['latency', 'Latency', 1, 'Not sure about caching.'],
  ['trade-offs', 'Trade-offs', 1, ''],
]);
export const goodTrust = score('bhv-trust-skeptical-partner-team', 70, 'hire', [
  ['ownership', 'Ownership', 3, 'I met their lead every week'],
  ['results', 'Results and quantified impact', 3, 'They moved back to our API in 3 months.'],
  ['reflection', 'Reflection and learning', 2, ''],
]);
export const weakBig = (overall: number, verdict: ScoreResult['verdict']) =>
  score('bhv-think-big-team-ambition', overall, verdict, [
    ['results', 'Results and quantified impact', 1, 'it was fine I think'],
    ['specificity', 'Specificity and depth of actions', 1, 'We did some stuff with the team'],
    // An invented quote (not in the answer): never shown as evidence.
    ['principle-alignment', 'Alignment with the Leadership Principle', 2, 'I set a bold ten-year vision'],
  ]);

export function asked(id: Asked, result: ScoreResult | null, secondExample?: string): QuestionOutcome {
  return {
    questionId: id,
    answers: [
      { prompt: `prompt of ${id}`, text: STORY[id] },
      ...(secondExample !== undefined
        ? [{ prompt: 'Give me another example.', kind: 'second-example' as const, text: secondExample }]
        : []),
    ],
    score: result,
  };
}

export function outcomes(
  r1: QuestionOutcome[],
  r2: QuestionOutcome[],
  r3: QuestionOutcome[],
): RoundOutcome[] {
  return [
    { roundId: 'r1', questions: r1 },
    { roundId: 'r2', questions: r2 },
    { roundId: 'r3', questions: r3 },
  ];
}

export const strongR1 = [
  asked('bhv-ownership-outside-your-area', strongOwnership),
  asked('bhv-dive-deep-due-diligence', strongDive),
];

/**
 * The loop most tests read: the strong first round, the weak design round, and for the bar raiser a
 * good Earn Trust story and a Think Big story scored `big` (each with a second example when given).
 */
export function typicalLoop(big: ScoreResult, secondExamples?: [string, string]): RoundOutcome[] {
  return outcomes(
    strongR1,
    [asked('sd-photo-library-backend', weakDesign)],
    [
      asked('bhv-trust-skeptical-partner-team', goodTrust, secondExamples?.[0]),
      asked('bhv-think-big-team-ambition', big, secondExamples?.[1]),
    ],
  );
}
