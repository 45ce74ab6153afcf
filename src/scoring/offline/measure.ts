import type { AnalyzedText, Sentence } from './text.js';

/** What a criterion measurement yields before it is named and packaged. */
export interface Measurement {
  score: 1 | 2 | 3 | 4;
  evidence: string[];
  feedback: string;
}

/** Maps a value onto 1-4 by the thresholds for reaching 2, 3 and 4. */
export function band(value: number, [two, three, four]: readonly [number, number, number]): 1 | 2 | 3 | 4 {
  return value >= four ? 4 : value >= three ? 3 : value >= two ? 2 : 1;
}

export function cap(score: 1 | 2 | 3 | 4, max: number): 1 | 2 | 3 | 4 {
  return Math.min(score, max) as 1 | 2 | 3 | 4;
}

/** Sentences that explain (long enough, with the glue words of real prose) rather than list. */
export function isExplanatory(sentence: Sentence): boolean {
  return sentence.words.length >= 7 && sentence.glue / sentence.words.length >= 0.18;
}

export type Scope = 0 | 1 | 2 | 3;

const SCOPE_CUES: [Scope, RegExp][] = [
  [
    3,
    /\b(organi[sz]ation(-wide|al)?|org-wide|company(-wide)?|across the (org|company|business)|vps?|directors?|executives?|leadership team|hundreds of engineers|business units?|every team|all teams|industry|senior leadership|s-team)\b/,
  ],
  [
    2,
    /\b(teams|cross-team|cross-functional|partner teams?|other teams?|sister teams?|(two|three|four|five|several|multiple|\d+) teams|across teams|dependent teams?|stakeholders)\b/,
  ],
  [1, /\b(my team|the team|our team|team)\b/],
];

/** The widest scope the answer talks about: 1 team, 2 several teams, 3 organisation or company. */
export function detectScope(text: AnalyzedText): Scope {
  for (const [scope, pattern] of SCOPE_CUES) if (pattern.test(text.padded)) return scope;
  return 0;
}

export const SCOPE_NAMES = ['no stated scope', 'one team', 'several teams', 'the organisation'] as const;
