import { type Document, LineCounter, parseDocument } from 'yaml';
import { locate } from './locate.js';
import type { Span, YamlPath } from './span.js';

/**
 * Safe parsing with yaml v2: the YAML 1.2 core schema only, YAML 1.1 tags such as !!binary or !!set
 * left unresolved (and so reported), duplicate keys as errors, positions kept for every node.
 */
export function parseWithPositions(text: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    resolveKnownTags: false,
    // Not 'silent': that also drops the multiple-documents error. 'error' only stops process warnings.
    logLevel: 'error',
  });
  return { doc, lineCounter };
}

/** Aliases beyond this many are refused: hand-written files use few or none, alias bombs millions. */
const MAX_ALIAS_COUNT = 100;

/** What to tell the user when a document is refused by isAliasLimit. */
export const TOO_MANY_ALIASES = `too many aliases (over ${MAX_ALIAS_COUNT}): refusing a possible alias bomb`;

/** The data of a parsed document, with aliases limited: past the limit it throws (see isAliasLimit). */
export function dataOf(doc: Document): unknown {
  return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

/** Whether dataOf threw for too many aliases: a bad input, not a crash. */
export function isAliasLimit(error: unknown): boolean {
  return error instanceof ReferenceError && /alias/i.test(error.message);
}

/** Where the node at a path into the data was written; see locate() in locate.ts. */
export type Locator = (path: YamlPath, at?: 'value' | 'key') => Span;

/**
 * Positions for findings in a file that loaded without them: the fast path keeps no positions, so
 * the few files a rule flags are parsed again here, by yaml v2. Null if the text no longer parses.
 */
export function positionsFor(text: string): Locator | null {
  const { doc, lineCounter } = parseWithPositions(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (doc.errors.length > 0) return null;
  return (path, at) => locate(doc, lineCounter, path, at);
}
