import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import type { Attempt } from '../../src/history/attempt.js';
import { pickDaily, priorities } from '../../src/history/schedule.js';
import { addDays, computeStats, sparkline } from '../../src/history/stats.js';
import { HistoryStore } from '../../src/history/store.js';

const ROOT = join(import.meta.dirname, '..', '..');
const registry = await loadRegistry({ banks: [] }, ROOT);
const criteriaOf = (rubric: string) => registry.rubrics.get(rubric)?.criteria.map((c) => c.id) ?? [];

let counter = 0;
function attempt(questionId: string, date: string, overall: number, criterionScore = 3): Attempt {
  const q = registry.questions.find((x) => x.id === questionId)!;
  return {
    v: 1,
    id: `a${counter++}`,
    at: `${date}T10:00:00.000Z`,
    date,
    source: 'drill',
    questionId,
    bank: q.bank,
    category: q.category,
    principles: q.principles,
    rubric: q.rubric,
    level: null,
    answer: 'text',
    elapsedMs: null,
    limitSeconds: null,
    scorer: 'offline',
    overall,
    verdict: overall >= 50 ? 'hire' : 'no-hire',
    criteria: criteriaOf(q.rubric).map((id) => ({ id, score: criterionScore })),
    costUsd: 0,
  };
}

function daily(attempts: Attempt[], date: string, count = 3, candidates = registry.questions) {
  return pickDaily(priorities(candidates, attempts, date, criteriaOf), count, `${date}|all`).map(
    (p) => p.questionId,
  );
}

describe('daily selection', () => {
  it('gives the same questions for the same date, filters and history', () => {
    const history = [attempt('bhv-simplify-by-deleting', '2026-11-01', 40)];
    expect(daily(history, '2026-11-22')).toEqual(daily([...history], '2026-11-22'));
    const days = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map((d) =>
      daily(history, d).join(),
    );
    expect(new Set(days).size).toBeGreaterThan(1);
  });

  it('brings a weak answer back soon and a strong one only after a growing interval', () => {
    const candidates = registry.questions.filter((q) => q.bank === 'behavioral').slice(0, 6);
    const [weak, strong] = [candidates[0]!.id, candidates[1]!.id];
    const history = [attempt(weak, '2026-11-01', 15), attempt(strong, '2026-11-01', 95)];
    const list = priorities(candidates, history, '2026-11-05', criteriaOf);
    const p = (id: string) => list.find((x) => x.questionId === id)!;
    expect(p(weak).reason).toBe('due');
    expect(p(strong).reason).toBe('scheduled');
    expect(p(weak).weight).toBeGreaterThan(p(strong).weight);
    // Two strong answers in a row push the next review further out than one.
    const once = priorities(candidates, [attempt(strong, '2026-11-01', 95)], '2026-11-01', criteriaOf);
    const twice = priorities(
      candidates,
      [attempt(strong, '2026-11-01', 95), attempt(strong, '2026-11-20', 95)],
      '2026-11-20',
      criteriaOf,
    );
    const gap = (l: typeof once, from: string) =>
      (Date.parse(l.find((x) => x.questionId === strong)!.due!) - Date.parse(from)) / 86_400_000;
    expect(gap(twice, '2026-11-20')).toBeGreaterThan(gap(once, '2026-11-01'));
  });

  it('over a simulated month, picks a weak category more often than its share', () => {
    // A candidate who is weak at system design and strong at everything else drills daily for 30 days.
    const candidates = registry.questions.filter(
      (q) => q.bank === 'behavioral' || q.bank === 'system-design',
    );
    const isWeak = (id: string) => candidates.find((q) => q.id === id)!.bank === 'system-design';
    const share = candidates.filter((q) => isWeak(q.id)).length / candidates.length;
    const history: Attempt[] = [];
    let weakPicks = 0;
    let picks = 0;
    for (let day = 0; day < 30; day++) {
      const date = addDays('2026-10-01', day);
      for (const id of daily(history, date, 3, candidates)) {
        history.push(attempt(id, date, isWeak(id) ? 20 : 90, isWeak(id) ? 1 : 4));
        picks++;
        if (isWeak(id)) weakPicks++;
      }
    }
    expect(weakPicks / picks).toBeGreaterThan(share * 1.5);
  });
});

describe('history store', () => {
  it('loses nothing when 10 processes append at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-history-'));
    const writer = join(dir, 'writer.mjs');
    // Each process appends 20 batches of 5 large records through the real store, bundled from source.
    buildSync({
      entryPoints: [join(ROOT, 'src', 'history', 'store.ts')],
      outfile: join(dir, 'store.mjs'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'warning',
    });
    writeFileSync(
      writer,
      `import { HistoryStore } from './store.mjs';
const [dir, who] = process.argv.slice(2);
const store = new HistoryStore(dir);
for (let b = 0; b < 20; b++) {
  store.append(Array.from({ length: 5 }, (_, i) => ({ v: 1, id: who + '-' + b + '-' + i, at: new Date().toISOString(), date: '2026-11-22', answer: 'x'.repeat(3000 + i), criteria: [] })));
}`,
    );
    await Promise.all(
      Array.from(
        { length: 10 },
        (_, w) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, [writer, dir, `w${w}`], { stdio: 'inherit' });
            child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))));
          }),
      ),
    );
    const { attempts, damaged } = new HistoryStore(dir).read();
    expect(damaged).toBe(0);
    expect(attempts).toHaveLength(10 * 20 * 5);
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1000);
  });

  it('reports and skips a record cut short by a crash, and keeps what comes after it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-history-'));
    const store = new HistoryStore(dir);
    store.append([attempt('bhv-simplify-by-deleting', '2026-11-01', 40)]);
    const full = JSON.stringify(attempt('bhv-simplify-by-deleting', '2026-11-02', 60));
    appendFileSync(store.file, `\n${full.slice(0, full.length / 2)}`); // the crash: half a record, no newline
    store.append([attempt('bhv-simplify-by-deleting', '2026-11-03', 80)]);
    const { attempts, damaged } = store.read();
    expect(damaged).toBe(1);
    expect(attempts.map((a) => a.overall)).toEqual([40, 80]);
    expect(readFileSync(store.file, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
  });
});

describe('stats', () => {
  const today = '2026-11-22';
  const history = [
    attempt('bhv-simplify-by-deleting', '2026-11-19', 40, 2),
    attempt('bhv-simplify-by-deleting', '2026-11-20', 60, 3),
    attempt('sd-photo-library-backend', '2026-11-21', 30, 1),
    attempt('sd-photo-library-backend', '2026-11-22', 70, 3),
    { ...attempt('bhv-simplify-by-deleting', '2026-11-22', 90, 4), costUsd: 0.0123 },
  ];

  it('computes the figures of a known history', () => {
    const stats = computeStats(history, { today, questions: registry.questions });
    expect(stats).toMatchObject({
      attempts: 5,
      daysPractised: 4,
      streak: 4,
      averageOverall: 58,
      costUsd: 0.0123,
    });
    expect(stats.byBank).toEqual({
      behavioral: { attempts: 3, average: 63.3 },
      'system-design': { attempts: 2, average: 50 },
    });
    expect(stats.byCriterion['star/structure']).toEqual({ attempts: 3, average: 3 });
    expect(stats.byCriterion['system-design/requirements']).toEqual({ attempts: 2, average: 2 });
    expect(stats.weakest[0]).toMatchObject({ rubric: 'system-design', average: 2 });
    expect(stats.weakest[0]!.questions).toHaveLength(3);
    expect(stats.trend.map((t) => t.average)).toEqual([40, 60, 30, 80]);
  });

  it('offers only questions that judge the weakest criterion: a focused question that skips it is not one', () => {
    const weakOnColdStart = attempt('pers-homepage-layout', today, 40);
    weakOnColdStart.criteria = weakOnColdStart.criteria.map((c) => ({
      ...c,
      score: c.id === 'cold-start' ? 1 : 3,
    }));
    const stats = computeStats([weakOnColdStart], { today, questions: registry.questions });
    expect(stats.weakest[0]).toMatchObject({ rubric: 'recommender-system-design', criterion: 'cold-start' });
    const offered = stats.weakest[0]!.questions.map((id) => registry.questions.find((q) => q.id === id)!);
    expect(offered).toHaveLength(3);
    for (const q of offered) expect(q.focusCriteria ?? ['cold-start'], q.id).toContain('cold-start');
    // First by id among untried recommender questions, but focused on ranking and serving cost only.
    expect(offered.map((q) => q.id)).not.toContain('frugal-design-ranking-serving-cost');
  });

  it('a drill does not raise a focused question for a weak criterion it does not judge', () => {
    const weak = attempt('pers-homepage-layout', '2026-11-01', 40);
    weak.criteria = weak.criteria.map((c) => ({ ...c, score: c.id === 'cold-start' ? 1 : 3 }));
    const candidates = registry.questions.filter((q) =>
      ['pers-slate-diversity', 'pers-cold-start-users-items'].includes(q.id),
    );
    const list = priorities(candidates, [weak], '2026-11-05', criteriaOf);
    const weight = (id: string) => list.find((p) => p.questionId === id)!.weight;
    // Both untried: 1 plus 0.3 per weak criterion judged; slate diversity does not judge cold start.
    expect(weight('pers-slate-diversity')).toBe(1);
    expect(weight('pers-cold-start-users-items')).toBeCloseTo(1.3, 9);
  });

  it('keeps the streak alive until the end of the next day, and bounds figures with --since', () => {
    expect(computeStats(history, { today: '2026-11-23', questions: [] }).streak).toBe(4);
    expect(computeStats(history, { today: '2026-11-24', questions: [] }).streak).toBe(0);
    expect(computeStats(history, { today, since: '2026-11-21', questions: [] })).toMatchObject({
      attempts: 3,
      daysPractised: 2,
    });
  });

  it('draws the trend as a sparkline', () => {
    expect(sparkline([0, 50, 100, null, 99])).toBe('▁▅█ █');
  });
});
