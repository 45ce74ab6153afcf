import { Command, CommanderError, Option } from 'commander';
import type { CommandContext } from './commands/context.js';
import { CoachError, EXIT } from './errors.js';
import { ANSWER_MODES } from './scoring/scorer.js';
import { safeStream, stripControl, terminalSafe } from './ui/sanitize.js';

/**
 * The only place that reads argv and sets the exit code. Command implementations are imported
 * lazily inside each action, so `coach --version` loads commander and nothing else.
 */

const EXIT_CODES_HELP = `
Exit codes:
  0  success, no findings
  1  findings: lint errors (or more warnings than --max-warnings), a score under --fail-under (drill, stories check)
  2  usage, configuration or I/O error (bad flag, unknown id or model, unreadable file); an LLM scorer
     that cannot work as configured (key refused, no permission, model not found), that failed
     with --no-fallback, or whose estimated cost is above --max-cost (nothing sent); a write that
     failed (full disk: the file and the cause are named)
  129  the terminal closed during practice (the answer is saved; coach resume continues)
  130  interrupted (Ctrl-C); a Message Batch being waited for keeps running (coach batches collect)

Environment:
  COACH_HOME       data and config directory (default $XDG_DATA_HOME/interview-coach and $XDG_CONFIG_HOME/interview-coach)
  COACH_BANKS      extra bank/rubric directories, separated by ":"
  ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL  key and endpoint of the anthropic scorer
  COACH_OPENAI_BASE_URL, OPENAI_API_KEY  server and (optional) key of the openai-compatible scorer
  NO_COLOR, FORCE_COLOR  colour off / on`;

const collect = (value: string, previous: string[]) => [...previous, value];

export async function run(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  endQuietlyWhenOutputCloses();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error, debug);
  }
}

/**
 * A reader that stops early (`coach questions --json | head -c 100`) closes the pipe, and the next
 * write fails with EPIPE: the output is no longer wanted, so end quietly with the status so far.
 * Other stream errors go on to the process's error handling (EIO there is a closed terminal).
 */
function endQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit();
      throw error;
    });
  }
}

function context(program: Command): CommandContext {
  const opts = program.opts<{ color: boolean }>();
  return {
    cwd: process.cwd(),
    env: process.env,
    // Every byte a command prints passes the control-character filter (see ui/sanitize.ts).
    stdout: safeStream(process.stdout),
    stderr: safeStream(process.stderr),
    stdin: process.stdin,
    noColor: opts.color === false,
  };
}

export function buildProgram(): Command {
  const program = new Command('coach')
    .description('Mock-interview coach for senior and principal engineering loops.')
    .version(typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0', '-V, --version')
    .option('--debug', 'print stack traces for unexpected errors')
    .option('--no-color', 'disable colour (also NO_COLOR=1)')
    .showHelpAfterError('(run with --help for usage)')
    // commander echoes arguments in its messages ("unknown option '...'"): filtered like all output.
    .configureOutput({
      writeOut: (text) => process.stdout.write(terminalSafe(text)),
      writeErr: (text) => process.stderr.write(terminalSafe(text)),
    })
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();

  program
    .command('lint')
    .description(
      'check question banks, rubrics and stories files (no paths: the shipped and configured ones, and your stories file)',
    )
    .argument('[paths...]', 'files or directories to lint')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['stylish', 'json', 'github', 'sarif'])
        .default('stylish'),
    )
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .addOption(
      new Option('--banks <dir>', 'extra bank/rubric directory (repeatable)').argParser(collect).default([]),
    )
    .addOption(
      new Option(
        '--threads <n>',
        'threads for parsing (default: 1 on two cores or fewer, else up to 4)',
      ).hideHelp(),
    )
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (paths: string[], options) => {
      const { lintCommand } = await import('./commands/lint.js');
      process.exitCode = await lintCommand(paths, options, context(program));
    });

  program
    .command('schema')
    .description('print the JSON Schema of a file kind')
    .argument('<kind>', 'question-bank, rubric or stories')
    .action(async (kind: string) => {
      const { schemaCommand } = await import('./commands/schema.js');
      process.exitCode = await schemaCommand(kind, context(program));
    });

  const bankOption = () =>
    new Option('--banks <dir>', 'extra bank/rubric directory (repeatable)').argParser(collect).default([]);
  const jsonOption = () => new Option('--json', 'print JSON for scripts');
  const scorerOption = () =>
    new Option(
      '--scorer <name>',
      'offline (default, no key), anthropic (needs ANTHROPIC_API_KEY) or openai-compatible (a local server: --base-url)',
    ).choices(['offline', 'anthropic', 'openai-compatible']);
  const modelOption = () =>
    new Option(
      '--model <id>',
      'model for the LLM scorer (anthropic: default claude-sonnet-5-5; openai-compatible: as the server names it)',
    );
  const timeoutOption = () =>
    new Option(
      '--timeout <seconds>',
      'LLM scorer: one overall deadline per answer, retries included (default 90)',
    );
  const noFallbackOption = () =>
    new Option(
      '--no-fallback',
      'LLM scorer: exit 2 when it fails (overload, 5xx, timeout, unusable reply) instead of scoring offline',
    );
  const maxCostOption = () =>
    new Option(
      '--max-cost <usd>',
      'LLM scorer: refuse to send when the estimated cost (token counting) is above USD (batches: default 5)',
    );
  const providerOption = () =>
    new Option(
      '--provider <name>',
      'anthropic (default), bedrock (AWS credentials; needs @anthropic-ai/bedrock-sdk) or openai-compatible (Ollama, llama.cpp, vLLM: --base-url, --model)',
    ).choices(['anthropic', 'bedrock', 'openai-compatible']);
  const baseUrlOption = () =>
    new Option(
      '--base-url <url>',
      'openai-compatible server up to /v1, e.g. http://localhost:11434/v1 (also COACH_OPENAI_BASE_URL)',
    );

  program
    .command('banks')
    .description('list the question banks with counts per category and level')
    .addOption(jsonOption())
    .addOption(bankOption())
    .action(async (options) => {
      const { banksCommand } = await import('./commands/browse.js');
      process.exitCode = await banksCommand(options, context(program));
    });

  program
    .command('questions')
    .description('list questions, filtered')
    .option('--bank <id>', 'only this bank (repeatable)', collect, [])
    .option('--category <c>', 'only this category (repeatable)', collect, [])
    .option('--level <L>', 'only questions asked at this level (L5-L8)')
    .option('--principle <id>', 'only questions tagged with this Leadership Principle')
    .option('--tenet <id>', 'only questions tagged with this principal tenet (`coach tenets`)')
    .option('--search <text>', 'words that must appear in the prompt, id, category or signals')
    .addOption(jsonOption())
    .addOption(bankOption())
    .action(async (options) => {
      const { questionsCommand } = await import('./commands/browse.js');
      process.exitCode = await questionsCommand(options, context(program));
    });

  program
    .command('show')
    .description('show one question in full')
    .argument('<question-id>')
    .option('--no-spoilers', 'hide follow-ups, signals and pitfalls (for practice)')
    .addOption(jsonOption())
    .addOption(bankOption())
    .action(async (id: string, options) => {
      const { showCommand } = await import('./commands/browse.js');
      process.exitCode = await showCommand(id, options, context(program));
    });

  program
    .command('rubrics')
    .description('list rubrics and their criteria, or show one in full')
    .argument('[rubric-id]')
    .addOption(jsonOption())
    .addOption(bankOption())
    .action(async (id: string | undefined, options) => {
      const { rubricsCommand } = await import('./commands/browse.js');
      process.exitCode = await rubricsCommand(id, options, context(program));
    });

  program
    .command('principles')
    .description("Amazon's 16 Leadership Principles, with how many questions practise each")
    .addOption(jsonOption())
    .addOption(bankOption())
    .action(async (options) => {
      const { principlesCommand } = await import('./commands/browse.js');
      process.exitCode = await principlesCommand(options, context(program));
    });

  program
    .command('tenets')
    .description('the 8 principal engineering tenets (L7-L8 rounds), with how many questions test each')
    .addOption(jsonOption())
    .addOption(bankOption())
    .action(async (options) => {
      const { tenetsCommand } = await import('./commands/browse.js');
      process.exitCode = await tenetsCommand(options, context(program));
    });

  const storiesOption = (optionalValue = false) =>
    new Option(
      optionalValue ? '--stories [file]' : '--stories <file>',
      optionalValue
        ? 'show the stories that fit each behavioral question (default file: <config dir>/stories.yaml)'
        : 'your stories file (default: <config dir>/stories.yaml)',
    );

  program
    .command('practice')
    .description('a timed mock interview in the terminal (offline scorer, no key needed)')
    .option('--bank <id>', 'only this bank (repeatable)', collect, [])
    .option('--category <c>', 'only this category (repeatable)', collect, [])
    .option('--level <L>', 'only questions asked at this level (L5-L8); scope is judged for it')
    .option('--principle <id>', 'only questions tagged with this Leadership Principle')
    .option('--tenet <id>', 'only questions tagged with this principal tenet (`coach tenets`)')
    .option('-n, --count <n>', 'number of questions', '3')
    .option('--time <seconds>', 'time limit for every question, overriding the bank')
    .option('--seed <n>', 'make the pick of questions reproducible')
    .addOption(scorerOption())
    .addOption(modelOption())
    .addOption(providerOption())
    .addOption(baseUrlOption())
    .option(
      '--followups <n>',
      'ask a chain of up to N follow-ups per question, in interview order (default 3)',
    )
    .addOption(timeoutOption())
    .addOption(noFallbackOption())
    .addOption(maxCostOption())
    .option('--no-followups', 'ask no follow-up questions')
    .option('--overtime', 'keep going past the time limit (shown as overtime) instead of submitting at zero')
    .option('--score-at-end', 'score all answers at the end instead of after each question')
    .addOption(storiesOption(true))
    .addOption(bankOption())
    .addHelpText(
      'after',
      `
Keys while answering:
  Enter  new line          Ctrl-D  submit the answer
  Ctrl-N skip the question Ctrl-C  pause (asks first; a second Ctrl-C quits, the answer is saved)

Every answer and draft is saved as you type; \`coach resume\` continues an interrupted session.
${EXIT_CODES_HELP}`,
    )
    .action(async (options) => {
      const { practiceCommand } = await import('./commands/practice.js');
      process.exitCode = await practiceCommand(options, context(program));
    });

  program
    .command('resume')
    .description('continue an interrupted practice session where it stopped')
    .argument('[session-id]', 'the session (default: the only interrupted one, or choose)')
    .addOption(storiesOption(true))
    .addOption(bankOption())
    .action(async (id: string | undefined, options) => {
      const { resumeCommand } = await import('./commands/practice.js');
      process.exitCode = await resumeCommand(id, options, context(program));
    });

  const sessions = program
    .command('sessions')
    .description('list past practice sessions')
    .addOption(jsonOption())
    .action(async (options) => {
      const { sessionsCommand } = await import('./commands/sessions.js');
      process.exitCode = await sessionsCommand(options, context(program));
    });
  sessions
    .command('show')
    .description('print a session transcript (questions, answers, follow-ups, scores, timings)')
    .argument('<session-id>')
    .addOption(new Option('--format <format>', 'md (Markdown) or text').choices(['md', 'text']).default('md'))
    .option('-o, --output <file>', 'write the transcript to a file')
    .addOption(jsonOption().default(false))
    .action(async (id: string, options) => {
      const { sessionShowCommand } = await import('./commands/sessions.js');
      process.exitCode = await sessionShowCommand(id, options, context(program));
    });

  program
    .command('drill')
    .description("today's questions, picked from the date and your history (scriptable)")
    .option('--daily', "pick today's questions from the date, filters and history (the default)")
    .option('--date <YYYY-MM-DD>', 'the day to drill (default: today)')
    .option('-n, --count <n>', 'number of questions', '3')
    .option('--bank <id>', 'only this bank (repeatable)', collect, [])
    .option('--category <c>', 'only this category (repeatable)', collect, [])
    .option('--level <L>', 'only questions asked at this level (L5-L8)')
    .option('--principle <id>', 'only questions tagged with this Leadership Principle')
    .option('--tenet <id>', 'only questions tagged with this principal tenet (`coach tenets`)')
    .option(
      '--answers <file>',
      'score the answers in this YAML/JSON file (question id: answer text; "-" for stdin)',
    )
    .option('--fail-under <score>', 'exit 1 when the average overall score is below this')
    .option('--batch', 'with --answers and the anthropic scorer: send them as one Message Batch (half price)')
    .addOption(scorerOption())
    .addOption(modelOption())
    .addOption(providerOption())
    .addOption(baseUrlOption())
    .addOption(timeoutOption())
    .addOption(noFallbackOption())
    .addOption(maxCostOption())
    .addOption(jsonOption())
    .addOption(bankOption())
    .addHelpText(
      'after',
      `
On a terminal without --answers, the day's questions run on the practice screen. In a script (no terminal)
it prints them (--json: [{id, category, prompt, timeLimitSeconds}]); with --answers it scores and records
them (--json: {date, results, averageOverall}).
${EXIT_CODES_HELP}`,
    )
    .action(async (options) => {
      const { drillCommand } = await import('./commands/drill.js');
      process.exitCode = await drillCommand(options, context(program));
    });

  const history = program
    .command('history')
    .description('every scored attempt (practice, drill, score --save)')
    .addOption(jsonOption())
    .action(async (options) => {
      const { historyCommand } = await import('./commands/history.js');
      process.exitCode = await historyCommand(options, context(program));
    });
  history
    .command('export')
    .description('export the history as CSV or JSON')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('json'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (options) => {
      const { historyExportCommand } = await import('./commands/history.js');
      process.exitCode = await historyExportCommand(options, context(program));
    });

  program
    .command('stats')
    .description('progress: attempts, streak, averages by bank, category and criterion, trend, weakest areas')
    .option('--since <YYYY-MM-DD>', 'only attempts from this day on')
    .option('--scorer <name>', 'only attempts scored by this scorer (offline, anthropic, openai-compatible)')
    .option('--model <id>', 'only attempts scored by this model')
    .option('--prompt-version <hash>', 'only attempts scored with this prompt version (see --by version)')
    .addOption(
      new Option('--by <grouping>', 'also show averages by scorer, model and prompt version').choices([
        'version',
      ]),
    )
    .addOption(jsonOption())
    .addOption(bankOption())
    .addHelpText(
      'after',
      `
Scores are comparable only within one scorer, model and prompt version: --by version shows them side by
side (--json always has byVersion), and --scorer, --model, --prompt-version keep one of them.`,
    )
    .action(async (options) => {
      const { statsCommand } = await import('./commands/history.js');
      process.exitCode = await statsCommand(options, context(program));
    });

  program
    .command('report')
    .description('a progress report to look at and share: one self-contained HTML page (or Markdown)')
    .option('-o, --output <file>', 'where to write it ("-" for stdout; default coach-report.html or .md)')
    .option('--since <YYYY-MM-DD>', 'only attempts from this day on')
    .addOption(
      new Option(
        '--format <format>',
        'html or md (Markdown); default md for an -o name ending .md, else html',
      ).choices(['html', 'md']),
    )
    .addOption(storiesOption())
    .addOption(bankOption())
    .addHelpText(
      'after',
      `
Sections: score trend with verdict bands, averages by criterion, bank and category, weakest criteria
with questions to practise, principles by stories, time used against limits, recent attempts with
their transcripts, LLM cost. The page has no script and loads nothing from the network.
${EXIT_CODES_HELP}`,
    )
    .action(async (options) => {
      const { reportCommand } = await import('./commands/report.js');
      process.exitCode = await reportCommand(options, context(program));
    });

  program
    .command('compare')
    .description('two attempts at the same question side by side: criterion changes, evidence, a word diff')
    .argument('[attempt-ids...]', 'one or two attempt ids from `coach history` (a unique prefix is enough)')
    .option('-q, --question <id>', 'with no id: the latest two scored attempts at this question')
    .addOption(jsonOption())
    .addOption(bankOption())
    .addHelpText(
      'after',
      `
With two ids: those two. With one: it and the latest other scored attempt at its question.
--json prints {question, before, after, criteria: [{id, before, after, delta}]}.
${EXIT_CODES_HELP}`,
    )
    .action(async (ids: string[], options) => {
      const { compareCommand } = await import('./commands/compare.js');
      process.exitCode = await compareCommand(ids, options, context(program));
    });

  program
    .command('score')
    .description('score one answer (from --answer-file or stdin) against a question, or a rubric and prompt')
    .option('-q, --question <id>', 'the question answered')
    .option('--rubric <id>', 'the rubric, for an answer to a prompt of your own')
    .option('--prompt <text>', 'the prompt answered (with --rubric)')
    .option('-a, --answer-file <path>', 'read the answer from this file (default: stdin; "-" for stdin)')
    .option('--level <L>', 'judge scope for this level (L5-L8; default: level: in the config file)')
    .addOption(
      new Option(
        '--mode <mode>',
        'how the answer was given, which sets how many words fit the time: typed (default) or spoken',
      ).choices([...ANSWER_MODES]),
    )
    .addOption(scorerOption())
    .addOption(modelOption())
    .addOption(providerOption())
    .addOption(baseUrlOption())
    .addOption(timeoutOption())
    .addOption(noFallbackOption())
    .addOption(maxCostOption())
    .option('--save', 'record the attempt in history (for stats and drills)')
    .option(
      '--batch <answers-file>',
      'score every answer in a file (question id: answer); anthropic: one Message Batch, half price',
    )
    .addOption(jsonOption())
    .addOption(bankOption())
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (options) => {
      const { scoreCommand } = await import('./commands/score.js');
      process.exitCode = await scoreCommand(options, context(program));
    });

  program
    .command('calibrate')
    .description("measure how far a scorer agrees with a person's labels on a set of answers")
    .argument('<file>', 'YAML or JSON list of labelled answers (see calibration/example.yaml)')
    .addOption(
      new Option('--scorer <name>', 'the scorer to calibrate; give it twice to compare two scorers')
        .choices(['offline', 'anthropic', 'openai-compatible'])
        .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
    )
    .addOption(modelOption())
    .addOption(providerOption())
    .addOption(baseUrlOption())
    .addOption(timeoutOption())
    .addOption(noFallbackOption())
    .addOption(jsonOption())
    .addOption(bankOption())
    .addHelpText(
      'after',
      `
Each entry: {question: ID} or {rubric: ID, prompt: TEXT}, with answer: TEXT and label: a level 1-4 or a
verdict (strong-no-hire, no-hire, hire, strong-hire); optional criteria: {CRITERION_ID: 1-4}, level, mode, id.
--json prints {scorer, n, pairwiseAgreement, spearman, quadraticKappa, baseline: {pairwiseAgreement,
spearman}, confusion, fallbacks} (and criteria when labelled); with two scorers {scorers: [...], comparison}.
${EXIT_CODES_HELP}`,
    )
    .action(async (file: string, options) => {
      const { calibrateCommand } = await import('./commands/calibrate.js');
      process.exitCode = await calibrateCommand(file, options, context(program));
    });

  const batches = program
    .command('batches')
    .description(
      'Message Batches sent by --batch: list them with their status (needs the key for live status)',
    )
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
A batch is stored in the data directory as soon as it is sent, so Ctrl-C while waiting leaves it
running; collect it later. --json prints [{id, createdAt, source, model, answers, state, status, estimatedCostUsd}].
${EXIT_CODES_HELP}`,
    )
    .action(async (options) => {
      const { batchesCommand } = await import('./commands/batches.js');
      process.exitCode = await batchesCommand(options, context(program));
    });
  batches
    .command('collect')
    .description(
      'fetch the results of ended batches (the one named, else every uncollected one) and record them',
    )
    .argument('[batch-id]')
    .addOption(jsonOption())
    .addOption(bankOption())
    .action(async (id: string | undefined, options) => {
      const { batchesCollectCommand } = await import('./commands/batches.js');
      // The parent's --json is parsed before the subcommand sees it.
      const json = Boolean(options.json || batches.opts().json);
      process.exitCode = await batchesCollectCommand(id, { ...options, json }, context(program));
    });
  batches
    .command('cancel')
    .description('cancel a batch; its answers stay in history, unscored')
    .argument('<batch-id>')
    .action(async (id: string) => {
      const { batchesCancelCommand } = await import('./commands/batches.js');
      process.exitCode = await batchesCancelCommand(id, context(program));
    });

  const stories = program
    .command('stories')
    .description('your story bank: check, coverage of the 16 principles, which story to tell')
    .addHelpText(
      'after',
      `
The stories file is YAML (\`coach schema stories\`), by default <config dir>/stories.yaml
($XDG_CONFIG_HOME/interview-coach, or COACH_HOME); start one with \`coach stories init\`.
${EXIT_CODES_HELP}`,
    );
  stories
    .command('check')
    .description("score every story with the star rubric and list each story's weakest criteria")
    .addOption(storiesOption())
    .option('--level <L>', "judge scope at this level (L5-L8) instead of each story's own level")
    .option('--fail-under <score>', 'exit 1 when a story scores below this overall (0-100)')
    .addOption(scorerOption())
    .addOption(modelOption())
    .addOption(providerOption())
    .addOption(baseUrlOption())
    .addOption(timeoutOption())
    .addOption(noFallbackOption())
    .addOption(maxCostOption())
    .addOption(jsonOption())
    .addOption(bankOption())
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (options) => {
      const { storiesCheckCommand } = await import('./commands/stories.js');
      process.exitCode = await storiesCheckCommand(options, context(program));
    });
  stories
    .command('coverage')
    .description('the 16 Leadership Principles against your stories: gaps (fewer than 2) and weak claims')
    .addOption(storiesOption())
    .addOption(jsonOption())
    .addHelpText('after', '\n--json prints [{principle, stories: [ids], count}] for all 16 principles.')
    .action(async (options) => {
      const { storiesCoverageCommand } = await import('./commands/stories.js');
      process.exitCode = await storiesCoverageCommand(options, context(program));
    });
  stories
    .command('suggest')
    .description('rank your stories for a behavioral question')
    .argument('<question-id>')
    .addOption(storiesOption())
    .option('-n, --count <n>', 'how many fitting stories to show', '3')
    .addOption(jsonOption())
    .addOption(bankOption())
    .action(async (id: string, options) => {
      const { storiesSuggestCommand } = await import('./commands/stories.js');
      process.exitCode = await storiesSuggestCommand(id, options, context(program));
    });
  stories
    .command('init')
    .description('write a commented starter stories file with two example stories')
    .addOption(storiesOption())
    .option('--force', 'overwrite the file if it exists')
    .addOption(jsonOption())
    .action(async (options) => {
      const { storiesInitCommand } = await import('./commands/stories.js');
      process.exitCode = await storiesInitCommand(options, context(program));
    });

  return program;
}

/** One line for known errors and usage mistakes; a stack trace only with --debug. */
function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander already printed the usage message.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof CoachError) {
    for (const line of stripControl(error.message).split('\n')) process.stderr.write(`coach: ${line}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`coach: unexpected error: ${stripControl(message)}\n`);
  process.stderr.write(
    debug && error instanceof Error ? `${error.stack}\n` : 'coach: run again with --debug for details\n',
  );
  return EXIT.usage;
}
