import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SHIPPED_BANKS_DIR, SHIPPED_RUBRICS_DIR } from '../../src/paths.js';
import { seededRandom } from '../../src/session/random.js';
import { isSimpleYaml } from '../../src/yaml/gate.js';
import { loadPlainYaml } from '../../src/yaml/plain.js';
import { useTempDir, yaml } from '../helpers/fs.js';
import { bankWithQuestions, STAR_RUBRIC } from '../helpers/lint.js';
import { repoRoot, sharedPresent, yamlTestSuiteDir } from '../helpers/paths.js';

// The gate in front of the fast path (src/yaml/gate.ts) and js-yaml behind it (src/yaml/plain.ts).
// Two properties matter: the gate accepts the banks people write (or lint loses its speed), and
// whatever it accepts, js-yaml and yaml v2 read the same way (or the fast path gives a different
// verdict than the full one). This is the differential test: yaml v2's `parse` is the reference.
// That yaml v2 reports no syntax error on any text the gate accepts (duplicate keys aside, which are
// no syntax error) is relied on too: positionsFor skips its search for CST error tokens on such text.

/** The fast path and yaml v2 on one text: equal data and no yaml v2 error, or why not. */
function disagreement(text: string): string | undefined {
  const fast = loadPlainYaml(text);
  let full: unknown;
  try {
    full = parse(text, { uniqueKeys: true, schema: 'core', resolveKnownTags: false, logLevel: 'error' });
  } catch (error) {
    const message = String((error as Error).message);
    // A duplicate key is an error for both: js-yaml throws (the fast path steps aside) and yaml v2 reports it.
    if (fast === undefined && /Map keys must be unique/.test(message)) return 'duplicated mapping key';
    return `yaml v2: ${message.split('\n', 1)[0]}`;
  }
  if (fast === undefined) return 'the fast path stepped aside';
  if (!isDeepStrictEqual(fast, full))
    return `fast ${JSON.stringify(fast)} vs yaml v2 ${JSON.stringify(full)}`;
  return undefined;
}

describe('isSimpleYaml accepts the banks people write', () => {
  it('every shipped bank and rubric', () => {
    const files = [SHIPPED_BANKS_DIR, SHIPPED_RUBRICS_DIR].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(5);
    const rejected = files.filter((f) => !isSimpleYaml(readFileSync(f, 'utf8')));
    expect(rejected).toEqual([]);
    for (const f of files) expect(disagreement(readFileSync(f, 'utf8')), f).toBeUndefined();
  });

  const tmp = useTempDir('coach-gate-');

  it('the generated benchmark corpus (bench/corpus.mjs), so the benchmark measures the fast path', async () => {
    const corpus = pathToFileURL(join(repoRoot, 'bench', 'corpus.mjs')).href;
    const { writeCorpus } = (await import(corpus)) as {
      writeCorpus: (dir: string, options: { files: number; perFile: number }) => unknown;
    };
    writeCorpus(tmp(), { files: 3, perFile: 20 });
    const files = readdirSync(tmp()).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBe(4);
    expect(files.filter((f) => !isSimpleYaml(readFileSync(join(tmp(), f), 'utf8')))).toEqual([]);
  });

  it('the banks the tests generate', () => {
    const bank = bankWithQuestions('b', [{ id: 'q', prompt: 'Say "why"\\ and\tthen \u00e9 \ud83d\ude00' }]);
    expect(isSimpleYaml(bank)).toBe(true);
    expect(disagreement(bank)).toBeUndefined();
  });

  const ACCEPTED: Record<string, string> = {
    'nested mappings': 'a:\n  b:\n    c: d\n  e: f\ng: h\n',
    'a sequence of mappings': 'items:\n  - id: one\n    name: One\n  - id: two\n    name: Two\n',
    'a sequence at the column of its key': 'a:\n- b\n- c\nd: e\n',
    'a sequence in a sequence': '- - a\n  - b\n- c\n',
    'a key with no value (null)': 'a:\nb: 1\n',
    'a flow sequence': 'levels: [L5, L6]\nempty: []\nspaced: [ ]\nwords: [What went wrong?, C#]\n',
    'a flow sequence on the line below its key': 'principles:\n  [ownership, dive-deep]\nnext: 1\n',
    'quoted scalars': `a: 'it''s'\nb: "say \\"hi\\"\\n\\u00e9"\nc: '' # empty\nd: ""\n`,
    'comments everywhere': '# head\na: 1 # trailing\n  # indented\nb:  # nothing here\n  - c # item\n',
    'block scalars': 'a: |\n  line one\n\n  line two\nb: >-\n  folded\n    more\nc: |+\n  kept\n\nd: 1\n',
    'a block scalar in a sequence': 'a:\n  - |\n    text\n  - >\n   folded\n',
    'numbers both parsers read alike': 'a: 240\nb: 0.5\nc: 1e3\nd: 0\ne: 12.75\n1: one\n',
    'plain text with inner indicators': 'a: http://example.com/a#b\nb: x:y\nc: a - b [c] {d}, e!f &g *h\n',
    'words that are null or booleans in both': 'a: null\nb: ~\nc: true\nd: False\ne: yes\n',
    'CRLF line ends': 'a: 1\r\nb:\r\n  - c\r\n',
    'no final line break': 'a: 1\nb: 2',
    'trailing spaces': 'a: 1   \nb:   \n  - c  \n',
    // Kept final line breaks at the end of the file (the hand-written reader got these wrong).
    'a |+ block scalar at the end of the file': 'a: 1\nb: |+\n  kept\n\n\n',
    'a >+ block scalar at the end of the file': 'a: 1\nb: >+\n  kept\n  more\n\n',
    'a |+ block scalar at the end of the file without a final line break': 'a: 1\nb: |+\n  kept',
    'a >- block scalar at the end of the file without a final line break': 'a: 1\nb: >-\n  one\n  two',
  };

  it.each(Object.entries(ACCEPTED))('%s', (_, text) => {
    expect(isSimpleYaml(text)).toBe(true);
    expect(disagreement(text)).toBeUndefined();
  });
});

describe('isSimpleYaml rejects everything outside its grammar', () => {
  const REJECTED: Record<string, string> = {
    'a tab in indentation': 'a:\n\tb: 1\n',
    'a tab in a value': 'a: b\tc\n',
    'a document start marker': '---\na: 1\n',
    'a document end marker': 'a: 1\n...\n',
    'a directive': '%YAML 1.2\n---\na: 1\n',
    'a complex key': '? a\n: b\n',
    'a merge key': 'a: 1\n<<: {b: 2}\n',
    'an anchor': 'a: &x 1\n',
    'an alias': 'a: 1\nb: *x\n',
    'a tag': 'a: !t x\n',
    'a standard tag': 'a: !!str 1\n',
    'an anchor in a flow sequence': 'a: [&x b]\n',
    'a flow mapping': 'a: {b: 1}\n',
    'a nested flow sequence': 'a: [b, [c]]\n',
    'a flow sequence over two lines': 'a: [b,\n  c]\n',
    'a quoted item in a flow sequence': 'a: ["b", c]\n',
    'a colon in a flow item': 'a: [b:c]\n',
    'an empty flow item': 'a: [b, , c]\n',
    'a trailing comma in a flow sequence': 'a: [b, c,]\n',
    'text after a flow sequence': 'a: [b] c\n',
    'a plain scalar starting with @': 'a: @b\n',
    'a plain scalar starting with a backquote': 'a: `b`\n',
    'a plain scalar starting with %': 'a: %b\n',
    'a plain scalar starting with ,': 'a: ,b\n',
    'a plain scalar starting with ]': 'a: ]b\n',
    'a plain scalar starting with }': 'a: }b\n',
    'a plain scalar starting with ?': 'a: ?b\n',
    'a plain scalar starting with :': 'a: :b\n',
    'a plain scalar starting with -': 'a: -b\n',
    'a sequence entry starting with -': '- -b\n',
    '": " inside a plain scalar': 'a: b: c\n',
    'a plain scalar ending with ":"': 'a: b:\n',
    'a binary integer': 'a: 0b11110000\n',
    'an octal integer': 'a: 0o17\n',
    'a hexadecimal integer': 'a: 0x1F\n',
    infinity: 'a: .inf\n',
    'not a number': 'a: .NaN\n',
    'a number with underscores': 'a: 1_000\n',
    'a number with a leading +': 'a: +1\n',
    'a number with a leading zero': 'a: 010\n',
    'a number with a huge exponent': 'a: 1e400\n',
    'a number starting with "."': 'a: .5\n',
    'a double-quoted scalar followed by "#"': 'a: "b"# c\n',
    'a single-quoted scalar followed by "#"': "a: 'b'# c\n",
    'text after a quoted scalar': 'a: "b" c\n',
    'a double-quoted scalar over two lines': 'a: "b\n  c"\n',
    'a single-quoted scalar over two lines': "a: 'b\n  c'\n",
    'an unknown escape': 'a: "\\q"\n',
    'a block scalar indentation indicator': 'a: |2\n   b\n',
    'a block scalar with a wider leading blank line (S98Z)': 'a: |\n      \n  b\n',
    'a block scalar line less indented than the first': 'a: |\n    b\n  c\n',
    'a plain scalar over two lines': 'a: b\n  c\n',
    'a mapping indented under a scalar': 'a: b\n  c: d\n',
    'a key between two indentations': 'a:\n  b: 1\n c: 2\n',
    'a sequence entry indented under a scalar entry': '- a\n  - b\n',
    'a sequence entry beside a mapping': 'a: 1\n- b\n',
    'a second root': '- a\nb: 1\n',
    'an indented root': '  a: 1\n',
    'a null key': 'null: 1\n',
    'a Null key': 'Null: 1\n',
    'a ~ key': '~: 1\n',
    'a binary-number key': '0b1: x\n',
    'a quoted key': '"a": 1\n',
    'a key with a space': 'a b: 1\n',
    'a key without a space after ":"': 'a:b\n',
    'an empty sequence entry': 'a:\n  -\n    b: 1\n',
    'a sequence entry with only a comment': 'a:\n  - # nothing\n',
    'an empty document': '',
    'only comments': '# nothing here\n',
    'a lone carriage return': 'a: 1\rb: 2\n',
    'a byte order mark inside the text': 'a: 1\n\ufeffb: 2\n',
    'a Unicode line separator': 'a: b\u2028c\n',
    'a next-line character': 'a: b\u0085c\n',
  };

  it.each(Object.entries(REJECTED))('%s', (_, text) => {
    expect(isSimpleYaml(text)).toBe(false);
  });
});

describe('whatever isSimpleYaml accepts, js-yaml and yaml v2 read the same way', () => {
  if (!sharedPresent) {
    it.skip(`skipped: ${yamlTestSuiteDir} is missing (../shared not present), so the yaml-test-suite files are not checked against the gate`, () => {});
  }

  it.skipIf(!sharedPresent)('every file of the yaml-test-suite (valid/ and invalid/)', () => {
    const accepted: string[] = [];
    const wrong: string[] = [];
    for (const sub of ['valid', 'invalid']) {
      const dir = join(yamlTestSuiteDir, sub);
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
        const text = readFileSync(join(dir, name), 'utf8');
        if (!isSimpleYaml(text)) continue;
        accepted.push(`${sub}/${name}`);
        const why = disagreement(text);
        if (why) wrong.push(`${sub}/${name}: ${why}`);
      }
    }
    expect(wrong).toEqual([]);
    // The gate is not vacuous: it does accept the plain files of the suite.
    expect(accepted.length).toBeGreaterThan(10);
    expect(accepted.filter((f) => f.startsWith('invalid/'))).toEqual([]);
  });

  it.skipIf(!sharedPresent)('the invalid inputs the old fast path let through are rejected', () => {
    const names = ['9C9N', '9JBA', '9KBC', 'CVW2', 'DK95-01', 'QB6E', 'S98Z', 'SU5Z', 'Y79Y-000', 'Y79Y-003'];
    const accepted = names.filter((n) =>
      isSimpleYaml(readFileSync(join(yamlTestSuiteDir, 'invalid', `${n}.yaml`), 'utf8')),
    );
    expect(accepted).toEqual([]);
  });

  it('thousands of generated near-bank documents, with mutated indentation', () => {
    const next = seededRandom(20240611);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const values = [
      'a',
      'b c',
      'x:y',
      'C#',
      '1',
      '01',
      '0x1F',
      '0b11',
      '12',
      '3.25',
      '1e3',
      '1e400',
      '1_000',
      'null',
      '~',
      'true',
      'yes',
      '2024-01-01',
      "'q'",
      "'it''s'",
      '""',
      '"d\\n"',
      '[a, b]',
      '[]',
      '[1, 2.5]',
      '[C#]',
      'a [b] {c}',
      'a - b',
      'é ü',
      'http://x.y/z',
      'x ? y',
      'a, b',
      'a!b',
      '5xx',
      'Tell me: why?',
      'ab:',
      "'a' # c",
      '[a] # c',
      '.foo',
      '+x',
      'a # c',
    ];
    const keys = ['a', 'b', 'key', 'k-1', '_x', '1', '10', '1e3', 'true', 'null', '0x1', 'id'];
    const generate = (depth: number, indent: number, out: string[]) => {
      const seq = next() < 0.4;
      const pad = ' '.repeat(indent);
      for (let i = 0, n = 1 + Math.floor(next() * 3); i < n; i++) {
        const head = seq ? `${pad}- ` : `${pad}${pick(keys)}:`;
        const r = next();
        if (depth < 3 && r < 0.3) {
          if (seq) out.push(`${head}${pick(keys)}: ${pick(values)}`);
          else {
            out.push(head);
            generate(depth + 1, next() < 0.2 ? indent : indent + pick([1, 2, 4]), out);
          }
        } else if (r < 0.4) {
          out.push(`${head}${seq ? '' : ' '}${pick(['|', '|-', '>', '>+'])}`);
          const inner = ' '.repeat(indent + pick([1, 2, 4]));
          for (const l of pick([['x'], ['x', '', 'y'], ['  deep', 'x'], ['', 'x'], []])) {
            out.push(l === '' ? pick(['', inner, `${inner}  `]) : inner + l);
          }
        } else {
          out.push(`${head}${seq ? '' : ' '}${pick(values)}`);
        }
      }
    };
    let accepted = 0;
    const wrong: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const out: string[] = [];
      generate(0, 0, out);
      if (next() < 0.3) {
        const i = Math.floor(next() * out.length);
        out[i] = next() < 0.5 ? ` ${out[i]}` : out[i]!.replace(/^ /, '');
      }
      const text = `${out.join(next() < 0.2 ? '\r\n' : '\n')}\n`;
      if (!isSimpleYaml(text)) continue;
      accepted++;
      const why = disagreement(text);
      // Duplicate keys are an error: js-yaml throws, so the fast path steps aside and yaml v2 reports them.
      if (why && !/duplicated mapping key/.test(why)) wrong.push(`${JSON.stringify(text)}: ${why}`);
    }
    expect(wrong).toEqual([]);
    expect(accepted).toBeGreaterThan(500);
  });
});

describe('the fast path steps aside where yaml v2 must speak', () => {
  it.each([
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n'],
    ['keys that are the same number', '1e3: a\n1000: b\n'],
    ['a duplicate key in a nested mapping', 'q:\n  - id: x\n    id: y\n'],
  ])('%s', (_, text) => {
    expect(isSimpleYaml(text)).toBe(true);
    expect(loadPlainYaml(text)).toBeUndefined();
  });

  it('a __proto__ key is an own property, as in yaml v2, and changes no prototype', () => {
    const text = '__proto__: x\nq:\n  __proto__:\n    polluted: yes\n';
    expect(isSimpleYaml(text)).toBe(true);
    const data = loadPlainYaml(text) as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['__proto__', 'q']);
    expect(disagreement(text)).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the fast path stays on the plain files', () => {
  it('STAR_RUBRIC in flow style is not simple, a block-style rubric is', () => {
    expect(isSimpleYaml(STAR_RUBRIC)).toBe(false); // `levels: {1: none, ...}` is a flow mapping
    const block = yaml`
      kind: rubric
      id: star
      name: STAR
      appliesTo: behavioral
      criteria:
        - id: structure
          name: Structure
          weight: 1
          description: The story has a clear situation, task, action and result.
          levels:
            1: none
            2: weak
            3: clear
            4: crisp
    `;
    expect(isSimpleYaml(block)).toBe(true);
    expect(disagreement(block)).toBeUndefined();
  });
});
