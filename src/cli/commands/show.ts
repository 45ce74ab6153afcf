import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'show';

const load = () => import('../../commands/browse.js');

export function register(program: Command): void {
  program
    .command(name)
    .description('show one question in full')
    .argument('<question-id>')
    .option('--no-spoilers', 'hide follow-ups, signals and pitfalls (for practice)')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(lazyAction(load, (m, ctx, id: string, options) => m.showCommand(id, options, ctx)));
}
