import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

export function register(program: Command): void {
  program
    .command('show')
    .description('show one question in full')
    .argument('<question-id>')
    .option('--no-spoilers', 'hide follow-ups, signals and pitfalls (for practice)')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(
      lazyAction(async (ctx, id: string, options) => {
        const { showCommand } = await import('../../commands/browse.js');
        return showCommand(id, options, ctx);
      }),
    );
}
