import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../errors.js';
import { calendarDate, level, percentScore, positiveInteger, timeoutSeconds, usd } from './parsers.js';

/**
 * Options that several commands share, each declared once. Factories return a fresh `Option` (an
 * Option belongs to one command); groups add several to a command and return it for chaining.
 */

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * An option whose value goes through one of the parsers (parsers.ts). A refused value is a
 * UsageError of one line, `coach: --count needs ... (such as 3), got "0x2"`, like every other
 * usage error (exit 2), instead of commander's two-line "error: option ... is invalid" and hint.
 */
export function strictOption<T>(flags: string, description: string, parse: (value: string) => T): Option {
  const option = new Option(flags, description);
  return option.argParser((value: string) => {
    try {
      return parse(value);
    } catch (error) {
      if (error instanceof InvalidArgumentError)
        throw new UsageError(`${option.long} ${error.message}, got "${value}"`);
      throw error;
    }
  });
}

export const SCORER_NAMES = ['offline', 'anthropic', 'openai-compatible'] as const;

/** `--banks <dir>`, repeatable: extra bank and rubric directories on top of the configured ones. */
export const banksOption = () =>
  new Option('--banks <dir>', 'extra bank/rubric directory (repeatable)').argParser(collect).default([]);

export const jsonOption = () => new Option('--json', 'print JSON for scripts');

/** `--level` for a command that filters or judges by level. */
export const levelOption = (description = 'only questions asked at this level (L5-L8)') =>
  strictOption('--level <L>', description, level);

/** `-n, --count`: how many, at least 1, with the default as a number (commander does not parse defaults). */
export const countOption = (description: string, fallback = 3) =>
  strictOption('-n, --count <n>', description, positiveInteger).default(fallback);

/** `--since`: a calendar day, for commands that look at history. */
export const sinceOption = () =>
  strictOption('--since <YYYY-MM-DD>', 'only attempts from this day on', calendarDate);

/** `--fail-under`: the overall score (0-100) below which the command exits 1. */
export const failUnderOption = (description: string) =>
  strictOption('--fail-under <score>', description, percentScore);

/** `--stories`: the stories file; with an optional value, the flag alone means the default file. */
export const storiesOption = (optionalValue = false) =>
  optionalValue
    ? new Option(
        '--stories [file]',
        'show the stories that fit each behavioral question (default file: <config dir>/stories.yaml)',
      )
    : new Option('--stories <file>', 'your stories file (default: <config dir>/stories.yaml)');

/** `--bank`, `--category`, `--level`, `--principle`, `--tenet`: which questions a command works on. */
export function addFilterOptions(command: Command, levelDescription?: string): Command {
  return command
    .option('--bank <id>', 'only this bank (repeatable)', collect, [])
    .option('--category <c>', 'only this category (repeatable)', collect, [])
    .addOption(levelOption(levelDescription))
    .option('--principle <id>', 'only questions tagged with this Leadership Principle')
    .option('--tenet <id>', 'only questions tagged with this principal tenet (`coach tenets`)');
}

const scorerOption = () =>
  new Option(
    '--scorer <name>',
    'offline (default, no key), anthropic (needs ANTHROPIC_API_KEY) or openai-compatible (a local server: --base-url)',
  ).choices(SCORER_NAMES);

/**
 * The settings of an LLM scorer: `--model`, `--provider`, `--base-url`, `--timeout`, `--no-fallback`
 * and (unless `maxCost: false`) `--max-cost`. `--scorer` itself is separate: calibrate takes it twice.
 */
export function addLlmOptions(command: Command, { maxCost = true } = {}): Command {
  command
    .addOption(
      new Option(
        '--model <id>',
        'model for the LLM scorer (anthropic: default claude-sonnet-5-5; openai-compatible: as the server names it)',
      ),
    )
    .addOption(
      new Option(
        '--provider <name>',
        'anthropic (default), bedrock (AWS credentials; needs @anthropic-ai/bedrock-sdk) or openai-compatible (Ollama, llama.cpp, vLLM: --base-url, --model)',
      ).choices(['anthropic', 'bedrock', 'openai-compatible']),
    )
    .addOption(
      new Option(
        '--base-url <url>',
        'openai-compatible server up to /v1, e.g. http://localhost:11434/v1 (also COACH_OPENAI_BASE_URL)',
      ),
    )
    .addOption(
      strictOption(
        '--timeout <seconds>',
        'LLM scorer: one overall deadline per answer, retries included (1-3600; default 90)',
        timeoutSeconds,
      ),
    )
    .addOption(
      new Option(
        '--no-fallback',
        'LLM scorer: exit 2 when it fails (overload, 5xx, timeout, unusable reply) instead of scoring offline',
      ),
    );
  if (maxCost) {
    command.addOption(
      strictOption(
        '--max-cost <usd>',
        'LLM scorer: refuse to send when the estimated cost (token counting) is above USD (batches: default 5)',
        usd,
      ),
    );
  }
  return command;
}

/** `--scorer` and every LLM scorer setting: the group practice, drill, score and stories check share. */
export function addScorerOptions(command: Command): Command {
  return addLlmOptions(command.addOption(scorerOption()));
}
