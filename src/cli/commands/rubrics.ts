import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'rubrics';

const load = () => import('../../commands/browse.js');

export function register(program: Command): void {
  program
    .command(name)
    .description('list rubrics and their criteria, or show one in full')
    .argument('[rubric-id]')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(
      lazyAction(load, (m, ctx, id: string | undefined, options) => m.rubricsCommand(id, options, ctx)),
    );
}
