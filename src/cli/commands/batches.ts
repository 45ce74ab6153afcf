import type { Command } from 'commander';
import { withExitCodes } from '../help.js';
import { lazyAction } from '../lazy-action.js';
import { banksOption, jsonOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'batches';

const load = () => import('../../commands/batches.js');

export function register(program: Command): void {
  const batches = program
    .command(name)
    .description(
      'Message Batches sent by --batch: list them with their status (needs the key for live status)',
    )
    .addOption(jsonOption())
    .addHelpText(
      'after',
      withExitCodes(`A batch is stored in the data directory as soon as it is sent, so Ctrl-C while waiting leaves it
running; collect it later. --json prints [{id, createdAt, source, model, answers, state, status, estimatedCostUsd}].`),
    )
    .action(lazyAction(load, (m, ctx, options) => m.batchesCommand(options, ctx)));
  batches
    .command('collect')
    .description(
      'fetch the results of ended batches (the one named, else every uncollected one) and record them',
    )
    .argument('[batch-id]')
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(
      lazyAction(load, async (m, ctx, id: string | undefined, options) => {
        // The parent's --json is parsed before the subcommand sees it.
        const json = Boolean(options.json || batches.opts().json);
        return m.batchesCollectCommand(id, { ...options, json }, ctx);
      }),
    );
  batches
    .command('cancel')
    .description('cancel a batch; its answers stay in history, unscored')
    .argument('<batch-id>')
    .action(lazyAction(load, (m, ctx, id: string) => m.batchesCancelCommand(id, ctx)));
}
