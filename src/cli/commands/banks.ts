import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'banks';

const load = () => import('../../commands/browse.js');

export function register(program: Command): void {
  program
    .command(name)
    .description('list the question banks with counts per category and level')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(lazyAction(load, (m, ctx, options) => m.banksCommand(options, ctx)));
}
