import type { Command } from 'commander';
import { withExitCodes } from '../help.js';
import { lazyAction } from '../lazy-action.js';
import { addFilterOptions, banksOption, jsonOption, strictOption } from '../options.js';
import { nonNegativeInteger, positiveInteger } from '../parsers.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'interview';

const load = () => import('../../commands/interview.js');

export function register(program: Command): void {
  addFilterOptions(
    program
      .command(name)
      .description(
        'practise with a partner: --peer shows a human interviewer the sheet, a clock, and takes their levels',
      )
      .argument('[question-id]', 'the question to ask (default: one drawn from the filters)')
      .option(
        '--peer',
        'a person interviews and scores: the sheet, a clock, a level 1-4 and a note per criterion',
      )
      .option('--plan <file>', 'run a plan from `coach loop --plan --json`, round by round')
      .option('--round <id>', 'with --plan: only this round (r1, r2, ...)'),
    'only questions asked at this level (L5-L8); the level the attempt is recorded at',
  )
    .addOption(
      strictOption(
        '--time <seconds>',
        'time for every answer, overriding the bank or the plan',
        positiveInteger,
      ),
    )
    .addOption(
      strictOption(
        '--seed <n>',
        'make the pick of the question reproducible (0 or more)',
        nonNegativeInteger,
      ),
    )
    .option('--transcript <file>', "the candidate's answer as text, kept with the attempt (one question)")
    .addOption(jsonOption())
    .addOption(banksOption())
    .addHelpText(
      'after',
      withExitCodes(`Keys: Enter starts the clock once the question is read out, Enter again ends the answer; then a
level 1-4 (type the digit, then Enter) and an optional note per criterion. Ctrl-C stops (exit 130).
Each judgement is recorded in history as an attempt with scorer "human".
Without a terminal it exits 2; --json prints the interviewer's sheets instead:
[{round, question, probes: [{kind, prompt}], rubric: {id, name, focusCriteria, criteria}, signals, pitfalls}].`),
    )
    .action(
      lazyAction(load, (m, ctx, id: string | undefined, options) => m.interviewCommand(id, options, ctx)),
    );
}
