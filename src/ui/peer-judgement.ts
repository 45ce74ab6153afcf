import { createPrompt, isBackspaceKey, isEnterKey, useKeypress, useState } from '@inquirer/core';
import type { ChalkInstance } from 'chalk';
import type { HumanJudgement } from '../scoring/human.js';
import type { InterviewerSheet } from '../session/peer-sheet.js';
import { stripControl } from '../text/control.js';
import { levelName } from './peer-sheet.js';
import { truncate } from './text.js';

type Level = 1 | 2 | 3 | 4;
const LEVELS: readonly Level[] = [1, 2, 3, 4];

/**
 * A level 1-4 for one criterion: the four descriptors are listed, a digit picks one and Enter takes
 * it. Enter alone does nothing, so a stray Enter from the note before can never enter a level.
 */
const levelPrompt = createPrompt<
  Level,
  { message: string; descriptors: Record<Level, string>; color: ChalkInstance; width: number }
>((config, done) => {
  const { color } = config;
  const [picked, setPicked] = useState<Level | null>(null);
  const [finished, setFinished] = useState(false);
  useKeypress((key, rl) => {
    if (finished) return;
    if (isEnterKey(key)) {
      if (picked === null) return;
      setFinished(true);
      done(picked);
      return;
    }
    const digit = Number(rl.line.trim().slice(-1));
    rl.clearLine(0);
    if (LEVELS.includes(digit as Level)) setPicked(digit as Level);
    else if (isBackspaceKey(key)) setPicked(null);
  });
  if (finished && picked !== null)
    return `${color.green('✔')} ${config.message} ${color.cyan(`${picked} ${levelName(picked)}`)}`;
  const choices = LEVELS.map((level) => {
    // Prompts write to the terminal directly, not through the filtered output stream.
    const line = truncate(
      stripControl(`${level} ${levelName(level)}: ${config.descriptors[level]}`),
      config.width - 4,
    );
    return level === picked ? color.cyan(`› ${line}`) : `  ${line}`;
  });
  return [
    `${color.cyan('?')} ${config.message} ${picked ?? ''}`,
    `${choices.join('\n')}\n${color.dim('  type 1-4, then Enter')}`,
  ];
});

/** One line of free text (a note); Enter alone leaves it empty. */
const notePrompt = createPrompt<string, { message: string; color: ChalkInstance }>((config, done) => {
  const { color } = config;
  const [text, setText] = useState('');
  const [finished, setFinished] = useState(false);
  useKeypress((key, rl) => {
    if (finished) return;
    if (isEnterKey(key)) {
      setFinished(true);
      done(text.trim());
      return;
    }
    setText(rl.line);
  });
  return finished
    ? `${color.green('✔')} ${config.message} ${color.cyan(text.trim())}`
    : `${color.cyan('?')} ${config.message} ${text}`;
});

/**
 * After the answer: for each criterion of the sheet, the interviewer types a level 1-4 (its four
 * descriptors listed) and an optional note; then an optional overall note. Ctrl-C rejects with
 * @inquirer/core's ExitPromptError, which the command turns into exit 130.
 */
export async function askJudgement(
  sheet: InterviewerSheet,
  color: ChalkInstance,
  width: number,
): Promise<HumanJudgement> {
  const levels: Record<string, number> = {};
  const notes: Record<string, string> = {};
  const criteria = sheet.rubric.criteria;
  for (const [i, c] of criteria.entries()) {
    const name = stripControl(c.name);
    levels[c.id] = await levelPrompt({
      message: `${name} ${color.dim(`(${i + 1} of ${criteria.length})`)}: level 1-4?`,
      descriptors: c.levels,
      color,
      width,
    });
    const note = await notePrompt({ message: `Note on ${name} (optional, Enter to skip):`, color });
    if (note) notes[c.id] = note;
  }
  const note = await notePrompt({ message: 'Overall note (optional, Enter to skip):', color });
  return { levels, notes, ...(note ? { note } : {}) };
}
