import {
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeShippedSnapshot } from '../../scripts/shipped-snapshot.js';
import { analyzeFiles } from '../../src/banks/analyze-files.js';
import { loadShipped, shippedFiles, snapshotPath } from '../../src/banks/shipped.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { useTempDir, writeFiles } from '../helpers/fs.js';
import { bankWithQuestions, STAR_RUBRIC } from '../helpers/lint.js';

// The shipped banks and rubrics are validated at build time and loaded from dist/shipped.json
// (src/banks/shipped.ts, scripts/shipped-snapshot.ts). Each test builds a small package root in a
// temp dir: rubrics/, question-banks/, and the snapshot the build would write for them.

const tmp = useTempDir('coach-shipped-');

const PROMPT = 'Tell me about a time you migrated a payments database without downtime.';

function makeRoot(): { root: string; bank: string } {
  const root = writeFiles(tmp(), {
    'rubrics/star.yaml': STAR_RUBRIC,
    'question-banks/sample.yaml': bankWithQuestions('sample', [{ id: 'q-one', prompt: PROMPT }]),
  });
  return { root, bank: join(root, 'question-banks', 'sample.yaml') };
}

const prompts = (files: Awaited<ReturnType<typeof loadShipped>>['files']) =>
  files.flatMap((f) => f.questions.map((q) => q.question.prompt));

describe('the build writes a snapshot of valid shipped content', () => {
  it('holds exactly what reading the YAML gives, with the same absolute paths', async () => {
    const { root } = makeRoot();
    const outcome = await writeShippedSnapshot(root, {});
    expect(outcome.ok).toBe(true);
    expect(existsSync(snapshotPath(root))).toBe(true);
    const loaded = await loadShipped(root);
    expect(loaded.from).toBe('snapshot');
    expect(loaded.files).toEqual(await analyzeFiles(shippedFiles(root)));
    expect(prompts(loaded.files)).toEqual([PROMPT]);
  });

  it('fails with the lint findings, and writes no snapshot, when a shipped file has errors', async () => {
    const { root, bank } = makeRoot();
    await writeShippedSnapshot(root, {});
    writeFileSync(bank, readFileSync(bank, 'utf8').replace('rubric: star', 'rubric: stra'));
    const outcome = await writeShippedSnapshot(root, {});
    expect(outcome.ok).toBe(false);
    expect(outcome.report).toMatch(/question-banks\/sample\.yaml/);
    expect(outcome.report).toMatch(/\d+:\d+ +error +.*"stra".*unknown-rubric/);
    // The earlier snapshot is gone too: nothing stale is left for the commands to trust.
    expect(existsSync(snapshotPath(root))).toBe(false);
    expect((await loadShipped(root)).from).toBe('yaml');
  });
});

describe('a stale snapshot is never used', () => {
  it('a bank edited after the build is read from its YAML', async () => {
    const { root, bank } = makeRoot();
    await writeShippedSnapshot(root, {});
    writeFileSync(bank, readFileSync(bank, 'utf8').replace('without downtime', 'with no downtime at all'));
    const loaded = await loadShipped(root);
    expect(loaded.from).toBe('yaml');
    expect(prompts(loaded.files)).toEqual([
      'Tell me about a time you migrated a payments database with no downtime at all.',
    ]);
  });

  it('an edit that keeps the size is caught by the content hash', async () => {
    const { root, bank } = makeRoot();
    await writeShippedSnapshot(root, {});
    const before = statSync(bank).size;
    writeFileSync(bank, readFileSync(bank, 'utf8').replace('payments', 'paynents'));
    expect(statSync(bank).size).toBe(before);
    const loaded = await loadShipped(root);
    expect(loaded.from).toBe('yaml');
    expect(prompts(loaded.files)[0]).toContain('paynents');
  });

  it('a new mtime on the same content (a fresh checkout or npm install) still uses the snapshot', async () => {
    const { root, bank } = makeRoot();
    await writeShippedSnapshot(root, {});
    utimesSync(bank, new Date('2001-02-03'), new Date('2001-02-03'));
    expect((await loadShipped(root)).from).toBe('snapshot');
  });

  it('a bank added, removed or renamed after the build', async () => {
    const { root, bank } = makeRoot();
    await writeShippedSnapshot(root, {});
    const extra = join(root, 'question-banks', 'extra.yaml');
    writeFileSync(extra, bankWithQuestions('extra', [{ id: 'q-two', prompt: 'Design a rate limiter.' }]));
    expect((await loadShipped(root)).from).toBe('yaml');
    expect(prompts((await loadShipped(root)).files)).toEqual(['Design a rate limiter.', PROMPT]);
    rmSync(extra);
    expect((await loadShipped(root)).from).toBe('snapshot');
    renameSync(bank, join(root, 'question-banks', 'renamed.yaml'));
    expect((await loadShipped(root)).from).toBe('yaml');
    rmSync(join(root, 'question-banks', 'renamed.yaml'));
    expect((await loadShipped(root)).files.map((f) => f.kind)).toEqual(['rubric']);
  });

  // The freshness check lists the shipped directories without resolving links (start-up, issue 18);
  // discovery resolves them, so a file linked in twice is one file, read from its YAML.
  it('a bank linked in a second time after the build', async () => {
    const { root, bank } = makeRoot();
    await writeShippedSnapshot(root, {});
    symlinkSync(bank, join(root, 'question-banks', 'linked.yaml'));
    const loaded = await loadShipped(root);
    expect(loaded.from).toBe('yaml');
    expect(prompts(loaded.files)).toEqual([PROMPT]);
  });

  it('a shipped directory that is gone after the build', async () => {
    const { root } = makeRoot();
    await writeShippedSnapshot(root, {});
    rmSync(join(root, 'rubrics'), { recursive: true });
    await expect(loadShipped(root)).rejects.toThrow(/no such file or directory: .*rubrics/);
  });

  it('a snapshot that is missing, corrupt or of another version', async () => {
    const { root } = makeRoot();
    expect((await loadShipped(root)).from).toBe('yaml');
    await writeShippedSnapshot(root, {});
    const good = readFileSync(snapshotPath(root), 'utf8');
    writeFileSync(snapshotPath(root), good.slice(0, 100));
    expect((await loadShipped(root)).from).toBe('yaml');
    writeFileSync(snapshotPath(root), good.replace('"version":1', '"version":0'));
    expect((await loadShipped(root)).from).toBe('yaml');
    writeFileSync(snapshotPath(root), good);
    expect((await loadShipped(root)).from).toBe('snapshot');
  });
});

const built = existsSync(snapshotPath(PACKAGE_ROOT));
describe('the snapshot in this checkout', () => {
  if (!built) it.skip('skipped: dist/shipped.json is missing (run `npm run build`)', () => {});
  it.skipIf(!built)('is fresh and equal to the shipped YAML', async () => {
    const loaded = await loadShipped(PACKAGE_ROOT);
    expect(loaded.from).toBe('snapshot');
    expect(loaded.files).toEqual(await analyzeFiles(shippedFiles(PACKAGE_ROOT)));
  });
});
