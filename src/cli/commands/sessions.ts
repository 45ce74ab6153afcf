import { type Command, Option } from 'commander';
import { lazyAction } from '../lazy-action.js';
import { jsonOption } from '../options.js';

/** The command this module registers: program.ts registers only it when argv names it. */
export const name = 'sessions';

const load = () => import('../../commands/sessions.js');

export function register(program: Command): void {
  const sessions = program
    .command(name)
    .description('list past practice sessions and loops')
    .addOption(jsonOption())
    .action(lazyAction(load, (m, ctx, options) => m.sessionsCommand(options, ctx)));
  sessions
    .command('show')
    .description(
      'print a session transcript (questions, answers, follow-ups, scores, timings; a loop opens with its debrief)',
    )
    .argument('<session-id>')
    .addOption(new Option('--format <format>', 'md (Markdown) or text').choices(['md', 'text']).default('md'))
    .option('-o, --output <file>', 'write the transcript to a file')
    .addOption(jsonOption().default(false))
    .action(lazyAction(load, (m, ctx, id: string, options) => m.sessionShowCommand(id, options, ctx)));
}
