import type { Level } from '../../schema/index.js';
import type { AnswerMode } from '../scorer.js';
import {
  band,
  cap,
  detectScope,
  isGeneralisation,
  type Measurement,
  SCOPE_NAMES,
  type Scope,
} from './measure.js';
import type { PhraseHits } from './phrases.js';
import { type AnalyzedText, numbersIn, quote, type Sentence } from './text.js';
import { acts, isConditional, isPastVerb } from './verbs.js';

/**
 * Reads a behavioral answer as a STAR story: each sentence is classified as situation, task,
 * action, result or reflection from its cue words, its grammar (who acts, are there numbers)
 * and its position; the criteria then read the parts.
 */

export type Part = 'situation' | 'task' | 'action' | 'result' | 'reflection';

export interface StarReading {
  /** The part each sentence plays, or null when nothing in it says (a linking sentence, filler). */
  parts: (Part | null)[];
  /** Words per part. */
  words: Record<Part, number>;
  /** Sentences in which "I" does something in the past, and in which "we" does (without "I"). */
  mine: Sentence[];
  ours: Sentence[];
  /**
   * How well the parts keep the order situation/task -> action -> result -> reflection: the share of
   * pairs of sentences from different parts that come in that order (1 in order, about 0.5 shuffled,
   * 0 reversed); null with fewer than two parts.
   */
  order: number | null;
  /** Sentences in the conditional ("I would..."), and in the past tense with an actor. */
  conditional: number;
  /**
   * What the candidate would do rather than what they did: mostly conditional, with fewer past actions
   * than conditional sentences. A past-tense story that says "would" once or twice is not one.
   */
  hypothetical: boolean;
  /** Why the answer is not one story (a life history, filler), or null. */
  notAStory: string | null;
  /** Share of the words in sentences that tell nothing of the story: beliefs, rules, asides. */
  padding: number;
}

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
  action: ['i set up', 'i made sure', 'i decided to', 'i chose to'],
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
    'recovered',
    'since then',
    'launched',
    'a year on',
    'a year later',
    'in the first year',
    'no incidents',
    'zero',
  ],
  reflection: [
    'i learned',
    'i learnt',
    'i took from',
    'i took away',
    'lesson',
    'in hindsight',
    'looking back',
    'next time',
    'differently',
    'taught me',
    'i realized',
    'i realised',
    'takeaway',
    'what i would',
    'i would have',
    'i should have',
    "i'd have",
    'retrospect',
    // A practice of one's own that the story changed: "Since then I require...", "I now ask...".
    'since then i',
    'ever since',
    'i now',
    'now i',
  ],
};

const PARTS = Object.keys(STAR_CUES) as Part[];

/** Where each part belongs in a story told in order; situation and task are both the setup. */
const RANK: Record<Part, number> = { situation: 0, task: 0, action: 1, result: 2, reflection: 3 };

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

/** "In 2019", "in March 2023": a year sets the scene. */
function yearIn(s: Sentence): string | undefined {
  for (let k = 0; k + 1 < s.words.length; k++) {
    if (s.words[k] !== 'in') continue;
    for (const w of s.words.slice(k + 1, k + 3)) if (/^(19|20)\d\d$/.test(w)) return w;
  }
  return undefined;
}

/**
 * Phrases that put a story at a time or place ("last year", "at my previous company"): like a year,
 * they anchor the scene even in a sentence that also says what "I" did.
 */
export const TIME_ANCHORS = [
  'last year',
  'last quarter',
  'last month',
  'last spring',
  'last summer',
  'last autumn',
  'last fall',
  'last winter',
  'earlier this year',
  'years ago',
  'months ago',
  'a while ago',
  'a while back',
  'at my last',
  'at my previous',
  'on a previous',
  'in my previous',
  'in my last',
  'when i joined',
  'days before',
  'weeks before',
  'months before',
];

/** Whether the sentence is in the past perfect: "had grown", "had been", "had tripled". */
function pluperfect(s: Sentence): boolean {
  for (let k = 0; k + 1 < s.words.length; k++) {
    if (s.words[k] === 'had' && (s.words[k + 1] === 'been' || isPastVerb(s.words[k + 1]!))) return true;
  }
  return false;
}

/** Words that say how things ended up: a comparison, a count gone to nothing, a deadline met. */
const OUTCOME_WORDS = new Set(
  (
    'early earlier ahead faster quicker slower fewer less lower higher more zero none never again clean ' +
    'stable steady unchanged intact whole down up within instead'
  ).split(' '),
);

/**
 * "Exports ran clean for the rest of the quarter, and the month closed two days early": what happened
 * because of the actions, said of the things themselves. A past-tense verb other than "was" or
 * "had", nobody in the story acting, and a figure or a word of change. Result cues ("as a result",
 * "reduced") are one way to say it; this is the plain way.
 */
function outcome(s: Sentence, someoneActs: boolean): boolean {
  if (someoneActs || s.words.includes('was') || s.words.includes('were')) return false;
  if (!s.words.some((w) => w !== 'had' && isPastVerb(w))) return false;
  return s.numbers > 0 || s.words.some((w) => OUTCOME_WORDS.has(w));
}

/** Milestones of a life story rather than events of one situation. */
const LIFE_HISTORY =
  /\b(i was born|grew up|graduated|went to (university|college|school)|my (degree|studies|first job|career)|i studied|moved to (a|another) (company|city|country))\b/g;

/**
 * Reads the parts of a story from what each sentence says, never from where it sits, so that the
 * order of the parts can then be judged: a story told backwards is read as backwards. The phrase hits
 * must come from an index holding STAR_CUES, TIME_ANCHORS and FILLERS.
 */
export function readStar(text: AnalyzedText, hits: PhraseHits): StarReading {
  const cued = {} as Record<Part, Set<number>>;
  for (const part of PARTS) cued[part] = hits.sentencesWithAny(STAR_CUES[part]);
  const anchored = hits.sentencesWithAny(TIME_ANCHORS);
  const mine: Sentence[] = [];
  const ours: Sentence[] = [];
  let conditional = 0;
  let past = 0;
  const years = new Set<string>();
  const parts = text.sentences.map((s, index): Part | null => {
    const iActed = acts(s, 'i');
    const weActed = !iActed && acts(s, 'we');
    if (iActed) mine.push(s);
    if (weActed) ours.push(s);
    if (iActed || weActed) past++;
    if (isConditional(s)) conditional++;
    const year = yearIn(s);
    if (year) years.add(year);
    // "Had grown", "had been": what was already so when the story starts is its situation.
    const before = pluperfect(s);
    const changed = !before && s.numbers > 0 && (s.lower.includes('from ') || BEFORE_AFTER.test(s.lower));
    // "The library was used by thirty services": how things stood, with nobody acting yet.
    const state = !iActed && !weActed && (s.words.includes('was') || s.words.includes('were'));
    const score: Record<Part, number> = {
      // A date anchors the scene even when the sentence also says what "I" did ("In 2023 I led...").
      situation:
        (cued.situation.has(index) ? 1 : 0) +
        (year || anchored.has(index) ? 2 : 0) +
        (before ? 1 : 0) +
        (state ? 0.6 : 0),
      task: cued.task.has(index) ? 1.2 : 0,
      action: (iActed ? 1.5 : weActed ? 0.8 : 0) + (cued.action.has(index) ? 0.5 : 0),
      result:
        (cued.result.has(index) ? 1.2 : 0) +
        (changed ? 1 : outcome(s, iActed || weActed) && !before ? 0.9 : 0),
      // Above a result cue with an outcome (2.1): "Since then I require a grounding check, and three
      // product lines have adopted it" names a changed practice, whatever else it reports.
      reflection: cued.reflection.has(index) ? 2.15 : 0,
    };
    let best: Part | null = null;
    for (const part of PARTS) if (score[part] > 0 && (!best || score[part] > score[best])) best = part;
    return best;
  });
  const words: Record<Part, number> = { situation: 0, task: 0, action: 0, result: 0, reflection: 0 };
  let padded = 0;
  text.sentences.forEach((s, i) => {
    const part = parts[i];
    if (part && !(part !== 'reflection' && isGeneralisation(s))) words[part] += s.words.length;
    else padded += s.words.length;
  });
  const n = text.sentences.length;
  const hypothetical = conditional >= 2 && conditional >= 0.5 * n && past < conditional;
  const lifeEvents = text.padded.match(LIFE_HISTORY)?.length ?? 0;
  const fillers = hits.count(FILLERS);
  const notAStory =
    fillers >= 5 && fillers / Math.max(1, text.words.length) > 0.05
      ? 'it is mostly filler words'
      : lifeEvents >= 2 || (years.size >= 3 && cued.task.size === 0)
        ? 'it is a life history, not one situation you handled'
        : null;
  const padding = padded / Math.max(1, text.words.length);
  return { parts, words, mine, ours, order: orderOf(parts), conditional, hypothetical, notAStory, padding };
}

/** The share of pairs of labelled sentences, from different parts, that come in story order. */
function orderOf(parts: readonly (Part | null)[]): number | null {
  let inOrder = 0;
  let pairs = 0;
  for (let i = 0; i < parts.length; i++) {
    const a = parts[i];
    if (!a) continue;
    for (let j = i + 1; j < parts.length; j++) {
      const b = parts[j];
      if (!b || RANK[a] === RANK[b]) continue;
      pairs++;
      if (RANK[a] < RANK[b]) inOrder++;
    }
  }
  return pairs ? inOrder / pairs : null;
}

function sentencesOf(text: AnalyzedText, reading: StarReading, part: Part): Sentence[] {
  return text.sentences.filter((_, i) => reading.parts[i] === part);
}

/**
 * Parts in order at least this share of the time read as a story told in order; a random order
 * scores about half, so "mostly in order" is well above that.
 */
const IN_ORDER = 0.75;
const MOSTLY_IN_ORDER = 0.6;

export function measureStructure(text: AnalyzedText, reading: StarReading): Measurement {
  const total = text.words.length || 1;
  const has = (p: Part) => reading.words[p] > 0;
  const setup = has('situation') || has('task');
  const complete = setup && has('action') && has('result');
  const order = reading.order ?? 0;
  const actionShare = reading.words.action / total;
  const setupShare = (reading.words.situation + reading.words.task) / total;
  const proportioned = actionShare >= 0.3 && setupShare <= 0.4;

  let score: Measurement['score'] = !complete
    ? 1
    : order >= IN_ORDER
      ? proportioned
        ? 4
        : 3
      : order >= MOSTLY_IN_ORDER
        ? 3
        : 2;
  if (!complete && (has('action') || setup)) score = 2;
  const capped = reading.hypothetical || reading.notAStory;
  if (capped) score = cap(score, 2);
  const missing = (['situation', 'action', 'result'] as Part[]).filter(
    (p) => !has(p) && !(p === 'situation' && has('task')),
  );
  const advice =
    'Tell one story in order: the situation in a sentence or two, then what you did, then what changed.';
  const feedback = reading.hypothetical
    ? 'Tell a real example from your past: what you did and what happened, not what you would do.'
    : reading.notAStory
      ? `This is not one story: ${reading.notAStory}. ${advice}`
      : missing.length
        ? `The story has no clear ${missing.join(' or ')}: give the setting in a sentence or two, then what you did, then what changed.`
        : order < IN_ORDER
          ? `Tell it in order: situation and task first, then your actions, then the result (${Math.round(order * 100)}% of the parts come in that order).`
          : !proportioned
            ? `Told in order; spend more of it on what you did: actions are ${Math.round(actionShare * 100)}% of the answer and the setup ${Math.round(setupShare * 100)}%; aim for actions over a third, setup under 40%.`
            : 'Told in order, situation to result, with the weight on actions.';
  const evidence = (['situation', 'action', 'result'] as Part[]).flatMap((p) => {
    const first = sentencesOf(text, reading, p)[0];
    return first ? [quote(first, 120)] : [];
  });
  return { score, evidence, feedback, advice };
}

export function measureOwnership(reading: StarReading): Measurement {
  const mine = reading.mine.length;
  const ours = reading.ours.length;
  const share = mine / Math.max(1, mine + ours);
  const score = Math.min(band(mine, [1, 3, 5]), band(share, [0.25, 0.45, 0.6])) as Measurement['score'];
  const advice = 'Say what you personally did, in the first person ("I proposed", "I wrote").';
  const counts = `${mine} sentence${mine === 1 ? ' says' : 's say'} what "I" did, ${ours} what "we" did`;
  const feedback =
    score >= 4
      ? `Your own decisions and actions are clear: ${counts}.`
      : share < 0.45
        ? `Say what you did: ${counts}. Name your own decisions and steps in the first person.`
        : `Show more of your own actions: ${counts}.`;
  return { score, evidence: reading.mine.slice(0, 2).map((s) => quote(s)), feedback, advice };
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
  for (const w of text.words) if (isPastVerb(w)) verbs++;
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
  // Before and after means figures: "from slow to fast" claims a change without measuring it.
  const beforeAfter = text.sentences.filter((s) => s.numbers > 0 && BEFORE_AFTER.test(s.lower));
  const measured = new Set([...beforeAfter, ...quantified]).size;
  const scope = detectScope(text);
  const expected = expectedScope(level);
  const narrow = level !== undefined && scope < expected;
  let score: Measurement['score'] =
    results.length === 0 && beforeAfter.length === 0 ? 1 : measured === 0 ? 2 : measured >= 3 ? 4 : 3;
  if (narrow && score > 3) score = 3;
  // The feedback states the same facts the score was computed from, so the two cannot disagree.
  const found =
    measured === 0
      ? results.length === 0
        ? 'no sentence says what changed'
        : `${results.length} sentence${results.length === 1 ? ' says' : 's say'} what changed, none with a figure`
      : `${measured} sentence${measured === 1 ? '' : 's'} measure${measured === 1 ? 's' : ''} the outcome${beforeAfter.length ? `, ${beforeAfter.length} with before and after` : ''}`;
  const advice =
    'Quantify the result: before and after numbers (latency, cost, revenue, incidents, time saved) and who it reached.';
  const scopeNote = narrow
    ? ` At ${level} the impact should reach ${SCOPE_NAMES[expected]}; this story stays at ${SCOPE_NAMES[scope]}.`
    : '';
  const feedback =
    score === 4
      ? `Results are measured: ${found}.`
      : score === 3
        ? `Results: ${found}.${scopeNote || (measured >= 2 ? ' One more measured outcome, such as the business impact (revenue, cost, customers reached), makes it strong.' : ' Add a second measure or the business impact to make it strong.')}`
        : score === 2
          ? `Results: ${found}. ${advice}`
          : 'End with the result: what changed because of what you did, and how you know.';
  const evidence = [...new Set([...beforeAfter, ...quantified])].slice(0, 2).map((s) => quote(s));
  return {
    score,
    evidence: evidence.length ? evidence : results.slice(0, 1).map((s) => quote(s)),
    feedback,
    advice,
  };
}

function expectedScope(level: Level | undefined): Scope {
  return level === 'L5' ? 1 : level === 'L6' ? 2 : level === 'L7' || level === 'L8' ? 3 : 0;
}

/** A lesson named as such: "I learned", "the lesson", "what I took from it". */
const LESSON = /\b(learned|learnt|lesson|taught me|took from|took away|takeaway|realised|realized)\b/;

export function measureReflection(text: AnalyzedText, reading: StarReading): Measurement {
  const reflective = sentencesOf(text, reading, 'reflection');
  const deep = reflective.filter((s) =>
    /\b(differently|next time|since then|now i|changed how|i now|i still|i would have|i should have|i'd have|my rule|i always)\b/.test(
      s.lower,
    ),
  );
  // "I learned to measure first, and I now start with an incident census": one sentence that names the
  // lesson and the practice it changed is the whole reflection, said briefly.
  const whole = deep.some((s) => LESSON.test(s.lower));
  const score: Measurement['score'] =
    reflective.length === 0
      ? 1
      : (reflective.length >= 2 || whole) && deep.length > 0
        ? 4
        : deep.length > 0 || reflective.length >= 2
          ? 3
          : 2;
  const feedback =
    score >= 4
      ? 'You reflect on what you learned and how it changed your practice.'
      : score === 1
        ? 'Close with what you learned and what you would do differently next time.'
        : deep.length > 0
          ? 'You say what you do differently since; also name the lesson behind it, what you learned about yourself or the work.'
          : 'Go beyond "I learned a lot": say what you would do differently, or what you have done since because of it.';
  const advice = 'Close with what you learned and what you would do differently next time.';
  return { score, evidence: reflective.slice(0, 2).map((s) => quote(s)), feedback, advice };
}

/**
 * How fast a person produces an answer, to turn a time limit into a word budget. Speaking runs at
 * about 140 words a minute; composing an answer at a keyboard at about 40 (typing speed less the
 * pauses to think), so a typed answer is judged against a budget a third as large.
 */
export const WORDS_PER_MINUTE: Record<AnswerMode, number> = { spoken: 140, typed: 40 };

/** The time limit assumed for an answer to a free prompt (no bank question, so no limit of its own). */
export const FREE_PROMPT_TIME_LIMIT_SECONDS = 240;

/** How many words fit the time limit at that pace: the one basis for concision, offline and LLM alike. */
export function wordBudget(timeLimitSeconds: number, mode: AnswerMode): number {
  return Math.round((timeLimitSeconds / 60) * WORDS_PER_MINUTE[mode]);
}

/** The phrase hits must come from an index holding FILLERS. */
export function measureConcision(
  text: AnalyzedText,
  hits: PhraseHits,
  reading: StarReading,
  timeLimitSeconds: number,
  mode: AnswerMode,
): Measurement {
  const words = text.words.length;
  const minutes = timeLimitSeconds / 60;
  const budget = wordBudget(timeLimitSeconds, mode);
  // Spoken answers run long by talking; a typed one can only run long by being pasted or by a fast
  // typist, so typed answers get more room above the budget and less is expected below it.
  const [thin, full, long, tooLong] = mode === 'spoken' ? [0.3, 1, 1.3, 1.8] : [0.5, 1.5, 2.2, 3];
  const fillers = hits.count(FILLERS);
  let score: Measurement['score'] =
    words < budget * thin * 0.6
      ? 1
      : words < budget * thin
        ? 2
        : words <= budget * full
          ? 4
          : words <= budget * long
            ? 3
            : words <= budget * tooLong
              ? 2
              : 1;
  const filler = fillers / Math.max(1, words) > 0.02;
  if (filler) score = cap(score, 3);
  // Words that tell nothing of the story (beliefs, rules, asides) are time not spent on it.
  const padding = Math.round(reading.padding * 100);
  if (reading.padding > 0.25) score = cap(score, reading.padding > 0.4 ? 2 : 3);
  const slot = `${Math.round(minutes * 10) / 10}-minute ${mode} answer`;
  // A typed answer is allowed past the typing budget (see `full`): the figure quoted beside "fits" or
  // "too long" is that upper bound, so "Fits (222 words; about 160 fit)" never reads as a contradiction.
  const most = Math.round(budget * full);
  const room = most > budget ? `up to about ${most} fit` : `about ${budget} fit`;
  const feedback =
    words < budget * thin
      ? `Too thin for a ${slot} (${words} words; about ${budget} fit): add the actions and the result in more detail.`
      : words > budget * full
        ? `Too long for a ${slot} (${words} words, ${room}): cut the setup and keep the actions and result.`
        : reading.padding > 0.25
          ? `${padding}% of the answer tells nothing of the story (general beliefs, asides): spend those words on what you did.`
          : filler
            ? `Cut filler words ("basically", "kind of"): ${fillers} of them.`
            : `Fits a ${slot} (${words} words; ${room}).`;
  return {
    score,
    evidence: [],
    feedback,
    advice: 'Fit the answer to the time: setup short, actions and result in full.',
  };
}
