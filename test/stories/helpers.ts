import { join } from 'node:path';
import { analyzeFile } from '../../src/banks/analyze-files.js';
import type { Story } from '../../src/schema/index.js';

export const FIXTURE = join(import.meta.dirname, 'fixtures', 'stories.yaml');

/** The fixture's stories, by id; the file must load clean. */
export function fixtureStories(): Story[] {
  const analysis = analyzeFile(FIXTURE);
  if (analysis.problems.length > 0) throw new Error(`fixture has problems: ${analysis.problems[0]!.message}`);
  return (analysis.stories ?? []).map(({ story }) => story);
}

export function storyById(id: string): Story {
  const story = fixtureStories().find((s) => s.id === id);
  if (!story) throw new Error(`no story ${id} in the fixture`);
  return story;
}
