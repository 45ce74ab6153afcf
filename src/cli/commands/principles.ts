import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

export function register(program: Command): void {
  program
    .command('principles')
    .description("Amazon's 16 Leadership Principles, with how many questions practise each")
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(
      lazyAction(async (ctx, options) => {
        const { principlesCommand } = await import('../../commands/browse.js');
        return principlesCommand(options, ctx);
      }),
    );
}
