/**
 * The gate in front of the fast path (plain.ts).
 *
 * yaml v2 is the authority on what a file means; the fast path hands the file to js-yaml instead,
 * about twice as fast on plain data, because lint reads thousands of files. That is only safe on a
 * small, line-shaped subset of YAML where both parsers give the same data: it keeps out the edges of
 * YAML where they disagree (YAML 1.1 number forms, `"x"# comment`, null keys, odd indentation,
 * document markers and directives...); the notes below that name js-yaml say why a form is out.
 * `isSimpleYaml` accepts that subset and nothing else; anything it rejects goes to yaml v2. Rejecting
 * is always safe (it costs time, not correctness), so when in doubt the grammar says no. The tests
 * hold the two parsers to the same data on every text the gate accepts (test/yaml/plain.test.ts).
 *
 * The subset, line by line (no tabs anywhere, "\n" or "\r\n" line ends):
 * - blank lines and full-line comments (`  # ...`);
 * - block mapping entries `<spaces>(- )*key:( value)?( #comment)?` with plain keys
 *   `[A-Za-z0-9_][A-Za-z0-9_-]*` (no `? ` complex keys, no `<<` merge keys, no null keys);
 * - block sequence entries `<spaces>(- )+value( #comment)?`;
 * - where a value is one of:
 *   - a plain scalar that does not start with an indicator character, contains no ": " or " #",
 *     does not end with ":", and is not a number form the parsers read differently (0b/0o/0x,
 *     .inf/.nan, underscores, a leading "+", "-0", "-.5", huge exponents...);
 *   - a single- or double-quoted scalar closed on the same line;
 *   - a one-line flow sequence of plain scalars, `[a, b, c]`, which may also stand alone on the
 *     line below a `key:` without a value, indented more than the key;
 *   - a block scalar header (`|`, `>`, optionally `-` or `+`), whose content lines are skipped.
 * Indentation is checked too: every line must continue a collection that is open at its column
 * or open a nested one below a `key:` that has no value, so misindented text never gets here.
 * There are no document markers (`---`, `...`) or directives (`%YAML`): they do not fit the grammar.
 *
 * It runs on every file lint reads, so it is one pass over the lines with precompiled,
 * backtracking-free regular expressions.
 */

/** A CR not followed by LF: a line break to YAML, but not to a gate that splits on LF. */
const LONE_CR = /\r(?!\n)/;

/**
 * `key:` followed by a space or the end of the line, matched in place (sticky) so no line is copied.
 * `$` is the end of the text (no `m` flag); a CR can only be part of a CRLF here.
 */
const MAP_KEY = /[A-Za-z0-9_][A-Za-z0-9_-]*:(?=[ \r\n]|$)/y;

/** Keys both parsers read as null, which become "null" in js-yaml and "" in yaml v2. */
const NULL_KEY = /^(?:null|Null|NULL)$/;

/**
 * A plain scalar may not start with one of these: they start a sequence entry, a complex key,
 * a flow collection, a comment, an anchor, an alias, a tag, a block scalar, a quoted scalar,
 * a directive, or are reserved.
 */
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';
const IS_INDICATOR = new Uint8Array(128);
for (const c of INDICATORS) IS_INDICATOR[c.charCodeAt(0)] = 1;

/** Tokens that a number resolver in either parser might claim: anything that starts like a number. */
const LOOKS_NUMERIC = /^[-+]?(?:[0-9]|\.[0-9]|\.(?:inf|nan)\b)/i;

/**
 * Numbers that both parsers read as the same value: decimal integers without leading zeros
 * (at most 15 digits, so no precision games), an optional fraction, a short exponent.
 */
const SAFE_NUMBER = /^-?(?:0|[1-9][0-9]{0,14})(?:\.[0-9]+)?(?:[eE][-+]?[0-9]{1,2})?$/;

/**
 * The common plain scalar, matched in place up to the end of the line: it starts with neither an
 * indicator nor a character a number could start with (those take the slow path), its ":" are
 * followed by a non-space, no "#" follows a space, and it may end in spaces and a comment.
 */
const PLAIN_LINE =
  /[^-?:,[\]{}#&*!|>'"%@`0-9.+ \r\n](?:[^ :\r\n]|:(?=[^ \r\n])| +(?=[^ #\r\n]))*(?: +#[^\r\n]*| *)(?=[\r\n]|$)/y;

/** One item of the common flow sequence: like PLAIN_LINE, also without ",", ":", "#", quotes or brackets. */
const FLOW_ITEM = `[^-?:,[\\]{}#&*!|>'"%@\`0-9.+ \\r\\n](?:[^ :,[\\]{}#'"\\r\\n]| +(?=[^ ,\\]#\\r\\n]))*`;

/** The common flow sequence `[a, b c, d]`, matched in place up to the end of the line. */
const FLOW_LINE = new RegExp(
  `\\[ *(?:${FLOW_ITEM} *(?:, *${FLOW_ITEM} *)*)?\\](?: +#[^\\r\\n]*| *)(?=[\\r\\n]|$)`,
  'y',
);

/** A single-quoted scalar ('' is a quote) then optional spaces and a comment. */
const SINGLE_QUOTED = /^'(?:[^']|'')*'(?: +#.*| *)$/;

/** A double-quoted scalar with the escapes both parsers agree on, then optional spaces and a comment. */
const DOUBLE_QUOTED =
  /^"(?:[^"\\]|\\(?:[0abtnvfre "/\\N_LP]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U(?:000[0-9A-Fa-f]|0010)[0-9A-Fa-f]{4}))*"(?: +#.*| *)$/;

/** A one-line flow sequence: "[", items without nesting or quotes, "]", then an optional comment. */
const FLOW_SEQUENCE = /^\[([^[\]{}"']*)\](?: +#.*| *)$/;

/** A block scalar header: `|` or `>`, an optional chomping indicator, an optional comment. */
const BLOCK_SCALAR_HEADER = /^[|>][-+]?(?: +#.*| *)$/;

/** An open block collection: a mapping or sequence whose entries start at `column`. */
interface Open {
  column: number;
  type: 'map' | 'seq';
}

/**
 * True when `text` (without a BOM) is in the subset above, which js-yaml reads to yaml v2's data.
 * Says nothing about duplicate keys: js-yaml throws on them, and yaml v2 then reports them.
 */
export function isSimpleYaml(text: string): boolean {
  // Tabs (indentation in YAML is spaces only), and characters that are line breaks or a BOM to one
  // parser and text to the other. Separate includes() calls are several times faster than one regex.
  if (
    text.includes('\t') ||
    text.includes('\u0085') ||
    text.includes('\u2028') ||
    text.includes('\u2029') ||
    text.includes('\ufeff')
  ) {
    return false;
  }
  const hasCr = text.includes('\r');
  if (hasCr && LONE_CR.test(text)) return false;

  // Open block collections, outermost first; `pending` is the column of the mapping whose last
  // key had no value, so the next line may open a nested collection below it.
  const open: Open[] = [];
  let pending = -1;
  // Block scalar state: content lines are those indented more than `blockParent` (or blank).
  let inBlock = false;
  let blockParent = 0;
  let blockIndent = -1; // indentation of the first content line, once seen
  let leadingBlank = 0; // widest whitespace-only line before the first content line

  // Lines are scanned in place, [lineStart, end), without copying them.
  let next = 0;
  while (next < text.length) {
    const lineStart = next;
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    next = end + 1;
    if (hasCr && end > lineStart && text.charCodeAt(end - 1) === 0x0d) end--;

    let at = lineStart;
    while (at < end && text.charCodeAt(at) === 0x20) at++;
    const indent = at - lineStart;
    const blank = at === end;

    if (inBlock) {
      if (blank) {
        const width = end - lineStart;
        if (blockIndent < 0) leadingBlank = Math.max(leadingBlank, width);
        else if (width > blockIndent) return false;
        continue;
      }
      if (indent > blockParent) {
        if (blockIndent < 0) {
          // More spaces on a leading blank line than on the first content line is an error (S98Z).
          if (leadingBlank > indent) return false;
          blockIndent = indent;
        } else if (indent < blockIndent) {
          return false;
        }
        continue;
      }
      if (blockIndent < 0 && leadingBlank > 0) return false;
      inBlock = false;
    }

    if (blank || text.charCodeAt(at) === 0x23 /* # */) continue;

    // Sequence entries `- ` at columns indent, indent + 2, ...
    let dashes = 0;
    while (text.charCodeAt(at) === 0x2d /* - */ && text.charCodeAt(at + 1) === 0x20) {
      at += 2;
      dashes++;
    }
    const column = at - lineStart;
    MAP_KEY.lastIndex = at;
    const isKey = MAP_KEY.test(text);
    if (!isKey && dashes === 0) {
      // A flow sequence on its own line below `key:` (as formatters wrap long lists) is the key's value.
      if (pending >= 0 && indent > pending && text.charCodeAt(at) === 0x5b /* [ */) {
        if (valueKind(text, at, end) !== 'scalar') return false;
        pending = -1;
        continue;
      }
      return false; // neither an entry nor a key: a plain continuation line, a marker, a directive...
    }

    // Indentation: close what this line is left of, then continue or open collections. A line
    // with dashes opens a sequence per extra dash and, with a key, a mapping after the last one.
    const below = pending;
    pending = -1;
    if (dashes > 0) {
      if (!enter(open, indent, 'seq', below)) return false;
      for (let d = 1; d < dashes; d++) open.push({ column: indent + 2 * d, type: 'seq' });
    }

    if (isKey) {
      const keyEnd = MAP_KEY.lastIndex - 1; // the colon
      const first = text.charCodeAt(at);
      // Only keys that start with a digit or n/N can be numbers or null; slice just those.
      if ((first >= 0x30 && first <= 0x39) || first === 0x6e || first === 0x4e) {
        const name = text.slice(at, keyEnd);
        if (NULL_KEY.test(name) || !safeIfNumeric(name)) return false;
      }
      if (dashes > 0) open.push({ column, type: 'map' });
      else if (!enter(open, column, 'map', below)) return false;
      at = keyEnd + 1;
      while (at < end && text.charCodeAt(at) === 0x20) at++;
      if (at === end || text.charCodeAt(at) === 0x23 /* # */) {
        pending = column;
        continue;
      }
    }

    const kind = valueKind(text, at, end);
    if (kind === 'invalid') return false;
    if (kind === 'block') {
      inBlock = true;
      blockParent = isKey ? column : column - 2;
      blockIndent = -1;
      leadingBlank = 0;
    }
  }
  // A block scalar that ends the file with only blank lines is empty; wide blank lines are not.
  if (inBlock && blockIndent < 0 && leadingBlank > 0) return false;
  // No content at all: js-yaml reads undefined, yaml v2 null. Not a bank either way.
  return open.length > 0;
}

/**
 * Places a line's first collection at `column`: closes deeper collections (and a sequence at the
 * same column as a mapping key, which ends when the key appears), then either continues the open
 * collection of that type at that column or opens one below a `key:` that had no value.
 */
function enter(open: Open[], column: number, type: Open['type'], pending: number): boolean {
  closeCollections(open, column, type);
  const top = open[open.length - 1];
  if (!top) {
    // The first line of content: the root collection, at the left margin.
    if (column !== 0) return false;
    open.push({ column, type });
    return true;
  }
  if (top.column === column && top.type === type) return true;
  // A nested collection under `key:`: a mapping must be indented more than the key, a sequence
  // may also sit at the key's own column.
  if (top.type === 'map' && top.column === pending && (column > pending || type === 'seq')) {
    open.push({ column, type });
    return true;
  }
  return false;
}

/**
 * Closes the open collections a line starting a `type` collection at `column` is left of: deeper
 * ones, and a sequence at the same column as a mapping key (it ends when the key appears). The root
 * collection is never closed: a second root would be a second (invalid) document body.
 */
function closeCollections(open: Open[], column: number, type: Open['type']): void {
  while (open.length > 1) {
    const top = open[open.length - 1]!;
    if (top.column > column || (type === 'map' && top.type === 'seq' && top.column === column)) open.pop();
    else break;
  }
}

/** A token that looks like a number must be one both parsers read the same way. */
function safeIfNumeric(token: string): boolean {
  if (!LOOKS_NUMERIC.test(token)) return true;
  if (!SAFE_NUMBER.test(token)) return false;
  // js-yaml reads -0 as 0, yaml v2 as -0.
  return !(token.charCodeAt(0) === 0x2d && Number(token) === 0);
}

/**
 * What the value from `at` to the end of the line is. The two common shapes (a plain scalar that
 * is text, a flow sequence of such scalars) are matched in place; anything else is copied out and
 * examined piece by piece.
 */
function valueKind(text: string, at: number, end: number): 'scalar' | 'block' | 'invalid' {
  const first = text.charCodeAt(at);
  const fast = first === 0x5b /* [ */ ? FLOW_LINE : PLAIN_LINE;
  fast.lastIndex = at;
  if (fast.test(text) && fast.lastIndex === end) return 'scalar';
  return valueKindOf(text.slice(at, end));
}

function valueKindOf(value: string): 'scalar' | 'block' | 'invalid' {
  const first = value.charCodeAt(0);
  if (first === 0x27 /* ' */) return SINGLE_QUOTED.test(value) ? 'scalar' : 'invalid';
  if (first === 0x22 /* " */) return DOUBLE_QUOTED.test(value) ? 'scalar' : 'invalid';
  if (first === 0x5b /* [ */) {
    const flow = FLOW_SEQUENCE.exec(value);
    if (!flow) return 'invalid';
    const inner = flow[1]!;
    if (inner.trim() === '') return 'scalar';
    for (const item of inner.split(',')) {
      const token = item.trim();
      // No ":" at all in flow context: the two parsers split "a:b" and "a: b" differently.
      if (token === '' || token.includes(':') || token.includes(' #') || !plainOk(token)) return 'invalid';
    }
    return 'scalar';
  }
  if (first === 0x7c /* | */ || first === 0x3e /* > */) {
    return BLOCK_SCALAR_HEADER.test(value) ? 'block' : 'invalid';
  }
  const hash = value.indexOf(' #');
  const scalar = (hash < 0 ? value : value.slice(0, hash)).trimEnd();
  if (scalar.includes(': ') || scalar.endsWith(':')) return 'invalid';
  return plainOk(scalar) ? 'scalar' : 'invalid';
}

function plainOk(scalar: string): boolean {
  if (scalar === '') return false;
  const first = scalar.charCodeAt(0);
  if (first < 128 && IS_INDICATOR[first] === 1) return false;
  return scalar.includes(' ') || safeIfNumeric(scalar);
}
