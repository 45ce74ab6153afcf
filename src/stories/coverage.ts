import type { Story } from '../schema/index.js';
import { LEADERSHIP_PRINCIPLES, type PrincipleId } from '../schema/principles.js';
import { relevance, SHOWN_RELEVANCE, WEAK_RELEVANCE } from './relevance.js';

/** Interviewers ask two or three questions on a principle in a loop: one story per principle runs out. */
export const MIN_STORIES = 2;

/** One story's claim to show a principle, with how much its text bears it out. */
export interface Claim {
  story: string;
  principle: PrincipleId;
  /** 0-1; see relevance.ts. */
  relevance: number;
  /** The principle's cue words found in the story. */
  cues: string[];
  /** Below WEAK_RELEVANCE: the story claims the principle but hardly shows it. */
  weak: boolean;
}

export interface PrincipleCoverage {
  principle: PrincipleId;
  name: string;
  /** Ids of the stories that claim the principle, in file order. */
  stories: string[];
  count: number;
  /** Ids of the stories whose claim is weak. */
  weak: string[];
  /** Fewer than MIN_STORIES stories claim it. */
  thin: boolean;
  /** For thin principles: stories that show it clearly without claiming it, best first. */
  shownBy: { story: string; relevance: number; cues: string[] }[];
}

export interface Coverage {
  /** All 16 principles, in the canonical order. */
  principles: PrincipleCoverage[];
  /** Every (story, principle) claim, in file order. */
  claims: Claim[];
}

/** The story bank against the 16 Leadership Principles. Pure. */
export function coverage(stories: readonly Story[]): Coverage {
  const claims: Claim[] = [];
  for (const story of stories) {
    for (const principle of new Set(story.principles)) {
      if (!LEADERSHIP_PRINCIPLES.some((p) => p.id === principle)) continue;
      const r = relevance(story, principle);
      claims.push({
        story: story.id,
        principle: principle as PrincipleId,
        relevance: r.score,
        cues: r.cues,
        weak: r.score < WEAK_RELEVANCE,
      });
    }
  }
  const principles = LEADERSHIP_PRINCIPLES.map((p): PrincipleCoverage => {
    const mine = claims.filter((c) => c.principle === p.id);
    const ids = [...new Set(mine.map((c) => c.story))];
    const thin = ids.length < MIN_STORIES;
    return {
      principle: p.id,
      name: p.name,
      stories: ids,
      count: ids.length,
      weak: mine.filter((c) => c.weak).map((c) => c.story),
      thin,
      shownBy: thin ? unclaimedShows(stories, p.id, new Set(ids)) : [],
    };
  });
  return { principles, claims };
}

function unclaimedShows(stories: readonly Story[], principle: PrincipleId, claimed: ReadonlySet<string>) {
  return stories
    .filter((s) => !claimed.has(s.id))
    .map((s) => {
      const r = relevance(s, principle);
      return { story: s.id, relevance: r.score, cues: r.cues };
    })
    .filter((s) => s.relevance >= SHOWN_RELEVANCE)
    .sort((a, b) => b.relevance - a.relevance);
}
