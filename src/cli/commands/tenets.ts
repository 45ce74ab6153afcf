import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'tenets';

const load = () => import('../../commands/browse.js');

export function register(program: Command): void {
  program
    .command(name)
    .description('the 8 principal engineering tenets (L7-L8 rounds), with how many questions test each')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(lazyAction(load, (m, ctx, options) => m.tenetsCommand(options, ctx)));
}
