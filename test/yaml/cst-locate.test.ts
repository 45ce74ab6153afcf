import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Document, isMap, isScalar, isSeq } from 'yaml';
import { SHIPPED_BANKS_DIR, SHIPPED_RUBRICS_DIR } from '../../src/paths.js';
import { cstTree, Unsure } from '../../src/yaml/cst-locate.js';
import { parseWithPositions, positionsFor } from '../../src/yaml/document.js';
import { locate, locateIn } from '../../src/yaml/locate.js';
import type { YamlPath } from '../../src/yaml/span.js';
import { sharedPresent, yamlTestSuiteDir } from '../helpers/paths.js';

// The CST locator (src/yaml/cst-locate.ts) against the composed Document's (locate.ts): for every
// path into a file, and past its end, both must give the same span, for values and for keys.

/** Every path the document has, plus one missing key or index below each, so "nearest parent" is compared too. */
function pathsOf(doc: Document): YamlPath[] {
  const out: YamlPath[] = [[], ['no-such-key'], [0]];
  const walk = (node: unknown, path: YamlPath, depth: number) => {
    if (depth > 12) return;
    if (isMap(node)) {
      out.push([...path, 'no-such-key']);
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const next = [...path, String(pair.key.value)];
        out.push(next);
        walk(pair.value, next, depth + 1);
      }
    } else if (isSeq(node)) {
      out.push([...path, node.items.length], [...path, 'no-such-key']);
      node.items.forEach((item, i) => {
        out.push([...path, i]);
        walk(item, [...path, i], depth + 1);
      });
    } else {
      out.push([...path, 'below-a-scalar'], [...path, 0]);
    }
  };
  walk(doc.contents, [], 0);
  return out;
}

interface Comparison {
  /** The CST walk gave up on the whole text (positionsFor then composes the Document). */
  wholeFileUnsure: boolean;
  paths: number;
  /** Paths the CST walk gave up on (positionsFor answers them from the Document). */
  unsurePaths: number;
  mismatches: string[];
}

function compare(text: string): Comparison | undefined {
  const { doc, lineCounter } = parseWithPositions(text);
  if (doc.errors.length > 0) return undefined; // only where both parse
  let tree: ReturnType<typeof cstTree>;
  try {
    tree = cstTree(text);
  } catch (error) {
    if (!(error instanceof Unsure)) throw error;
    return { wholeFileUnsure: true, paths: 0, unsurePaths: 0, mismatches: [] };
  }
  const result: Comparison = { wholeFileUnsure: false, paths: 0, unsurePaths: 0, mismatches: [] };
  for (const path of pathsOf(doc)) {
    for (const at of ['value', 'key'] as const) {
      result.paths++;
      const expected = locate(doc, lineCounter, path, at);
      try {
        const actual = locateIn(tree, path, at);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          result.mismatches.push(
            `${JSON.stringify(path)} ${at}: cst ${JSON.stringify(actual)} document ${JSON.stringify(expected)}`,
          );
        }
      } catch (error) {
        if (!(error instanceof Unsure)) throw error;
        result.unsurePaths++;
      }
    }
  }
  return result;
}

const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f));

describe('the CST locator gives the Document locator’s spans', () => {
  it('for every path of every shipped bank and rubric, with no fallback', () => {
    const files = [...yamlFiles(SHIPPED_BANKS_DIR), ...yamlFiles(SHIPPED_RUBRICS_DIR)];
    expect(files.length).toBeGreaterThan(10);
    let paths = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const variant of [text, text.replace(/\n/g, '\r\n'), text.trimEnd()]) {
        const found = compare(variant);
        expect(found, file).toBeDefined();
        expect(found!.wholeFileUnsure, file).toBe(false);
        expect(found!.unsurePaths, file).toBe(0);
        expect(found!.mismatches, file).toEqual([]);
        paths += found!.paths;
      }
    }
    expect(paths).toBeGreaterThan(10_000);
  });

  it('on the constructs the brief names: quoted and numeric keys, flow collections, anchors and aliases, block scalars at the end', () => {
    const texts = [
      'kind: rubric\n"quoted key": 1\n\'single\': [a, b]\n1: one\n0x10: sixteen\n2.50: float\n1e2: hundred\n~: tilde\ntrue: yes\n.inf: infinite\n',
      'a: &anchor {x: 1, y: [2, 3], z}\nb: *anchor\nc: [*anchor, {p: q}]\nd:\n  - &i item\n  - *i\n',
      'q:\n  - id: x\n    prompt: >-\n      folded\n      text', // no final newline
      'q:\n  - id: x\n    prompt: |+\n      kept\n\n',
      'key:\nother: ""\nthird: ~\nfourth: null\n# comment\nfifth: # trailing\n  nested: 1\n',
      '- - a\n  - b\n- {k: v}\n- [x, [y]]\n- ""\n',
      '--- # a marker and a comment\nkind: x\n...\n',
      'plain: multi\n  line\n  scalar\nafter: 1\n',
      'long key with spaces: 1\n"a\\u00e9b": 2\n',
      '',
      '# only a comment\n',
      '{a: 1, b: [1, 2]}\n',
      '[1, 2, {a: b}]\n',
    ];
    for (const text of texts) {
      const found = compare(text);
      expect(found, text).toBeDefined();
      expect(found!.mismatches, text).toEqual([]);
      expect(found!.wholeFileUnsure, text).toBe(false);
      expect(found!.unsurePaths, text).toBe(0);
    }
  });

  it('falls back to the Document, with its answers, where the CST walk would guess', () => {
    // A tag, an explicit key, an empty sequence item, a pair in a flow sequence.
    for (const text of ['a: !!str 1\n', '? a\n: b\n', 'a:\n  -\n  - b\n', 'a: [x: 1]\n']) {
      const found = compare(text)!;
      expect(found.wholeFileUnsure || found.unsurePaths > 0, text).toBe(true);
      const { doc, lineCounter } = parseWithPositions(text);
      const find = positionsFor(text)!;
      for (const path of pathsOf(doc)) expect(find(path), text).toEqual(locate(doc, lineCounter, path));
    }
  });

  it('gives no positions when the text has more than one document or a syntax error, as before', () => {
    expect(positionsFor('a: 1\n---\nb: 2\n')).toBeNull();
    expect(positionsFor('a: [1, 2\n')).toBeNull();
    expect(positionsFor('a: "unclosed\n')).toBeNull();
  });

  it('reads past a byte order mark without shifting columns', () => {
    const find = positionsFor('\ufeffkind: rubric\nid: Star\n')!;
    expect(find(['id'])).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 9 });
    expect(find(['id'], 'key')).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 3 });
  });
});

if (!sharedPresent) {
  it.skip(`skipped: ../shared not present (${yamlTestSuiteDir} is missing), so the yaml-test-suite corpus is not compared`, () => {});
}

describe.skipIf(!sharedPresent)('the CST locator on the yaml-test-suite valid files', () => {
  it('gives the same span as the Document for every path where both parse, and handles most files itself', () => {
    const files = yamlFiles(join(yamlTestSuiteDir, 'valid'));
    let compared = 0;
    let wholeFileFallbacks = 0;
    let paths = 0;
    let unsurePaths = 0;
    const mismatches: string[] = [];
    for (const file of files) {
      const found = compare(readFileSync(file, 'utf8'));
      if (!found) continue;
      compared++;
      if (found.wholeFileUnsure) wholeFileFallbacks++;
      paths += found.paths;
      unsurePaths += found.unsurePaths;
      mismatches.push(...found.mismatches.map((m) => `${file}: ${m}`));
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(250);
    // Most of the suite is handled by the CST walk; the rest is tags, directives, explicit keys and
    // the like, where positionsFor asks the Document (counted so a regression in coverage shows).
    expect(wholeFileFallbacks / compared).toBeLessThan(0.35);
    expect(unsurePaths / paths).toBeLessThan(0.35);
  });
});
