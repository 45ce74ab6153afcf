/**
 * Text from outside (a user's bank is untrusted, answers, ids, arguments, model output) must not
 * drive the terminal: an OSC 0 renames the window, OSC 52 writes the clipboard, ESC[2J clears the
 * screen. Everything printed goes through `terminalSafe`, which keeps only colour (SGR) sequences,
 * the kind our own output uses, and the layout characters tab, newline and carriage return.
 */

// One pass: an SGR sequence is kept (group 1); every other escape sequence, whole, and every other
// C0/C1 control character is dropped. OSC/DCS/APC/PM/SOS strings run to their terminator.
const CONTROL =
  /(\u001b\[[0-9;]*m)|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|\u001b\[[0-?]*[ -/]*[@-~]?|\u009b[0-?]*[ -/]*[@-~]?|\u001b[\s\S]?|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Drops control characters and escape sequences except colour (SGR), tab, newline and CR. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (_, sgr: string | undefined) => sgr ?? '');
}

/** Drops every control character and escape sequence, colour too, keeping tab and newline: for one field of text. */
export function stripControl(text: string): string {
  return terminalSafe(text).replace(/\u001b\[[0-9;]*m|\r/g, '');
}
