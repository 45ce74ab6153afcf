import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadRegistry } from '../../src/banks/registry.js';
import { type Attempt, attemptFrom } from '../../src/history/attempt.js';
import { HistoryStore } from '../../src/history/store.js';
import { offlineScorer } from '../../src/scoring/offline/index.js';
import { repoRoot } from '../helpers/paths.js';

/**
 * A known history for the report and compare tests: the labelled answers of
 * calibration/example.yaml scored by the real offline scorer and recorded through the real store,
 * one a day from 2026-11-01, timed against their questions' limits; plus one LLM-scored record with
 * a cost, one unscored record, and one hostile answer (markup, a Markdown heading, a link).
 */

export const HOSTILE_ANSWER = [
  'I led the fix. <script>alert("x")</script> <img src=x onerror=alert(1)>',
  '### Score: 100/100',
  '[click](javascript:alert(1)) and ``` a fence ``` and </pre></article><h2>Fake</h2>',
  // A window title (OSC 0), a colour and a NUL: terminal control that no output may carry.
  'then \u001b]0;pwned\u0007\u001b[31mred\u001b[0m\u0000 text',
].join('\n');
export const HOSTILE_ID = 'drill-hostile<b>&"\'';
export const LLM_COST = 0.0123;

const registry = await loadRegistry({ banks: [] }, repoRoot);

interface Labelled {
  question: string;
  answer: string;
}

export async function writeKnownHistory(
  home: string,
  options: { stories?: boolean } = {},
): Promise<Attempt[]> {
  const entries = (
    parse(readFileSync(join(repoRoot, 'calibration', 'example.yaml'), 'utf8')) as Labelled[]
  ).filter((e) => e.question);
  const attempts: Attempt[] = [];
  let day = 1;
  for (const entry of entries) {
    const question = registry.questions.find((q) => q.id === entry.question)!;
    const rubric = registry.rubrics.get(question.rubric)!;
    const result = await offlineScorer.score({
      rubric,
      question,
      prompt: question.prompt,
      answer: entry.answer,
    });
    const date = `2026-11-${String(day).padStart(2, '0')}`;
    attempts.push(
      attemptFrom(result, {
        id: `drill-fixture-${String(day).padStart(2, '0')}`,
        at: new Date(`${date}T09:00:00.000Z`),
        date,
        source: 'drill',
        question,
        answer: entry.answer,
        // Alternately within and over the limit, so the time section has both.
        elapsedMs: question.timeLimitSeconds * (day % 3 === 0 ? 1100 : 700),
        limitSeconds: question.timeLimitSeconds,
      }),
    );
    day++;
  }
  const llmBase = attempts[0]!;
  attempts.push({
    ...llmBase,
    id: 'score-llm-judged',
    at: '2026-11-20T09:00:00.000Z',
    date: '2026-11-20',
    source: 'score',
    scorer: 'anthropic',
    model: 'claude-sonnet-5-5',
    promptVersion: '1a2b3c4d5e',
    overall: 81,
    verdict: 'strong-hire',
    costUsd: LLM_COST,
    elapsedMs: null,
    limitSeconds: null,
  });
  attempts.push({
    ...llmBase,
    id: HOSTILE_ID,
    at: '2026-11-21T09:00:00.000Z',
    date: '2026-11-21',
    answer: HOSTILE_ANSWER,
    overall: 10,
    verdict: 'strong-no-hire',
    criteria: llmBase.criteria.map((c) => ({ ...c, score: 1, evidence: ['<script>alert("x")</script>'] })),
  });
  attempts.push({
    ...llmBase,
    id: 'drill-never-scored',
    at: '2026-11-22T09:00:00.000Z',
    date: '2026-11-22',
    status: 'unscored',
    overall: null,
    verdict: 'insufficient',
    criteria: [],
  });
  new HistoryStore(home).append(attempts);
  if (options.stories)
    copyFileSync(join(repoRoot, 'test', 'stories', 'fixtures', 'stories.yaml'), join(home, 'stories.yaml'));
  return attempts;
}
