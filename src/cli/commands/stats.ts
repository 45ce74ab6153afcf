import { type Command, Option } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption, SCORER_NAMES, sinceOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'stats';

const load = () => import('../../commands/history.js');

export function register(program: Command): void {
  program
    .command(name)
    .description('progress: attempts, streak, averages by bank, category and criterion, trend, weakest areas')
    .addOption(sinceOption())
    .option('--scorer <name>', `only attempts scored by this scorer (${SCORER_NAMES.join(', ')})`)
    .option('--model <id>', 'only attempts scored by this model')
    .option('--prompt-version <hash>', 'only attempts scored with this prompt version (see --by version)')
    .addOption(
      new Option('--by <grouping>', 'also show averages by scorer, model and prompt version').choices([
        'version',
      ]),
    )
    .addOption(jsonOption())
    .addOption(banksOption())
    .addHelpText(
      'after',
      `
Scores are comparable only within one scorer, model and prompt version: --by version shows them side by
side (--json always has byVersion), and --scorer, --model, --prompt-version keep one of them.`,
    )
    .action(lazyAction(load, (m, ctx, options) => m.statsCommand(options, ctx)));
}
