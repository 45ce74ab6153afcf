import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach } from '../helpers/exec.js';
import { writeFiles } from '../helpers/fs.js';
import { bankWithQuestions } from '../helpers/lint.js';

/**
 * Issue 18: `coach show` and `coach questions` over the shipped banks start about as fast as
 * `coach --version`. The start-up costs profiles found were string-width's and wrap-ansi's
 * Intl.Segmenter (built when they load), and zod and yaml v2 (the bundle test guards their imports).
 * Not a timing test: a preload counts Segmenters made, so plain-text output must make none, and a
 * bank with wide characters (the positive control) must still load the Unicode measures.
 */
let dir: string;
let preload: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'coach-start-up-'));
  writeFiles(dir, {
    'segmenter-probe.mjs': `const Real = Intl.Segmenter;
Intl.Segmenter = new Proxy(Real, {
  construct(target, args) {
    process.stderr.write('probe: Intl.Segmenter made\\n');
    return Reflect.construct(target, args);
  },
});
`,
    'banks/wide.yaml': bankWithQuestions('wide', [
      { id: 'wide-cjk', prompt: '設計の質問: tell me about a time you designed 日本語 support end to end.' },
    ]),
  });
  preload = pathToFileURL(join(dir, 'segmenter-probe.mjs')).href;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const probed = (args: string[]) => runCoach(args, { cwd: dir, env: { NODE_OPTIONS: `--import=${preload}` } });

describe('start-up work of the browse commands', () => {
  it.each([[['show', 'aiml-bolt-ml-onto-legacy']], [['questions']], [['questions', '--json']], [['banks']]])(
    'coach %j over the shipped banks builds no Intl.Segmenter',
    (args) => {
      const run = probed(args);
      expect(run.status).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(run.stderr).not.toContain('probe:');
    },
  );

  // practice's chunk is loaded whole before it refuses a non-terminal: that refusal is its start-up
  // (ora, which builds a Segmenter through string-width, now loads only when a spinner starts).
  it('coach practice loads its chunk and refuses a non-terminal without building an Intl.Segmenter', () => {
    const run = probed(['practice', '--count', '1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('needs a terminal');
    expect(run.stderr).not.toContain('probe:');
  });

  it('a question with wide characters still loads the Unicode measures (the probe works)', () => {
    const run = probed(['show', 'wide-cjk', '--banks', join(dir, 'banks')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('設計の質問');
    expect(run.stderr).toContain('probe: Intl.Segmenter made');
  });
});
