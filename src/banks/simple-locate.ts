import { FILE_START, type Span, type YamlPath } from './locate.js';

/**
 * Positions in a file that passed the simple-YAML gate (src/banks/simple-yaml.ts), found by scanning
 * lines instead of building a yaml v2 document. Lint needs positions only for the few files a
 * cross-file rule flags, but a cold yaml v2 parse of each costs tens of milliseconds; this costs
 * well under one. It reads only the gate's subset (block mappings and sequences, `- key:` items,
 * one-line flow sequences, block scalars) and gives the same spans as `locate` over a yaml v2
 * document, which the tests check on every shipped file. Outside the subset it returns undefined.
 */

interface Line {
  /** 0-based line index and the offset of its first character. */
  index: number;
  text: string;
  /** Columns (0-based) of the "- " markers that start the line. */
  dashes: number[];
  /** Column where the content after the dashes starts. */
  content: number;
  key: string | null;
  keyEnd: number;
  /** Column of the value after "key: " (or of the content when there is no key), -1 when none. */
  value: number;
  valueEnd: number;
  block: boolean;
}

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_-]*):(?= |$)/;

function parseLines(text: string): Line[] {
  const raw = text.split('\n');
  const lines: Line[] = [];
  let blockIndent = -1;
  raw.forEach((full, index) => {
    const t = full.endsWith('\r') ? full.slice(0, -1) : full;
    const indent = t.length - t.trimStart().length;
    if (blockIndent >= 0) {
      if (t.trim() === '' || indent > blockIndent) return;
      blockIndent = -1;
    }
    if (t.trim() === '' || t.trimStart().startsWith('#')) return;
    const dashes: number[] = [];
    let c = indent;
    while (t.startsWith('- ', c) || t.slice(c) === '-') {
      dashes.push(c);
      c += 2;
      while (t[c] === ' ') c++;
    }
    const rest = t.slice(c);
    const key = rest.match(KEY);
    let value = -1;
    let keyEnd = c;
    if (key) {
      keyEnd = c + key[1]!.length;
      let v = keyEnd + 1;
      while (t[v] === ' ') v++;
      value = v < t.length && t[v] !== '#' ? v : -1;
    } else if (c < t.length) {
      value = c;
    }
    const valueEnd = value >= 0 ? scalarEnd(t, value) : -1;
    const block = value >= 0 && /^[|>][-+]?(?: +#.*| *)$/.test(t.slice(value));
    if (block) blockIndent = key ? (dashes.length ? c : indent) : indent;
    lines.push({
      index,
      text: t,
      dashes,
      content: c,
      key: key ? key[1]! : null,
      keyEnd,
      value,
      valueEnd,
      block,
    });
  });
  return lines;
}

/** Where a one-line value ends: before a " #" comment and trailing spaces. */
function scalarEnd(t: string, from: number): number {
  const first = t[from];
  if (first === '"' || first === "'") {
    for (let i = from + 1; i < t.length; i++) {
      if (first === '"' && t[i] === '\\') i++;
      else if (t[i] === first && (first === '"' || t[i + 1] !== "'")) return i + 1;
      else if (first === "'" && t[i] === "'" && t[i + 1] === "'") i++;
    }
    return t.length;
  }
  if (first === '[') return t.indexOf(']', from) + 1;
  const comment = t.indexOf(' #', from);
  return (comment >= 0 ? t.slice(0, comment) : t).trimEnd().length;
}

type Container =
  | { kind: 'map'; column: number; from: number; to: number }
  | { kind: 'seq'; column: number; from: number; to: number };

export function locateSimple(text: string, path: YamlPath, at: 'value' | 'key' = 'value'): Span | undefined {
  return simpleLocator(text)(path, at);
}

/**
 * A locator over one file: its lines are scanned once, and the items of each sequence and the
 * extent of each entry are remembered, so positioning thousands of findings in one file (2,000
 * copies of a question) costs one scan plus a lookup each, not a scan each.
 */
export function simpleLocator(text: string): (path: YamlPath, at?: 'value' | 'key') => Span | undefined {
  const lines = parseLines(text);
  const rawLines = text.split('\n');
  const itemsOf = new Map<string, number[]>();
  const siblingOf = new Map<string, number>();
  const items = (from: number, to: number, column: number): number[] => {
    const key = `${from}:${to}:${column}`;
    let found = itemsOf.get(key);
    if (!found) {
      found = [];
      for (let i = from; i < to; i++) if (lines[i]!.dashes.includes(column)) found.push(i);
      itemsOf.set(key, found);
    }
    return found;
  };
  const sibling = (i: number, to: number, column: number): number => {
    const key = `${i}:${to}:${column}`;
    let found = siblingOf.get(key);
    if (found === undefined) {
      found = nextSibling(lines, i, to, column);
      siblingOf.set(key, found);
    }
    return found;
  };
  return (path, at = 'value') => locateIn(lines, rawLines, items, sibling, path, at);
}

function locateIn(
  lines: Line[],
  rawLines: string[],
  itemsIn: (from: number, to: number, column: number) => number[],
  sibling: (i: number, to: number, column: number) => number,
  path: YamlPath,
  at: 'value' | 'key',
): Span | undefined {
  const span = (line: number, from: number, toLine: number, to: number): Span => ({
    line: line + 1,
    column: from + 1,
    endLine: toLine + 1,
    endColumn: to + 1,
  });
  const blockEnd = (i: number): Span => {
    // A block scalar runs to the end of its last content line, where yaml v2 ends its range (next line start).
    const line = lines[i]!;
    const next = lines[i + 1];
    const lastContent = next ? next.index - 1 : rawLines.length - 1;
    let end = lastContent;
    while (end > line.index && rawLines[end]!.trim() === '') end--;
    return span(line.index, line.value, end + 1, 0);
  };

  let container: Container = { kind: 'map', column: 0, from: 0, to: lines.length };
  let result: Span = FILE_START;
  let keySpan: Span | undefined;
  for (let p = 0; p < path.length; p++) {
    const segment = path[p]!;
    if (container.kind === 'map') {
      const column = container.column;
      let found = -1;
      for (let i = container.from; i < container.to; i++) {
        const l = lines[i]!;
        if (l.key === String(segment) && l.content === column) {
          found = i;
          break;
        }
      }
      if (found < 0) return p === 0 ? undefined : result;
      const l = lines[found]!;
      keySpan = span(l.index, l.content, l.index, l.keyEnd);
      const end = sibling(found, container.to, column);
      if (l.value >= 0) {
        result = l.block
          ? blockEnd(found)
          : l.text[l.value] === '['
            ? flowStart(l, l.value)
            : span(l.index, l.value, l.index, l.valueEnd);
        if (l.text[l.value] === '[' && p + 1 < path.length && typeof path[p + 1] === 'number') {
          return flowItem(l, path[p + 1] as number) ?? result;
        }
        if (p + 1 < path.length) return undefined;
        continue;
      }
      const child = lines[found + 1];
      if (!child || found + 1 >= end) return keySpan;
      if (child.dashes.length && child.dashes[0]! >= column) {
        container = { kind: 'seq', column: child.dashes[0]!, from: found + 1, to: end };
        result = firstLine(child, child.dashes[0]!);
      } else if (child.text[child.content] === '[' && !child.key) {
        result = flowStart(child, child.content);
        if (p + 1 < path.length && typeof path[p + 1] === 'number')
          return flowItem(child, path[p + 1] as number) ?? result;
        if (p + 1 < path.length) return undefined;
      } else {
        container = { kind: 'map', column: child.content, from: found + 1, to: end };
        result = firstLine(child, child.content);
      }
    } else {
      if (typeof segment !== 'number') return undefined;
      const column = container.column;
      const items = itemsIn(container.from, container.to, column);
      const item = items[segment];
      if (item === undefined) return result;
      const l = lines[item]!;
      const end: number = items[segment + 1] ?? container.to;
      const depth = l.dashes.indexOf(column);
      keySpan = undefined;
      if (depth < l.dashes.length - 1) {
        container = { kind: 'seq', column: l.dashes[depth + 1]!, from: item, to: end };
        result = firstLine(l, l.dashes[depth + 1]!);
      } else if (l.key) {
        container = { kind: 'map', column: l.content, from: item, to: end };
        result = firstLine(l, l.content);
      } else if (l.value >= 0) {
        result = l.block ? blockEnd(item) : span(l.index, l.value, l.index, l.valueEnd);
        if (p + 1 < path.length) return undefined;
      }
    }
  }
  return at === 'key' && keySpan ? keySpan : result;

  function firstLine(l: Line, column: number): Span {
    // A collection spans many lines; like `locate`, point at its first entry (the first key or item).
    if (l.key && l.content === column) return span(l.index, column, l.index, l.keyEnd);
    if (l.dashes.includes(column)) {
      const after =
        l.dashes.indexOf(column) + 1 < l.dashes.length ? l.dashes[l.dashes.indexOf(column) + 1]! : l.content;
      if (l.key && after === l.content) return span(l.index, column, l.index, l.keyEnd);
      if (l.block) {
        const end: Span = blockEnd(lines.indexOf(l));
        return { ...end, line: l.index + 1, column: column + 1 };
      }
      if (l.value >= 0 && l.text[l.value] === '[') return { ...flowStart(l, l.value), column: column + 1 };
      return span(l.index, column, l.index, l.valueEnd >= 0 ? l.valueEnd : l.text.length);
    }
    return span(l.index, column, l.index, l.text.length);
  }

  /** Like `locate`, a flow sequence as a whole is pointed at from "[" to the end of its first item. */
  function flowStart(l: Line, from: number): Span {
    const first = flowItem(l, 0);
    return first
      ? span(l.index, from, l.index, first.endColumn - 1)
      : span(l.index, from, l.index, l.valueEnd);
  }

  function flowItem(l: Line, index: number): Span | undefined {
    const open = l.text.indexOf('[', l.value >= 0 ? l.value : l.content);
    const close = l.text.indexOf(']', open);
    let start = open + 1;
    let n = 0;
    for (let i = open + 1; i <= close; i++) {
      if (i === close || l.text[i] === ',') {
        if (n === index) {
          let a = start;
          let b = i;
          while (l.text[a] === ' ') a++;
          while (b > a && l.text[b - 1] === ' ') b--;
          return span(l.index, a, l.index, b);
        }
        n++;
        start = i + 1;
      }
    }
    return undefined;
  }
}

/** The index of the next line that leaves the entry at `i` (a line at or left of the column). */
function nextSibling(lines: Line[], i: number, to: number, column: number): number {
  for (let j = i + 1; j < to; j++) {
    const l = lines[j]!;
    const start = l.dashes.length ? l.dashes[0]! : l.content;
    if (
      start <= column &&
      !(l.dashes.length && l.dashes[0]! >= column && lines[i]!.value < 0 && start === column)
    )
      return j;
  }
  return to;
}
