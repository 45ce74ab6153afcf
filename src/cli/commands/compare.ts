import type { Command } from 'commander';
import { withExitCodes } from '../help.js';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'compare';

const load = () => import('../../commands/compare.js');

export function register(program: Command): void {
  program
    .command(name)
    .description('two attempts at the same question side by side: criterion changes, evidence, a word diff')
    .argument('[attempt-ids...]', 'one or two attempt ids from `coach history` (a unique prefix is enough)')
    .option('-q, --question <id>', 'with no id: the latest two scored attempts at this question')
    .addOption(jsonOption())
    .addOption(banksOption())
    .addHelpText(
      'after',
      withExitCodes(`With two ids: those two. With one: it and the latest other scored attempt at its question.
--json prints {question, before, after, criteria: [{id, before, after, delta}]}.`),
    )
    .action(lazyAction(load, (m, ctx, ids: string[], options) => m.compareCommand(ids, options, ctx)));
}
