import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, storiesOption } from '../options.js';

export function register(program: Command): void {
  program
    .command('resume')
    .description('continue an interrupted practice session where it stopped')
    .argument('[session-id]', 'the session (default: the only interrupted one, or choose)')
    .addOption(storiesOption(true))
    .addOption(banksOption())
    .action(
      lazyAction(async (ctx, id: string | undefined, options) => {
        const { resumeCommand } = await import('../../commands/practice.js');
        return resumeCommand(id, options, ctx);
      }),
    );
}
