import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { buildDebrief, type Debrief } from '../../src/loop/debrief.js';
import type { ScoreResult } from '../../src/scoring/result.js';
import { repoRoot } from '../helpers/paths.js';
import {
  type Asked,
  asked,
  goodTrust,
  outcomes,
  plan,
  STORY,
  strongDive,
  strongOwnership,
  strongR1,
  typicalLoop,
  weakBig,
  weakDesign,
} from './debrief-fixture.js';

const bank = (await loadRegistry({ banks: [] }, repoRoot)).questions;

/** Every quote in the debrief, with the question it claims to come from. */
function quotes(d: Debrief): { questionId: string; quote: string }[] {
  return [
    ...d.rounds.flatMap((r) => r.evidence),
    ...d.principles.flatMap((p) => [p.strongest, p.weakest].filter((e) => e !== null)),
  ];
}

describe('buildDebrief', () => {
  it('votes a strong round strong hire and a weak one no hire, with the mean that decided', () => {
    const d = buildDebrief(plan, typicalLoop(weakBig(60, 'hire')), bank);
    const [r1, r2, r3] = d.rounds;
    expect(r1).toMatchObject({
      vote: 'strong-hire',
      basis: 84,
      reason: 'mean overall 84/100 of 2 question(s)',
    });
    expect(r2).toMatchObject({ vote: 'no-hire', basis: 30 });
    // The bar raiser votes on the weakest story, not the mean.
    expect(r3).toMatchObject({
      vote: 'hire',
      basis: 60,
      reason: 'the weakest question decides: bhv-think-big-team-ambition scored 60/100',
    });
    // One no hire, no block: hire, and the reason names the round.
    expect(d.recommendation.decision).toBe('hire');
    expect(d.recommendation.because).toBe(
      'one no hire (r2 (Senior engineer)) against 2 hire votes, and no block',
    );
    expect(d.recommendation.rule).toMatch(/bar raiser no hire, blocks/);
    // Every number says which judge produced it.
    expect(d.judges).toEqual(['offline (offline-1)']);
    expect(r1!.questions.map((q) => q.judge)).toEqual(['offline (offline-1)', 'offline (offline-1)']);
  });

  it('a bar-raiser no hire blocks the offer even when every other interviewer votes hire', () => {
    const d = buildDebrief(
      plan,
      outcomes(
        strongR1,
        [asked('sd-photo-library-backend', { ...weakDesign, overall: 70, verdict: 'hire' })],
        [
          asked('bhv-trust-skeptical-partner-team', { ...goodTrust, overall: 95, verdict: 'strong-hire' }),
          asked('bhv-think-big-team-ambition', weakBig(40, 'no-hire')),
        ],
      ),
      bank,
    );
    expect(d.rounds.map((r) => r.vote)).toEqual(['strong-hire', 'hire', 'no-hire']);
    expect(d.recommendation.decision).toBe('no-hire');
    expect(d.recommendation.because).toBe('the bar raiser votes no hire: r3 (Bar raiser)');
  });

  it('any strong no hire blocks; two no hires are no hire; all strong is strong hire', () => {
    const design = (overall: number, verdict: ScoreResult['verdict']) => [
      asked('sd-photo-library-backend', { ...weakDesign, overall, verdict }),
    ];
    const bar = [
      asked('bhv-trust-skeptical-partner-team', { ...goodTrust, overall: 90, verdict: 'strong-hire' }),
      asked('bhv-think-big-team-ambition', weakBig(85, 'strong-hire')),
    ];
    const blocked = buildDebrief(plan, outcomes(strongR1, design(10, 'strong-no-hire'), bar));
    expect(blocked.recommendation).toMatchObject({
      decision: 'no-hire',
      because: 'strong no hire from r2 (Senior engineer)',
    });
    const weakR1 = [
      asked('bhv-ownership-outside-your-area', { ...strongOwnership, overall: 40, verdict: 'no-hire' }),
      asked('bhv-dive-deep-due-diligence', { ...strongDive, overall: 45, verdict: 'no-hire' }),
    ];
    expect(buildDebrief(plan, outcomes(weakR1, design(30, 'no-hire'), bar)).recommendation).toMatchObject({
      decision: 'no-hire',
      because: '2 no hire votes: r1 (Hiring manager), r2 (Senior engineer)',
    });
    expect(
      buildDebrief(plan, outcomes(strongR1, design(90, 'strong-hire'), bar)).recommendation.decision,
    ).toBe('strong-hire');
  });

  it('quotes only what the candidate wrote: scorer quotes checked against the answers', () => {
    const d = buildDebrief(plan, typicalLoop(weakBig(40, 'no-hire')), bank);
    const all = quotes(d);
    expect(all.length).toBeGreaterThan(5);
    for (const { questionId, quote } of all) expect(STORY[questionId as Asked]).toContain(quote);
    expect(JSON.stringify(d)).not.toContain('bold ten-year vision');
    // Per principle: the strongest and weakest criterion's quotes.
    const ownership = d.principles.find((p) => p.principle === 'ownership')!;
    expect(ownership).toMatchObject({
      name: 'Ownership',
      roundId: 'r1',
      overall: 88,
      strongest: { quote: 'I took it on although it was not my team.', score: 4 },
      weakest: {
        quote: 'Last year our billing exports failed every night.',
        criterion: 'Structure',
        score: 2,
      },
    });
    // Never the same words twice, and nothing is "weakest" that scored no lower than the strongest.
    const big = d.principles.find((p) => p.principle === 'think-big')!;
    expect(big.strongest?.quote).toBe('it was fine I think');
    expect(big.weakest).toBeNull();
    // The round's evidence: its best quote first, its worst last.
    expect(d.rounds[1]!.evidence.map((e) => e.quote)).toEqual([
      'First the requirements: uploads, albums, sharing.',
      'Not sure about caching.',
    ]);
  });

  it("the bar raiser's summary names the vote, the weakest story with its quote, and the second examples", () => {
    const d = buildDebrief(
      plan,
      typicalLoop(weakBig(40, 'no-hire'), ['Another time I rebuilt trust with finance.', '']),
    );
    expect(d.barRaiser?.roundId).toBe('r3');
    const summary = d.barRaiser!.summary;
    expect(summary).toContain('The bar raiser probed Earn Trust and Think Big and votes no hire');
    expect(summary).toContain(
      'Weakest: Think Big at 40/100, results and quantified impact 1/4: "it was fine I think"',
    );
    expect(summary).toContain('Strongest: Earn Trust at 70/100: "I met their lead every week"');
    expect(summary).toContain('A second example was asked for 2 stories and given for 1.');
  });

  it('an unscored round has no vote and is listed as missing; an insufficient answer counts as 0', () => {
    const insufficient: ScoreResult = { ...weakBig(0, 'insufficient'), overall: null };
    const d = buildDebrief(
      plan,
      outcomes(
        strongR1,
        [asked('sd-photo-library-backend', null)],
        [
          asked('bhv-trust-skeptical-partner-team', goodTrust),
          asked('bhv-think-big-team-ambition', insufficient),
        ],
      ),
    );
    expect(d.rounds[1]).toMatchObject({
      vote: null,
      basis: null,
      reason: 'no vote: none of its questions was scored',
    });
    expect(d.rounds[2]).toMatchObject({ vote: 'strong-no-hire', basis: 0 });
    expect(d.recommendation).toMatchObject({ decision: 'no-hire', missing: ['r2'] });
    const none = buildDebrief(plan, []);
    expect(none.recommendation.decision).toBeNull();
    expect(none.rounds.every((r) => r.vote === null)).toBe(true);
  });

  it('three things to practise, weakest first, each linked to the loop question and bank questions', () => {
    const d = buildDebrief(plan, typicalLoop(weakBig(20, 'strong-no-hire')), bank);
    // Ranked by how far below the top: latency at 1/4 everywhere, Think Big's story at 20/100, then
    // the trade-offs criterion (1 of 4 once, but never quoted, so still a gap of 1).
    expect(d.practice.map((p) => p.focus)).toEqual([
      'Latency (criterion)',
      'Trade-offs (criterion)',
      'Think Big (principle)',
    ]);
    const thinkBig = d.practice[2]!;
    expect(thinkBig.reason).toBe('its story scored 20/100, weakest on results and quantified impact');
    expect(thinkBig.questionIds[0]).toBe('bhv-think-big-team-ambition');
    const byId = new Map(bank.map((q) => [q.id, q]));
    for (const item of d.practice) {
      expect(item.questionIds.length).toBeGreaterThanOrEqual(2);
      for (const id of item.questionIds) expect(byId.get(id)?.levels, id).toContain('L6');
    }
    // Other Think Big questions to practise on, from the banks.
    for (const id of thinkBig.questionIds.slice(1)) expect(byId.get(id)!.principles[0]).toBe('think-big');
    const criteria = d.practice.filter((p) => p.focus.endsWith('(criterion)'));
    expect(criteria.length).toBeGreaterThan(0);
    expect(criteria[0]!.reason).toMatch(/^mean \d\.\d\/4 over \d answer\(s\), lowest 1 on /);
  });

  it('names every judge when the loop was scored by more than one', () => {
    const llm = { scorer: 'anthropic' as const, model: 'claude-sonnet-5-5', promptVersion: '0123456789' };
    const d = buildDebrief(
      plan,
      outcomes(strongR1, [asked('sd-photo-library-backend', { ...weakDesign, ...llm })], []),
    );
    expect(d.judges).toEqual(['anthropic claude-sonnet-5-5 (prompt 0123456789)', 'offline (offline-1)']);
    expect(d.rounds[1]!.questions[0]!.judge).toBe('anthropic claude-sonnet-5-5 (prompt 0123456789)');
  });
});
