import type { Command } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'principles';

const load = () => import('../../commands/browse.js');

export function register(program: Command): void {
  program
    .command(name)
    .description("Amazon's 16 Leadership Principles, with how many questions practise each")
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(lazyAction(load, (m, ctx, options) => m.principlesCommand(options, ctx)));
}
