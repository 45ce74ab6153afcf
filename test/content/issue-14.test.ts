import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { asksHypothetically } from '../../src/lint/hypothetical.js';
import { LEADERSHIP_PRINCIPLES } from '../../src/schema/principles.js';
import { TENET_IDS } from '../../src/schema/tenets.js';

// Issue 14 across every shipped bank at once, as a candidate meets them in a mixed practice session:
// the per-bank tests beside this one check each bank's own promises.
const registry = await loadRegistry({ banks: [] }, process.cwd());
const star = registry.questions.filter((q) => q.rubric === 'star');
const kinds = (q: (typeof registry.questions)[number]) => q.followUps.map((f) => f.kind);

describe('the shipped banks after issue 14', () => {
  it('hold at least 270 questions', () => {
    expect(registry.questions.length).toBeGreaterThanOrEqual(270);
  });

  it('every STAR question, in every bank, has >= 3 probes with its own part and a reflection or second example', () => {
    expect(star.length).toBeGreaterThan(150);
    const thin = star
      .filter((q) => {
        const k = kinds(q);
        return (
          k.length < 3 || !k.includes('role') || !(k.includes('reflection') || k.includes('second-example'))
        );
      })
      .map((q) => `${q.id}: ${kinds(q).join(',')}`);
    expect(thin).toEqual([]);
  });

  it('no STAR prompt asks what the candidate would do', () => {
    expect(star.filter((q) => asksHypothetically(q.prompt)).map((q) => q.id)).toEqual([]);
  });

  // A probe's kind must be honest, or a chain of probes built from kinds asks the wrong thing: a role
  // probe asks what the candidate did themself; a role or data probe asks about the story that
  // happened, not what the candidate would do now ("would you have..." counterfactuals are fine).
  it("every STAR role probe asks about the candidate's own part", () => {
    const own =
      /\b(?:you personally|yourself|yours|your|(?:did|were|was|had) you|you (?:did|do|said|say|put|made|decided|designed|wrote|built|led|took|changed|handled|chose|pushed|asked|told|tried|owned|ran)|without you)\b/i;
    const notOwn = star.flatMap((q) =>
      q.followUps.filter((f) => f.kind === 'role' && !own.test(f.prompt)).map((f) => `${q.id}: ${f.prompt}`),
    );
    expect(notOwn).toEqual([]);
  });

  it('no STAR role or data probe asks what the candidate would do instead of what they did', () => {
    const plan = /\b(?:which|what|how|who|where)\b[^?]*\bwould you (?!have\b)/i;
    const hypothetical = star.flatMap((q) =>
      q.followUps
        .filter((f) => (f.kind === 'role' || f.kind === 'data') && plan.test(f.prompt))
        .map((f) => `${q.id}: ${f.prompt}`),
    );
    expect(hypothetical).toEqual([]);
  });

  it('every Leadership Principle is the main principle of at least 3 questions', () => {
    const short = LEADERSHIP_PRINCIPLES.map((p) => ({
      id: p.id,
      main: registry.questions.filter((q) => q.principles[0] === p.id).length,
    })).filter((p) => p.main < 3);
    expect(short).toEqual([]);
  });

  it('every principal tenet is asked by at least one question', () => {
    const asked = new Set(registry.questions.flatMap((q) => q.tenets ?? []));
    expect(TENET_IDS.filter((t) => !asked.has(t))).toEqual([]);
  });

  it('the behavioral bank asks the classic L7 questions as past stories', () => {
    const behavioral = registry.questions.filter((q) => q.bank === 'behavioral');
    expect(behavioral.length).toBeGreaterThanOrEqual(73);
    const about = (pattern: RegExp) => behavioral.filter((q) => pattern.test(q.prompt)).map((q) => q.id);
    // Disagreeing with a manager and with a peer leader, a low performer, a decision got wrong.
    expect(about(/your own manager/i)).not.toEqual([]);
    expect(about(/peer at your own level/i)).not.toEqual([]);
    expect(about(/below the bar/i)).not.toEqual([]);
    expect(about(/got wrong|turned out to be wrong/i).length).toBeGreaterThanOrEqual(2);
    expect(about(/reported to you/i)).not.toEqual([]);
  });
});
