import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/banks/source.js';
import type { RuleId } from '../../src/lint/problem.js';
import { useSharedTempDir, useTempDir, writeFiles } from '../helpers/fs.js';
import { aliasBomb, bankWithQuestions, lintIn, STAR_RUBRIC, where } from '../helpers/lint.js';

// Whatever is on disk, lint returns problems: it never throws, hangs or runs out of memory.

const tmp = useTempDir('coach-hostile-');

async function rulesFor(files: Record<string, string | Uint8Array>): Promise<Record<string, RuleId[]>> {
  writeFiles(tmp(), files);
  const { problems } = await lintIn(tmp());
  const out: Record<string, RuleId[]> = {};
  for (const p of problems) out[p.file] = [...(out[p.file] ?? []), p.rule];
  return out;
}

describe('hostile single files', () => {
  it('an empty file, a file of white space, a lone BOM, a lone "---"', async () => {
    expect(
      await rulesFor({
        'empty.yaml': '',
        'blank.yaml': '\n  \n\t\n',
        'crlf.yaml': '\r\n\r\n',
        'bom.yaml': '\ufeff',
        'dashes.yaml': '---\n',
      }),
    ).toEqual({
      'blank.yaml': ['unknown-kind'],
      'bom.yaml': ['unknown-kind'],
      'crlf.yaml': ['unknown-kind'],
      'dashes.yaml': ['unknown-kind'],
      'empty.yaml': ['unknown-kind'],
    });
  });

  it('binary content: random bytes with NUL, a PNG header', async () => {
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await rulesFor({ 'random.yaml': random, 'image.yaml': png })).toEqual({
      'image.yaml': ['file-encoding'],
      'random.yaml': ['file-encoding'],
    });
  });

  it('text that is not UTF-8: Latin-1, UTF-16 with BOM, a lone surrogate encoded in UTF-8', async () => {
    expect(
      await rulesFor({
        'latin1.yaml': Buffer.from('kind: rubric\nname: Jürgen\n', 'latin1'),
        'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: rubric\n', 'utf16le')]),
        'surrogate.yaml': Buffer.from([0x6b, 0x3a, 0x20, 0xed, 0xa0, 0x80, 0x0a]),
      }),
    ).toEqual({
      'latin1.yaml': ['file-encoding'],
      'surrogate.yaml': ['file-encoding'],
      'utf16.yaml': ['file-encoding'],
    });
  });

  it('an alias bomb completes and is reported as yaml-unsafe', async () => {
    expect(await rulesFor({ 'bomb.yaml': aliasBomb() })).toEqual({ 'bomb.yaml': ['yaml-unsafe'] });
  });

  it('an alias bomb inside an otherwise valid rubric is still refused', async () => {
    const rubric = `${STAR_RUBRIC}    hints:\n      phrases: &p [${Array(200).fill('x').join(', ')}]\n`;
    const withAliases = `${rubric.replace('kind: rubric', `${aliasBomb()}kind: rubric`)}`;
    const found = await rulesFor({ 'star.yaml': withAliases });
    expect(found['star.yaml']).toContain('yaml-unsafe');
  });

  it('a 10 MB file is refused as too large without being parsed', async () => {
    writeFileSync(join(tmp(), 'huge.yaml'), Buffer.alloc(10 * 1024 * 1024, 'a'));
    const { problems } = await lintIn(tmp());
    expect(where(problems)).toEqual(['huge.yaml:1:1 file-too-large']);
    expect(problems[0]!.message).toBe('file is 10.0 MiB, over the 2.0 MiB limit for a bank or rubric');
    expect(MAX_FILE_BYTES).toBe(2 * 1024 * 1024);
  });

  it('deep nesting does not overflow the stack into a crash', async () => {
    const found = await rulesFor({
      'deep-seq.yaml': `${'['.repeat(20000)}${']'.repeat(20000)}\n`,
      'deep-map.yaml': `kind: rubric\nid: ${'{a: '.repeat(20000)}1${'}'.repeat(20000)}\n`,
    });
    expect(Object.keys(found).sort()).toEqual(['deep-map.yaml', 'deep-seq.yaml']);
    for (const rules of Object.values(found)) expect(rules.length).toBeGreaterThan(0);
  });

  it('deep nesting is one clear problem per file, not one per unwound stack frame', async () => {
    writeFiles(tmp(), {
      'deep-seq.yaml': `${'['.repeat(20000)}${']'.repeat(20000)}\n`,
      'deep-map.yaml': `kind: rubric\nid: ${'{a: '.repeat(20000)}1${'}'.repeat(20000)}\n`,
    });
    const { problems } = await lintIn(tmp());
    for (const file of ['deep-map.yaml', 'deep-seq.yaml']) {
      const found = problems.filter((p) => p.file === file);
      expect(found.map((p) => p.rule)).toEqual(['yaml-syntax']);
      expect(found[0]!.message).toMatch(/^nesting too deep/);
    }
    // Never two problems at the same place with the same message.
    const keys = problems.map((p) => `${p.file}:${p.line}:${p.column}:${p.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a 1.5 MB single line and 20000 documents in one file', async () => {
    expect(
      await rulesFor({
        'long.yaml': `kind: rubric\nid: ${'a'.repeat(1_500_000)}\n`,
        'docs.yaml': '---\na: 1\n'.repeat(20000),
      }),
    ).toEqual({
      'docs.yaml': ['multiple-documents'],
      'long.yaml': ['missing-key', expect.any(String), 'missing-key'],
    });
  });

  it('unreadable files: a dangling link, a link loop, a FIFO', async () => {
    symlinkSync('gone.yaml', join(tmp(), 'dangling.yaml'));
    symlinkSync('loop-b.yaml', join(tmp(), 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(tmp(), 'loop-b.yaml'));
    execFileSync('mkfifo', [join(tmp(), 'pipe.yaml')]);
    const result = await lintIn(tmp());
    expect(where(result.problems)).toEqual([
      'dangling.yaml:1:1 file-unreadable',
      'loop-a.yaml:1:1 file-unreadable',
      'loop-b.yaml:1:1 file-unreadable',
      'pipe.yaml:1:1 file-unreadable',
    ]);
    expect(result.problems[1]!.message).toContain('too many levels of symbolic links');
    expect(result.ioError).toBe(true);
  });

  it('a dangling link given explicitly is reported, not a usage error', async () => {
    symlinkSync('gone.yaml', join(tmp(), 'dangling.yaml'));
    const result = await lintIn(tmp(), ['dangling.yaml']);
    expect(where(result.problems)).toEqual(['dangling.yaml:1:1 file-unreadable']);
  });

  it('a file reached twice (directly and through a link) is linted once', async () => {
    writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC });
    symlinkSync('star.yaml', join(tmp(), 'alias.yaml'));
    const result = await lintIn(tmp(), ['.', 'star.yaml']);
    expect(result.files).toBe(1);
    expect(result.problems).toEqual([]);
  });
});

describe('a directory of 3000 small files', () => {
  const dir = useSharedTempDir('coach-3000-');
  const BROKEN = 1234;
  const name = (i: number) => `team-${Math.floor(i / 100)}/bank-${i}.yaml`;

  beforeAll(() => {
    const files: Record<string, string> = { 'rubrics/star.yaml': STAR_RUBRIC };
    for (let i = 0; i < 3000; i++) {
      const bank = bankWithQuestions(`bank-${i}`, [
        { id: `q-${i}`, prompt: `Topic alpha${i} beta${i} gamma${i}` },
      ]);
      files[name(i)] = i === BROKEN ? bank.replace('levels: [L5]', 'levels: [L9]') : bank;
    }
    // Not linted: other extensions, dot-directories, node_modules.
    files['README.md'] = '# not yaml\n';
    files['.hidden/bank.yaml'] = 'kind: nonsense\n';
    files['node_modules/pkg/bank.yaml'] = 'kind: nonsense\n';
    files['team-0/notes.txt'] = 'kind: nonsense\n';
    files['team-0/short.yml'] = STAR_RUBRIC.replace('id: star', 'id: star-yml');
    writeFiles(dir(), files);
  });

  it('lints every file, counts them right and finds the one broken question', async () => {
    const result = await lintIn(dir());
    expect(result.files).toBe(3002);
    expect(result.rubrics).toBe(2);
    expect(result.questions).toBe(2999);
    expect(where(result.problems)).toEqual([`${name(BROKEN)}:9:14 invalid-value`]);
  });
});
