import { type Command, Option } from 'commander';
import { withExitCodes } from '../help.js';
import { lazyAction } from '../lazy-action.js';
import { addLlmOptions, banksOption, jsonOption, SCORER_NAMES } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'calibrate';

const load = () => import('../../commands/calibrate.js');

export function register(program: Command): void {
  const calibrate = program
    .command(name)
    .description("measure how far a scorer agrees with a person's labels on a set of answers")
    .argument('[file]', 'YAML or JSON list of labelled answers (see calibration/example.yaml)')
    .option(
      '--from-history',
      'instead of a file: the answers people scored with `coach interview --peer --transcript`',
    )
    .addOption(
      new Option('--scorer <name>', 'the scorer to calibrate; give it twice to compare two scorers')
        .choices(SCORER_NAMES)
        .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
    );
  addLlmOptions(calibrate, { maxCost: false })
    .addOption(jsonOption())
    .addOption(banksOption())
    .addHelpText(
      'after',
      withExitCodes(`Each entry: {question: ID} or {rubric: ID, prompt: TEXT}, with answer: TEXT and label: a level 1-4 or a
verdict (strong-no-hire, no-hire, hire, strong-hire); optional criteria: {CRITERION_ID: 1-4}, level, mode, id.
--json prints {scorer, n, pairwiseAgreement, spearman, quadraticKappa, baseline: {pairwiseAgreement,
spearman}, confusion, fallbacks} (and criteria when labelled); with two scorers {scorers: [...], comparison}.`),
    )
    .action(
      lazyAction(load, (m, ctx, file: string | undefined, options) => m.calibrateCommand(file, options, ctx)),
    );
}
