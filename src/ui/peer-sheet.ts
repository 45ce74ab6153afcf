import type { ChalkInstance } from 'chalk';
import { findPrinciple } from '../schema/principles.js';
import { findTenet } from '../schema/tenets.js';
import { VERDICTS } from '../scoring/result.js';
import type { InterviewerSheet } from '../session/peer-sheet.js';
import { VERDICT_LABEL } from './score-report.js';
import { formatDuration, wrap } from './text.js';

/**
 * The interviewer's sheet as terminal text: the question to read out, the probes to ask in order,
 * what to listen for, and the rubric they will judge with (every level descriptor). Bank text is
 * plain here; the command's output stream filters control characters like all output.
 */
export function renderSheet(
  sheet: InterviewerSheet,
  title: string,
  color: ChalkInstance,
  width: number,
): string {
  const { question, rubric } = sheet;
  const principles = question.principles.map((p) => findPrinciple(p)?.name ?? p);
  const tenets = question.tenets.map((t) => findTenet(t)?.name ?? t);
  const meta = [
    question.id,
    question.category,
    ...(principles.length ? [principles.join(', ')] : []),
    ...(tenets.length ? [`tenets: ${tenets.join(', ')}`] : []),
    formatDuration(question.timeLimitSeconds),
  ];
  const section = (name: string, note?: string) =>
    `\n${color.bold(name)}${note ? ` ${color.dim(note)}` : ''}`;
  const bullets = (items: readonly string[], mark: string) =>
    items.map((s) => wrap(`${mark} ${s}`, width, '    ').replace(/^ {4}/, '  '));
  // The rubric first, to read before the interview; what is needed while the candidate talks (the
  // question, the probes, the signals) last, just above the clock, where it stays on screen.
  const lines = [
    `${color.bold(title)}  ${color.dim(meta.join(' · '))}`,
    section(
      `Rubric ${rubric.id}`,
      rubric.focusCriteria
        ? `(focused: you judge only these ${rubric.criteria.length} criteria, 1-4 each, after the answer)`
        : '(you enter a level 1-4 for each criterion after the answer)',
    ),
  ];
  for (const c of rubric.criteria) {
    lines.push(
      `  ${color.bold(c.name)} ${color.dim(`(${c.id}, ${Math.round(c.weight * 100)}%)`)}`,
      color.dim(wrap(c.description, width, '    ')),
    );
    for (const level of [1, 2, 3, 4] as const)
      lines.push(
        wrap(`${level} ${levelName(level)}: ${c.levels[level]}`, width, '        ').replace(/^ {8}/, '    '),
      );
  }
  lines.push(
    ...(sheet.pitfalls.length ? [section('Pitfalls'), ...bullets(sheet.pitfalls, '-')] : []),
    section('Signals', '(a strong answer shows)'),
    ...bullets(sheet.signals, '+'),
    section('Question', '(read it out)'),
    wrap(question.prompt, width, '  '),
    section('Probes', '(ask in this order)'),
    ...(sheet.probes.length
      ? sheet.probes.map((p, i) =>
          wrap(`${i + 1}. ${p.kind ? `[${p.kind}] ` : ''}${p.prompt}`, width, '     ').replace(/^ {5}/, '  '),
        )
      : [color.dim('  none in the bank: ask for their own part, the numbers, and what they learned')]),
    '',
  );
  return `${lines.join('\n')}\n`;
}

/** 1 strong no hire .. 4 strong hire, as the rubrics' levels read. */
export function levelName(level: 1 | 2 | 3 | 4): string {
  return VERDICT_LABEL[VERDICTS[level - 1]!];
}
