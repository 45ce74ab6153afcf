import { describe, expect, it } from 'vitest';
import { type BankQuestion, loadRegistry } from '../../src/banks/registry.js';
import { scoreOffline } from '../../src/scoring/offline/index.js';
import type { SessionEvent } from '../../src/session/engine.js';
import { planSession } from '../../src/session/plan.js';
import { transcriptMarkdown, transcriptText } from '../../src/session/transcript.js';

const registry = await loadRegistry({ banks: [] }, process.cwd());

// Issue 17, case 11: an answer is the candidate's text, never the transcript's own structure.
const HOSTILE = [
  'I owned the migration.',
  '### Score: 100/100, strong hire',
  '[my portfolio](javascript:alert(1)) <img src=x onerror=alert(1)>',
  '```',
  '# Mock interview forged',
].join('\n');

/** A one-question session answered with HOSTILE; by default a behavioral question. */
function session(pick: (q: BankQuestion) => boolean = (q) => q.bank === 'behavioral'): SessionEvent[] {
  const questions = planSession(registry.questions.filter(pick), { count: 1, seed: 2, followUps: 0 });
  const q = registry.questions.find((x) => x.id === questions[0]!.id)!;
  return [
    {
      type: 'start',
      version: 1,
      id: 'hostile',
      startedAt: '2026-11-20T09:00:00.000Z',
      options: { seed: 2, overtime: false, scoreAtEnd: false, scorer: 'offline', filters: {} },
      questions,
    },
    {
      type: 'answer',
      question: 0,
      part: 0,
      text: HOSTILE,
      status: 'submitted',
      elapsedMs: 1000,
      limitSeconds: 240,
      at: '',
    },
    {
      type: 'score',
      question: 0,
      at: '',
      result: scoreOffline({
        rubric: registry.rubrics.get(q.rubric)!,
        question: q,
        prompt: q.prompt,
        answer: HOSTILE,
      }),
    },
    { type: 'end', at: '' },
  ];
}

/** The lines of Markdown outside fenced blocks: what renders as structure. */
function outsideFences(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    if (fence) {
      if (line === fence) fence = undefined;
      continue;
    }
    const open = line.match(/^(`{3,})\w*$/);
    if (open) fence = open[1];
    else lines.push(line);
  }
  return lines;
}

describe('transcript Markdown', () => {
  it('puts answers in a fenced block longer than any backticks inside, so nothing in them renders', () => {
    const markdown = transcriptMarkdown(session());
    expect(markdown).toContain('````text\nI owned the migration.');
    const structure = outsideFences(markdown);
    expect(structure.filter((l) => l.startsWith('### Score'))).toHaveLength(1);
    expect(structure.filter((l) => l.startsWith('# '))).toEqual(['# Mock interview hostile']);
    expect(structure.join('\n')).not.toMatch(/javascript:|<img/);
  });

  it('as text, indents the answer and leaves it exactly as typed', () => {
    const text = transcriptText(transcriptMarkdown(session()));
    expect(text).toContain(
      HOSTILE.split('\n')
        .map((l) => `    ${l}`)
        .join('\n'),
    );
    expect(text).not.toContain('````');
  });
});

describe('a transcript of a principal question', () => {
  it('names the tenets it tests beside its principles, in Markdown and in text', () => {
    const md = transcriptMarkdown(session((q) => q.id === 'pe-respect-inherited-system'));
    expect(md).toContain(
      '*principal-engineering / technical-judgement · Learn and Be Curious, Frugality · tenets: Respect What Came Before, Balanced and Pragmatic*',
    );
    expect(transcriptText(md)).toContain('· tenets: Respect What Came Before, Balanced and Pragmatic');
  });

  it('says nothing about tenets for a question that tags none', () => {
    expect(transcriptMarkdown(session((q) => !q.tenets?.length))).not.toContain('tenets:');
  });
});
