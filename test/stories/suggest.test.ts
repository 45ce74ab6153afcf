import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { storiesSuggestCommand } from '../../src/commands/stories.js';
import { UsageError } from '../../src/errors.js';
import { FIT_SCORE, storiesThatFit, suggest } from '../../src/stories/suggest.js';
import { storyHintLine } from '../../src/ui/story-hint.js';
import { captureContext, parseJson } from '../helpers/command-context.js';
import { FIXTURE, fixtureStories } from './helpers.js';

const DIVE_DEEP = {
  prompt:
    'Tell me about the hardest production issue you personally root-caused. Take me down to the detail that finally cracked it.',
  principles: ['dive-deep', 'ownership'],
  signals: ['Follows the data through logs, metrics and traces to one root cause', 'Fixes it for good'],
};

describe('ranking stories for a question', () => {
  it('puts the story that claims and shows the main principle first, a weak claim next, the rest after', () => {
    const ranked = suggest(fixtureStories(), DIVE_DEEP);
    expect(ranked.map((s) => s.id).slice(0, 2)).toEqual(['billing-migration', 'weak-team-story']);
    const [best, second, third] = ranked;
    expect(best!.score).toBeGreaterThan(second!.score);
    expect(second!.score).toBeGreaterThanOrEqual(FIT_SCORE);
    expect(third!.score).toBeLessThan(FIT_SCORE);
    expect(best!.reasons[0]).toMatch(
      /^shows Dive Deep, the question's main principle \(logs, dug, traced\)$/,
    );
    expect(best!.reasons).toContain('also claims Ownership');
    expect(second!.reasons[0]).toBe("claims Dive Deep, the question's main principle, but shows it weakly");
    // Every story is ranked, scores are 0-100 and in order.
    expect(ranked).toHaveLength(6);
    for (const s of ranked) expect(s.score).toBeGreaterThanOrEqual(0);
    expect([...ranked].sort((a, b) => b.score - a.score)).toEqual(ranked);
  });

  it('the main principle outweighs a secondary one', () => {
    const ranked = suggest(fixtureStories(), {
      prompt: 'Tell me about a time you took on a problem nobody owned.',
      principles: ['ownership', 'dive-deep'],
    });
    const weak = ranked.findIndex((s) => s.id === 'weak-team-story'); // dive-deep only
    expect(ranked[0]!.id).toBe('billing-migration'); // ownership and dive-deep
    expect(weak).toBeGreaterThan(0);
  });

  it('a story that shows the main principle without claiming it still ranks, with the reason', () => {
    const stories = fixtureStories().map((s) =>
      s.id === 'pushed-back-on-kafka' ? { ...s, principles: ['earn-trust'] } : s,
    );
    const ranked = suggest(stories, {
      prompt: 'Tell me about a time you disagreed with a decision and then committed to it.',
      principles: ['have-backbone-disagree-and-commit'],
    });
    expect(ranked[0]!.id).toBe('pushed-back-on-kafka');
    expect(ranked[0]!.reasons[0]).toMatch(
      /^shows Have Backbone; Disagree and Commit \(.*\) without claiming it$/,
    );
  });

  it('ties keep file order', () => {
    const ranked = suggest(fixtureStories(), { prompt: 'Zebra quokka?', principles: [] });
    expect(ranked.map((s) => s.id)).toEqual(fixtureStories().map((s) => s.id));
  });
});

describe('coach stories suggest', () => {
  it('--json ranks the stories for a shipped question, with fit and reasons', async () => {
    const ctx = captureContext();
    expect(
      await storiesSuggestCommand('bhv-dive-deep-hardest-root-cause', { stories: FIXTURE, json: true }, ctx),
    ).toBe(0);
    const ranked = parseJson<{ id: string; title: string; score: number; fit: boolean; reasons: string[] }[]>(
      ctx.out(),
    );
    expect(ranked.map((s) => s.id).slice(0, 2)).toEqual(['billing-migration', 'weak-team-story']);
    expect(Object.keys(ranked[0]!)).toEqual(['id', 'title', 'score', 'reasons', 'fit']);
    expect(ranked.filter((s) => s.fit).map((s) => s.id)).toEqual(['billing-migration', 'weak-team-story']);
  });

  it('prints the fitting stories, numbered, with their reasons', async () => {
    const ctx = captureContext();
    await storiesSuggestCommand('bhv-dive-deep-hardest-root-cause', { stories: FIXTURE, count: 1 }, ctx);
    const out = ctx.out();
    expect(out).toMatch(/^bhv-dive-deep-hardest-root-cause {2}Dive Deep \(main\), Ownership\n/);
    expect(out).toMatch(
      /\n1\. billing-migration {2}Migrated billing to a new database without downtime {2}\d+\/100\n {3}- shows Dive Deep/,
    );
    expect(out).not.toContain('2. weak-team-story');
    expect(out).toContain('1 more story fits; show them with --count 2');
  });

  it('refuses a design question and an unknown one (exit 2)', async () => {
    await expect(
      storiesSuggestCommand('sd-photo-library-backend', { stories: FIXTURE }, captureContext()),
    ).rejects.toThrow(/not a behavioral question/);
    await expect(
      storiesSuggestCommand('no-such-question', { stories: FIXTURE }, captureContext()),
    ).rejects.toBeInstanceOf(UsageError);
  });
});

describe('the practice header line', () => {
  it('names the top stories for a behavioral question and nothing for a design question', async () => {
    const registry = await loadRegistry({ banks: [] }, process.cwd());
    const color = new Chalk({ level: 0 });
    const question = registry.questions.find((q) => q.id === 'bhv-dive-deep-hardest-root-cause')!;
    const storyHint = (...args: Parameters<typeof storiesThatFit>) => {
      const fits = storiesThatFit(...args);
      return fits && storyHintLine(fits, color);
    };
    expect(storyHint(question, fixtureStories(), registry)).toBe(
      'Your stories: billing-migration (Migrated billing to a new database without downtime) · weak-team-story (Fixed a slow service with the team)',
    );
    const design = registry.questions.find((q) => q.id === 'sd-photo-library-backend')!;
    expect(storyHint(design, fixtureStories(), registry)).toBeUndefined();
    const none = storyHint(
      question,
      fixtureStories()
        .slice(2, 3)
        .map((s) => ({ ...s, principles: ['frugality'] })),
      registry,
    );
    expect(none).toMatch(/^Your stories: none fits this question/);
  });
});
