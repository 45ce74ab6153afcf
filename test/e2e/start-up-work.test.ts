import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach } from '../helpers/exec.js';
import { writeFiles } from '../helpers/fs.js';
import { bankWithQuestions } from '../helpers/lint.js';
import { repoRoot } from '../helpers/paths.js';

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
    // Node lists the built-in modules it has loaded; node:crypto is reported when the process ends.
    'crypto-probe.cjs': `process.on('exit', () => {
  if (process.moduleLoadList.includes('NativeModule crypto')) process.stderr.write('probe: node:crypto loaded\\n');
});
`,
    // zod keeps its settings on globalThis when it is evaluated: set at exit means zod was loaded.
    'zod-probe.cjs': `process.on('exit', () => {
  if (globalThis.__zod_globalConfig) process.stderr.write('probe: zod loaded\\n');
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

// node:crypto takes about 1.4 ms to load, as long as the rest of the snapshot's freshness check: it
// is needed only to hash a shipped file whose mtime moved (src/banks/shipped.ts).
describe('start-up work of the snapshot check', () => {
  const cryptoProbe = () => `--require=${join(dir, 'crypto-probe.cjs')}`;

  it.each([[['show', 'aiml-bolt-ml-onto-legacy']], [['questions', '--json']], [['banks']]])(
    'coach %j over a fresh snapshot loads no node:crypto',
    (args) => {
      const run = runCoach(args, { cwd: dir, env: { NODE_OPTIONS: cryptoProbe() } });
      expect(run.status).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(run.stderr).not.toContain('probe:');
    },
  );

  it('a copy of the package, whose files all have new mtimes, hashes them (the probe works)', () => {
    const copy = join(dir, 'package');
    for (const part of ['bin', 'dist', 'question-banks', 'rubrics', 'package.json'])
      cpSync(join(repoRoot, part), join(copy, part), { recursive: true });
    const run = spawnSync(
      process.execPath,
      [join(copy, 'bin', 'coach.js'), 'show', 'aiml-bolt-ml-onto-legacy'],
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          COACH_HOME: dir,
          NO_COLOR: '1',
          NODE_OPTIONS: cryptoProbe(),
        },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('aiml-bolt-ml-onto-legacy');
    expect(run.stderr).toContain('probe: node:crypto loaded');
  });
});

// A config file is validated with yaml v2 and zod, about 27 ms of every start; the same text again
// comes from the cache of validated config files (src/config-cache.ts) and loads neither.
describe('start-up work of a config file', () => {
  const project = () => join(dir, 'project');
  const home = () => join(dir, 'project-home');
  const config = () => join(project(), '.interview-coach.yaml');
  const run = () =>
    runCoach(['questions', '--json'], {
      cwd: project(),
      env: { COACH_HOME: home(), NODE_OPTIONS: `--require=${join(dir, 'zod-probe.cjs')}` },
    });
  beforeAll(() => {
    mkdirSync(home(), { recursive: true });
    writeFiles(project(), {
      'mine/bank.yaml': bankWithQuestions('mine', [
        { id: 'from-my-bank', prompt: 'Tell me about a time you ran a bank of your own questions.' },
      ]),
    });
  });

  it('validates a config file once per text: an edited file again, an invalid one every time', () => {
    writeFileSync(config(), 'level: L6\n');
    const first = run();
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('probe: zod loaded');
    const again = run();
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).not.toContain('probe:');

    writeFileSync(config(), 'level: L7\n');
    expect(run().stderr).toContain('probe: zod loaded');

    writeFileSync(config(), 'level: L9\n');
    for (const invalid of [run(), run()]) {
      expect(invalid.status).toBe(2);
      expect(invalid.stderr).toMatch(/\.interview-coach\.yaml:1:8: .*L9/);
    }
  });

  it('what a remembered config file says still applies', () => {
    writeFileSync(config(), 'banks: [mine]\n');
    const ids = (stdout: string) => (JSON.parse(stdout) as { id: string }[]).map((q) => q.id);
    const [first, again] = [run(), run()];
    expect(ids(first.stdout)).toContain('from-my-bank');
    expect(again.stdout).toBe(first.stdout);
  });
});
