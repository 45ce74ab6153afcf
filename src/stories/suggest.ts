import type { BankQuestion, Registry } from '../banks/registry.js';
import type { Question, Story } from '../schema/index.js';
import { findPrinciple } from '../schema/principles.js';
import { contentTerms } from '../scoring/offline/text.js';
import { stem } from '../text/stem.js';
import { STORY_PROMPT_WORDS } from '../text/stop-words.js';
import { wordsIn } from '../text/tokens.js';
import { isBehavioral } from './behavioral.js';
import { relevance, SHOWN_RELEVANCE, WEAK_RELEVANCE } from './relevance.js';
import { storyText } from './story.js';

/** What ranking needs of a question. */
export type SuggestQuestion = Pick<Question, 'prompt' | 'principles'> & Partial<Pick<Question, 'signals'>>;

export interface Suggestion {
  id: string;
  title: string;
  /** 0-100: principle match counts most, then what the story shares with the prompt and signals. */
  score: number;
  /** Why it ranks where it does, most important first. */
  reasons: string[];
}

/**
 * Below this a story is listed but not offered as a fit (practice shows only fits). Shared words
 * alone (at most 30 of the 100) do not make a fit; claiming the main principle (40) always does.
 */
export const FIT_SCORE = 40;

// The weights of the parts of the score; they sum to 1.
const MAIN_CLAIMED = 0.4;
const MAIN_SHOWN = 0.2;
const SECONDARY = 0.1;
const CONTENT = 0.3;
/** The framing words of behavioral prompts ("tell me about a time..."): shared by everything, they say nothing. */
const PROMPT_FRAMING = new Set([...STORY_PROMPT_WORDS].map(stem));
/** Shared terms that count as full overlap with a prompt: a prompt has about 6-12 content terms. */
const FULL_OVERLAP = 6;

/**
 * Ranks stories for a behavioral question. The question's first principle is its main one: claiming
 * it counts most, and how much the story really shows it counts next (a story that shows it without
 * claiming it still ranks). Other shared principles add a little; so does the content the story
 * shares with the prompt and the signals of a strong answer. Ties keep file order. Pure.
 */
export function suggest(stories: readonly Story[], question: SuggestQuestion): Suggestion[] {
  const [main, ...others] = question.principles;
  const signals = question.signals ?? [];
  const promptTerms = new Set(
    [...contentTerms(`${question.prompt} ${signals.join(' ')}`)].filter((t) => !PROMPT_FRAMING.has(t)),
  );
  const ranked = stories.map((story, order) => {
    const reasons: string[] = [];
    let score = 0;
    if (main) {
      const name = findPrinciple(main)?.name ?? main;
      const claimed = story.principles.includes(main);
      const shown = relevance(story, main);
      score += (claimed ? MAIN_CLAIMED : 0) + MAIN_SHOWN * shown.score;
      if (claimed && shown.score >= WEAK_RELEVANCE) {
        reasons.push(`shows ${name}, the question's main principle${cueList(shown.cues)}`);
      } else if (claimed) {
        reasons.push(`claims ${name}, the question's main principle, but shows it weakly`);
      } else if (shown.score >= SHOWN_RELEVANCE) {
        reasons.push(`shows ${name}${cueList(shown.cues)} without claiming it`);
      }
    }
    const shared = others.filter((p) => story.principles.includes(p));
    if (others.length > 0) score += SECONDARY * (shared.length / others.length);
    if (shared.length > 0) {
      reasons.push(`also claims ${shared.map((p) => findPrinciple(p)?.name ?? p).join(', ')}`);
    }
    const storyTerms = contentTerms(`${story.title} ${storyText(story)} ${(story.metrics ?? []).join(' ')}`);
    const common = [...promptTerms].filter((t) => storyTerms.has(t));
    score += CONTENT * Math.min(1, common.length / Math.min(FULL_OVERLAP, Math.max(1, promptTerms.size)));
    if (common.length > 0) {
      const words = common.slice(0, 5).map((t) => wordFor(t, question.prompt, signals));
      reasons.push(`shares ${words.map((w) => `"${w}"`).join(', ')} with the question`);
    }
    if (reasons.length === 0) reasons.push('no principle or content in common with the question');
    return { id: story.id, title: story.title, score: Math.round(score * 100), reasons, order };
  });
  return ranked
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ order: _, ...suggestion }) => suggestion);
}

/** A term as the question writes it ("databases"), not its stem ("databas"). */
function wordFor(term: string, prompt: string, signals: readonly string[]): string {
  return wordsIn(`${prompt} ${signals.join(' ')}`).find((w) => stem(w) === term) ?? term;
}

function cueList(cues: readonly string[]): string {
  return cues.length > 0 ? ` (${cues.slice(0, 3).join(', ')})` : '';
}

/**
 * The one or two stories that fit a question best (practice shows them above it), or undefined when
 * stories do not apply to the question.
 */
export function storiesThatFit(
  question: Pick<BankQuestion, 'prompt' | 'principles' | 'rubric'> & { signals?: string[] },
  stories: readonly Story[],
  registry: Registry,
): Suggestion[] | undefined {
  if (!isBehavioral(question, registry)) return undefined;
  return suggest(stories, question)
    .filter((s) => s.score >= FIT_SCORE)
    .slice(0, 2);
}
