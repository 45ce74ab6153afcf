import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

const load = () => import('../../commands/browse.js');

export function register(program: Command): void {
  program
    .command('principles')
    .description("Amazon's 16 Leadership Principles, with how many questions practise each")
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(lazyAction(load, (m, ctx, options) => m.principlesCommand(options, ctx)));
}
