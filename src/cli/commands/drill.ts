import type { Command } from 'commander';
import { withExitCodes } from '../help.js';
import { lazyAction } from '../lazy-action.js';
import {
  addFilterOptions,
  addScorerOptions,
  banksOption,
  countOption,
  failUnderOption,
  jsonOption,
  strictOption,
} from '../options.js';
import { calendarDate } from '../parsers.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'drill';

const load = () => import('../../commands/drill.js');

export function register(program: Command): void {
  const drill = program
    .command(name)
    .description("today's questions, picked from the date and your history (scriptable)")
    .option('--daily', "pick today's questions from the date, filters and history (the default)")
    .addOption(strictOption('--date <YYYY-MM-DD>', 'the day to drill (default: today)', calendarDate))
    .addOption(countOption('number of questions'));
  addFilterOptions(drill)
    .option(
      '--answers <file>',
      'score the answers in this YAML/JSON file (question id: answer text; "-" for stdin)',
    )
    .addOption(failUnderOption('exit 1 when the average overall score is below this (0-100)'))
    .option(
      '--batch',
      'with --answers and the anthropic scorer: send them as one Message Batch (half price)',
    );
  addScorerOptions(drill)
    .addOption(jsonOption())
    .addOption(banksOption())
    .addHelpText(
      'after',
      withExitCodes(`On a terminal without --answers, the day's questions run on the practice screen. In a script (no terminal)
it prints them (--json: [{id, category, prompt, timeLimitSeconds}]); with --answers it scores and records
them (--json: {date, results, averageOverall}).`),
    )
    .action(lazyAction(load, (m, ctx, options) => m.drillCommand(options, ctx)));
}
