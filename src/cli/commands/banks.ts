import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

const load = () => import('../../commands/browse.js');

export function register(program: Command): void {
  program
    .command('banks')
    .description('list the question banks with counts per category and level')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(lazyAction(load, (m, ctx, options) => m.banksCommand(options, ctx)));
}
