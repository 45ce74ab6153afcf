import type { Command } from 'commander';
import { MAX_ROUNDS } from '../../loop/limits.js';
import { withExitCodes } from '../help.js';
import { lazyAction } from '../lazy-action.js';
import { addScorerOptions, banksOption, jsonOption, levelOption, strictOption } from '../options.js';
import { integerBetween, nonNegativeInteger } from '../parsers.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'loop';

const load = () => import('../../commands/loop.js');

export function register(program: Command): void {
  const loop = program
    .command(name)
    .description(
      'a full interview loop: rounds, interviewers and principles, tailored to a posting, then a debrief',
    )
    .option('--plan', 'print the plan without running it (also what happens without a terminal)')
    .addOption(levelOption('the level of the loop, L5-L8 (default: level: in the config file, else L6)'))
    .addOption(strictOption('--seed <n>', 'make the plan reproducible (0 or more)', nonNegativeInteger))
    .option(
      '--job <file>',
      'a job posting (text or Markdown) to tailor questions, principles and design topics to',
    )
    .addOption(
      strictOption(
        '--rounds <n>',
        `how many rounds, 1-${MAX_ROUNDS} (default 5; the bar raiser is always one, and last)`,
        integerBetween(1, MAX_ROUNDS),
      ),
    )
    .addOption(
      strictOption(
        '--time <seconds>',
        'time limit for every question, overriding the bank (short loops), 1-10800',
        integerBetween(1, 3 * 3600),
      ),
    );
  addScorerOptions(loop)
    .addOption(jsonOption())
    .addOption(banksOption())
    .addHelpText(
      'after',
      withExitCodes(`--json prints the plan as {level, seed, job: {file, terms} | null, rounds: [{id, kind, interviewer,
principles, questions, minutes}]}, which \`coach interview --peer --plan FILE\` reads back.`),
    )
    .action(lazyAction(load, (m, ctx, options) => m.loopCommand(options, ctx)));
}
