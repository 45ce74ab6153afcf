import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  banksCommand,
  principlesCommand,
  questionsCommand,
  rubricsCommand,
  showCommand,
} from '../../src/commands/browse.js';
import { UsageError } from '../../src/errors.js';
import { captureContext, parseJson } from '../helpers/command-context.js';

const QUESTION_KEYS = [
  'id',
  'bank',
  'category',
  'prompt',
  'levels',
  'principles',
  'tenets',
  'rubric',
  'focusCriteria',
  'timeLimitSeconds',
  'followUps',
  'signals',
  'pitfalls',
];

describe('coach questions --json', () => {
  it('prints an array of questions with exactly the documented keys', async () => {
    const ctx = captureContext();
    expect(await questionsCommand({ json: true }, ctx)).toBe(0);
    const questions = parseJson<Record<string, unknown>[]>(ctx.out());
    expect(questions.length).toBeGreaterThanOrEqual(154);
    for (const q of questions) expect(Object.keys(q)).toEqual(QUESTION_KEYS);
  });

  it('applies every filter together', async () => {
    const ctx = captureContext();
    await questionsCommand({ json: true, bank: ['behavioral'], level: 'L7', principle: 'dive-deep' }, ctx);
    const questions = parseJson<{ bank: string; levels: string[]; principles: string[] }[]>(ctx.out());
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) {
      expect(q.bank).toBe('behavioral');
      expect(q.levels).toContain('L7');
      expect(q.principles).toContain('dive-deep');
    }
  });

  it('searches prompt words case-insensitively', async () => {
    const ctx = captureContext();
    await questionsCommand({ json: true, search: 'THUMBNAIL' }, ctx);
    const questions = parseJson<{ id: string; prompt: string; signals: string[] }[]>(ctx.out());
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions)
      expect(`${q.id} ${q.prompt} ${q.signals.join(' ')}`.toLowerCase()).toContain('thumbnail');
  });

  it('rejects an unknown bank with a suggestion instead of printing an empty list', async () => {
    const typo = questionsCommand({ json: true, bank: ['behavorial'] }, captureContext());
    await expect(typo).rejects.toBeInstanceOf(UsageError);
    await expect(typo).rejects.toThrow(/unknown bank "behavorial"; did you mean "behavioral"/);
    await expect(questionsCommand({ principle: 'ownershp' }, captureContext())).rejects.toThrow(
      /did you mean "ownership"/,
    );
  });

  it('prints a table in human mode, one row per question', async () => {
    const ctx = captureContext();
    await questionsCommand({ bank: ['system-design'] }, ctx);
    const lines = ctx.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+CATEGORY\s+LEVELS\s+TIME\s+PROMPT$/);
    expect(ctx.err()).toBe(`${lines.length - 1} questions\n`);
  });
});

describe('coach show', () => {
  it('--json gives one question; --no-spoilers hides follow-ups, signals and pitfalls', async () => {
    const full = captureContext();
    await showCommand('sd-photo-library-backend', { json: true }, full);
    expect(Object.keys(parseJson(full.out()) as object)).toEqual(QUESTION_KEYS);

    const hidden = captureContext();
    await showCommand('sd-photo-library-backend', { json: true, spoilers: false }, hidden);
    expect(Object.keys(parseJson(hidden.out()) as object)).toEqual(QUESTION_KEYS.slice(0, 10));

    const human = captureContext();
    await showCommand('sd-photo-library-backend', { spoilers: false }, human);
    expect(human.out()).toContain('Design the backend');
    expect(human.out()).not.toContain('Follow-ups');
  });

  it('names each follow-up by its kind: [role] in the text, {kind, prompt} in --json', async () => {
    const human = captureContext();
    await showCommand('bhv-trust-owned-your-mistake', {}, human);
    expect(human.out()).toMatch(/^ {2}1\. \[role\] What exactly was your mistake/m);
    const json = captureContext();
    await showCommand('bhv-trust-owned-your-mistake', { json: true }, json);
    const { followUps } = parseJson<{ followUps: { kind?: string; prompt: string }[] }>(json.out());
    expect(followUps[0]).toEqual({
      kind: 'role',
      prompt: expect.stringMatching(/^What exactly was your mistake/),
    });
  });

  it('an unknown id is a usage error', async () => {
    await expect(showCommand('no-such-question', {}, captureContext())).rejects.toBeInstanceOf(UsageError);
  });

  it('shows the criteria a focused question is judged on, in the text and in --json', async () => {
    const human = captureContext();
    await showCommand('pers-slate-diversity', { spoilers: false }, human);
    expect(human.out()).toContain(
      'rubric recommender-system-design · judged on ranking, online-evaluation, trade-offs only',
    );
    const json = captureContext();
    await showCommand('pers-slate-diversity', { json: true }, json);
    expect(parseJson<{ focusCriteria: string[] }>(json.out()).focusCriteria).toEqual([
      'ranking',
      'online-evaluation',
      'trade-offs',
    ]);
    const whole = captureContext();
    await showCommand('sd-photo-library-backend', { json: true }, whole);
    expect(parseJson<{ focusCriteria: string[] }>(whole.out()).focusCriteria).toEqual([]);
  });
});

describe('coach rubrics, banks, principles', () => {
  it('rubrics --json: {id, name, appliesTo, questions, focusedQuestions, criteria: [{id, name, weight, levels}]}', async () => {
    const ctx = captureContext();
    await rubricsCommand(undefined, { json: true }, ctx);
    const rubrics = parseJson<{ id: string; name: string; criteria: Record<string, unknown>[] }[]>(ctx.out());
    expect(rubrics.map((r) => r.id).sort()).toEqual([
      'genai-system-design',
      'ml-system-design',
      'object-oriented-design',
      'recommender-system-design',
      'security-design',
      'star',
      'system-design',
      'technical-strategy',
    ]);
    const byId = new Map(rubrics.map((r) => [r.id, r]));
    // How many questions each rubric judges, and which are focused on part of it, from the shipped banks.
    const genai = byId.get('genai-system-design') as unknown as {
      questions: number;
      focusedQuestions: { id: string; focusCriteria: string[] }[];
    };
    expect(genai.questions).toBeGreaterThanOrEqual(6);
    expect(genai.focusedQuestions).toContainEqual({
      id: 'aiml-prompt-lifecycle',
      focusCriteria: ['prompt-and-model-lifecycle', 'evaluation', 'model-migration', 'trade-offs'],
    });
    for (const r of rubrics) {
      expect(r.name).toBeTruthy();
      expect(Object.keys(r)).toEqual([
        'id',
        'name',
        'appliesTo',
        'questions',
        'focusedQuestions',
        'criteria',
      ]);
      for (const c of r.criteria) {
        expect(Object.keys(c)).toEqual(['id', 'name', 'weight', 'levels']);
        expect(Object.keys(c.levels as object)).toEqual(['1', '2', '3', '4']);
      }
    }
  });

  it('rubrics lists how many questions use each, and one rubric lists its focused questions', async () => {
    const all = captureContext();
    await rubricsCommand(undefined, {}, all);
    expect(all.out()).toMatch(
      /^security-design {2}Security design answer {2}\(design, 7 criteria, \d+ questions\)$/m,
    );
    expect(all.out()).toMatch(
      /^recommender-system-design .*\(design, 9 criteria, \d+ questions, \d+ focused\)$/m,
    );
    const one = captureContext();
    await rubricsCommand('recommender-system-design', {}, one);
    expect(one.out()).toContain('Focused questions (judged on these criteria only, weights renormalised)');
    expect(one.out()).toContain('pers-slate-diversity: ranking, online-evaluation, trade-offs');
  });

  it('banks --json counts questions per category and level', async () => {
    const ctx = captureContext();
    await banksCommand({ json: true }, ctx);
    const banks = parseJson<{ id: string; questions: number; categories: Record<string, number> }[]>(
      ctx.out(),
    );
    expect(banks).toHaveLength(10);
    for (const b of banks) {
      expect(Object.values(b.categories).reduce((a, n) => a + n, 0)).toBe(b.questions);
    }
  });

  it('principles --json lists all 16 with question counts', async () => {
    const ctx = captureContext();
    await principlesCommand({ json: true }, ctx);
    const principles = parseJson<{ id: string; questions: number; mainQuestions: number }[]>(ctx.out());
    expect(principles).toHaveLength(16);
    for (const p of principles) expect(p.mainQuestions).toBeGreaterThanOrEqual(3);
  });

  it('merges a user bank given with --banks, and warns on stderr when a loaded file has problems', async () => {
    const ctx = captureContext();
    const dir = join(ctx.cwd, 'mine');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'mine.yaml'),
      [
        'kind: question-bank',
        'id: mine',
        'title: Mine',
        'description: My own questions.',
        'questions:',
        '  - id: mine-1',
        '    category: custom',
        '    prompt: Tell me about the hardest bug you fixed in a storage engine.',
        '    levels: [L6]',
        '    principles: [dive-deep]',
        '    rubric: star',
        '    timeLimitSeconds: 240',
        '    followUps: [How did you find it?]',
        '    signals: [Reproduces the bug]',
        '    pitfalls: [Blames others]',
        '  - id: mine-2',
        '    category: custom',
        '    prompt: This one is missing fields.',
        '',
      ].join('\n'),
    );
    await questionsCommand({ json: true, banks: [dir], bank: ['mine'] }, ctx);
    const mine = parseJson<{ id: string; followUps: unknown[] }[]>(ctx.out());
    expect(mine.map((q) => q.id)).toEqual(['mine-1']);
    // A plain-text follow-up (users' own banks) comes out in the one shape, without a kind.
    expect(mine[0]!.followUps).toEqual([{ prompt: 'How did you find it?' }]);
    expect(ctx.err()).toMatch(/warning: \d+ problem\(s\) in 1 bank or rubric file\(s\).*coach lint/);
  });
});
