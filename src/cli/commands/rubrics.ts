import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

const load = () => import('../../commands/browse.js');

export function register(program: Command): void {
  program
    .command('rubrics')
    .description('list rubrics and their criteria, or show one in full')
    .argument('[rubric-id]')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(
      lazyAction(load, (m, ctx, id: string | undefined, options) => m.rubricsCommand(id, options, ctx)),
    );
}
