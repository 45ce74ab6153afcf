import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

export function register(program: Command): void {
  program
    .command('rubrics')
    .description('list rubrics and their criteria, or show one in full')
    .argument('[rubric-id]')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(
      lazyAction(async (ctx, id: string | undefined, options) => {
        const { rubricsCommand } = await import('../../commands/browse.js');
        return rubricsCommand(id, options, ctx);
      }),
    );
}
