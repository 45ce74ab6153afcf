import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { UsageError } from '../../src/errors.js';

/**
 * argv through the real command tree, in-process: a bad flag value is refused while parsing, before
 * any command runs, as a usage error naming the flag, the accepted form and the value (exit 2).
 */
async function refusal(
  args: string[],
  tree: 'whole' | 'for argv' = 'whole',
): Promise<{ message: string; out: string; exitCode: number }> {
  let out = '';
  const argv = ['node', 'coach', ...args];
  const output = { writeOut: (s: string) => (out += s), writeErr: (s: string) => (out += s) };
  const program = tree === 'whole' ? buildProgram(output) : buildProgram(output, argv);
  // No command may run: an action sets process.exitCode, and these must fail before that.
  const exitCodeBefore = process.exitCode;
  const error = await program.parseAsync(argv).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(process.exitCode).toBe(exitCodeBefore);
  expect(error).toBeInstanceOf(UsageError);
  return { message: (error as Error).message, out, exitCode: (error as UsageError).exitCode };
}

const COUNT = 'needs a whole number of 1 or more, in digits (such as 3)';
const FROM_ZERO = 'needs a whole number of 0 or more, in digits (such as 3)';
const DATE = 'needs a day that is on the calendar (YYYY-MM-DD)';
const LEVEL = 'needs a level from L5 to L8 (any case, such as L7)';
const SCORE = 'needs an overall score from 0 to 100 (such as 70 or 72.5)';
const TIMEOUT = 'needs a number of seconds from 1 to 3600 (such as 90)';
const MONEY = 'needs an amount in US dollars (such as 0.50 or 2)';

describe('every parsed flag of every command refuses a bad value', () => {
  it.each([
    [['drill', '--count', '0x2'], '--count', '0x2', COUNT],
    [['drill', '-n', '0'], '--count', '0', COUNT],
    [['drill', '--date', '2024-02-30'], '--date', '2024-02-30', DATE],
    [['drill', '--level', 'L9'], '--level', 'L9', LEVEL],
    [['drill', '--fail-under', '1e2'], '--fail-under', '1e2', SCORE],
    [['drill', '--timeout', '0'], '--timeout', '0', TIMEOUT],
    [['drill', '--max-cost', '-1'], '--max-cost', '-1', MONEY],
    [['practice', '--count', '3.0'], '--count', '3.0', COUNT],
    [['practice', '--time', '+3'], '--time', '+3', COUNT],
    [['practice', '--seed', '3abc'], '--seed', '3abc', FROM_ZERO],
    [['practice', '--followups', '-1'], '--followups', '-1', FROM_ZERO],
    [['practice', '--level', 'senior'], '--level', 'senior', LEVEL],
    [['questions', '--level', 'L4'], '--level', 'L4', LEVEL],
    [['stats', '--since', '2024-13-45'], '--since', '2024-13-45', DATE],
    [['report', '--since', '2023-02-29'], '--since', '2023-02-29', DATE],
    [['lint', '--max-warnings', '1e3'], '--max-warnings', '1e3', FROM_ZERO],
    [['lint', '--threads', ' 3'], '--threads', ' 3', FROM_ZERO],
    [['score', '--level', 'L9'], '--level', 'L9', LEVEL],
    [['score', '--timeout', '90s'], '--timeout', '90s', TIMEOUT],
    [['score', '--max-cost', 'USD 2'], '--max-cost', 'USD 2', MONEY],
    [['calibrate', 'labels.yaml', '--timeout', '4000'], '--timeout', '4000', TIMEOUT],
    [['interview', '--peer', '--time', '0'], '--time', '0', COUNT],
    [['interview', '--peer', '--seed', '-2'], '--seed', '-2', FROM_ZERO],
    [['interview', '--peer', '--level', 'L4'], '--level', 'L4', LEVEL],
    [['stories', 'check', '--fail-under', 'x'], '--fail-under', 'x', SCORE],
    [['stories', 'check', '--level', 'L9'], '--level', 'L9', LEVEL],
    [['stories', 'suggest', 'some-question', '--count', '0'], '--count', '0', COUNT],
  ])('coach %j', async (args, flag, value, form) => {
    const { message, out, exitCode } = await refusal(args);
    expect(message).toBe(`${flag} ${form}, got "${value}"`);
    expect(out).toBe('');
    expect(exitCode).toBe(2);
    // The tree declared for this argv alone (start-up) refuses it the same way.
    expect(await refusal(args, 'for argv')).toEqual({ message, out, exitCode });
  });
});

/** What commander prints and throws for argv, through the whole tree or the one declared for argv. */
async function outcome(args: string[], tree: 'whole' | 'for argv') {
  let out = '';
  let err = '';
  const argv = ['node', 'coach', ...args];
  const output = { writeOut: (s: string) => (out += s), writeErr: (s: string) => (err += s) };
  const program = tree === 'whole' ? buildProgram(output) : buildProgram(output, argv);
  // No action may run here: each argv below fails or exits while parsing.
  const error = await program.parseAsync(argv).then(
    () => undefined,
    (e: unknown) => e,
  );
  const { code, exitCode, message } = (error ?? {}) as { code?: string; exitCode?: number; message?: string };
  return { commands: program.commands.map((c) => c.name()), out, err, code, exitCode, message };
}

/** A command's help, and its subcommands', as `coach CMD [SUB] --help` prints them. */
function helpOf(command: Command): string[] {
  return [command.helpInformation(), ...command.commands.flatMap(helpOf)];
}

// Start-up (issue 18): argv that names a command declares that command alone (src/cli/program.ts).
describe('the tree declared for an argv', () => {
  const whole = buildProgram();
  const names = whole.commands.map((c) => c.name());

  it.each(names)('coach %s … declares %s alone, with the same options, arguments and help', (name) => {
    const alone = buildProgram(undefined, ['node', 'coach', '--no-color', name, 'an-argument']);
    expect(alone.commands.map((c) => c.name())).toEqual([name]);
    expect(helpOf(alone.commands[0]!)).toEqual(helpOf(whole.commands.find((c) => c.name() === name)!));
  });

  it.each([
    [['show']],
    [['show', 'a', 'b']],
    [['practice', '--bogus']],
    [['sessions', 'nope']],
    [['stories', 'check', '--level']],
    [['--version']],
    [['-V', '--debug']],
    [['--help']],
    [['show', '--help']],
    [['sessions', 'show', '-h']],
    [['shw', 'x']],
    [['--bogus', 'show', 'x']],
    [[]],
  ])('coach %j prints, fails and exits as through the whole tree', async (args) => {
    const { commands, ...declared } = await outcome(args, 'for argv');
    const { commands: all, ...throughWhole } = await outcome(args, 'whole');
    expect(declared).toEqual(throughWhole);
    expect(throughWhole.code).toBeDefined();
    expect(commands.length).toBeLessThanOrEqual(all.length);
  });

  it('declares no command for --version alone, all of them for help or a name that is none', () => {
    const declared = (...args: string[]) =>
      buildProgram(undefined, ['node', 'coach', ...args]).commands.length;
    expect(declared('--version')).toBe(0);
    expect(declared('show', 'x')).toBe(1);
    expect(declared('--help')).toBe(names.length);
    expect(declared('show', '--help')).toBe(names.length);
    expect(declared('shw')).toBe(names.length);
    expect(declared()).toBe(names.length);
  });
});
