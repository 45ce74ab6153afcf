import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BankQuestion, loadRegistry } from '../../src/banks/registry.js';
import { UsageError } from '../../src/errors.js';
import { jobProfile } from '../../src/loop/job.js';
import { buildLoopPlan, type LoopPlan, questionSeconds, roundKindOf } from '../../src/loop/plan.js';
import { loopPlanSchema } from '../../src/loop/plan-schema.js';
import { LEVELS, type Level } from '../../src/schema/index.js';
import { repoRoot, sharedDir } from '../helpers/paths.js';

const registry = await loadRegistry({ banks: [] }, repoRoot);
const questions = registry.questions;
const byId = new Map(questions.map((q) => [q.id, q]));
const SEEDS = [1, 2, 3, 7, 42];

/** Every rule of a loop plan that holds whatever the level, seed or posting. */
function expectWellFormed(plan: LoopPlan, level: Level): void {
  expect(loopPlanSchema.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  const principles = plan.rounds.flatMap((r) => r.principles);
  expect(new Set(principles).size, `a principle asked twice: ${principles}`).toBe(principles.length);
  const ids = plan.rounds.flatMap((r) => r.questions);
  expect(new Set(ids).size, 'a question asked twice').toBe(ids.length);
  for (const id of ids) {
    expect(byId.has(id), `${id} is in the banks`).toBe(true);
    expect(byId.get(id)!.levels, `${id} fits ${level}`).toContain(level);
  }
  const barRaisers = plan.rounds.filter((r) => r.kind === 'bar-raiser');
  expect(barRaisers).toHaveLength(1);
  expect(plan.rounds.at(-1)!.kind).toBe('bar-raiser');
  plan.rounds.forEach((round, i) => {
    expect(round.id).toBe(`r${i + 1}`);
    expect(round.minutes).toBeGreaterThan(0);
    if (round.kind === 'behavioral' || round.kind === 'bar-raiser') {
      expect(round.principles.length).toBeGreaterThanOrEqual(2);
      expect(round.principles.length).toBeLessThanOrEqual(3);
      // One story question per principle, tagged with it, in the same order.
      expect(round.questions).toHaveLength(round.principles.length);
      round.questions.forEach((id, k) => {
        expect(byId.get(id)!.principles).toContain(round.principles[k]);
        expect(roundKindOf(byId.get(id)!)).toBe('behavioral');
      });
    } else {
      expect(round.principles).toEqual([]);
      for (const id of round.questions) expect(roundKindOf(byId.get(id)!)).toBe(round.kind);
    }
  });
}

describe('buildLoopPlan over the shipped banks', () => {
  it.each(LEVELS)('%s: well formed for several seeds', (level) => {
    for (const seed of SEEDS) expectWellFormed(buildLoopPlan(questions, { level, seed }), level);
  });

  it('L6 by default: five rounds, two behavioral, one or two design, the bar raiser last', () => {
    const plan = buildLoopPlan(questions, { level: 'L6', seed: 1 });
    const kinds = plan.rounds.map((r) => r.kind);
    expect(kinds).toHaveLength(5);
    expect(kinds.filter((k) => k === 'behavioral')).toHaveLength(2);
    const design = kinds.filter((k) => k !== 'behavioral' && k !== 'bar-raiser');
    expect(design.length).toBeGreaterThanOrEqual(1);
    expect(design.length).toBeLessThanOrEqual(2);
    expect(plan.job).toBeNull();
  });

  it('L7 and L8 lean to design and to the principal engineering questions (tenets)', () => {
    for (const level of ['L7', 'L8'] as const) {
      for (const seed of SEEDS) {
        const plan = buildLoopPlan(questions, { level, seed });
        const design = plan.rounds.filter((r) => r.principles.length === 0);
        expect(design.length).toBeGreaterThan(plan.rounds.length / 2);
        const withTenets = plan.rounds
          .flatMap((r) => r.questions)
          .filter((id) => byId.get(id)!.tenets?.length);
        expect(withTenets.length, `${level} seed ${seed}`).toBeGreaterThanOrEqual(3);
      }
    }
    // A senior loop asks no principal question: they are written for L7-L8 only.
    const l6 = buildLoopPlan(questions, { level: 'L6', seed: 1 });
    expect(l6.rounds.flatMap((r) => r.questions).filter((id) => byId.get(id)!.tenets?.length)).toEqual([]);
  });

  it('the bar raiser asks questions whose banks mark a second-example probe', () => {
    for (const seed of SEEDS) {
      const plan = buildLoopPlan(questions, { level: 'L6', seed });
      const barRaiser = plan.rounds.at(-1)!;
      for (const id of barRaiser.questions)
        expect(byId.get(id)!.followUps.map((f) => f.kind)).toContain('second-example');
    }
  });

  it('the same seed gives the same plan; different seeds give different ones', () => {
    const a = buildLoopPlan(questions, { level: 'L6', seed: 11 });
    expect(buildLoopPlan(questions, { level: 'L6', seed: 11 })).toEqual(a);
    // Independent of the order the banks were loaded in.
    expect(buildLoopPlan([...questions].reverse(), { level: 'L6', seed: 11 })).toEqual(a);
    const others = [12, 13, 14].map((seed) => buildLoopPlan(questions, { level: 'L6', seed }));
    for (const other of others) expect(other.rounds).not.toEqual(a.rounds);
  });

  it('--rounds N gives N rounds, the bar raiser always among them', () => {
    for (const level of LEVELS) {
      for (let n = 1; n <= 8; n++) {
        const plan = buildLoopPlan(questions, { level, seed: 5, rounds: n });
        expect(plan.rounds, `${level} --rounds ${n}`).toHaveLength(n);
        expectWellFormed(plan, level);
      }
    }
    expect(buildLoopPlan(questions, { level: 'L6', seed: 5, rounds: 1 }).rounds.map((r) => r.kind)).toEqual([
      'bar-raiser',
    ]);
    expect(buildLoopPlan(questions, { level: 'L6', seed: 5, rounds: 2 }).rounds.map((r) => r.kind)).toEqual([
      'behavioral',
      'bar-raiser',
    ]);
    for (const bad of [0, 9, 2.5])
      expect(() => buildLoopPlan(questions, { level: 'L6', seed: 5, rounds: bad })).toThrow(UsageError);
  });

  it('--time sets every question limit; the round minutes add them up and give them back', () => {
    const plan = buildLoopPlan(questions, { level: 'L6', seed: 3, timeSeconds: 30 });
    for (const round of plan.rounds) {
      expect(round.minutes).toBe((round.questions.length * 30) / 60);
      expect(questionSeconds(round)).toBe(30);
    }
    const odd = buildLoopPlan(questions, { level: 'L6', seed: 3, timeSeconds: 7 });
    for (const round of odd.rounds) expect(questionSeconds(round)).toBe(7);
    // Without --time, the bank's own limits: a design round is its one question's limit.
    const plain = buildLoopPlan(questions, { level: 'L6', seed: 3 });
    for (const round of plain.rounds.filter((r) => r.principles.length === 0))
      expect(questionSeconds(round)).toBe(byId.get(round.questions[0]!)!.timeLimitSeconds);
  });

  it('a level whose banks cannot fill a bar raiser and a behavioral round is one clear error', () => {
    const story = questions.find((q) => q.rubric === 'star' && q.levels.includes('L6'))!;
    const tagged = (id: string, principles: string[]): BankQuestion => ({ ...story, id, principles });
    // Three principles: a behavioral round and a bar raiser need four.
    const three = [tagged('a', ['ownership']), tagged('b', ['dive-deep']), tagged('c', ['earn-trust'])];
    expect(() => buildLoopPlan(three, { level: 'L6', seed: 1, rounds: 2 })).toThrow(
      'the banks have story questions for 3 Leadership Principle(s) at L6: 1 behavioral round(s) and a bar raiser need 2 principles each, with a question for each; ask for fewer --rounds',
    );
    expect(buildLoopPlan(three, { level: 'L6', seed: 1, rounds: 1 }).rounds).toHaveLength(1);
    // Four principles but three questions (one tells two of them): still too few, never a round of one.
    const shared = [...three.slice(0, 2), tagged('c', ['earn-trust', 'bias-for-action'])];
    expect(() => buildLoopPlan(shared, { level: 'L6', seed: 1, rounds: 2 })).toThrow(
      /too few story questions at L6/,
    );
    expect(() => buildLoopPlan(three, { level: 'L8', seed: 1, rounds: 1 })).toThrow(UsageError);
  });
});

describe('loopPlanSchema reads a plan back', () => {
  const plan = buildLoopPlan(questions, { level: 'L6', seed: 1 });

  it('refuses a principle owned by two rounds, naming where', () => {
    const twice = structuredClone(plan);
    twice.rounds[1 - 1]!.principles.push(plan.rounds.at(-1)!.principles[0]!);
    const result = loopPlanSchema.safeParse(twice);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/owned by an earlier round/);
    expect(result.error!.issues[0]!.path).toEqual(['rounds', plan.rounds.length - 1, 'principles', 0]);
  });

  it('refuses unknown keys, levels and out-of-order round ids', () => {
    expect(loopPlanSchema.safeParse({ ...plan, extra: 1 }).success).toBe(false);
    expect(loopPlanSchema.safeParse({ ...plan, level: 'L9' }).success).toBe(false);
    const swapped = structuredClone(plan);
    swapped.rounds[0]!.id = 'r2';
    expect(loopPlanSchema.safeParse(swapped).success).toBe(false);
  });
});

/** The design rounds' questions, as text: what a posting is meant to move. */
function designText(plan: LoopPlan): string {
  return plan.rounds
    .filter((r) => r.principles.length === 0)
    .flatMap((r) => r.questions)
    .map((id) => {
      const q = byId.get(id)!;
      return [q.prompt, q.category, ...q.signals].join(' ');
    })
    .join('\n');
}

/** The principal posting in the source documents: beside the checkout, or beside the worktrees' parent. */
const photosPosting =
  [sharedDir, join(repoRoot, '..', '..', 'shared')]
    .map((dir) => join(dir, 'seeds', '002_d1f8d5df3a7a014a.txt'))
    .find((file) => existsSync(file)) ?? join(sharedDir, 'seeds', '002_d1f8d5df3a7a014a.txt');

describe('a job posting steers the plan', () => {
  it.skipIf(!existsSync(photosPosting))(
    `the Amazon Photos principal posting moves the loop to storage, media and ML at scale (needs ${photosPosting})`,
    () => {
      const job = jobProfile(readFileSync(photosPosting, 'utf8'), 'photos.txt');
      const media = /\b(photos?|videos?|images?|media|storage|vision|thumbnails?)\b/gi;
      const mediaWords = (plan: LoopPlan) => designText(plan).match(media)?.length ?? 0;
      for (const level of ['L6', 'L7'] as const) {
        let tailoredTotal = 0;
        let plainTotal = 0;
        for (const seed of SEEDS) {
          const tailored = buildLoopPlan(questions, { level, seed, job });
          const plain = buildLoopPlan(questions, { level, seed });
          expectWellFormed(tailored, level);
          const kinds = tailored.rounds.map((r) => r.kind);
          expect(kinds, `${level} seed ${seed}`).toContain('system-design');
          expect(kinds, `${level} seed ${seed}`).toContain('ml-design');
          // The system design round is about the media platform (the system-design bank's photo thread).
          const system = byId.get(tailored.rounds.find((r) => r.kind === 'system-design')!.questions[0]!)!;
          expect([system.prompt, ...system.signals].join(' '), `${level} seed ${seed}`).toMatch(media);
          // The principal loop moves for every seed; the senior one in total (its default already has
          // a photo question for some seeds: the system-design bank is a photo platform thread).
          if (level === 'L7') expect(mediaWords(tailored), `seed ${seed}`).toBeGreaterThan(mediaWords(plain));
          tailoredTotal += mediaWords(tailored);
          plainTotal += mediaWords(plain);
          expect(tailored.job?.file).toBe('photos.txt');
          const terms = tailored.job?.terms ?? [];
          expect(
            terms.some((t) => /^(photos|video|vision)$/.test(t)),
            terms.join(),
          ).toBe(true);
          expect(terms.some((t) => t === 'ML' || t === 'AI')).toBe(true);
        }
        expect(tailoredTotal, level).toBeGreaterThan(plainTotal);
      }
      // At L7 the principal design round is the photo platform's strategy or its storage.
      const l7 = buildLoopPlan(questions, { level: 'L7', seed: 1, job });
      const systemRound = l7.rounds.find((r) => r.kind === 'system-design')!;
      expect(byId.get(systemRound.questions[0]!)!.prompt).toMatch(/photo/i);
    },
  );

  it('a payments and security posting moves the design rounds to security', () => {
    const job = jobProfile(
      `# Senior Software Engineer, Payments Security

We are hiring a senior engineer for our payments platform. You will build secure payment processing
for card transactions: PCI DSS compliance, encryption of card data at rest and in transit, key
management and rotation, tokenization, fraud detection, threat modeling, audit logging and least
privilege access for every service. Experience with secrets management and incident response to
credential leaks is a plus. Competitive salary and benefits; we are an equal opportunity employer.`,
      'payments.md',
    );
    const security =
      /\b(secur\w*|encrypt\w*|keys?|secrets?|compliance|audit\w*|privilege|threat\w*|pii|fraud|payments?)\b/gi;
    for (const seed of SEEDS) {
      const tailored = buildLoopPlan(questions, { level: 'L6', seed, job });
      const plain = buildLoopPlan(questions, { level: 'L6', seed });
      expectWellFormed(tailored, 'L6');
      const count = (plan: LoopPlan) => designText(plan).match(security)?.length ?? 0;
      expect(count(tailored), `seed ${seed}`).toBeGreaterThan(count(plain));
      const rubrics = tailored.rounds.flatMap((r) => r.questions).map((id) => byId.get(id)!.rubric);
      expect(rubrics, `seed ${seed}`).toContain('security-design');
      const terms = tailored.job?.terms ?? [];
      expect(terms).toContain('security');
      expect(terms.some((t) => /^(payments?|encryption|audit|privilege|compliance)$/.test(t))).toBe(true);
      // Boilerplate steers nothing.
      for (const word of ['salary', 'benefits', 'equal', 'senior', 'experience'])
        expect(tailored.job?.terms).not.toContain(word);
    }
  });

  it('a posting that matches nothing leaves the seeded plan and names no terms', () => {
    const job = jobProfile(
      'Salary and benefits; we are an equal opportunity employer. Apply now!',
      'empty.txt',
    );
    const tailored = buildLoopPlan(questions, { level: 'L6', seed: 4, job });
    const plain = buildLoopPlan(questions, { level: 'L6', seed: 4 });
    expect(tailored.rounds).toEqual(plain.rounds);
    expect(tailored.job).toEqual({ file: 'empty.txt', terms: [] });
  });
});
