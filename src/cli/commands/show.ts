import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

const load = () => import('../../commands/browse.js');

export function register(program: Command): void {
  program
    .command('show')
    .description('show one question in full')
    .argument('<question-id>')
    .option('--no-spoilers', 'hide follow-ups, signals and pitfalls (for practice)')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(lazyAction(load, (m, ctx, id: string, options) => m.showCommand(id, options, ctx)));
}
