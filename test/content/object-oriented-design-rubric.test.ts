import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { scoreOffline } from '../../src/scoring/offline/index.js';

// The object-oriented-design rubric as shipped: loads, is well formed, and its hints move the offline score.
const registry = await loadRegistry({ banks: [] }, process.cwd());
const rubric = registry.rubrics.get('object-oriented-design');

const CRITERIA = [
  'requirements',
  'core-abstractions',
  'responsibilities-and-relationships',
  'extensibility',
  'concurrency-and-errors',
  'testability',
  'trade-offs',
];

describe('the object-oriented-design rubric', () => {
  it('loads from the shipped rubrics and judges design answers', () => {
    expect(rubric, 'rubrics/object-oriented-design.yaml did not load').toBeDefined();
    expect(rubric!.appliesTo).toBe('design');
    expect(rubric!.criteria.map((c) => c.id)).toEqual(CRITERIA);
  });

  it('has weights that sum to 1', () => {
    const sum = rubric!.criteria.reduce((total, c) => total + c.weight, 0);
    expect(sum).toBeCloseTo(1, 9);
  });

  it('describes four levels per criterion, L5-L8 expectations, and hints an offline scorer can match', () => {
    expect(Object.keys(rubric!.levelExpectations ?? {})).toEqual(['L5', 'L6', 'L7', 'L8']);
    for (const c of rubric!.criteria) {
      expect(Object.keys(c.levels), c.id).toEqual(['1', '2', '3', '4']);
      expect(c.hints?.phrases.length ?? 0, c.id).toBeGreaterThanOrEqual(10);
      expect(c.hints?.cues.length ?? 0, c.id).toBeGreaterThanOrEqual(2);
      expect(c.hints?.antiPatterns.length ?? 0, c.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('scores a reasoned object model above a vague answer on the criteria only its hints know', () => {
    const prompt = 'Design a rate limiter library that forty services can adopt.';
    const strong = [
      'First, who calls it: services on every request, in-process, so the public API must be thread-safe and cheap; a shared store across the fleet is out of scope for the first version.',
      'The core abstractions are a RateLimitPolicy interface, an immutable value object for the limit, and a Clock interface, because the concept that varies is the algorithm and the time source.',
      'A TokenBucket class implements the policy and owns its state; the limiter depends on the policy interface, not on the class, and I inject the store and the clock through the constructor, so composition rather than inheritance holds it together.',
      'New algorithms are an extension point: a team registers a new policy in the registry without changing the core, and the public API stays backward compatible because callers only see tryAcquire.',
      'The check-and-decrement is atomic with compare-and-set on the bucket, which avoids the race condition where two threads both see one token; if the shared store times out the policy chooses fail open or fail closed, and the error tells the caller whether a retry is safe.',
      'For unit tests I ship a fake clock and an in-memory store, so the boundary of a window is a deterministic edge case rather than a sleep.',
      'The trade-off is memory per key against precision: a sliding window log is exact, but I chose the token bucket rather than the log because it needs two numbers per key.',
    ].join(' ');
    const vague =
      'I would make a RateLimiter that checks how many requests came in and blocks the extra ones when there are too many of them, and it would work for all the services in the company.';
    const score = (answer: string) => scoreOffline({ rubric: rubric!, prompt, answer, level: 'L6' });
    const byId = (result: ReturnType<typeof score>) =>
      Object.fromEntries(result.criteria.map((c) => [c.id, c.score ?? 0]));
    const good = byId(score(strong));
    const weak = byId(score(vague));
    for (const id of [
      'core-abstractions',
      'responsibilities-and-relationships',
      'extensibility',
      'concurrency-and-errors',
      'testability',
    ])
      expect(good[id], id).toBeGreaterThan(weak[id]!);
    expect(score(strong).overall!).toBeGreaterThan(score(vague).overall ?? 0);
    // Feedback on a weak answer says what this criterion wants, not a generic "cover this criterion".
    const feedback = score(vague).criteria.find((c) => c.id === 'core-abstractions')?.feedback ?? '';
    expect(feedback).toMatch(/interfaces, entities, value objects/);
  });
});
