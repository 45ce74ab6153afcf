import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

export function register(program: Command): void {
  program
    .command('banks')
    .description('list the question banks with counts per category and level')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(
      lazyAction(async (ctx, options) => {
        const { banksCommand } = await import('../../commands/browse.js');
        return banksCommand(options, ctx);
      }),
    );
}
