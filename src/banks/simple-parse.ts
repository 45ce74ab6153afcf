import { closeCollections, MAP_KEY, type Open, SAFE_NUMBER } from './simple-yaml.js';

/**
 * A reader for the YAML subset that `isSimpleYaml` accepts (see simple-yaml.ts), and only for it.
 *
 * The subset is line-shaped: every line is blank, a comment, `key:` with an optional value, `- `
 * entries, a flow sequence on its own line below `key:`, or a line of a block scalar. So a value can
 * be built line by line, with a stack of open collections, without the general machinery of a YAML
 * parser; lint reads thousands of files through here. yaml v2 stays the authority: the tests hold
 * this reader to yaml v2's data on every text the gate accepts (the yaml-test-suite, thousands of
 * generated documents, the shipped banks), and it steps aside (returns undefined) on anything it
 * does not expect, such as a duplicate key, which then goes to yaml v2 for its error.
 *
 * Call it only on text for which isSimpleYaml returned true.
 */

interface Frame extends Open {
  value: Record<string, unknown> | unknown[];
}

/** A `key:` with nothing after it: its value is the collection nested below it, or null. */
interface Pending {
  map: Record<string, unknown>;
  key: string;
  column: number;
}

/** Thrown (and caught in parseSimpleYaml) when the text is not what the gate promised. */
class StepAside extends Error {}

/** The value of text in the simple subset, as yaml v2 reads it with the core schema; undefined to step aside. */
export function parseSimpleYaml(text: string): unknown {
  try {
    return read(text);
  } catch {
    // StepAside, or anything unforeseen: yaml v2 reads the file instead, so a gap here costs time,
    // never a wrong verdict or a crash (analyzeSource must not throw).
    return undefined;
  }
}

function read(text: string): unknown {
  const stack: Frame[] = [];
  let root: unknown;
  let pending: Pending | undefined;

  const settlePending = () => {
    if (pending) {
      pending.map[pending.key] = null;
      pending = undefined;
    }
  };

  /** The collection of `type` at `column` for this line: the open one, or a new one where it may go. */
  const enter = (column: number, type: Frame['type']): Frame['value'] => {
    closeCollections(stack, column, type);
    const top = stack[stack.length - 1];
    const nested =
      pending !== undefined &&
      top?.value === pending.map &&
      (type === 'seq' ? column >= pending.column : column > pending.column);
    if (top && !nested && top.column === column && top.type === type) {
      settlePending();
      return top.value;
    }
    const value: Frame['value'] = type === 'map' ? {} : [];
    if (nested) {
      pending!.map[pending!.key] = value;
      pending = undefined;
    } else if (!top) {
      root = value;
    } else {
      throw new StepAside();
    }
    stack.push({ column, type, value });
    return value;
  };

  // Lines are read in place, [start, end) without the line break, with no string per line:
  // only values are sliced out.
  let next = 0;
  while (next < text.length) {
    const start = next;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;

    let at = start;
    while (at < end && text.charCodeAt(at) === 0x20) at++;
    const indent = at - start;
    if (at === end || text.charCodeAt(at) === 0x23 /* # */) continue;

    let dashes = 0;
    while (text.charCodeAt(at) === 0x2d /* - */ && text.charCodeAt(at + 1) === 0x20) {
      at += 2;
      dashes++;
    }
    const column = at - start;
    MAP_KEY.lastIndex = at;
    const isKey = MAP_KEY.test(text);

    if (!isKey && dashes === 0) {
      // A flow sequence alone on the line below `key:` is that key's value.
      if (!pending || text.charCodeAt(at) !== 0x5b /* [ */) throw new StepAside();
      pending.map[pending.key] = scalarValue(text.slice(at, end));
      pending = undefined;
      continue;
    }

    // Where this line's value goes: the innermost sequence's next item, or a key of a mapping.
    let seq: unknown[] | undefined;
    if (dashes > 0) {
      seq = enter(indent, 'seq') as unknown[];
      for (let d = 1; d < dashes; d++) {
        const inner: unknown[] = [];
        seq.push(inner);
        stack.push({ column: indent + 2 * d, type: 'seq', value: inner });
        seq = inner;
      }
    }

    let map: Record<string, unknown> | undefined;
    let key = '';
    if (isKey) {
      const keyEnd = MAP_KEY.lastIndex - 1;
      // A key is a scalar like any other ("1e3" is 1000); the data's object keys are its string form.
      key = String(plain(text.slice(at, keyEnd)));
      if (seq) {
        map = {};
        seq.push(map);
        stack.push({ column, type: 'map', value: map });
      } else {
        map = enter(column, 'map') as Record<string, unknown>;
      }
      if (key === '__proto__' || Object.hasOwn(map, key)) throw new StepAside();
      at = keyEnd + 1;
      while (at < end && text.charCodeAt(at) === 0x20) at++;
      if (at === end || text.charCodeAt(at) === 0x23 /* # */) {
        pending = { map, key, column };
        continue;
      }
    }

    let value: unknown;
    const first = text.charCodeAt(at);
    if (first === 0x7c /* | */ || first === 0x3e /* > */) {
      // The block's content: the following lines indented more than its parent, or blank.
      const parent = isKey ? column : column - 2;
      const lines: string[] = [];
      while (next < text.length) {
        let lineEnd = text.indexOf('\n', next);
        if (lineEnd < 0) lineEnd = text.length;
        let contentEnd = lineEnd;
        if (contentEnd > next && text.charCodeAt(contentEnd - 1) === 0x0d) contentEnd--;
        let width = 0;
        while (next + width < contentEnd && text.charCodeAt(next + width) === 0x20) width++;
        if (next + width < contentEnd && width <= parent) break;
        lines.push(text.slice(next, contentEnd));
        next = lineEnd + 1;
      }
      value = blockScalar(text.slice(at, end), lines);
    } else {
      value = scalarValue(text.slice(at, end));
    }
    if (map) map[key] = value;
    else seq!.push(value);
  }
  settlePending();
  return root;
}

/** A one-line value: a quoted scalar, a flow sequence of plain scalars, or a plain scalar. */
function scalarValue(value: string): unknown {
  const first = value.charCodeAt(0);
  if (first === 0x27 /* ' */) {
    const close = closingSingleQuote(value);
    return value.slice(1, close).replaceAll("''", "'");
  }
  if (first === 0x22 /* " */) return doubleQuoted(value);
  if (first === 0x5b /* [ */) {
    const inner = value.slice(1, value.indexOf(']')).trim();
    return inner === '' ? [] : inner.split(',').map((item) => plain(item.trim()));
  }
  const hash = value.indexOf(' #');
  return plain((hash < 0 ? value : value.slice(0, hash)).trimEnd());
}

/** First characters that can start a null, a boolean or a number in the core schema. */
const MAY_RESOLVE = new Uint8Array(128);
for (const ch of '~nNtTfF-0123456789') MAY_RESOLVE[ch.charCodeAt(0)] = 1;

/** A plain scalar resolved by the YAML 1.2 core schema (the gate admits only forms both parsers agree on). */
function plain(text: string): unknown {
  // Most scalars are words, returned as they are without trying each resolution.
  const c = text.charCodeAt(0);
  if (text !== '' && MAY_RESOLVE[c] !== 1) return text;
  switch (text) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  if (((c >= 0x30 && c <= 0x39) || c === 0x2d) && SAFE_NUMBER.test(text)) return Number(text);
  return text;
}

function closingSingleQuote(value: string): number {
  for (let i = 1; i < value.length; i++) {
    if (value.charCodeAt(i) !== 0x27) continue;
    if (value.charCodeAt(i + 1) === 0x27) i++;
    else return i;
  }
  throw new StepAside();
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

function doubleQuoted(value: string): string {
  let out = '';
  for (let i = 1; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"') return out;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = value[++i]!;
    const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hex) {
      out += String.fromCodePoint(Number.parseInt(value.slice(i + 1, i + 1 + hex), 16));
      i += hex;
    } else if (e in ESCAPES) {
      out += ESCAPES[e];
    } else {
      throw new StepAside();
    }
  }
  throw new StepAside();
}

/**
 * A block scalar from its header (`|` or `>`, optional `-` or `+`) and its lines, following yaml
 * v2's reading: the indentation of the first non-blank line is removed from every line; a literal
 * keeps the line breaks, a folded one joins lines with spaces except around blank and more-indented
 * lines; then chomping strips, clips to one, or keeps the final line breaks.
 */
function blockScalar(header: string, lines: readonly string[]): string {
  const literal = header[0] === '|';
  const chomp = header[1] === '-' || header[1] === '+' ? header[1] : '';
  const isBlank = (l: string) => l.trim() === '';
  let contentEnd = lines.length;
  while (contentEnd > 0 && isBlank(lines[contentEnd - 1]!)) contentEnd--;
  let contentStart = 0;
  while (contentStart < contentEnd && isBlank(lines[contentStart]!)) contentStart++;
  const trim = contentStart < contentEnd ? indentOf(lines[contentStart]!) : 0;

  let value = '';
  for (let i = 0; i < contentStart; i++) value += '\n';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = contentStart; i < contentEnd; i++) {
    const line = lines[i]!;
    const content = isBlank(line) ? '' : line.slice(trim);
    if (literal) {
      value += sep + content;
      sep = '\n';
    } else if (content !== '' && indentOf(line) > trim) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  const hasContent = contentStart < contentEnd;
  if (chomp === '+') {
    // Keep: the break after the last line, and one for each blank line after it.
    value += (hasContent ? '\n' : '') + '\n'.repeat(lines.length - contentEnd);
  } else if (chomp === '' && hasContent) {
    value += '\n';
  }
  return value;
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 0x20) n++;
  return n;
}
