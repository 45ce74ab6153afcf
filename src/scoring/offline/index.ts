import type { Criterion, Level, Rubric } from '../../schema/index.js';
import { findPrinciple, type PrincipleId } from '../../schema/principles.js';
import { wordsIn } from '../../text/tokens.js';
import {
  type CriterionScore,
  overallScore,
  SCORE_MAX,
  type ScoreResult,
  topSuggestions,
  verdictFor,
} from '../result.js';
import type { ScoreInput, Scorer } from '../scorer.js';
import { OFFLINE_SCORER_VERSION, rubricVersion } from '../versions.js';
import { DESIGN_LEXICON, measureDesignCriterion, REASONS, SIGNPOSTS } from './design.js';
import { runGuards } from './guards.js';
import { band, cap, isGeneralisation, type Measurement } from './measure.js';
import { findPhrases, type PhraseHits, PhraseIndex, quotesFor } from './phrases.js';
import { PRINCIPLE_CUES } from './principles.js';
import {
  FILLERS,
  FREE_PROMPT_TIME_LIMIT_SECONDS,
  measureConcision,
  measureOwnership,
  measureReflection,
  measureResults,
  measureSpecificity,
  measureStructure,
  readStar,
  STAR_CUES,
  type StarReading,
  TIME_ANCHORS,
} from './star.js';
import { type AnalyzedText, analyzeText, contentTerms, withoutSentences } from './text.js';

/**
 * The offline scorer: deterministic, no network, fast (thousands of answers a second). It reads
 * the answer's structure (STAR parts, explanations versus lists), not just its words, and every
 * score comes with quotes from the answer and a concrete suggestion.
 */
export function scoreOffline(input: ScoreInput): ScoreResult {
  const { rubric, question, level } = input;
  const full = analyzeText(input.answer);
  const context = contextOf(input);
  const guards = runGuards(full, context.vocabulary);
  const warnings: string[] = [];
  if (guards.graderDirected.length > 0) {
    warnings.push(
      `The answer contains text addressed to a grader (${guards.graderDirected.map((s) => `"${s.text.slice(0, 60)}"`).join(', ')}); it was ignored and cannot raise the score.`,
    );
  }
  const base = {
    questionId: question?.id ?? null,
    rubric: rubric.id,
    scorer: 'offline' as const,
    model: null,
    promptVersion: OFFLINE_SCORER_VERSION,
    rubricVersion: rubricVersion(rubric),
    level: level ?? null,
  };
  if (guards.insufficient) {
    return {
      ...base,
      overall: null,
      verdict: 'insufficient',
      criteria: rubric.criteria.map((c) => ({
        id: c.id,
        name: c.name,
        score: null,
        max: SCORE_MAX,
        evidence: [],
        feedback: 'Not scored: the answer is insufficient to judge.',
      })),
      suggestions: ['Write a complete answer in full sentences, then score it again.'],
      warnings: [...warnings, `Insufficient answer: ${guards.insufficient}.`],
    };
  }

  const text = withoutSentences(full, guards.graderDirected);
  const hits = findPhrases(text, phraseIndexFor(rubric));
  // A story shows its principle in its own words ("mentored", "development plan") more often than in
  // the prompt's: a principle's cues found in the answer count as being on topic.
  // (Principle cues are indexed for behavioral rubrics only.)
  const principles = principlesAsked(input, context);
  const principleShown =
    rubric.appliesTo === 'behavioral' &&
    principles.some((p) => hits.matched(PRINCIPLE_CUES[p] ?? NO_PHRASES).length > 0);
  const relevance = relevanceTo(text, context, principleShown);
  if (relevance.offTopic) {
    warnings.push(
      'The answer shares little with the question and its signals; scores are capped at 2 until it addresses what was asked.',
    );
  }
  if (guards.keywordList) {
    warnings.push(
      'The answer reads as a list of keywords rather than explanations; it scores 1 on every criterion.',
    );
  }

  const reading = rubric.appliesTo === 'behavioral' ? readStar(text, hits) : undefined;
  if (reading?.hypothetical) {
    warnings.push(
      'The answer says what you would do rather than what you did; behavioral questions want a real example from your past.',
    );
  }
  const criteria: CriterionScore[] = rubric.criteria.map((criterion) => {
    let m = measure(criterion, text, hits, reading, input, relevance, principles[0]);
    // Naming techniques shows nothing about using them: a keyword dump is a strong no hire. When a
    // guard lowers a score, the feedback says why and how to improve, never what the measure praised.
    if (guards.keywordList)
      m = { ...m, score: 1, feedback: `Explain in sentences, not keywords. ${adviceOf(m, criterion)}` };
    else if (relevance.offTopic && m.score > 2)
      m = {
        ...m,
        score: 2,
        feedback: `Capped at 2: the answer does not address this question. ${adviceOf(m, criterion)}`,
      };
    return {
      id: criterion.id,
      name: criterion.name,
      score: m.score,
      max: SCORE_MAX,
      evidence: m.evidence,
      feedback: m.feedback,
    };
  });
  const overall = overallScore(criteria, rubric);
  const suggestions = topSuggestions(criteria, rubric, 3);
  for (const signal of relevance.missedSignals) {
    if (suggestions.length >= 5) break;
    suggestions.push(`A strong answer also shows: ${signal}`);
  }
  return { ...base, overall, verdict: verdictFor(overall), criteria, suggestions, warnings };
}

// Every phrase a rubric's criteria can look for, compiled once per rubric: each answer is then read once.
const phraseIndexes = new WeakMap<Rubric, PhraseIndex>();

function phraseIndexFor(rubric: Rubric): PhraseIndex {
  let index = phraseIndexes.get(rubric);
  if (!index) {
    const behavioral = rubric.appliesTo === 'behavioral';
    const phrases = rubric.criteria.flatMap((c) => [
      ...(c.hints?.phrases ?? []),
      ...(c.hints?.antiPatterns ?? []),
      ...(behavioral ? [] : (DESIGN_LEXICON[c.id] ?? [])),
    ]);
    if (behavioral) {
      phrases.push(
        ...Object.values(PRINCIPLE_CUES).flat(),
        ...Object.values(STAR_CUES).flat(),
        ...TIME_ANCHORS,
        ...FILLERS,
      );
    } else {
      phrases.push(...REASONS, ...SIGNPOSTS);
    }
    index = new PhraseIndex(phrases);
    phraseIndexes.set(rubric, index);
  }
  return index;
}

/** What the scorer reads from a rubric and a question, worked out once for all answers to them. */
interface QuestionContext {
  /** The words of the rubric's hints, the question's signals and its prompt: recognised as English. */
  vocabulary: Set<string>;
  /** The content terms of the prompt and signals, each with a number. */
  terms: Map<string, number>;
  /** The terms of each signal. */
  signals: { text: string; terms: number[] }[];
  /** The terms of the prompt itself (what the interviewer actually asked). */
  promptTerms: number[];
  /** The terms of the prompt and the signals. */
  allTerms: number[];
  /** For a typed prompt: the principle its words ask about, once worked out (see principlesAsked). */
  askedPrinciples?: PrincipleId[];
}

const contexts = new WeakMap<object, Map<string, QuestionContext>>();

function contextOf({ rubric, question, prompt }: ScoreInput): QuestionContext {
  let byPrompt = contexts.get(rubric);
  if (!byPrompt) {
    byPrompt = new Map();
    contexts.set(rubric, byPrompt);
  }
  const key = `${question?.id ?? ''}\u0000${prompt}`;
  let context = byPrompt.get(key);
  if (!context) {
    const signals = question?.signals ?? [];
    const terms = new Map<string, number>();
    const numbered = (text: string) =>
      [...contentTerms(text)].map((t) => {
        let id = terms.get(t);
        if (id === undefined) {
          id = terms.size;
          terms.set(t, id);
        }
        return id;
      });
    context = {
      // Joiners split words here: "read-heavy" in a hint makes "read" and "heavy" known.
      vocabulary: new Set<string>(
        [...rubric.criteria.flatMap((c) => c.hints?.phrases ?? []), ...signals, prompt].flatMap((text) =>
          wordsIn(text, { joiners: false }),
        ),
      ),
      terms,
      signals: signals.map((text) => ({ text, terms: numbered(text) })),
      promptTerms: numbered(prompt),
      allTerms: numbered(`${prompt} ${signals.join(' ')}`),
    };
    if (byPrompt.size > 1000) byPrompt.clear();
    byPrompt.set(key, context);
  }
  return context;
}

export const offlineScorer: Scorer = {
  name: 'offline',
  score: async (input) => scoreOffline(input),
};

interface Relevance {
  /** Share of the question's signals the answer touches (0-1); with no signals, of the prompt's terms. */
  signalCoverage: number;
  /** Share of the prompt's own content terms the answer uses (0-1). */
  promptCoverage: number;
  coveredSignals: string[];
  missedSignals: string[];
  /**
   * Nothing of what was asked is in the answer: at most one term of the prompt and signals together,
   * and none of the question's principles shown. On-topic answers use the prompt's words; a threshold on a share alone capped answers
   * to a short typed --prompt that were plainly on topic.
   */
  offTopic: boolean;
}

/**
 * Terms of the question the answer uses only in another form ("disagreed" in the prompt, "disagreement"
 * in the answer, "owner" for "ownership"): one of the two starts with the other, from five letters.
 * Checked only for answers that look off topic by exact stems, which are few.
 */
function derivedUses(text: AnalyzedText, context: QuestionContext, used: Uint8Array): number {
  if (usedCount(used) > 1) return 0;
  let n = 0;
  for (const [term, id] of context.terms) {
    if (used[id] || term.length < 5) continue;
    // Either form may be the longer: "disagreement" for "disagreed", "owner" for "ownership".
    const related = (w: { stem: string }) =>
      w.stem.length >= 5 && w.stem !== term && (w.stem.startsWith(term) || term.startsWith(w.stem));
    if (text.distinct.some(related)) n++;
  }
  return n;
}

function usedCount(used: Uint8Array): number {
  let n = 0;
  for (const u of used) n += u;
  return n;
}

function relevanceTo(text: AnalyzedText, context: QuestionContext, principleShown: boolean): Relevance {
  // Which of the question's terms the answer uses: one lookup per distinct word of the answer.
  const used = new Uint8Array(context.terms.size);
  for (const w of text.distinct) {
    const id = context.terms.get(w.stem);
    if (id !== undefined) used[id] = 1;
  }
  const usedOf = (ids: readonly number[]) => {
    let n = 0;
    for (const id of ids) n += used[id]!;
    return n;
  };
  const covered: string[] = [];
  const missed: string[] = [];
  for (const signal of context.signals) {
    const hits = usedOf(signal.terms);
    (hits >= Math.max(2, Math.ceil(signal.terms.length * 0.3)) ? covered : missed).push(signal.text);
  }
  const promptTerms = context.promptTerms.length;
  const shared = usedOf(context.promptTerms);
  const promptCoverage = promptTerms ? shared / promptTerms : 1;
  const signals = context.signals.length;
  return {
    signalCoverage: signals ? covered.length / signals : promptCoverage,
    promptCoverage,
    coveredSignals: covered,
    missedSignals: missed,
    // A bank question brings its signals, so sharing one word with all of it is little. A prompt the
    // candidate typed is a sentence: an on-topic answer may share only one of its words ("team") and say
    // the rest in its own ("took it on" for "ownership"), so there the cap needs nothing shared at all.
    // Capping an on-topic answer misleads more than missing an off-topic one, which still scores low on
    // the criteria that read the prompt.
    offTopic:
      promptTerms >= 4 &&
      !principleShown &&
      usedOf(context.allTerms) + derivedUses(text, context, used) <= (context.signals.length > 0 ? 1 : 0),
  };
}

/** The rubric's anti-patterns for a criterion ("I was involved in"): one level lower when present. */
function withAntiPatterns(m: Measurement, criterion: Criterion, hits: PhraseHits): Measurement {
  const found = hits.matched(criterion.hints?.antiPatterns ?? NO_PHRASES);
  if (found.length === 0 || m.score === 1) return m;
  return {
    ...m,
    score: (m.score - 1) as Measurement['score'],
    feedback: `"${found[0]!.display}" weakens it. ${adviceOf(m, criterion)}`,
  };
}

/** How to improve on a criterion: the measurement's advice, else the rubric's own description. */
function adviceOf(m: Measurement, criterion: Criterion): string {
  return m.advice ?? criterion.description;
}

function measure(
  criterion: Criterion,
  text: AnalyzedText,
  hits: PhraseHits,
  reading: StarReading | undefined,
  input: ScoreInput,
  relevance: Relevance,
  principle: PrincipleId | undefined,
): Measurement {
  const hints = criterion.hints?.phrases ?? [];
  const level: Level | undefined = input.level;
  if (reading) {
    switch (criterion.id) {
      case 'structure':
        return withAntiPatterns(measureStructure(text, reading), criterion, hits);
      case 'ownership':
        return withAntiPatterns(measureOwnership(reading), criterion, hits);
      case 'specificity':
        return measureSpecificity(text, criterion.hints?.antiPatterns ?? []);
      case 'results':
        return measureResults(text, reading, level);
      case 'reflection':
        return measureReflection(text, reading);
      case 'principle-alignment':
        return measurePrincipleAlignment(text, hits, principle, relevance, hints);
      case 'concision':
        return measureConcision(
          text,
          hits,
          reading,
          input.question?.timeLimitSeconds ?? FREE_PROMPT_TIME_LIMIT_SECONDS,
          input.mode ?? 'typed',
        );
      default:
        return measureHints(text, hits, criterion);
    }
  }
  const m = measureDesignCriterion(text, hits, input.rubric, criterion, level);
  // The design must answer this question: broad coverage of generic terms is not enough for the top score.
  if (criterion.id === 'architecture' && relevance.signalCoverage < 0.25 && m.score === 4) {
    return { ...m, score: 3, feedback: `${m.feedback} Tie the design to what this question asks.` };
  }
  return m;
}

/**
 * The principles the question tests: a bank question's own, else the one a typed prompt asks about in
 * its words ("disagreed with your manager about a decision" is Backbone), when one principle's cues
 * clearly lead. Worked out once per prompt.
 */
function principlesAsked(input: ScoreInput, context: QuestionContext): PrincipleId[] {
  if (input.question) return input.question.principles as PrincipleId[];
  if (input.rubric.appliesTo !== 'behavioral') return [];
  if (context.askedPrinciples === undefined) {
    const hits = findPhrases(analyzeText(input.prompt), phraseIndexFor(input.rubric));
    let best: PrincipleId | undefined;
    let most = 0;
    let tied = false;
    for (const [id, cues] of Object.entries(PRINCIPLE_CUES) as [PrincipleId, readonly string[]][]) {
      const n = hits.matched(cues).length;
      if (n > most) [best, most, tied] = [id, n, false];
      else if (n === most && n > 0) tied = true;
    }
    context.askedPrinciples = best && !tied ? [best] : [];
  }
  return context.askedPrinciples;
}

function measurePrincipleAlignment(
  text: AnalyzedText,
  hits: PhraseHits,
  principleId: PrincipleId | undefined,
  relevance: Relevance,
  hints: readonly string[],
): Measurement {
  const cues = (principleId && PRINCIPLE_CUES[principleId]) || NO_PHRASES;
  // A principle named in a general statement ("which is what you are supposed to do") is claimed, not shown.
  const told = (p: { sentences: readonly number[] }) =>
    p.sentences.some((i) => !isGeneralisation(text.sentences[i]!));
  const matched = hits.matched(cues).filter(told);
  for (const p of hits.matched(hints))
    if (told(p) && !matched.some((m) => m.display === p.display)) matched.push(p);
  // The principle's own words, what the signals ask for, and the prompt's words: a story about
  // something else scores low here however good it is.
  // Without a bank question there are no signals, and the signal share would be the prompt's share
  // again: counted twice, it rewards an answer that repeats the prompt's words over one that tells the
  // story in its own. A typed prompt is judged on the principle's words and the prompt's, once each.
  const hasSignals = relevance.coveredSignals.length + relevance.missedSignals.length > 0;
  const value = hasSignals
    ? Math.min(1.5, matched.length / 2) + relevance.signalCoverage * 2 + relevance.promptCoverage * 1.5
    : Math.min(2, matched.length / 2) + relevance.promptCoverage * 1.5;
  const score = band(value, [0.75, 1.75, 2.75]);
  const name = principleId ? findPrinciple(principleId)?.name : undefined;
  const feedback =
    score >= 4
      ? `The story clearly shows ${name ?? 'what was asked'}.`
      : `Make the story show ${name ?? 'what the question asks'}${relevance.missedSignals[0] ? `: for example, ${lowerFirst(relevance.missedSignals[0])}` : ''}.`;
  return { score, evidence: quotesFor(text, matched, 2), feedback };
}

const NO_PHRASES: readonly string[] = [];

/** For criteria this scorer has no model of (user rubrics): the rubric's own hint phrases. */
function measureHints(text: AnalyzedText, hits: PhraseHits, criterion: Criterion): Measurement {
  const phrases = criterion.hints?.phrases ?? NO_PHRASES;
  const matched = hits.matched(phrases);
  const anti = hits.matched(criterion.hints?.antiPatterns ?? NO_PHRASES);
  const score = cap(band(matched.length - anti.length, [1, 2, 4]), phrases.length ? 4 : 2);
  return {
    score,
    evidence: quotesFor(text, matched, 2),
    feedback:
      score >= 4
        ? 'Covered.'
        : `${criterion.description}${phrases.length ? ` (for example: ${phrases.slice(0, 3).join(', ')})` : ''}`,
  };
}

/** A signal as the middle of a sentence: lower-case start, no full stop of its own. */
function lowerFirst(s: string): string {
  return (s.charAt(0).toLowerCase() + s.slice(1)).replace(/[.\s]+$/, '');
}
