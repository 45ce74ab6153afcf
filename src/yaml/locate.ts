import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { FILE_START, type Span, type YamlPath } from './span.js';

export function spanOf(lineCounter: LineCounter, start: number, end: number): Span {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** Start and end of a node's written value (yaml v2's Range has a third offset, past trailing comments). */
export type NodeRange = readonly [start: number, end: number, ...rest: number[]];

/** One entry of a mapping as the walk sees it. */
export interface TreeEntry<N> {
  key: N;
  /** `String(value)` of a scalar key (what a zod path segment is compared with); undefined for other keys. */
  keyName: string | undefined;
  /** Undefined when nothing is written after the key (`key:` alone). */
  value: N | undefined;
}

/**
 * What locate() needs of a parsed YAML text: yaml v2's composed Document (below) or its CST
 * (cst-locate.ts, cheaper when only a few paths are wanted). Both views must agree on every answer;
 * test/yaml/cst-locate.test.ts holds them to it.
 */
export interface YamlTree<N> {
  root: N | null;
  lineCounter: LineCounter;
  /** The entries of a mapping in written order; undefined when `node` is not a mapping. */
  entries(node: N): readonly TreeEntry<N>[] | undefined;
  /** The items of a sequence; undefined when `node` is not a sequence. */
  items(node: N): readonly N[] | undefined;
  /** Where `node` starts and where its written value ends (before trailing comments and space). */
  range(node: N): NodeRange | undefined;
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
  return locateIn(documentTree(doc, lineCounter), path, at);
}

export function locateIn<N>(tree: YamlTree<N>, path: YamlPath, at: 'value' | 'key' = 'value'): Span {
  const spanOfNode = (node: N): Span | undefined => {
    const range = tree.range(node);
    return range ? spanOf(tree.lineCounter, range[0], range[1]) : undefined;
  };
  let node = tree.root;
  let keySpan: Span | undefined;
  for (const segment of path) {
    if (node === null) break;
    const entries = tree.entries(node);
    const items = entries ? undefined : tree.items(node);
    if (entries) {
      const entry = entries.find((e) => e.keyName !== undefined && e.keyName === String(segment));
      if (!entry) break;
      keySpan = spanOfNode(entry.key);
      // `key:` with no value: point at the key, the only thing on the page.
      if (entry.value === undefined) return keySpan ?? FILE_START;
      node = entry.value;
    } else if (items && typeof segment === 'number' && items[segment] !== undefined) {
      node = items[segment];
      keySpan = undefined;
    } else {
      break;
    }
  }
  if (at === 'key' && keySpan) return keySpan;
  if (node === null) return FILE_START;
  const range = tree.range(node);
  if (!range) return FILE_START;
  if (isCollection(tree, node)) return firstLineOf(tree, node, range);
  return spanOf(tree.lineCounter, range[0], range[1]);
}

function isCollection<N>(tree: YamlTree<N>, node: N): boolean {
  return tree.entries(node) !== undefined || tree.items(node) !== undefined;
}

/**
 * A whole map or sequence spans many lines; pointing at its first entry is what helps an author.
 * When that entry is itself a collection (a list of `{kind, prompt}` follow-ups), at its first entry
 * in turn, so the span stays on one line: `- kind`.
 */
function firstLineOf<N>(tree: YamlTree<N>, node: N, range: NodeRange): Span {
  const first = tree.entries(node)?.[0]?.key ?? tree.items(node)?.[0];
  const firstRange = first === undefined ? undefined : tree.range(first);
  if (first !== undefined && firstRange && isCollection(tree, first)) {
    const inner = firstLineOf(tree, first, firstRange);
    const start = spanOf(tree.lineCounter, range[0], range[0]);
    return { line: start.line, column: start.column, endLine: inner.endLine, endColumn: inner.endColumn };
  }
  return spanOf(tree.lineCounter, range[0], firstRange ? firstRange[1] : range[1]);
}

/** The composed Document as a YamlTree. */
function documentTree(doc: Document, lineCounter: LineCounter): YamlTree<Node> {
  return {
    root: doc.contents as Node | null,
    lineCounter,
    entries: (node) =>
      isMap(node)
        ? node.items.filter(isPair).map((pair) => ({
            key: pair.key as Node,
            keyName: isScalar(pair.key) ? String(pair.key.value) : undefined,
            value: hasWrittenValue(pair.value as Node | null) ? (pair.value as Node) : undefined,
          }))
        : undefined,
    items: (node) => (isSeq(node) ? (node.items as Node[]) : undefined),
    range: (node) => node?.range ?? undefined,
  };
}

/**
 * yaml v2 gives `key:` with nothing after it an empty null scalar (source '', a zero-width range)
 * rather than no value at all; both mean nothing is written there to point at.
 */
function hasWrittenValue(value: Node | null | undefined): value is Node {
  if (!value?.range) return false;
  return !(isScalar(value) && value.value === null && !value.source);
}
