import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, storiesOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'resume';

const load = () => import('../../commands/practice.js');

export function register(program: Command): void {
  program
    .command(name)
    .description('continue an interrupted practice session or loop where it stopped')
    .argument('[session-id]', 'the session (default: the only interrupted one, or choose)')
    .addOption(storiesOption(true))
    .addOption(banksOption())
    .action(lazyAction(load, (m, ctx, id: string | undefined, options) => m.resumeCommand(id, options, ctx)));
}
