/**
 * The few errors a user can meet. Each carries the exit code the CLI sets and a one-line message;
 * anything else reaching the CLI is a bug and prints a stack trace only with --debug.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

export class CoachError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CoachError';
  }
}

/** Bad flags, unknown ids, missing input: exit 2. */
export class UsageError extends CoachError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** A config file, or another input the user controls, is invalid: exit 2, one line per problem. */
export class ConfigError extends CoachError {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'), EXIT.usage);
    this.name = 'ConfigError';
  }
}
