import { type Command, Option } from 'commander';
import { withExitCodes } from '../help.js';
import { lazyAction } from '../lazy-action.js';
import { banksOption, sinceOption, storiesOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'report';

const load = () => import('../../commands/report.js');

export function register(program: Command): void {
  program
    .command(name)
    .description('a progress report to look at and share: one self-contained HTML page (or Markdown)')
    .option('-o, --output <file>', 'where to write it ("-" for stdout; default coach-report.html or .md)')
    .addOption(sinceOption())
    .addOption(
      new Option(
        '--format <format>',
        'html or md (Markdown); default md for an -o name ending .md, else html',
      ).choices(['html', 'md']),
    )
    .addOption(storiesOption())
    .addOption(banksOption())
    .addHelpText(
      'after',
      withExitCodes(`Sections: score trend with verdict bands, averages by criterion, bank and category, weakest criteria
with questions to practise, principles by stories, time used against limits, recent attempts with
their transcripts, LLM cost. The page has no script and loads nothing from the network.`),
    )
    .action(lazyAction(load, (m, ctx, options) => m.reportCommand(options, ctx)));
}
