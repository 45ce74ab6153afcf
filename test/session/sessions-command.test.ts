import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { sessionShowCommand, sessionsCommand } from '../../src/commands/sessions.js';
import { UsageError } from '../../src/errors.js';
import { dataDir } from '../../src/paths.js';
import { scoreOffline } from '../../src/scoring/offline/index.js';
import type { SessionEvent } from '../../src/session/engine.js';
import { SessionJournal } from '../../src/session/journal.js';
import { planSession } from '../../src/session/plan.js';
import { captureContext, parseJson } from '../helpers/command-context.js';

const registry = await loadRegistry({ banks: [] }, process.cwd());
const ANSWER = `In 2023 I led the move of our search index to a new cluster. I planned the cut-over, wrote the runbook
and ran it over two weekends. As a result query latency fell from 900 ms to 250 ms, and I learned to rehearse
every cut-over on a copy first; since then I always do.`;

/** Writes a real session journal: one question answered, scored and finished; optionally a second left open. */
function writeSession(home: string, complete: boolean): string {
  const questions = planSession(
    registry.questions.filter((q) => q.bank === 'behavioral'),
    { count: 2, seed: 4, followUps: 2 },
  );
  const journal = SessionJournal.create(dataDir({ COACH_HOME: home }), new Date('2026-11-20T09:00:00Z'));
  const events: SessionEvent[] = [
    {
      type: 'start',
      version: 1,
      id: journal.id,
      startedAt: '2026-11-20T09:00:00.000Z',
      options: { seed: 4, overtime: false, scoreAtEnd: false, scorer: 'offline', filters: {} },
      questions,
    },
    {
      type: 'answer',
      question: 0,
      part: 0,
      text: ANSWER,
      status: 'submitted',
      elapsedMs: 151_000,
      limitSeconds: 240,
      at: '',
    },
    ...questions[0]!.followUps.map(
      (f, i): SessionEvent => ({
        type: 'answer',
        question: 0,
        part: i + 1,
        text: `Follow-up answer ${i + 1}.`,
        status: 'timeout',
        elapsedMs: 60_000,
        limitSeconds: f.timeLimitSeconds,
        at: '',
      }),
    ),
  ];
  const q = registry.questions.find((x) => x.id === questions[0]!.id)!;
  events.push({
    type: 'score',
    question: 0,
    at: '',
    result: scoreOffline({
      rubric: registry.rubrics.get(q.rubric)!,
      question: q,
      prompt: q.prompt,
      answer: ANSWER,
    }),
  });
  if (complete)
    events.push(
      {
        type: 'answer',
        question: 1,
        part: 0,
        text: '',
        status: 'skipped',
        elapsedMs: 2000,
        limitSeconds: 240,
        at: '',
      },
      { type: 'end', at: '' },
    );
  for (const e of events) journal.append(e);
  return journal.id;
}

describe('coach sessions', () => {
  it('lists sessions newest first with status and questions (--json)', async () => {
    const ctx = captureContext();
    const done = writeSession(ctx.cwd, true);
    const open = writeSession(ctx.cwd, false);
    await sessionsCommand({ json: true }, ctx);
    const rows = parseJson<{ id: string; status: string; questions: number; answered: number }[]>(ctx.out());
    expect(rows.map((r) => r.id).sort()).toEqual([done, open].sort());
    expect(rows.find((r) => r.id === done)).toMatchObject({
      kind: 'practice',
      status: 'complete',
      questions: 2,
      answered: 1,
    });
    expect(rows.find((r) => r.id === open)).toMatchObject({ status: 'interrupted' });
  });

  it('shows a transcript as Markdown with answers, follow-ups, timings and scores, or writes it to a file', async () => {
    const ctx = captureContext();
    const id = writeSession(ctx.cwd, true);
    await sessionShowCommand(id, { format: 'md' }, ctx);
    const md = ctx.out();
    expect(md).toMatch(new RegExp(`^# Mock interview ${id}`));
    expect(md).toContain('- Status: complete');
    expect(md).toContain(ANSWER.split('\n')[0]);
    // A behavioral chain opens on the candidate's own part, and the transcript names the kind.
    expect(md).toMatch(/### Follow-up 1 \(role\)\n\n> .+\n\n\*timeout after 1:00 of 1:00\*/);
    expect(md).toMatch(/\*submitted after 2:31 of 4:00\*/);
    expect(md).toMatch(
      /### Score: \d+\/100, (hire|strong-hire|no-hire|strong-no-hire) \(offline scorer, rubric star\)/,
    );
    expect(md).toMatch(/\| Criterion \| Score \| Feedback \|/);
    expect(md).toMatch(/\*skipped after 0:02 of 4:00\*/);

    const file = captureContext({ cwd: ctx.cwd, env: ctx.env });
    await sessionShowCommand(id, { format: 'md', output: 'transcript.md' }, file);
    expect(readFileSync(join(ctx.cwd, 'transcript.md'), 'utf8')).toBe(md);
  });

  it('shows a journal written before follow-ups had kinds, with the follow-ups the LLM wrote in place of the planned ones', async () => {
    const ctx = captureContext();
    const journal = SessionJournal.create(dataDir({ COACH_HOME: ctx.cwd }), new Date('2026-10-01T09:00:00Z'));
    // What a journal held before issue 14: follow-ups as {prompt, timeLimitSeconds}, no kind.
    const lines = [
      {
        type: 'start',
        version: 1,
        id: journal.id,
        startedAt: '2026-10-01T09:00:00.000Z',
        options: { seed: 1, overtime: false, scoreAtEnd: false, scorer: 'anthropic', filters: {} },
        questions: [
          {
            id: 'bhv-trust-owned-your-mistake',
            bank: 'behavioral',
            category: 'earn-trust',
            prompt: 'Tell me about a mistake of yours that affected other people.',
            principles: ['earn-trust'],
            rubric: 'star',
            timeLimitSeconds: 240,
            followUps: [{ prompt: 'Planned probe from the bank?', timeLimitSeconds: 60 }],
          },
        ],
      },
      {
        type: 'answer',
        question: 0,
        part: 0,
        text: ANSWER,
        status: 'submitted',
        elapsedMs: 1000,
        limitSeconds: 240,
        at: '',
      },
      {
        type: 'followups',
        question: 0,
        followUps: [{ prompt: 'Which number told you it was fixed?', timeLimitSeconds: 60 }],
        source: 'generated',
        at: '',
      },
      {
        type: 'answer',
        question: 0,
        part: 1,
        text: 'The error rate.',
        status: 'submitted',
        elapsedMs: 1000,
        limitSeconds: 60,
        at: '',
      },
      { type: 'end', at: '' },
    ];
    for (const line of lines) journal.append(line as SessionEvent);
    await sessionShowCommand(journal.id, { format: 'md' }, ctx);
    const md = ctx.out();
    expect(md).toContain('### Follow-up 1\n\n> Which number told you it was fixed?');
    expect(md).not.toContain('Planned probe from the bank?');
    expect(md).toContain('The error rate.');
  });

  it('an unknown session id is a usage error', async () => {
    await expect(sessionShowCommand('2026-nope', {}, captureContext())).rejects.toBeInstanceOf(UsageError);
  });
});
