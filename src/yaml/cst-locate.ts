import { CST, LineCounter, Parser, Schema } from 'yaml';
import type { NodeRange, TreeEntry, YamlTree } from './locate.js';

/**
 * Positions from yaml v2's concrete syntax tree, without composing a Document.
 *
 * Lint re-reads only the files that have findings, to place them; composing yaml v2's Document
 * (every node, tag resolution, checks) is most of that cost, and the walk to a path needs little of it:
 * the tokens of the maps and sequences on the way, each key's value as the core schema reads it,
 * and the ranges yaml v2 itself gives scalars (CST.resolveAsScalar, the function the composer uses).
 * The grammar stays yaml v2's; this module only mirrors how the composer turns tokens into nodes
 * (resolve-block-map, resolve-block-seq, resolve-flow-collection in yaml's compose/).
 *
 * Where that mirror would have to guess (a tag, an explicit `? key`, an empty key or an empty sequence
 * item, a pair inside a flow sequence, a directive, an error token), the walk throws Unsure and the
 * caller asks the composed Document instead (positionsFor in document.ts).
 */
export class Unsure extends Error {}

type Token = CST.Token;
type Item = CST.CollectionItem;

/** The core schema's scalar tags, as parseWithPositions composes with them (schema: 'core'). */
const coreTags = new Schema({ schema: 'core', resolveKnownTags: false }).tags;

/**
 * The CST of `text` as a YamlTree, or Unsure when it is not one well-formed document without
 * directives (the composed Document then decides, and reports errors as positionsFor expects).
 * `knownClean`: the text is known to parse without errors, so it is not searched for error tokens.
 */
export function cstTree(text: string, { knownClean = false } = {}): YamlTree<Token> {
  const lineCounter = new LineCounter();
  let document: CST.Document | undefined;
  for (const token of new Parser(lineCounter.addNewLine).parse(text)) {
    if (token.type === 'document') {
      if (document) throw new Unsure('more than one document');
      document = token;
    } else if (token.type === 'error' || token.type === 'directive') {
      throw new Unsure(token.type);
    }
  }
  if (document) {
    checkProps(document.start);
    if (!document.value) throw new Unsure('empty document');
    // The walk over every token is skipped for text the gate accepts: yaml v2 reads all of it without
    // error (test/yaml/plain.test.ts holds yaml v2's parse to that on every text the gate accepts).
    if (!knownClean && containsError(document)) throw new Unsure('syntax error');
  }
  // A file with several findings walks the same maps and sequences again: read each one once.
  const entriesOf = new WeakMap<Token, readonly TreeEntry<Token>[] | undefined>();
  const itemsOf = new WeakMap<Token, readonly Token[] | undefined>();
  return {
    root: document?.value ?? null,
    lineCounter,
    entries: (token) => memo(entriesOf, token, entries),
    items: (token) => memo(itemsOf, token, items),
    range,
  };
}

function memo<T>(cache: WeakMap<Token, T>, token: Token, read: (token: Token) => T): T {
  if (cache.has(token)) return cache.get(token) as T;
  const value = read(token);
  cache.set(token, value);
  return value;
}

function entries(token: Token): readonly TreeEntry<Token>[] | undefined {
  if (token.type === 'block-map') return nonEmpty(token.items.flatMap(blockMapEntry));
  if (token.type === 'flow-collection' && token.start.source === '{') {
    return token.items.flatMap(flowMapEntry);
  }
  return undefined;
}

function items(token: Token): readonly Token[] | undefined {
  if (token.type === 'block-seq') return nonEmpty(token.items.flatMap(blockSeqItem));
  if (token.type === 'flow-collection' && token.start.source === '[') {
    return token.items.flatMap(flowSeqItem);
  }
  return undefined;
}

function range(token: Token): NodeRange {
  switch (token.type) {
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'block-scalar': {
      const [start, end] = resolveScalar(token).range;
      return [start, end];
    }
    case 'alias':
      return [token.offset, token.offset + token.source.length];
    case 'block-map':
    case 'block-seq':
      // The end of a block collection is only asked for when it has no entries, which it always has.
      return [token.offset, token.offset];
    case 'flow-collection': {
      const close = token.end[0];
      if (close?.source !== (token.start.source === '{' ? '}' : ']')) throw new Unsure('unclosed flow');
      return [token.offset, close.offset + close.source.length];
    }
    default:
      throw new Unsure(token.type);
  }
}

/** Comment-only items are not entries (the composer skips them too). */
function blockMapEntry({ start, key, sep, value, explicitKey }: Item & { explicitKey?: true }) {
  checkProps(start);
  if (explicitKey || has(start, 'explicit-key-ind')) throw new Unsure('explicit key');
  if (!sep) {
    if (key || has(start, 'anchor')) throw new Unsure('key without a value indicator');
    return [];
  }
  return [entry(key, sep, value)];
}

function flowMapEntry({ start, key, sep, value }: Item) {
  checkProps(start);
  if (has(start, 'explicit-key-ind')) throw new Unsure('explicit key');
  if (!sep && !value) {
    if (key || has(start, 'anchor')) throw new Unsure('key without a value indicator');
    return [];
  }
  return [entry(key, sep ?? [], value)];
}

function blockSeqItem({ start, value }: Item): Token[] {
  checkProps(start);
  if (!has(start, 'seq-item-ind')) {
    if (value || has(start, 'anchor')) throw new Unsure('item without a dash');
    return [];
  }
  if (!value) throw new Unsure('empty item');
  return [value];
}

function flowSeqItem({ start, key, sep, value }: Item): Token[] {
  checkProps(start);
  if (key || sep || has(start, 'explicit-key-ind')) throw new Unsure('pair in a flow sequence');
  if (!value) {
    if (has(start, 'anchor')) throw new Unsure('empty item');
    return [];
  }
  return [value];
}

function entry(key: Token | null | undefined, sep: CST.SourceToken[], value: Token | undefined) {
  if (!key) throw new Unsure('empty key');
  checkProps(sep);
  return { key, keyName: keyName(key), value: value && isWritten(value) ? value : undefined };
}

/** `String(key.value)` of the composed key: a plain scalar is read by the core schema (`1.0` is "1"). */
function keyName(key: Token): string | undefined {
  if (key.type === 'alias' || !CST.isScalar(key)) return undefined;
  const { value } = resolveScalar(key);
  return key.type === 'scalar' ? String(coreValue(value)) : value;
}

/** The composer gives an empty plain scalar the value null and no source: nothing written there. */
function isWritten(value: Token): boolean {
  return !(value.type === 'scalar' && resolveScalar(value).value === '');
}

/** What findScalarTagByTest and the tag's resolve make of a plain scalar in the core schema. */
function coreValue(value: string): unknown {
  const tag = coreTags.find((t) => t.default === true && t.test?.test(value));
  if (!tag?.resolve) return value;
  const resolve = tag.resolve as (
    value: string,
    onError: (message: string) => void,
    options: object,
  ) => unknown;
  const resolved = resolve(
    value,
    () => {
      throw new Unsure('tag resolve');
    },
    {},
  );
  return resolved !== null && typeof resolved === 'object' && 'value' in resolved
    ? (resolved as { value: unknown }).value
    : resolved;
}

function resolveScalar(token: CST.FlowScalar | CST.BlockScalar) {
  const resolved = CST.resolveAsScalar(token, true, () => {
    throw new Unsure('scalar error');
  });
  if (!resolved) throw new Unsure('not a scalar');
  return resolved;
}

/** A tag changes what a node is; only the composer knows what to make of one. */
function checkProps(tokens: readonly Token[] | undefined): void {
  if (tokens?.some((t) => t.type === 'tag' || t.type === 'error')) throw new Unsure('tag');
}

function has(tokens: readonly Token[], type: Token['type']): boolean {
  return tokens.some((t) => t.type === type);
}

function nonEmpty<T>(list: T[]): T[] {
  if (list.length === 0) throw new Unsure('empty block collection');
  return list;
}

/**
 * Any error token below a document, or an unclosed flow collection (which throws Unsure): the composed
 * Document would have errors there, and positionsFor gives none. Errors only the composer finds
 * (duplicate keys, indentation) are not looked for: see positionsFor.
 */
function containsError(token: Token | null | undefined): boolean {
  if (!token) return false;
  switch (token.type) {
    case 'error':
      return true;
    case 'document':
      return flatError(token.start) || containsError(token.value) || flatError(token.end);
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      for (const item of token.items as Item[]) {
        if (flatError(item.start) || flatError(item.sep)) return true;
        if (containsError(item.key) || containsError(item.value)) return true;
      }
      // An unclosed `[` or `{` is no error token; the composer reports it (range throws Unsure).
      if (token.type === 'flow-collection') return range(token) === undefined || flatError(token.end);
      return false;
    case 'block-scalar':
      return flatError(token.props);
    case 'single-quoted-scalar':
    case 'double-quoted-scalar': {
      // Nor is an unclosed quote: the scalar runs to the end of the text.
      const { source } = token;
      if (source.length < 2 || source[source.length - 1] !== source[0]) return true;
      return flatError(token.end);
    }
    case 'scalar':
    case 'alias':
      return flatError(token.end);
    default:
      return false;
  }
}

function flatError(tokens: readonly Token[] | undefined): boolean {
  if (!tokens) return false;
  for (const t of tokens) if (t.type === 'error') return true;
  return false;
}
