/** The exit codes and environment every command's help ends with (also in the README). */
export const EXIT_CODES_HELP = `
Exit codes:
  0  success, no findings
  1  findings: lint errors (or more warnings than --max-warnings), a score under --fail-under (drill, stories check)
  2  usage, configuration or I/O error (bad flag, unknown id or model, unreadable file); an LLM scorer
     that cannot work as configured (key refused, no permission, model not found), that failed
     with --no-fallback, or whose estimated cost is above --max-cost (nothing sent); a write that
     failed (full disk: the file and the cause are named)
  129  the terminal closed during practice or a loop (the answer is saved; coach resume continues),
       or during interview --peer (the judgements already entered stay recorded)
  130  interrupted (Ctrl-C); a Message Batch being waited for keeps running (coach batches collect)

Environment:
  COACH_HOME       data and config directory (default $XDG_DATA_HOME/interview-coach and $XDG_CONFIG_HOME/interview-coach)
  COACH_BANKS      extra bank/rubric directories, separated by ":"
  ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL  key and endpoint of the anthropic scorer
  COACH_OPENAI_BASE_URL, OPENAI_API_KEY  server and (optional) key of the openai-compatible scorer
  NO_COLOR, FORCE_COLOR  colour off / on`;

/** A command's own notes (if any) followed by the exit codes. */
export function withExitCodes(notes = ''): string {
  return notes ? `\n${notes}\n${EXIT_CODES_HELP}` : EXIT_CODES_HELP;
}
