import type { Rubric, Story } from '../schema/index.js';
import { findPrinciple, type PrincipleId } from '../schema/principles.js';
import { scoreOffline } from '../scoring/offline/index.js';
import { findPhrases, type PhraseHits, PhraseIndex } from '../scoring/offline/phrases.js';
import { PRINCIPLE_CUES } from '../scoring/offline/principles.js';
import { type AnalyzedText, analyzeText } from '../scoring/offline/text.js';
import { STORY_SECONDS, storyText } from './story.js';

/**
 * How much a story shows one Leadership Principle, 0-1. Two readings, both about the story's words:
 * - the principle's cue words (PRINCIPLE_CUES), matched as words or word stems ("investigat"
 *   matches "investigated"), in the title and the story: three distinct cues is full marks;
 * - the offline scorer's principle-alignment criterion, scored for a question that is the
 *   principle's own definition, so the story is read against the principle and nothing else.
 * Cues weigh more: they are specific to the principle, the alignment reading also rewards the
 * general vocabulary of the definition.
 *
 * Calibrated on the hand-labelled claims in test/stories/fixtures/stories.yaml (checked by
 * test/stories/coverage.test.ts): a claim a reader accepts scores 0.33 or more (one clear cue and
 * some of the definition's words); a claim with no cue, or one stray cue and nothing of the
 * definition, stays under 0.3.
 */
export const WEAK_RELEVANCE = 0.3;
/**
 * A principle a story shows this clearly without claiming it is worth adding to its principles:
 * three distinct cues, or two and a clear alignment reading. Lower, cues that several principles
 * share ("decision", "data", "review") make false hints.
 */
export const SHOWN_RELEVANCE = 0.6;

const CUE_WEIGHT = 0.65;
const FULL_CUES = 3;

export interface Relevance {
  /** 0-1, two decimals. */
  score: number;
  /** The principle's cue words found in the story. */
  cues: string[];
  /** The offline scorer's principle-alignment score, 1-4. */
  alignment: number;
}

// The analysed text of a story, once per story object: coverage reads each story up to 16 times.
const analysed = new WeakMap<Story, AnalyzedText>();

function textOf(story: Story): AnalyzedText {
  let text = analysed.get(story);
  if (!text) {
    text = analyzeText(`${story.title}.\n${storyText(story)}`);
    analysed.set(story, text);
  }
  return text;
}

/** A rubric of the one criterion, without the star rubric's hint phrases (they favour no principle). */
const ALIGNMENT_RUBRIC: Rubric = {
  kind: 'rubric',
  id: 'principle-alignment',
  name: 'Alignment with the Leadership Principle',
  appliesTo: 'behavioral',
  criteria: [
    {
      id: 'principle-alignment',
      name: 'Alignment with the Leadership Principle',
      weight: 1,
      description: 'Whether the story shows the principle.',
      levels: { 1: 'Not shown.', 2: 'Claimed.', 3: 'Shown.', 4: 'Shown under tension.' },
    },
  ],
};

export function relevance(story: Story, principle: string): Relevance {
  const p = findPrinciple(principle);
  if (!p) return { score: 0, cues: [], alignment: 1 };
  const text = textOf(story);
  const cues = matchedCues(text, PRINCIPLE_CUES[p.id as PrincipleId]);
  const prompt = `${p.name}: ${p.summary}`;
  const result = scoreOffline({
    rubric: ALIGNMENT_RUBRIC,
    question: {
      id: `principle:${p.id}`,
      prompt,
      principles: [p.id],
      signals: [],
      timeLimitSeconds: STORY_SECONDS,
    },
    prompt,
    answer: text.raw,
  });
  const alignment = result.criteria[0]?.score ?? 1;
  const score = CUE_WEIGHT * Math.min(1, cues.length / FULL_CUES) + (1 - CUE_WEIGHT) * ((alignment - 1) / 3);
  return { score: Math.round(score * 100) / 100, cues, alignment };
}

const ALL_CUES = new PhraseIndex(Object.values(PRINCIPLE_CUES).flat());
const cueHitsOf = new WeakMap<AnalyzedText, PhraseHits>();

/** Every principle's cues found in a story, read once per story. */
function cueHits(text: AnalyzedText): PhraseHits {
  let hits = cueHitsOf.get(text);
  if (!hits) {
    hits = findPhrases(text, ALL_CUES);
    cueHitsOf.set(text, hits);
  }
  return hits;
}

/**
 * Cue words as words, plurals or stems: "mentor" matches "mentored", "investigat" "investigating".
 * Short cues (under five letters) match whole words only, so "bar" does not match "barely".
 * Phrases match as words in order within a sentence. A cue that extends another found cue is not
 * counted again.
 */
function matchedCues(text: AnalyzedText, cues: readonly string[]): string[] {
  const found = cueHits(text)
    .matched(cues)
    .map((p) => p.display);
  // One word is one piece of evidence: "customer" and "customers", "commit" and "committed",
  // "long term" and "long-term" would otherwise count twice.
  const key = (c: string) => c.replace(/-/g, ' ');
  return found.filter((c, i) =>
    found.every((other, j) => j === i || !key(c).startsWith(key(other)) || (key(c) === key(other) && i < j)),
  );
}
