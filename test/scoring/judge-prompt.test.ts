import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { judgePrompt, parseJudgement, promptVersion } from '../../src/scoring/judge-prompt.js';
import { scoreOffline } from '../../src/scoring/offline/index.js';
import { WORDS_PER_MINUTE, wordBudget } from '../../src/scoring/offline/star.js';
import type { ScoreInput } from '../../src/scoring/scorer.js';
import { OFFLINE_SCORER_VERSION, rubricVersion } from '../../src/scoring/versions.js';

const ROOT = join(import.meta.dirname, '..', '..');
const registry = await loadRegistry({ banks: [] }, ROOT);
const question = registry.questions.find((q) => q.id === 'bhv-dive-deep-anecdote-vs-data')!;
const star = registry.rubrics.get('star')!;
const ANSWER = 'I traced three queries through the logs and found an old tokenizer. '.repeat(8);
const input: ScoreInput = { rubric: star, question, prompt: question.prompt, answer: ANSWER };

describe('the judge prompt', () => {
  it('states the target level given, else the levels the question is asked at, else L5', () => {
    expect(judgePrompt({ ...input, level: 'L7' }).user).toContain(
      'Target level: L7. Expect the scope of L7.',
    );
    const levels = [...question.levels].sort();
    expect(judgePrompt(input).user).toContain(
      `Target level: none was given; this question is asked at ${levels.join(', ')}. Expect the scope of ${levels[0]}`,
    );
    const free = judgePrompt({ rubric: star, prompt: 'Tell me about a hard bug.', answer: ANSWER });
    expect(free.user).toContain('Target level: none was given. Expect the scope of L5');
  });

  it('gives signals, pitfalls, the time limit with its word budget, the answer mode and the word count', () => {
    const user = judgePrompt({ ...input, mode: 'spoken' }).user;
    for (const s of question.signals) expect(user).toContain(`- ${s}`);
    for (const p of question.pitfalls) expect(user).toContain(`- ${p}`);
    const minutes = question.timeLimitSeconds / 60;
    const budget = Math.round(minutes * 140);
    expect(user).toMatch(
      new RegExp(`Time limit: ${minutes} minutes?; at 140 words a minute about ${budget} words fit`),
    );
    expect(user).toContain('Answer mode: spoken (a transcript). Word count: 96.');
    // Typed answers: the offline scorer's typing pace, so both scorers judge length on one basis.
    const typed = judgePrompt(input).user;
    expect(typed).toContain('Answer mode: typed.');
    expect(typed).toContain(
      `at ${WORDS_PER_MINUTE.typed} words a minute about ${wordBudget(question.timeLimitSeconds, 'typed')} words fit`,
    );
  });

  it('names the principal tenets a question tests, with what each means, and nothing when it tags none', () => {
    const principal = registry.questions.find((q) => q.id === 'pe-respect-inherited-system')!;
    const user = judgePrompt({
      rubric: star,
      question: principal,
      prompt: principal.prompt,
      answer: ANSWER,
    }).user;
    expect(user).toContain('Principal engineering tenets this question tests:');
    expect(user).toContain('- Respect What Came Before: Understands why existing systems are as they are');
    expect(user).toContain('- Balanced and Pragmatic: ');
    expect(judgePrompt(input).user).not.toContain('tenets');
  });

  it('keeps the system prefix and the prompt version identical across answers to one rubric', () => {
    const a = judgePrompt({ ...input, level: 'L6' });
    const b = judgePrompt({ ...input, answer: `${ANSWER} And more.`, mode: 'spoken' });
    expect(b.system).toEqual(a.system);
    expect(b.promptVersion).toBe(a.promptVersion);
    expect(a.promptVersion).toMatch(/^[0-9a-f]{10}$/);
    // The rubric's version is the first 10 hex digits of the SHA-256 of its JSON, worked out here:
    // history keeps it, so a change of scheme would make compare report every rubric as changed.
    expect(a.rubricVersion).toBe(
      createHash('sha256').update(JSON.stringify(star)).digest('hex').slice(0, 10),
    );
  });

  it('changes the prompt and rubric versions when the rubric text changes', () => {
    const edited = {
      ...star,
      criteria: star.criteria.map((c, i) => (i === 0 ? { ...c, description: `${c.description} More.` } : c)),
    };
    expect(promptVersion(edited)).not.toBe(promptVersion(star));
    expect(rubricVersion(edited)).not.toBe(rubricVersion(star));
  });

  it('requires every criterion id in the output schema and reports the missing ones', () => {
    const schema = judgePrompt(input).jsonSchema as {
      properties: { criteria: { required: string[]; additionalProperties: boolean } };
    };
    expect(schema.properties.criteria.required).toEqual(star.criteria.map((c) => c.id));
    expect(schema.properties.criteria.additionalProperties).toBe(false);
    const one = { evidence: [], level: 3, feedback: 'ok' };
    const partial = { criteria: { [star.criteria[0]!.id]: one }, warnings: [] };
    const parsed = parseJudgement(JSON.stringify(partial), star);
    expect(parsed).toEqual({
      ok: false,
      error: `missing criteria: ${star.criteria
        .slice(1)
        .map((c) => c.id)
        .join(', ')}`,
    });
  });

  it('the offline scorer records its own version', () => {
    const result = scoreOffline(input);
    expect(result).toMatchObject({
      scorer: 'offline',
      model: null,
      promptVersion: OFFLINE_SCORER_VERSION,
      rubricVersion: rubricVersion(star),
    });
  });
});
