import type { ChalkInstance } from 'chalk';
import type { BankQuestion } from '../banks/registry.js';
import type { Priority } from '../history/schedule.js';
import { SCORED_BY_A_PERSON } from '../scoring/human.js';
import { formatDuration, wrap } from './text.js';

/** `coach drill` in a script: the day's questions, each with why it was picked, and how to answer them. */
export function renderPicks(
  date: string,
  questions: readonly BankQuestion[],
  picks: readonly Priority[],
  c: ChalkInstance,
  width: number,
): string {
  const why = { new: 'new', due: 'due for review', 'weak-area': 'weak area', scheduled: 'review' } as const;
  const lines = [`${c.bold(`Daily drill for ${date}`)} ${c.dim(`(${questions.length} questions)`)}`];
  questions.forEach((q, i) => {
    lines.push(
      '',
      `${i + 1}. ${c.bold(q.id)}  ${c.dim(`${q.bank} / ${q.category} · ${formatDuration(q.timeLimitSeconds)} · ${why[picks[i]!.reason]}${picks[i]!.weakByPerson ? ` (${SCORED_BY_A_PERSON})` : ''}`)}`,
      wrap(q.prompt, width, '   '),
    );
  });
  lines.push('', c.dim('Answer them in a file (question id: answer) and run: coach drill --answers FILE'));
  return `${lines.join('\n')}\n`;
}
