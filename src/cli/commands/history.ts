import { type Command, Option } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { jsonOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'history';

const load = () => import('../../commands/history.js');

export function register(program: Command): void {
  const history = program
    .command(name)
    .description('every scored attempt (practice, drill, score --save)')
    .addOption(jsonOption())
    .action(lazyAction(load, (m, ctx, options) => m.historyCommand(options, ctx)));
  history
    .command('export')
    .description('export the history as CSV or JSON')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('json'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(lazyAction(load, (m, ctx, options) => m.historyExportCommand(options, ctx)));
}
