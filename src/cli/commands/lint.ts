import { type Command, Option } from 'commander';
import type { LintFormat } from '../../reporters/index.js';
import { withExitCodes } from '../help.js';
import { lazyAction } from '../lazy-action.js';
import { banksOption, strictOption } from '../options.js';
import { nonNegativeInteger } from '../parsers.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'lint';

const load = () => import('../../commands/lint.js');

export function register(program: Command): void {
  program
    .command(name)
    .description(
      'check question banks, rubrics and stories files (no paths: the shipped and configured ones, and your stories file)',
    )
    .argument('[paths...]', 'files or directories to lint')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['stylish', 'json', 'github', 'sarif'] satisfies LintFormat[])
        .default('stylish'),
    )
    .addOption(
      strictOption(
        '--max-warnings <n>',
        'exit 1 when there are more warnings than this (0 or more)',
        nonNegativeInteger,
      ),
    )
    .addOption(banksOption())
    .addOption(
      strictOption(
        '--threads <n>',
        'threads for parsing (default: 1 on two cores or fewer, else up to 4)',
        nonNegativeInteger,
      ).hideHelp(),
    )
    .addHelpText('after', withExitCodes())
    .action(lazyAction(load, (m, ctx, paths: string[], options) => m.lintCommand(paths, options, ctx)));
}
