import type { Question, Story } from '../schema/index.js';
import { findPrinciple } from '../schema/principles.js';

/** A story is checked as a three-minute answer: about 420 words at a speaking pace. */
export const STORY_SECONDS = 180;

/** The story as it would be told: free text as written, STAR parts as four paragraphs in order. */
export function storyText(story: Story): string {
  if (story.text !== undefined) return story.text;
  const { situation, task, action, result } = story.star!;
  return [situation, task, action, result].join('\n\n');
}

/** What a scorer needs of a question. */
export type StoryQuestion = Pick<Question, 'id' | 'prompt' | 'principles' | 'signals' | 'timeLimitSeconds'>;

/**
 * The question a story answers best: "tell me about a time you showed <its main principle>", with
 * its principles, no signals (there is no interviewer's list to match, so relevance rests on the
 * principle's own cues) and three minutes to tell it.
 */
export function storyQuestion(story: Pick<Story, 'id' | 'principles'>): StoryQuestion {
  const main = story.principles[0];
  const name = (main && findPrinciple(main)?.name) ?? 'a Leadership Principle';
  return {
    id: `story:${story.id}`,
    prompt: `Tell me about a time you showed ${name}.`,
    principles: [...story.principles],
    signals: [],
    timeLimitSeconds: STORY_SECONDS,
  };
}
