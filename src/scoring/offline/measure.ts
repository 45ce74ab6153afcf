import type { AnalyzedText, Sentence } from './text.js';

/** What a criterion measurement yields before it is named and packaged. */
export interface Measurement {
  score: 1 | 2 | 3 | 4;
  evidence: string[];
  /** What was found, in words that agree with the score. */
  feedback: string;
  /**
   * How to do better, true whatever the score: used alone when a guard or cap lowers the score below
   * what the measurement found, so the feedback never praises what the score beside it does not.
   */
  advice?: string;
}

/** Maps a value onto 1-4 by the thresholds for reaching 2, 3 and 4. */
export function band(value: number, [two, three, four]: readonly [number, number, number]): 1 | 2 | 3 | 4 {
  return value >= four ? 4 : value >= three ? 3 : value >= two ? 2 : 1;
}

export function cap(score: 1 | 2 | 3 | 4, max: number): 1 | 2 | 3 | 4 {
  return Math.min(score, max) as 1 | 2 | 3 | 4;
}

/**
 * Sentences that state a belief or a rule instead of telling what happened: "I always make sure...",
 * "in general the most important thing is...". A bar raiser hears these as padding; a principle named
 * in one is claimed, not shown.
 */
const GENERALISATION =
  /\b(in general|generally|i think the|i believe|most important|is important|is really key|always|everyone should|you should|you have to|supposed to|at the end of the day|the key is|the keys? to|the best way|one of the biggest|the main thing|it is hard to know)\b/;

export function isGeneralisation(s: Sentence): boolean {
  return GENERALISATION.test(s.lower);
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
  for (const [scope, pattern] of SCOPE_CUES) {
    if (pattern.test(text.padded)) return scope === 1 && namedTeams(text) >= 2 ? 2 : scope;
  }
  return 0;
}

const NAMED_TEAM = /\b([a-z][a-z-]+) team\b/g;
const NOT_A_NAME = new Set([
  'my',
  'our',
  'the',
  'a',
  'this',
  'that',
  'whole',
  'entire',
  'same',
  'new',
  'one',
  'your',
]);

/** Distinct teams named in the story ("the payments team", "the logistics team"): two is cross-team work. */
function namedTeams(text: AnalyzedText): number {
  const names = new Set<string>();
  for (const m of text.padded.matchAll(NAMED_TEAM)) if (!NOT_A_NAME.has(m[1]!)) names.add(m[1]!);
  return names.size;
}

export const SCOPE_NAMES = ['no stated scope', 'one team', 'several teams', 'the organisation'] as const;
