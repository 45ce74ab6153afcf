import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { addFilterOptions, banksOption, jsonOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'questions';

const load = () => import('../../commands/browse.js');

export function register(program: Command): void {
  addFilterOptions(program.command(name).description('list questions, filtered'))
    .option('--search <text>', 'words that must appear in the prompt, id, category or signals')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(lazyAction(load, (m, ctx, options) => m.questionsCommand(options, ctx)));
}
