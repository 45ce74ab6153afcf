import type { Level } from '../../schema/index.js';
import { band, cap, detectScope, type Measurement, SCOPE_NAMES, type Scope } from './measure.js';
import type { PhraseHits } from './phrases.js';
import { type AnalyzedText, numbersIn, quote, type Sentence } from './text.js';

/**
 * Reads a behavioral answer as a STAR story: each sentence is classified as situation, task,
 * action, result or reflection from its cue words, its grammar (who acts, are there numbers)
 * and its position; the criteria then read the parts.
 */

export type Part = 'situation' | 'task' | 'action' | 'result' | 'reflection';

export interface StarReading {
  parts: Part[];
  /** Words per part. */
  words: Record<Part, number>;
  /**
   * What the candidate would do rather than what they did: conditionals throughout and no past
   * action of their own. Interviewers ask for a real example and discount hypotheticals.
   */
  hypothetical: boolean;
}

/** Words that put a sentence in the conditional or the future: "I would", "I'd", "we'll". */
const CONDITIONAL = new Set(['would', "i'd", "we'd", 'will', "i'll", "we'll"]);

function isConditional(s: Sentence): boolean {
  return s.words.some((w) => CONDITIONAL.has(w));
}

const ACTION_VERBS = new Set(
  (
    'built wrote led designed proposed analyzed analysed met convinced decided created ran set negotiated implemented ' +
    'migrated drafted reviewed escalated measured instrumented interviewed prototyped benchmarked rolled shipped pushed ' +
    'organized organised scheduled paired mentored coached changed added removed rewrote traced profiled debugged automated ' +
    'introduced presented asked called gathered documented refactored split moved replaced hired trained aligned persuaded ' +
    'pitched identified investigated found fixed deployed launched tested validated modelled modeled estimated calculated ' +
    'compared prioritized prioritised cut reduced cancelled canceled delegated challenged disagreed committed agreed took owned ' +
    'volunteered started stopped spent worked sat walked showed explained shared sent opened filed established defined ' +
    'negotiated reran rebuilt wrote argued recommended requested reached brought framed mapped audited dug read checked ' +
    'pulled partnered interviewed surveyed tracked ran wrote killed paused dropped chose picked simplified consolidated'
  ).split(' '),
);

/**
 * Phrases that mark each part of a STAR story, matched as phrases (see phrases.ts: whole words in
 * order within a sentence, so "result" also finds "results" and "resulted").
 */
export const STAR_CUES: Record<Part, readonly string[]> = {
  situation: [
    'at the time',
    'back in',
    'context',
    'background',
    ...['working', 'leading', 'the', 'a', 'on'].map((w) => `i was ${w}`),
    'i joined',
    ...['team', 'company', 'product', 'service'].flatMap((w) => [`our ${w}`, `the ${w} was`, `the ${w} had`]),
    'there was',
    'we were',
    'we had',
    'had been',
  ],
  task: [
    ...['goal', 'job', 'task', 'role', 'responsibility'].map((w) => `my ${w}`),
    'goal was',
    'i needed to',
    'i had to',
    'needed to',
    'i was asked',
    'was asked to',
    'responsible for',
    'the challenge',
    'the problem was',
    'objective',
    'we had to',
    'the ask',
    'deadline',
    'i owned',
  ],
  action: [
    ...'decided proposed built wrote led designed started met asked convinced created ran pushed chose worked spent took'
      .split(' ')
      .map((w) => `i ${w}`),
    'i set up',
  ],
  result: [
    'as a result',
    'the result',
    'result',
    'outcome',
    'in the end',
    'ultimately',
    'eventually',
    ...['cut', 'reduced', 'increased', 'improved', 'saved'].map((w) => `which ${w}`),
    'went from',
    'down from',
    'up from',
    'dropped',
    'fell',
    'grew',
    'saved',
    'achieved',
    'impact',
    'launched on',
    'shipped',
    'on time',
    'adopted',
  ],
  reflection: [
    'i learned',
    'i learnt',
    'lesson',
    'in hindsight',
    'looking back',
    'next time',
    'differently',
    'since then',
    'taught me',
    'i realized',
    'i realised',
    'takeaway',
    'i still',
    'what i would',
    'would have',
    'retrospect',
  ],
};

const PARTS = Object.keys(STAR_CUES) as Part[];

/** Filler words a listener notices, counted by measureConcision. */
export const FILLERS = [
  'basically',
  'actually',
  'kind of',
  'sort of',
  'you know',
  'literally',
  'honestly',
  'um',
  'uh',
  'stuff',
  'things like that',
];

/** "In 2019": a year sets the scene. */
function mentionsYear(s: Sentence): boolean {
  for (let k = 0; k + 1 < s.words.length; k++) {
    if (s.words[k] === 'in' && /^(19|20)\d\d$/.test(s.words[k + 1]!)) return true;
  }
  return false;
}

function firstPersonActs(s: Sentence): boolean {
  const i = s.words.indexOf('i');
  return i >= 0 && s.words.slice(i + 1, i + 4).some((w) => ACTION_VERBS.has(w));
}

function teamActs(s: Sentence): boolean {
  const we = s.words.indexOf('we');
  return we >= 0 && s.words.slice(we + 1, we + 4).some((w) => ACTION_VERBS.has(w));
}

/** Reads the parts of a story. The phrase hits must come from an index holding STAR_CUES. */
export function readStar(text: AnalyzedText, hits: PhraseHits): StarReading {
  const n = text.sentences.length;
  const cued = {} as Record<Part, Set<number>>;
  for (const part of PARTS) cued[part] = hits.sentencesWithAny(STAR_CUES[part]);
  let pastActions = 0;
  const parts = text.sentences.map((s, index): Part => {
    const rel = n > 1 ? index / (n - 1) : 0.5;
    const numbers = s.numbers;
    const iActed = firstPersonActs(s);
    const weActed = teamActs(s);
    if (iActed || weActed) pastActions++;
    const score: Record<Part, number> = {
      situation: (cued.situation.has(index) || mentionsYear(s) ? 1 : 0) + (rel < 0.25 ? 0.6 : 0),
      task: (cued.task.has(index) ? 1.2 : 0) + (rel < 0.35 ? 0.3 : 0),
      action:
        (cued.action.has(index) ? 1 : 0) +
        (iActed ? 1 : 0) +
        (weActed ? 0.8 : 0) +
        (rel > 0.15 && rel < 0.85 ? 0.4 : 0),
      result:
        (cued.result.has(index) ? 1.2 : 0) + (numbers > 0 && rel > 0.4 ? 0.5 : 0) + (rel > 0.65 ? 0.4 : 0),
      reflection: (cued.reflection.has(index) ? 2 : 0) + (rel > 0.75 ? 0.2 : 0),
    };
    let best: Part = 'action';
    for (const part of PARTS) if (score[part] > score[best]) best = part;
    return best;
  });
  const words: Record<Part, number> = { situation: 0, task: 0, action: 0, result: 0, reflection: 0 };
  text.sentences.forEach((s, i) => {
    words[parts[i]!] += s.words.length;
  });
  const conditional = text.sentences.filter(isConditional).length;
  const hypothetical = conditional >= 2 && conditional >= 0.4 * n && pastActions === 0;
  return { parts, words, hypothetical };
}

function sentencesOf(text: AnalyzedText, reading: StarReading, part: Part): Sentence[] {
  return text.sentences.filter((_, i) => reading.parts[i] === part);
}

export function measureStructure(text: AnalyzedText, reading: StarReading): Measurement {
  const total = text.words.length || 1;
  const has = (p: Part) => reading.words[p] > 0;
  const setup = has('situation') || has('task');
  const complete = setup && has('action') && has('result');
  // Order: the mean position of each part should run setup -> action -> result.
  const mean = (p: Part) => {
    let sum = 0;
    let count = 0;
    reading.parts.forEach((q, i) => {
      if (q === p) {
        sum += i;
        count++;
      }
    });
    return count ? sum / count : undefined;
  };
  const [s, a, r] = [mean('situation') ?? mean('task'), mean('action'), mean('result')];
  const ordered = s !== undefined && a !== undefined && r !== undefined && s <= a && a <= r;
  const actionShare = reading.words.action / total;
  const setupShare = (reading.words.situation + reading.words.task) / total;
  const proportioned = actionShare >= 0.35 && setupShare <= 0.4;

  let score = 1 + (complete ? 1 : 0) + (complete && ordered ? 1 : 0) + (complete && proportioned ? 1 : 0);
  if (!has('action') || !has('result') || reading.hypothetical) score = Math.min(score, 2);
  const missing = (['situation', 'action', 'result'] as Part[]).filter(
    (p) => !has(p) && !(p === 'situation' && has('task')),
  );
  const feedback = reading.hypothetical
    ? 'Tell a real example from your past: what you did and what happened, not what you would do.'
    : missing.length
      ? `The story has no clear ${missing.join(' or ')}: give the setting in a sentence or two, then what you did, then what changed.`
      : !ordered
        ? 'Tell it in order: situation and task first, then your actions, then the result.'
        : !proportioned
          ? `Spend most of the time on what you did: actions are ${Math.round(actionShare * 100)}% of the answer and the setup ${Math.round(setupShare * 100)}%; aim for actions over half, setup under a third.`
          : 'Clear STAR structure with the weight on actions.';
  const evidence = (['situation', 'action', 'result'] as Part[]).flatMap((p) => {
    const first = sentencesOf(text, reading, p)[0];
    return first ? [quote(first, 120)] : [];
  });
  return { score: score as Measurement['score'], evidence, feedback };
}

export function measureOwnership(text: AnalyzedText, reading: StarReading): Measurement {
  const relevant = text.sentences.filter((_, i) => reading.parts[i] !== 'situation');
  const mine = relevant.filter((s) => s.words.includes('i') || s.words.includes('my'));
  const ours = relevant.filter(
    (s) => !s.words.includes('i') && (s.words.includes('we') || s.words.includes('our')),
  );
  const iActions = relevant.filter(firstPersonActs);
  const ratio = mine.length / Math.max(1, mine.length + ours.length);
  const score = Math.min(
    band(iActions.length, [1, 3, 4]),
    band(ratio, [0.25, 0.45, 0.6]),
  ) as Measurement['score'];
  const feedback =
    score >= 4
      ? 'You make your own decisions and actions clear.'
      : ratio < 0.45
        ? `Say what you did: ${ours.length} sentences say "we" and only ${mine.length} say "I". Name your own decisions and steps in the first person.`
        : `Show more of your own actions: only ${iActions.length} sentences say what you personally did ("I proposed...", "I wrote...").`;
  return { score, evidence: iActions.slice(0, 2).map((s) => quote(s)), feedback };
}

/** A capitalised word after a space, so not the first of its sentence; "I" and "I'm" have no second letter. */
const PROPER_NAME = /\s[A-Z][a-zA-Z0-9]+/g;

const TIME_MARKER =
  /\b(in (two|three|four|five|six|\d+) (days|weeks|months|hours)|within (a|one|two|\d+) (day|week|month|hour)s?|by (monday|friday|the end of|q[1-4])|q[1-4]|(19|20)\d\d|\d+ (days|weeks|months|hours|minutes)|that (week|month|quarter|night|morning)|next (day|week|morning)|over the (next|following))\b/g;

export function measureSpecificity(text: AnalyzedText, antiPatterns: readonly string[]): Measurement {
  const words = text.words.length || 1;
  const numbers = numbersIn(text);
  const times = text.padded.match(TIME_MARKER)?.length ?? 0;
  // Proper names: capitalised words that do not start a sentence (tools, teams, systems), "I" excluded.
  let names = 0;
  for (const s of text.sentences) names += s.text.match(PROPER_NAME)?.length ?? 0;
  let verbs = 0;
  for (const w of text.words) if (ACTION_VERBS.has(w)) verbs++;
  const vague = antiPatterns.filter((p) => text.padded.includes(` ${p.toLowerCase()}`)).length;
  const density = ((numbers + times + names * 0.5 + verbs * 0.5) / words) * 100 - vague * 0.5;
  const score = band(density, [2.5, 5, 8]);
  // The first sentences with figures in them: the concrete ones.
  const evidence = text.sentences
    .filter((s) => s.numbers > 0 && s.words.some((w) => /\d/.test(w)))
    .slice(0, 2)
    .map((s) => quote(s));
  const feedback =
    score >= 4
      ? 'Concrete: numbers, names and dates make the story checkable.'
      : `Make it concrete: name the systems and people involved, give numbers (sizes, dates, durations) and say exactly what you did${vague ? `; vague words such as "${antiPatterns.find((p) => text.padded.includes(` ${p.toLowerCase()}`))}" weaken it` : ''}.`;
  return { score, evidence, feedback };
}

const BEFORE_AFTER =
  /\b(from [^.]{1,40} to [^.]{1,30}|(reduced|cut|lowered|dropped|increased|improved|raised|grew|saved|shrank|halved|doubled)\b[^.]{0,50}\b(by |to )?\$?\d[\d.,]*\s*(%|percent|x|ms|s|seconds|minutes|hours|days|k|m|million|billion)?)/;

export function measureResults(
  text: AnalyzedText,
  reading: StarReading,
  level: Level | undefined,
): Measurement {
  const results = sentencesOf(text, reading, 'result');
  const quantified = results.filter((s) => s.numbers > 0);
  // The pattern needs "from " or a digit: only those sentences are worth its cost.
  const beforeAfter = text.sentences.filter(
    (s) => (s.numbers > 0 || s.lower.includes('from ')) && BEFORE_AFTER.test(s.lower),
  );
  let score: Measurement['score'] =
    results.length === 0 && beforeAfter.length === 0
      ? 1
      : quantified.length === 0 && beforeAfter.length === 0
        ? 2
        : quantified.length + beforeAfter.length >= 3
          ? 4
          : 3;
  const scope = detectScope(text);
  const expected = expectedScope(level);
  let scopeNote = '';
  if (level && scope < expected && score > 2) {
    score = cap(score, 3);
    scopeNote = ` At ${level} the impact should reach ${SCOPE_NAMES[expected]}; this story stays at ${SCOPE_NAMES[scope]}.`;
  }
  const evidence = [...new Set([...beforeAfter, ...quantified])].slice(0, 2).map((s) => quote(s));
  const feedback =
    score === 1
      ? 'End with the result: what changed because of what you did, and how you know.'
      : score === 2
        ? 'Quantify the result: before and after numbers (latency, cost, revenue, incidents, time saved).'
        : score === 3
          ? `Good result; add a second measure or the business impact to make it strong.${scopeNote}`
          : 'Results are quantified with before and after figures.';
  return { score, evidence: evidence.length ? evidence : results.slice(0, 1).map((s) => quote(s)), feedback };
}

export function expectedScope(level: Level | undefined): Scope {
  return level === 'L5' ? 1 : level === 'L6' ? 2 : level === 'L7' || level === 'L8' ? 3 : 0;
}

export function measureReflection(text: AnalyzedText, reading: StarReading): Measurement {
  const reflective = sentencesOf(text, reading, 'reflection');
  const deep = reflective.filter((s) =>
    /\b(differently|next time|since then|now i|changed how|i now|i still|would have)\b/.test(s.lower),
  );
  const score: Measurement['score'] =
    reflective.length === 0
      ? 1
      : reflective.length >= 2 && deep.length > 0
        ? 4
        : deep.length > 0 || reflective.length >= 2
          ? 3
          : 2;
  const feedback =
    score >= 4
      ? 'You reflect on what you learned and how it changed your practice.'
      : score === 1
        ? 'Close with what you learned and what you would do differently next time.'
        : 'Go beyond "I learned a lot": say what you would do differently, or what you have done since because of it.';
  return { score, evidence: reflective.slice(0, 2).map((s) => quote(s)), feedback };
}

/** Speaking pace used to turn a time limit into a word budget. */
export const WORDS_PER_MINUTE = 140;

/** The time limit assumed for an answer to a free prompt (no bank question, so no limit of its own). */
export const FREE_PROMPT_TIME_LIMIT_SECONDS = 240;

/** How many words fit the time limit at that pace: the one basis for concision, offline and LLM alike. */
export function wordBudget(timeLimitSeconds: number): number {
  return Math.round((timeLimitSeconds / 60) * WORDS_PER_MINUTE);
}

/** The phrase hits must come from an index holding FILLERS. */
export function measureConcision(
  text: AnalyzedText,
  hits: PhraseHits,
  timeLimitSeconds: number,
): Measurement {
  const words = text.words.length;
  const budget = wordBudget(timeLimitSeconds);
  const floor = Math.max(120, Math.round(budget * 0.3));
  const fillers = hits.count(FILLERS);
  let score: Measurement['score'] =
    words < 80
      ? 1
      : words < floor
        ? 2
        : words <= budget
          ? 4
          : words <= budget * 1.3
            ? 3
            : words <= budget * 1.8
              ? 2
              : 1;
  if (fillers / Math.max(1, words) > 0.02) score = cap(score, 3);
  const minutes = Math.round(timeLimitSeconds / 60);
  const feedback =
    words < floor
      ? `Too thin for ${minutes} minutes (${words} words): add the actions and the result in more detail.`
      : words > budget
        ? `Too long for ${minutes} minutes (${words} words, about ${budget} fit): cut the setup and keep the actions and result.`
        : fillers / Math.max(1, words) > 0.02
          ? `Cut filler words ("basically", "kind of"): ${fillers} of them.`
          : `Fits the ${minutes}-minute slot (${words} words).`;
  return { score, evidence: [], feedback };
}
