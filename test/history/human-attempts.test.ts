import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { type Attempt, attemptFrom, scorerName } from '../../src/history/attempt.js';
import { priorities } from '../../src/history/schedule.js';
import { computeStats } from '../../src/history/stats.js';
import { HistoryStore } from '../../src/history/store.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { buildReport } from '../../src/report/model.js';
import { humanResult } from '../../src/scoring/human.js';

const ROOT = join(import.meta.dirname, '..', '..');
const registry = await loadRegistry({ banks: [] }, ROOT);
const question = registry.questions.find((q) => q.id === 'bhv-ownership-outside-your-area')!;
const star = registry.rubrics.get('star')!;

// A record as the first releases wrote it: no model, versions, evidence, notes or status.
const OLD_RECORD = {
  v: 1,
  id: 'practice-old-0',
  at: '2026-01-05T09:00:00.000Z',
  date: '2026-01-05',
  source: 'practice',
  questionId: question.id,
  bank: question.bank,
  category: question.category,
  principles: question.principles,
  rubric: 'star',
  level: null,
  answer: 'In 2024 I fixed the build for the whole floor.',
  elapsedMs: 60000,
  limitSeconds: 240,
  scorer: 'offline',
  overall: 60,
  verdict: 'hire',
  criteria: star.criteria.map((c) => ({ id: c.id, score: 3 })),
  costUsd: 0,
};

function historyWith(lines: string[]): HistoryStore {
  const home = mkdtempSync(join(tmpdir(), 'coach-human-'));
  mkdirSync(join(home, 'history'));
  writeFileSync(join(home, 'history', 'attempts.jsonl'), `${lines.join('\n')}\n`);
  return new HistoryStore(home);
}

function personJudged() {
  const levels = Object.fromEntries(star.criteria.map((c) => [c.id, c.id === 'results' ? 1 : 3]));
  const result = humanResult(
    { rubric: star, question },
    { levels, notes: { results: 'no outcome given' }, note: 'Told it well, never said what changed.' },
  );
  const at = new Date('2026-01-06T10:00:00.000Z');
  return attemptFrom(result, {
    id: 'peer-abc-0',
    at,
    date: '2026-01-06',
    source: 'peer',
    question,
    answer: '',
    elapsedMs: 200000,
    limitSeconds: 240,
  });
}

describe('history with attempts scored by a person', () => {
  it('still reads a file written before human scores existed, beside a human-scored attempt', () => {
    const human = personJudged();
    const store = historyWith([JSON.stringify(OLD_RECORD), JSON.stringify(human)]);
    const { attempts, damaged } = store.read();
    expect(damaged).toBe(0);
    expect(attempts.map((a) => a.id)).toEqual(['practice-old-0', 'peer-abc-0']);
    const read = attempts[1]!;
    expect(read).toMatchObject({ scorer: 'human', model: null, source: 'peer', answer: '' });
    expect(read.promptVersion).toBeUndefined();
    expect(read.note).toBe('Told it well, never said what changed.');
    expect(read.criteria.find((c) => c.id === 'results')).toEqual({
      id: 'results',
      score: 1,
      note: 'no outcome given',
    });
    expect(scorerName(read)).toBe('human (scored by a person)');
    expect(scorerName(attempts[0]!)).toBe('offline');
  });

  it('counts them in stats and drills, and says which judgements a person gave', () => {
    const human = personJudged();
    const { attempts } = historyWith([JSON.stringify(OLD_RECORD), JSON.stringify(human)]).read();
    const stats = computeStats(attempts, { today: '2026-01-06', questions: registry.questions });
    expect(stats.attempts).toBe(2);
    expect(stats.scoredByPerson).toBe(1);
    expect(Object.keys(stats.byVersion)).toEqual(['human', 'offline/unrecorded']);
    expect(stats.byVersion.human).toEqual({ attempts: 1, average: human.overall });
    // results: 3 (old, offline) and 1 (the person) average 2, the weakest, and one of the two is a person's.
    expect(stats.weakest[0]).toMatchObject({
      rubric: 'star',
      criterion: 'results',
      average: 2,
      attempts: 2,
      byPerson: 1,
    });
    const other = registry.questions.find((q) => q.rubric === 'star' && q.id !== question.id)!;
    const [pick] = priorities(
      [other],
      attempts,
      '2026-01-07',
      (rubric) => registry.rubrics.get(rubric)?.criteria.map((c) => c.id) ?? [],
    );
    expect(pick).toMatchObject({ reason: 'new' });
    // Two weak criteria make it a weak area; one of them judged by a person.
    const weaker = { ...human, id: 'peer-abc-1', criteria: human.criteria.map((c) => ({ ...c, score: 1 })) };
    const [again] = priorities(
      [other],
      [...attempts, weaker],
      '2026-01-07',
      (rubric) => registry.rubrics.get(rubric)?.criteria.map((c) => c.id) ?? [],
    );
    expect(again).toMatchObject({ reason: 'weak-area', weakByPerson: true });
  });

  it('shows in the report as scored by a person, with the notes and no empty answer block', () => {
    const human = personJudged();
    const report = buildReport({
      attempts: [OLD_RECORD as Attempt, human],
      questions: registry.questions,
      rubrics: registry.rubrics,
      today: '2026-01-06',
      generatedAt: '2026-01-06T12:00:00.000Z',
    });
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('· peer · ');
    expect(markdown).toContain('scored by a person');
    expect(markdown).toContain('No transcript: a person interviewed and scored this answer');
    expect(markdown).toContain('Interviewer’s note: Told it well, never said what changed.');
    expect(markdown).toContain('(note: no outcome given)');
    const html = renderHtml(report);
    expect(html).toContain('Interviewer’s note: Told it well, never said what changed.');
    expect(html).toContain('(note: no outcome given)');
    // The old offline attempt keeps its answer block.
    expect(html).toContain('<pre class="answer">In 2024 I fixed the build for the whole floor.</pre>');
  });
});
