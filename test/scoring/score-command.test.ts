import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scoreCommand } from '../../src/commands/score.js';
import { CoachError } from '../../src/errors.js';
import { captureContext, parseJson } from '../helpers/command-context.js';

const ANSWER = `When I joined the payments team in 2022, refunds took nine days because every refund needed a manual
review. My goal was to get most refunds done in a day without raising fraud losses. I pulled six months of refund
data and found that 85% of refunds under $50 were never disputed, so I proposed auto-approving them with a daily
limit per account. I wrote the rules, ran them in shadow mode for two weeks, and reviewed every mismatch with the
fraud team. As a result, median refund time dropped from nine days to four hours and fraud losses stayed flat.
I learned to run a shadow period before any automated decision; since then I do it by default.`;

describe('coach score', () => {
  it('--json prints exactly one object with the documented keys', async () => {
    const ctx = captureContext();
    const file = join(ctx.cwd, 'answer.txt');
    writeFileSync(file, ANSWER);
    expect(
      await scoreCommand(
        { question: 'bhv-customer-pain-before-complaints', answerFile: file, json: true, level: 'L6' },
        ctx,
      ),
    ).toBe(0);
    const result = parseJson<Record<string, unknown>>(ctx.out());
    expect(Object.keys(result)).toEqual([
      'questionId',
      'rubric',
      'scorer',
      'model',
      'promptVersion',
      'rubricVersion',
      'level',
      'overall',
      'verdict',
      'criteria',
      'suggestions',
      'warnings',
    ]);
    expect(result).toMatchObject({
      questionId: 'bhv-customer-pain-before-complaints',
      rubric: 'star',
      scorer: 'offline',
      level: 'L6',
    });
    for (const c of result.criteria as Record<string, unknown>[]) {
      expect(Object.keys(c)).toEqual(['id', 'name', 'score', 'max', 'evidence', 'feedback']);
    }
  });

  it('a focused question is judged on its focus criteria only, and both outputs say which', async () => {
    const answer = `I would first check whether purchase events reach the feature pipeline, and how late. Then I would
add post-purchase suppression in re-ranking at the product-type level, with a repurchase interval for consumables,
and impression discounting so items shown five times without a click decay. The loop is that the most shown items
collect the most clicks and are retrained as winners, so I would reserve a small exploration budget. I would run an
A/B test with purchases as the primary metric and clicks as a guardrail I expect to drop.`;
    const json = captureContext();
    const file = join(json.cwd, 'answer.txt');
    writeFileSync(file, answer);
    await scoreCommand({ question: 'pers-repeat-and-stale-recs', answerFile: file, json: true }, json);
    const result = parseJson<{ rubric: string; criteria: { id: string }[]; focusCriteria: string[] }>(
      json.out(),
    );
    const focus = ['ranking', 'features', 'exploration-and-feedback-loops', 'online-evaluation'];
    expect(result.rubric).toBe('recommender-system-design');
    expect(result.focusCriteria).toEqual(focus);
    expect(result.criteria.map((c) => c.id)).toEqual(focus);

    const human = captureContext({ cwd: json.cwd });
    await scoreCommand({ question: 'pers-repeat-and-stale-recs', answerFile: file }, human);
    expect(human.out().replace(/\s+/g, ' ')).toContain(
      'Focused question: judged on ranking, features, exploration-and-feedback-loops, online-evaluation only',
    );
    expect(human.out()).not.toContain('Cold start');
  });

  it('reads the answer from stdin, and scores against a rubric and a free prompt', async () => {
    const stdin = new PassThrough();
    stdin.end(ANSWER);
    const ctx = captureContext({ stdin });
    await scoreCommand(
      { rubric: 'star', prompt: 'Tell me about a time you made customers happier.', json: true },
      ctx,
    );
    const result = parseJson<{ questionId: string | null; rubric: string; overall: number }>(ctx.out());
    expect(result).toMatchObject({ questionId: null, rubric: 'star' });
    expect(result.overall).toBeGreaterThan(0);
    // The whole answer was read: the same answer from a file scores the same.
    const fromFile = captureContext();
    const file = join(fromFile.cwd, 'answer.txt');
    writeFileSync(file, ANSWER);
    await scoreCommand(
      {
        rubric: 'star',
        prompt: 'Tell me about a time you made customers happier.',
        answerFile: file,
        json: true,
      },
      fromFile,
    );
    expect(result.overall).toBe(parseJson<{ overall: number }>(fromFile.out()).overall);
    // ...and differently from its first half, so a truncated read would show.
    const halfIn = new PassThrough();
    halfIn.end(ANSWER.slice(0, ANSWER.length / 2));
    const half = captureContext({ stdin: halfIn });
    await scoreCommand(
      { rubric: 'star', prompt: 'Tell me about a time you made customers happier.', json: true },
      half,
    );
    expect(parseJson<{ overall: number }>(half.out()).overall).not.toBe(result.overall);
  });

  it('prints a human report with bars, the verdict and suggestions', async () => {
    const stdin = new PassThrough();
    stdin.end(ANSWER);
    const ctx = captureContext({ stdin });
    await scoreCommand({ question: 'bhv-customer-pain-before-complaints' }, ctx);
    expect(ctx.out()).toMatch(/^Score +\d+\/100 {2}(strong hire|hire|no hire|strong no hire)/);
    expect(ctx.out()).toMatch(/█/);
    expect(ctx.out()).toContain('Top suggestions');
  });

  it.each([
    [{ question: 'no-such-question' }, /unknown question "no-such-question"/],
    [{}, /--question <id>, or --rubric <id> with --prompt/],
    [{ question: 'bhv-customer-pain-before-complaints', rubric: 'star' }, /not both/],
    [{ rubric: 'nope', prompt: 'x' }, /unknown rubric "nope"/],
    [
      { question: 'bhv-customer-pain-before-complaints', answerFile: 'missing.txt' },
      /cannot read answer file missing.txt: no such file/,
    ],
  ])('usage error for %j', async (options, message) => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const run = scoreCommand(options, captureContext({ stdin }));
    // Usage and I/O errors alike: one line, exit 2.
    await expect(run).rejects.toMatchObject({ exitCode: 2 });
    await expect(run).rejects.toBeInstanceOf(CoachError);
    await expect(run).rejects.toThrow(message);
  });

  it('refuses to wait for a typed answer on a terminal', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    await expect(
      scoreCommand({ question: 'bhv-customer-pain-before-complaints' }, captureContext({ stdin })),
    ).rejects.toThrow(/no answer given: pass --answer-file FILE, or pipe the answer on stdin/);
  });

  it('--mode judges length against typing (the default) or speaking, for the same answer', async () => {
    // 119 words for a 4-minute question: a full typed answer, a thin spoken one.
    const concision = async (mode?: 'typed' | 'spoken') => {
      const ctx = captureContext();
      const file = join(ctx.cwd, 'answer.txt');
      writeFileSync(file, ANSWER);
      await scoreCommand(
        {
          question: 'bhv-customer-pain-before-complaints',
          answerFile: file,
          json: true,
          ...(mode ? { mode } : {}),
        },
        ctx,
      );
      const result = parseJson<{ criteria: { id: string; score: number; feedback: string }[] }>(ctx.out());
      return result.criteria.find((c) => c.id === 'concision')!;
    };
    const typed = await concision();
    expect(typed.feedback).toMatch(/^Fits a 4-minute typed answer \(119 words; up to about 240 fit\)/);
    expect(typed.score).toBe(4);
    expect(await concision('typed')).toEqual(typed);
    const spoken = await concision('spoken');
    expect(spoken.feedback).toMatch(/^Too thin for a 4-minute spoken answer \(119 words; about 560 fit\)/);
    expect(spoken.score).toBe(2);
  });
});
