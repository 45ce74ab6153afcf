import { describe, expect, it } from 'vitest';
import { storiesCoverageCommand } from '../../src/commands/stories.js';
import { PRINCIPLE_IDS } from '../../src/schema/principles.js';
import { coverage, MIN_STORIES } from '../../src/stories/coverage.js';
import { captureContext, parseJson } from '../helpers/command-context.js';
import { FIXTURE, fixtureStories } from './helpers.js';

describe('coverage of the 16 principles', () => {
  it('counts the stories that claim each principle, in file order, for all 16', () => {
    const result = coverage(fixtureStories());
    expect(result.principles.map((p) => p.principle)).toEqual(PRINCIPLE_IDS);
    const counts = Object.fromEntries(result.principles.map((p) => [p.principle, p.count]));
    expect(counts).toEqual({
      'customer-obsession': 2,
      ownership: 1,
      'invent-and-simplify': 1,
      'are-right-a-lot': 0,
      'learn-and-be-curious': 0,
      'hire-and-develop-the-best': 1,
      'insist-on-the-highest-standards': 1,
      'think-big': 1,
      'bias-for-action': 1,
      frugality: 1,
      'earn-trust': 1,
      'dive-deep': 2,
      'have-backbone-disagree-and-commit': 1,
      'deliver-results': 1,
      'strive-to-be-earths-best-employer': 0,
      'success-and-scale-bring-broad-responsibility': 0,
    });
    const byId = new Map(result.principles.map((p) => [p.principle, p]));
    expect(byId.get('customer-obsession')!.stories).toEqual([
      'cloud-bill-cut',
      'support-tickets-to-self-serve',
    ]);
    expect(byId.get('dive-deep')!.stories).toEqual(['billing-migration', 'weak-team-story']);
    // Fewer than two stories is thin.
    expect(result.principles.filter((p) => p.thin).length).toBe(14);
    for (const p of result.principles) expect(p.thin).toBe(p.count < MIN_STORIES);
  });

  it('flags exactly the claims a reader labels as not shown (see the fixture header)', () => {
    const weak = coverage(fixtureStories())
      .claims.filter((c) => c.weak)
      .map((c) => `${c.story} ${c.principle}`);
    expect(weak).toEqual([
      'weak-team-story dive-deep',
      'weak-team-story deliver-results',
      'cloud-bill-cut customer-obsession',
      'cloud-bill-cut think-big',
      'mentored-new-lead bias-for-action',
    ]);
  });

  it('a weak claim still counts, and is listed under the principle', () => {
    const deliver = coverage(fixtureStories()).principles.find((p) => p.principle === 'deliver-results')!;
    expect(deliver).toMatchObject({ count: 1, stories: ['weak-team-story'], weak: ['weak-team-story'] });
  });
});

describe('coach stories coverage', () => {
  it('--json prints {principle, stories, count} for all 16 principles', async () => {
    const ctx = captureContext();
    expect(await storiesCoverageCommand({ stories: FIXTURE, json: true }, ctx)).toBe(0);
    const rows = parseJson<{ principle: string; stories: string[]; count: number }[]>(ctx.out());
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['principle', 'stories', 'count']);
      expect(row.count).toBe(row.stories.length);
    }
    expect(rows.find((r) => r.principle === 'dive-deep')).toEqual({
      principle: 'dive-deep',
      stories: ['billing-migration', 'weak-team-story'],
      count: 2,
    });
  });

  it('prints a matrix with ! on thin principles, a legend and the weak claims', async () => {
    const ctx = captureContext();
    await storiesCoverageCommand({ stories: FIXTURE }, ctx);
    const out = ctx.out();
    const lines = out.split('\n');
    expect(lines.find((l) => l.includes('Customer Obsession'))).toMatch(
      /^ {3}Customer Obsession\s+· · · ○ · ●\s+2$/,
    );
    expect(lines.find((l) => l.includes('Deliver Results'))).toMatch(
      /^! {2}Deliver Results\s+· · ○ · · ·\s+1$/,
    );
    expect(out).toContain('  1  billing-migration  Migrated billing to a new database without downtime');
    expect(out).toContain('! 14 of 16 principles have fewer than 2 stories');
    expect(out).toMatch(/Weak claims[^\n]*\n(.*\n)*\s+cloud-bill-cut → Think Big \(relevance 0\.00/);
  });

  it('a missing default file is exit 2 with the way to create one', async () => {
    const ctx = captureContext();
    await expect(storiesCoverageCommand({}, ctx)).rejects.toThrow(/no stories file yet.*coach stories init/);
    await expect(storiesCoverageCommand({}, ctx)).rejects.toMatchObject({ exitCode: 2 });
  });
});
