import type { Span } from '../yaml/span.js';

/**
 * Control characters in a bank, rubric or stories file: raw ones, and the escapes of a double-quoted
 * YAML string that produce them ("\e]0;title\a" renames a terminal window). Tab, newline and carriage
 * return are layout and allowed. Found on the text, so each has an exact line and column.
 */

// Raw C0 (but tab, LF, CR), DEL and C1 characters.
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// YAML double-quoted escapes of control characters: \0 \a \b \e \f \v, and \x \u \U in the control ranges.
const ESCAPE =
  /\\(?:[0abefv]|x(?:[01][0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|u00(?:[01][0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|U0000(?:[01][0-9a-fA-F]|7[fF]|[89][0-9a-fA-F]))/g;

export interface ControlCharacter extends Span {
  message: string;
}

/** The same patterns without the global flag: one scan of the whole text says whether to look closer. */
const ANY_RAW = new RegExp(RAW.source);
const ANY_ESCAPE = new RegExp(ESCAPE.source);

export function findControlCharacters(text: string): ControlCharacter[] {
  // Almost every file has neither; splitting it into lines just to learn that cost lint about 8%.
  if (!ANY_RAW.test(text) && !ANY_ESCAPE.test(text)) return [];
  const found: ControlCharacter[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(RAW)) {
      const code = m[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
      found.push(at(i, m.index!, 1, `control character U+${code}: it could drive the terminal; remove it`));
    }
    // Escapes only mean a control character inside a double-quoted string: an odd number of
    // unescaped quotes before it on the line.
    for (const m of line.matchAll(ESCAPE)) {
      if (!insideDoubleQuotes(line, m.index!)) continue;
      found.push(
        at(
          i,
          m.index!,
          m[0].length,
          `escape ${m[0]} makes a control character: it could drive the terminal; remove it`,
        ),
      );
    }
  });
  return found;
}

function insideDoubleQuotes(line: string, index: number): boolean {
  let inside = false;
  for (let i = 0; i < index; i++) {
    if (line[i] === '\\' && inside) i++;
    else if (line[i] === '"') inside = !inside;
  }
  return inside;
}

function at(line: number, index: number, length: number, message: string): ControlCharacter {
  return { line: line + 1, column: index + 1, endLine: line + 1, endColumn: index + 1 + length, message };
}
