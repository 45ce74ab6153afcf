import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { writeCorpus } from '../../bench/corpus.mjs';
import { locate } from '../../src/banks/locate.js';
import { locateSimple } from '../../src/banks/simple-locate.js';
import { isSimpleYaml } from '../../src/banks/simple-yaml.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every path a rule reports, for every question, rubric criterion and top-level key of a file. */
function rulePaths(data: Record<string, unknown>): { path: (string | number)[]; at?: 'key' }[] {
  const paths: { path: (string | number)[]; at?: 'key' }[] = [{ path: ['id'] }, { path: ['kind'] }];
  const questions = (data.questions as Record<string, unknown>[] | undefined) ?? [];
  questions.forEach((q, i) => {
    for (const field of ['id', 'prompt', 'rubric', 'timeLimitSeconds', 'category', 'levels', 'followUps']) {
      paths.push({ path: ['questions', i, field] });
    }
    ((q.principles as string[]) ?? []).forEach((_, j) => {
      paths.push({ path: ['questions', i, 'principles', j] });
    });
    paths.push({ path: ['questions', i] }, { path: ['questions', i, 'followUps', 0] });
  });
  const criteria = (data.criteria as unknown[] | undefined) ?? [];
  criteria.forEach((_, i) => {
    paths.push({ path: ['criteria', i, 'id'] }, { path: ['criteria', i, 'levels', '1'] });
  });
  if (criteria.length) paths.push({ path: ['criteria'], at: 'key' });
  return paths;
}

function expectSameSpans(file: string) {
  const text = readFileSync(file, 'utf8');
  expect(isSimpleYaml(text), `${file} passes the gate`).toBe(true);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  for (const { path, at } of rulePaths(doc.toJS())) {
    expect(locateSimple(text, path, at), `${file} ${path.join('.')}`).toEqual(
      locate(doc, lineCounter, path, at),
    );
  }
}

describe('locateSimple gives the same spans as yaml v2', () => {
  it.each(
    ['question-banks', 'rubrics'].flatMap((dir) =>
      readdirSync(join(ROOT, dir)).map((f) => join(ROOT, dir, f)),
    ),
  )('%s', (file) => expectSameSpans(file));

  it('on the generated bench corpus', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-locate-'));
    writeCorpus(dir, { files: 3, perFile: 40 });
    for (const f of readdirSync(dir)) expectSameSpans(join(dir, f));
  });
});
