import type { ChalkInstance } from 'chalk';
import { answerOf, type SessionEvent, scoreOf, startEvent } from '../session/engine.js';
import { formatClock } from '../session/timer.js';
import { verdictText } from './score-report.js';
import { table, wrap } from './text.js';

/** End-of-session summary: each question's time against its limit, score and verdict; then the top suggestions. */
export function sessionSummaryTable(
  events: readonly SessionEvent[],
  color: ChalkInstance,
  width: number,
): string {
  const { questions } = startEvent(events);
  const rows = questions.map((q, i) => {
    const main = answerOf(events, i, 0);
    const result = scoreOf(events, i);
    const time = main
      ? `${formatClock(main.elapsedMs).replace('+', '')} / ${formatClock(q.timeLimitSeconds * 1000)}`
      : '-';
    const verdict =
      main?.status === 'skipped'
        ? color.dim('skipped')
        : result
          ? verdictText(result, color)
          : color.dim('not scored');
    return [
      String(i + 1),
      q.id,
      time,
      result?.overall === null || !result ? '-' : String(result.overall),
      verdict,
    ];
  });
  const out = [
    color.bold('Summary'),
    table(
      ['#', 'QUESTION', 'TIME / LIMIT', 'SCORE', 'VERDICT'].map((h) => color.dim(h)),
      rows,
    ),
  ];
  const scoring = events.flatMap((e) => (e.type === 'score' && e.result.usage ? [e.result.usage] : []));
  const followUps = events.flatMap((e) => (e.type === 'followups' && e.usage ? [e.usage] : []));
  if (scoring.length + followUps.length > 0) {
    const usages = [...scoring, ...followUps];
    const cost = usages.reduce((sum, u) => sum + u.costUsd, 0);
    const tokens = usages.reduce(
      (sum, u) => sum + u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens,
      0,
    );
    const what = followUps.length ? 'LLM scoring and follow-ups' : 'LLM scoring';
    out.push(color.dim(`${what}: ${tokens} tokens, about $${cost.toFixed(4)}`), '');
  }
  const suggestions = topSessionSuggestions(events, 3);
  if (suggestions.length) {
    out.push(color.bold('Most useful next steps'));
    suggestions.forEach((s, i) => {
      out.push(wrap(s, width, '     ').replace(/^ {5}/, `  ${i + 1}. `));
    });
  }
  return `${out.join('\n')}\n`;
}

/** Round-robin over the questions' own ranked suggestions, one per criterion, so no single answer dominates. */
function topSessionSuggestions(events: readonly SessionEvent[], count: number): string[] {
  const lists = events.flatMap((e) => (e.type === 'score' ? [e.result.suggestions] : []));
  const picked: string[] = [];
  const seen = new Set<string>();
  for (let rank = 0; picked.length < count && lists.some((l) => l.length > rank); rank++) {
    for (const list of lists) {
      const s = list[rank];
      if (!s) continue;
      const key = s.split(':')[0]!;
      if (seen.has(key)) continue;
      seen.add(key);
      picked.push(s);
      if (picked.length >= count) break;
    }
  }
  return picked;
}
