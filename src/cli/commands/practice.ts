import type { Command } from 'commander';
import { withExitCodes } from '../help.js';
import { lazyAction } from '../lazy-action.js';
import {
  addFilterOptions,
  addScorerOptions,
  banksOption,
  countOption,
  storiesOption,
  strictOption,
} from '../options.js';
import { nonNegativeInteger, positiveInteger } from '../parsers.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'practice';

const load = () => import('../../commands/practice.js');

export function register(program: Command): void {
  const practice = addFilterOptions(
    program
      .command(name)
      .description('a timed mock interview in the terminal (offline scorer, no key needed)'),
    'only questions asked at this level (L5-L8); scope is judged for it',
  )
    .addOption(countOption('number of questions'))
    .addOption(
      strictOption('--time <seconds>', 'time limit for every question, overriding the bank', positiveInteger),
    )
    .addOption(
      strictOption('--seed <n>', 'make the pick of questions reproducible (0 or more)', nonNegativeInteger),
    );
  addScorerOptions(practice)
    .addOption(
      strictOption(
        '--followups <n>',
        'ask a chain of up to N follow-ups per question, in interview order (default 3; 0 asks none)',
        nonNegativeInteger,
      ),
    )
    .option('--no-followups', 'ask no follow-up questions')
    .option('--overtime', 'keep going past the time limit (shown as overtime) instead of submitting at zero')
    .option('--score-at-end', 'score all answers at the end instead of after each question')
    .addOption(storiesOption(true))
    .addOption(banksOption())
    .addHelpText(
      'after',
      withExitCodes(`Keys while answering:
  Enter  new line          Ctrl-D  submit the answer
  Ctrl-N skip the question Ctrl-C  pause (asks first; a second Ctrl-C quits, the answer is saved)

Every answer and draft is saved as you type; \`coach resume\` continues an interrupted session.`),
    )
    .action(lazyAction(load, (m, ctx, options) => m.practiceCommand(options, ctx)));
}
