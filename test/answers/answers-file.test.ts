import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { answersFileText, MAX_ANSWERS_BYTES, parseAnswers } from '../../src/answers/answers-file.js';
import { averageOf, scoreAnswers } from '../../src/answers/score-answers.js';
import { loadRegistry } from '../../src/banks/registry.js';
import { readAnswers } from '../../src/commands/support/answers-file.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { IoError } from '../../src/fsx/io-error.js';
import { offlineScorer } from '../../src/scoring/offline/index.js';
import { captureContext } from '../helpers/command-context.js';

const registry = await loadRegistry({ banks: [] }, process.cwd());
const [first, second] = registry.questions.filter((q) => q.bank === 'behavioral');
const ANSWER = `In 2023 I led the move of our search index to a new cluster. I planned the cut-over, wrote the runbook
and ran it over two weekends. As a result query latency fell from 900 ms to 250 ms, and I learned to rehearse
every cut-over on a copy first.`;

describe('answers files', () => {
  it('reads a mapping of question id to answer, with each question and its rubric', () => {
    const answers = parseAnswers(
      `${first!.id}: |\n  ${ANSWER.replaceAll('\n', '\n  ')}\n${second!.id}: Short.\n`,
      'a.yaml',
      registry,
    );
    expect(answers.map((a) => [a.question.id, a.rubric.id, a.text.trim()])).toEqual([
      [first!.id, first!.rubric, ANSWER],
      [second!.id, second!.rubric, 'Short.'],
    ]);
    // What stdin answers are rescued as reads back to the same answers.
    expect(parseAnswers(answersFileText(answers), 'rescued', registry)).toEqual(answers);
  });

  it('reports every bad entry at once, one line each, and refuses what is not a mapping', () => {
    const bad = () => parseAnswers(`no-such-id: x\n${first!.id}: [1, 2]\n`, 'a.yaml', registry);
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (error) {
      expect((error as ConfigError).message.split('\n')).toEqual([
        'a.yaml: unknown question id "no-such-id"',
        `a.yaml: the answer to "${first!.id}" must be text`,
        'nothing was scored or recorded',
      ]);
    }
    expect(() => parseAnswers('- a\n- b\n', 'a.yaml', registry)).toThrow(/expected a mapping/);
    expect(() => parseAnswers('a: [\n', 'a.yaml', registry)).toThrow(UsageError);
    expect(() => parseAnswers('{}\n', 'a.yaml', registry)).toThrow(/no answers in the file/);
  });

  it('refuses a file with more aliases than any hand-written file needs (a possible alias bomb)', () => {
    // 101 aliases of one anchor: past the limit every YAML reader of coach shares.
    const text = `${first!.id}: &a text\nlist: [${Array.from({ length: 101 }, () => '*a').join(', ')}]\n`;
    expect(() => parseAnswers(text, 'a.yaml', registry)).toThrow(
      new UsageError('a.yaml: too many aliases; write the answers out in full'),
    );
    const fine = `${first!.id}: &a text\n${second!.id}: *a\n`;
    expect(parseAnswers(fine, 'a.yaml', registry).map((a) => a.text)).toEqual(['text', 'text']);
  });

  it('scores the answers in order and averages those with an overall', async () => {
    const answers = parseAnswers(
      `${first!.id}: ${JSON.stringify(ANSWER)}\n${second!.id}: Short.\n`,
      'a',
      registry,
    );
    const results = await scoreAnswers(offlineScorer, answers, { level: undefined, mode: 'typed' });
    expect(results.map((r) => r.questionId)).toEqual([first!.id, second!.id]);
    const scored = results.filter((r) => r.overall !== null);
    expect(scored.length).toBeGreaterThan(0);
    expect(averageOf(results)).toBe(Math.round(scored.reduce((s, r) => s + r.overall!, 0) / scored.length));
    expect(averageOf([])).toBeNull();
  });

  it('"-" reads the answers from the command context stdin, up to the size limit', async () => {
    const stdin = new PassThrough();
    stdin.end(`${first!.id}: ${JSON.stringify(ANSWER)}\n`);
    const answers = await readAnswers('-', registry, captureContext({ stdin }));
    expect(answers.map((a) => a.question.id)).toEqual([first!.id]);

    const huge = new PassThrough();
    huge.end(Buffer.alloc(MAX_ANSWERS_BYTES + 1, 'a'));
    await expect(readAnswers('-', registry, captureContext({ stdin: huge }))).rejects.toThrow(IoError);
  });
});
