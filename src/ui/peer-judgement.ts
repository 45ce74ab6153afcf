import type { ChalkInstance } from 'chalk';
import type { HumanJudgement } from '../scoring/human.js';
import type { InterviewerSheet } from '../session/peer-sheet.js';
import { levelName } from './peer-sheet.js';
import { stripControl } from './sanitize.js';
import { truncate } from './text.js';

/**
 * After the answer: for each criterion of the sheet, the interviewer types a level 1-4 (the four
 * descriptors are listed to choose from) and an optional note; then an optional overall note.
 * Ctrl-C rejects with the prompts' ExitPromptError, which the command turns into exit 130.
 */
export async function askJudgement(
  sheet: InterviewerSheet,
  color: ChalkInstance,
  width: number,
): Promise<HumanJudgement> {
  const { rawlist, input } = await import('@inquirer/prompts');
  const levels: Record<string, number> = {};
  const notes: Record<string, string> = {};
  const criteria = sheet.rubric.criteria;
  for (const [i, c] of criteria.entries()) {
    levels[c.id] = await rawlist({
      message: `${stripControl(c.name)} ${color.dim(`(${i + 1} of ${criteria.length})`)}: level 1-4?`,
      choices: ([1, 2, 3, 4] as const).map((level) => ({
        value: level,
        // Prompts write to the terminal directly, not through the filtered output stream.
        name: truncate(stripControl(`${levelName(level)}: ${c.levels[level]}`), width - 6),
        short: `${level} ${levelName(level)}`,
      })),
    });
    const note = (
      await input({ message: `Note on ${stripControl(c.name)} (optional, Enter to skip):` })
    ).trim();
    if (note) notes[c.id] = note;
  }
  const note = (await input({ message: 'Overall note (optional, Enter to skip):' })).trim();
  return { levels, notes, ...(note ? { note } : {}) };
}
