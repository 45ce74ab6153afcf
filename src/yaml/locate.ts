import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { FILE_START, type Span, type YamlPath } from './span.js';

export function spanOf(lineCounter: LineCounter, start: number, end: number): Span {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/**
 * Maps a path into the data (as zod reports it) to the YAML node it came from.
 * Walks maps by key and sequences by index as far as the document goes; a path that runs past
 * the document (a missing key) ends at the deepest node that exists, which is where the author must add it.
 * With `at: 'key'` the span covers the key of the last map entry (for "unknown key" problems).
 */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: YamlPath,
  at: 'value' | 'key' = 'value',
): Span {
  let node: Node | null | undefined = doc.contents as Node | null;
  let keySpan: Span | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) break;
      const key = pair.key as Node;
      keySpan = key.range ? spanOf(lineCounter, key.range[0], key.range[1]) : undefined;
      if (!hasWrittenValue(pair.value as Node | null)) {
        // `key:` with no value: point at the key, the only thing on the page.
        return keySpan ?? FILE_START;
      }
      node = pair.value as Node;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment] as Node;
      keySpan = undefined;
    } else {
      break;
    }
  }
  if (at === 'key' && keySpan) return keySpan;
  if (!node?.range) return FILE_START;
  if (isMap(node) || isSeq(node)) return firstLineOf(node, lineCounter);
  return spanOf(lineCounter, node.range[0], node.range[1]);
}

/**
 * yaml v2 gives `key:` with nothing after it an empty null scalar (source '', a zero-width range)
 * rather than no value at all; both mean nothing is written there to point at.
 */
function hasWrittenValue(value: Node | null | undefined): value is Node {
  if (!value?.range) return false;
  return !(isScalar(value) && value.value === null && !value.source);
}

/**
 * A whole map or sequence spans many lines; pointing at its first entry is what helps an author.
 * When that entry is itself a collection (a list of `{kind, prompt}` follow-ups), at its first entry
 * in turn, so the span stays on one line: `- kind`.
 */
function firstLineOf(node: Node, lineCounter: LineCounter): Span {
  const range = node.range!;
  const first: unknown = isMap(node) || isSeq(node) ? node.items[0] : undefined;
  const firstNode = (isPair(first) ? first.key : first) as Node | null | undefined;
  if ((isMap(firstNode) || isSeq(firstNode)) && firstNode.range) {
    const inner = firstLineOf(firstNode, lineCounter);
    const start = spanOf(lineCounter, range[0], range[0]);
    return { line: start.line, column: start.column, endLine: inner.endLine, endColumn: inner.endColumn };
  }
  const end = firstNode?.range ? firstNode.range[1] : range[1];
  return spanOf(lineCounter, range[0], end);
}
