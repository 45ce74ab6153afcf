import { type Document, LineCounter, parseDocument } from 'yaml';
import { cstTree, Unsure } from './cst-locate.js';
import { isSimpleYaml } from './gate.js';
import { locate, locateIn } from './locate.js';
import { FILE_START, type Span, type YamlPath } from './span.js';

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
 * the few files a rule flags are parsed again here. Null if the text no longer parses.
 *
 * The walk runs on yaml v2's CST (cst-locate.ts), a few times cheaper than composing a Document.
 * The composed Document is built only when the CST walk is unsure: the text is not one document
 * free of syntax errors and directives, or the path goes through a tag, an explicit `? key`, an empty
 * key or sequence item, or a pair in a flow sequence. Then it answers that path and the ones after it.
 * The CST route does not redo the composer's checks (duplicate keys, indentation): a file that
 * reaches here already loaded without them, unless it changed since.
 */
export function positionsFor(text: string): Locator | null {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let composed: Locator | null | undefined;
  const viaDocument = (): Locator | null => {
    if (composed !== undefined) return composed;
    const { doc, lineCounter } = parseWithPositions(source);
    composed = doc.errors.length > 0 ? null : (path, at) => locate(doc, lineCounter, path, at);
    return composed;
  };
  let tree: ReturnType<typeof cstTree>;
  try {
    tree = cstTree(source, { knownClean: isSimpleYaml(source) });
  } catch (error) {
    if (error instanceof Unsure) return viaDocument();
    throw error;
  }
  return (path, at) => {
    if (composed === undefined) {
      try {
        return locateIn(tree, path, at);
      } catch (error) {
        if (!(error instanceof Unsure)) throw error;
      }
    }
    return viaDocument()?.(path, at) ?? FILE_START;
  };
}
