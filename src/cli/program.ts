import { Command } from 'commander';
import { terminalSafe } from '../ui/sanitize.js';
import * as banks from './commands/banks.js';
import * as batches from './commands/batches.js';
import * as calibrate from './commands/calibrate.js';
import * as compare from './commands/compare.js';
import * as drill from './commands/drill.js';
import * as history from './commands/history.js';
import * as interview from './commands/interview.js';
import * as lint from './commands/lint.js';
import * as loop from './commands/loop.js';
import * as practice from './commands/practice.js';
import * as principles from './commands/principles.js';
import * as questions from './commands/questions.js';
import * as report from './commands/report.js';
import * as resume from './commands/resume.js';
import * as rubrics from './commands/rubrics.js';
import * as schema from './commands/schema.js';
import * as score from './commands/score.js';
import * as sessions from './commands/sessions.js';
import * as show from './commands/show.js';
import * as stats from './commands/stats.js';
import * as stories from './commands/stories.js';
import * as tenets from './commands/tenets.js';
import { EXIT_CODES_HELP } from './help.js';

/** Every command, in the order `coach --help` lists them. Each module only declares; nothing heavy loads. */
const COMMANDS: { name: string; register(program: Command): void }[] = [
  lint,
  schema,
  banks,
  questions,
  show,
  rubrics,
  principles,
  tenets,
  practice,
  loop,
  interview,
  resume,
  sessions,
  drill,
  history,
  stats,
  report,
  compare,
  score,
  calibrate,
  batches,
  stories,
];

/** Where commander writes help and its own error messages; tests capture them. */
export interface ProgramOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

const PROCESS_OUTPUT: ProgramOutput = {
  writeOut: (text) => process.stdout.write(text),
  writeErr: (text) => process.stderr.write(text),
};

/**
 * The command tree. exitOverride: errors come back to `run` (index.ts) instead of exiting. Given the
 * argv it will parse, it holds only the commands that argv needs (commandsFor); without, all of them.
 */
export function buildProgram(output: ProgramOutput = PROCESS_OUTPUT, argv?: readonly string[]): Command {
  const program = new Command('coach')
    .description('Mock-interview coach for senior and principal engineering loops.')
    .version(typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0', '-V, --version')
    .option('--debug', 'print stack traces for unexpected errors')
    .option('--no-color', 'disable colour (also NO_COLOR=1)')
    .showHelpAfterError('(run with --help for usage)')
    // commander echoes arguments in its messages ("unknown option '...'"): filtered like all output.
    .configureOutput({
      writeOut: (text) => output.writeOut(terminalSafe(text)),
      writeErr: (text) => output.writeErr(terminalSafe(text)),
    })
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();
  for (const command of argv ? commandsFor(argv) : COMMANDS) command.register(program);
  return program;
}

/**
 * Start-up (issue 18): declaring all 22 commands and their options took about 2.5 ms of every run.
 * A run that names a command and asks for no help parses only that command's part of the tree, so it
 * is the only one declared, and `--version` alone needs none; help, no command, or a name that is not
 * a command (commander suggests the closest) get them all. The global flags take no values, so the
 * first argument that is not a flag is the command. test/cli/program.test.ts checks that each command
 * declared alone parses, fails and helps exactly as in the whole tree.
 */
function commandsFor(argv: readonly string[]): typeof COMMANDS {
  const args = argv.slice(2);
  if (args.some((arg) => arg === '-h' || arg === '--help')) return COMMANDS;
  const first = args.find((arg) => !arg.startsWith('-'));
  if (first === undefined && args.some((arg) => arg === '-V' || arg === '--version')) return [];
  const named = COMMANDS.find((command) => command.name === first);
  return named ? [named] : COMMANDS;
}
