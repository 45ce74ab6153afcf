import { type Command, Option } from 'commander';
import { ANSWER_MODES } from '../../scoring/scorer.js';
import { withExitCodes } from '../help.js';
import { lazyAction } from '../lazy-action.js';
import { addScorerOptions, banksOption, jsonOption, levelOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'score';

const load = () => import('../../commands/score.js');

export function register(program: Command): void {
  const score = program
    .command(name)
    .description('score one answer (from --answer-file or stdin) against a question, or a rubric and prompt')
    .option('-q, --question <id>', 'the question answered')
    .option('--rubric <id>', 'the rubric, for an answer to a prompt of your own')
    .option('--prompt <text>', 'the prompt answered (with --rubric)')
    .option('-a, --answer-file <path>', 'read the answer from this file (default: stdin; "-" for stdin)')
    .addOption(levelOption('judge scope for this level (L5-L8; default: level: in the config file)'))
    .addOption(
      new Option(
        '--mode <mode>',
        'how the answer was given, which sets how many words fit the time: typed (default) or spoken',
      ).choices([...ANSWER_MODES]),
    );
  addScorerOptions(score)
    .option('--save', 'record the attempt in history (for stats and drills)')
    .option(
      '--batch <answers-file>',
      'score every answer in a file (question id: answer); anthropic: one Message Batch, half price',
    )
    .addOption(jsonOption())
    .addOption(banksOption())
    .addHelpText('after', withExitCodes())
    .action(lazyAction(load, (m, ctx, options) => m.scoreCommand(options, ctx)));
}
