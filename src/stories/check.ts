import type { Level, Rubric, Story } from '../schema/index.js';
import { findPrinciple, type PrincipleId } from '../schema/principles.js';
import { PRINCIPLE_CUES } from '../scoring/offline/principles.js';
import type { ScoreResult } from '../scoring/result.js';
import type { Scorer } from '../scoring/scorer.js';
import { countWords } from '../text/tokens.js';
import { relevance, WEAK_RELEVANCE } from './relevance.js';
import { storyQuestion, storyText } from './story.js';

export interface WeakCriterion {
  id: string;
  name: string;
  score: number;
  max: number;
  weight: number;
  feedback: string;
}

export interface StoryCheck {
  id: string;
  title: string;
  principles: string[];
  words: number;
  result: ScoreResult;
  /**
   * The criteria that cost the story most points (weight times the shortfall from the top score,
   * then the lower score), at most WEAKEST_COUNT: the ones worth fixing first.
   */
  weakest: WeakCriterion[];
  /** What the rubric cannot see: claimed principles the story hardly shows, metrics it never says. */
  notes: string[];
}

export interface CheckOptions {
  scorer: Scorer;
  /** The `star` rubric (from the registry, so a configured override is used). */
  rubric: Rubric;
  /** Judge every story's scope at this level; otherwise at the story's own `level`, if any. */
  level?: Level;
  /** Called after each story is scored, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

const WEAKEST_COUNT = 3;

/**
 * Scores each story as a three-minute answer to "tell me about a time you showed <its main
 * principle>", and reads out its weakest criteria. Stories come back best first, so the list reads
 * as a ranking; unscorable (insufficient) stories last. Scoring goes one story at a time: the
 * anthropic scorer is rate-limited, the offline one is fast either way.
 */
export async function checkStories(stories: readonly Story[], options: CheckOptions): Promise<StoryCheck[]> {
  const checks: StoryCheck[] = [];
  for (const [i, story] of stories.entries()) {
    const question = storyQuestion(story);
    const answer = storyText(story);
    const level = options.level ?? story.level;
    const result = await options.scorer.score({
      rubric: options.rubric,
      question,
      prompt: question.prompt,
      answer,
      ...(level ? { level } : {}),
      // A story bank holds what you will say aloud in the interview: judged at speaking pace.
      mode: 'spoken',
    });
    checks.push({
      id: story.id,
      title: story.title,
      principles: [...story.principles],
      words: countWords(answer),
      result,
      weakest: weakestCriteria(explained(result, story), options.rubric),
      notes: notesFor(story, answer),
    });
    options.onProgress?.(i + 1, stories.length);
  }
  const rank = (c: StoryCheck) => c.result.overall ?? -1;
  return checks
    .map((check, order) => ({ check, order }))
    .sort((a, b) => rank(b.check) - rank(a.check) || a.order - b.order)
    .map(({ check }) => check);
}

/**
 * The scorer's generic "make the story show <principle>" says nothing a story's author can act on
 * (there is no interviewer's signal list for a story): say what the principle asks for instead.
 */
function explained(result: ScoreResult, story: Story): ScoreResult {
  const main = story.principles[0] ? findPrinciple(story.principles[0]) : undefined;
  if (!main) return result;
  const generic = `Make the story show ${main.name}.`;
  return {
    ...result,
    criteria: result.criteria.map((c) =>
      c.feedback === generic
        ? { ...c, feedback: `Make the story show ${main.name}: ${lowerFirst(main.summary)}` }
        : c,
    ),
  };
}

/** Numbers as written, without thousands separators: "1,900" and "1900" are the same. */
function numbersIn(text: string): string[] {
  return text.replace(/(\d),(?=\d{3}\b)/g, '$1').match(/\d+(?:\.\d+)?/g) ?? [];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function weakestCriteria(result: ScoreResult, rubric: Rubric, count = WEAKEST_COUNT): WeakCriterion[] {
  const weight = (id: string) => rubric.criteria.find((c) => c.id === id)?.weight ?? 0;
  return result.criteria
    .filter((c) => c.score !== null && c.score < c.max)
    .map((c) => ({
      id: c.id,
      name: c.name,
      score: c.score!,
      max: c.max,
      weight: weight(c.id),
      feedback: c.feedback,
    }))
    .sort((a, b) => b.weight * (b.max - b.score) - a.weight * (a.max - a.score) || a.score - b.score)
    .slice(0, count);
}

function notesFor(story: Story, answer: string): string[] {
  const notes: string[] = [];
  for (const principle of story.principles) {
    const r = relevance(story, principle);
    if (r.score >= WEAK_RELEVANCE) continue;
    const name = findPrinciple(principle)?.name ?? principle;
    const cues = (PRINCIPLE_CUES[principle as PrincipleId] ?? []).filter((c) => !r.cues.includes(c));
    const evidence = r.cues.length
      ? ` (only "${r.cues.join('", "')}" points to it)`
      : cues.length
        ? ` (no sign of ${cues.slice(0, 4).join(', ')}...)`
        : '';
    notes.push(
      `Claims ${name} but hardly shows it${evidence}: tell what you did that shows it, or drop it from principles.`,
    );
  }
  // A metric is told when one of its numbers is: single digits are skipped (often said as words).
  const told = new Set(numbersIn(answer));
  for (const metric of story.metrics ?? []) {
    const numbers = numbersIn(metric).filter((n) => n.replace('.', '').length >= 2);
    if (numbers.length > 0 && !numbers.some((n) => told.has(n))) {
      notes.push(`The metric "${metric}" is not in the story: say it when you tell the result.`);
    }
  }
  return notes;
}
