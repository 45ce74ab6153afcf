import { describe, expect, it } from 'vitest';
import { questionsCommand, showCommand, tenetsCommand } from '../../src/commands/browse.js';
import { UsageError } from '../../src/errors.js';
import { QuestionBank } from '../../src/schema/question-bank.js';
import { PRINCIPAL_TENETS, TENET_IDS } from '../../src/schema/tenets.js';
import { captureContext, parseJson } from '../helpers/command-context.js';
import { assertBuilt, runCoach } from '../helpers/exec.js';
import { useTempDir, writeFiles, yaml } from '../helpers/fs.js';
import { lintIn, STAR_RUBRIC } from '../helpers/lint.js';

const tmp = useTempDir('coach-tenets-');

/** Line 6 is "- id: p-one", line 11 the tenets list; p-two (line 19) has no tenets at all. */
const BANK = yaml`
  kind: question-bank
  id: principal
  title: Principal
  description: Tenet fixtures.
  questions:
    - id: p-one
      category: writing
      prompt: Tell me about a one-page narrative you wrote that changed a decision made above you.
      levels: [L7]
      principles: [think-big]
      tenets: [illuminate-and-clarify, have-resounding-impact]
      rubric: star
      timeLimitSeconds: 300
      followUps: [{kind: role, prompt: Who read it first?}, {kind: data, prompt: What changed?}, {kind: reflection, prompt: What next?}]
      signals: [Names the decision]
      pitfalls: [No outcome]
    - id: p-two
      category: migration
      prompt: Describe the storage engine you replaced and what its original authors got right.
      levels: [L8]
      principles: [dive-deep]
      rubric: star
      timeLimitSeconds: 300
      followUps: [{kind: role, prompt: What did you keep?}, {kind: data, prompt: What broke?}, {kind: reflection, prompt: Again?}]
      signals: [Credits the old design]
      pitfalls: [Calls it legacy]
`;

describe('the tenets field', () => {
  it('lists exactly the eight principal tenets, each with a name and a one-line summary', () => {
    expect(TENET_IDS).toEqual([
      'exemplary-practitioner',
      'technically-fearless',
      'balanced-and-pragmatic',
      'illuminate-and-clarify',
      'flexible-in-approach',
      'respect-what-came-before',
      'learn-educate-advocate',
      'have-resounding-impact',
    ]);
    for (const t of PRINCIPAL_TENETS) {
      expect(t.name.length).toBeGreaterThan(0);
      expect(t.summary).not.toContain('\n');
    }
  });

  it('is optional: a question without tenets is valid, one with known ids keeps them', () => {
    const question = {
      id: 'q',
      category: 'c',
      prompt: 'Tell me about a time.',
      levels: ['L7'],
      rubric: 'star',
      timeLimitSeconds: 240,
      followUps: ['f'],
      signals: ['s'],
      pitfalls: ['p'],
    };
    const bank = (questions: object[]) =>
      QuestionBank.parse({ kind: 'question-bank', id: 'b', title: 'B', description: 'D', questions });
    const [tagged, untagged] = bank([
      { ...question, tenets: ['technically-fearless'] },
      { ...question, id: 'q-2' },
    ]).questions;
    expect(tagged?.tenets).toEqual(['technically-fearless']);
    expect(untagged?.tenets).toBeUndefined();
  });

  it('lints clean with known tenet ids', async () => {
    writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC, 'bank.yaml': BANK });
    expect((await lintIn(tmp())).problems).toEqual([]);
  });

  it('an unknown tenet id is a schema error at its position in the list', async () => {
    writeFiles(tmp(), {
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': BANK.replace('have-resounding-impact]', 'fearless]'),
    });
    const { problems } = await lintIn(tmp());
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'bank.yaml',
        line: 11,
        column: 38,
        endLine: 11,
        endColumn: 46,
        severity: 'error',
        rule: 'invalid-value',
        message: expect.stringContaining(
          'questions[0].tenets[1] is "fearless"; expected one of: exemplary-practitioner, technically-fearless,',
        ),
      }),
    ]);
  });

  it('a tenets value that is not a list is reported as such', async () => {
    writeFiles(tmp(), {
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': BANK.replace('[illuminate-and-clarify, have-resounding-impact]', 'illuminate-and-clarify'),
    });
    const { problems } = await lintIn(tmp());
    expect(problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
      '11:13 wrong-type questions[0].tenets must be a list, not text',
    ]);
  });
});

describe('browsing by tenet', () => {
  it('coach questions --tenet keeps only the questions tagged with it', async () => {
    writeFiles(tmp(), { 'bank.yaml': BANK });
    const ctx = captureContext();
    await questionsCommand(
      { json: true, banks: [tmp()], bank: ['principal'], tenet: 'illuminate-and-clarify' },
      ctx,
    );
    const questions = parseJson<{ id: string; tenets: string[] }[]>(ctx.out());
    expect(questions).toEqual([
      expect.objectContaining({ id: 'p-one', tenets: ['illuminate-and-clarify', 'have-resounding-impact'] }),
    ]);
  });

  it('a question without tenets shows an empty list in JSON and no tenets line in text', async () => {
    writeFiles(tmp(), { 'bank.yaml': BANK });
    const json = captureContext();
    await showCommand('p-two', { json: true, banks: [tmp()] }, json);
    expect(parseJson<{ tenets: string[] }>(json.out()).tenets).toEqual([]);
    const text = captureContext();
    await showCommand('p-one', { banks: [tmp()] }, text);
    expect(text.out()).toContain('tenets: Illuminate and Clarify, Have Resounding Impact');
  });

  it('an unknown --tenet is a usage error with a suggestion', async () => {
    const typo = questionsCommand({ json: true, tenet: 'technicaly-fearless' }, captureContext());
    await expect(typo).rejects.toBeInstanceOf(UsageError);
    await expect(typo).rejects.toThrow('did you mean "technically-fearless"?');
  });

  it('coach tenets counts the questions that test each tenet', async () => {
    writeFiles(tmp(), { 'bank.yaml': BANK });
    const ctx = captureContext();
    expect(await tenetsCommand({ json: true, banks: [tmp()] }, ctx)).toBe(0);
    const rows = parseJson<{ id: string; name: string; questions: number }[]>(ctx.out());
    expect(rows.map((r) => r.id)).toEqual(TENET_IDS);
    const base = captureContext();
    await tenetsCommand({ json: true }, base);
    const shipped = new Map(
      parseJson<{ id: string; questions: number }[]>(base.out()).map((r) => [r.id, r.questions]),
    );
    // The fixture bank adds exactly one question to each of its two tenets and none elsewhere.
    for (const row of rows) {
      const added = ['illuminate-and-clarify', 'have-resounding-impact'].includes(row.id) ? 1 : 0;
      expect(row.questions).toBe((shipped.get(row.id) ?? 0) + added);
    }
  });
});

describe('--tenet through the built bin', () => {
  const tagged = (tenet: string) => {
    const run = runCoach(['questions', '--tenet', tenet, '--json'], { cwd: tmp() });
    expect(run.status).toBe(0);
    return (JSON.parse(run.stdout) as { id: string; tenets: string[] }[]).map((q) => {
      expect(q.tenets).toContain(tenet);
      return q.id;
    });
  };

  it("coach drill --tenet picks the day's questions only among those tagged with it", () => {
    assertBuilt();
    const ids = tagged('respect-what-came-before');
    expect(ids.length).toBeGreaterThan(0);
    const run = runCoach(
      ['drill', '--tenet', 'respect-what-came-before', '--date', '2026-12-03', '-n', '20', '--json'],
      {
        cwd: tmp(),
      },
    );
    expect(run.status).toBe(0);
    const picks = (JSON.parse(run.stdout) as { id: string }[]).map((p) => p.id);
    expect(picks.sort()).toEqual([...ids].sort());
  });

  it('an unknown tenet is one line on stderr and exit 2; practice accepts the flag too', () => {
    assertBuilt();
    const drill = runCoach(['drill', '--tenet', 'fearless', '--json'], { cwd: tmp() });
    expect(drill.status).toBe(2);
    expect(drill.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^coach: unknown tenet "fearless"; choose one of: .*technically-fearless/),
    ]);
    // Without a terminal practice stops before choosing questions; commander must not reject --tenet first.
    const practice = runCoach(['practice', '--tenet', 'technically-fearless'], { cwd: tmp() });
    expect(practice.status).toBe(2);
    expect(practice.stderr).not.toMatch(/unknown option/);
    expect(practice.stderr).toMatch(/terminal/);
  });
});
