import type { Command } from 'commander';
import { withExitCodes } from '../help.js';
import { lazyAction } from '../lazy-action.js';
import {
  addScorerOptions,
  banksOption,
  countOption,
  failUnderOption,
  jsonOption,
  levelOption,
  storiesOption,
} from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'stories';

const load = () => import('../../commands/stories.js');

export function register(program: Command): void {
  const stories = program
    .command(name)
    .description('your story bank: check, coverage of the 16 principles, which story to tell')
    .addHelpText(
      'after',
      withExitCodes(`The stories file is YAML (\`coach schema stories\`), by default <config dir>/stories.yaml
($XDG_CONFIG_HOME/interview-coach, or COACH_HOME); start one with \`coach stories init\`.`),
    );
  const check = stories
    .command('check')
    .description("score every story with the star rubric and list each story's weakest criteria")
    .addOption(storiesOption())
    .addOption(levelOption("judge scope at this level (L5-L8) instead of each story's own level"))
    .addOption(failUnderOption('exit 1 when a story scores below this overall (0-100)'));
  addScorerOptions(check)
    .addOption(jsonOption())
    .addOption(banksOption())
    .addHelpText('after', withExitCodes())
    .action(lazyAction(load, (m, ctx, options) => m.storiesCheckCommand(options, ctx)));
  stories
    .command('coverage')
    .description('the 16 Leadership Principles against your stories: gaps (fewer than 2) and weak claims')
    .addOption(storiesOption())
    .addOption(jsonOption())
    .addHelpText('after', '\n--json prints [{principle, stories: [ids], count}] for all 16 principles.')
    .action(lazyAction(load, (m, ctx, options) => m.storiesCoverageCommand(options, ctx)));
  stories
    .command('suggest')
    .description('rank your stories for a behavioral question')
    .argument('<question-id>')
    .addOption(storiesOption())
    .addOption(countOption('how many fitting stories to show'))
    .addOption(jsonOption())
    .addOption(banksOption())
    .action(lazyAction(load, (m, ctx, id: string, options) => m.storiesSuggestCommand(id, options, ctx)));
  stories
    .command('init')
    .description('write a commented starter stories file with two example stories')
    .addOption(storiesOption())
    .option('--force', 'overwrite the file if it exists')
    .addOption(jsonOption())
    .action(lazyAction(load, (m, ctx, options) => m.storiesInitCommand(options, ctx)));
}
