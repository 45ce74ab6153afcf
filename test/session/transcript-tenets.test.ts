import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import type { SessionEvent } from '../../src/session/engine.js';
import { planSession } from '../../src/session/plan.js';
import { transcriptMarkdown, transcriptText } from '../../src/session/transcript.js';

const registry = await loadRegistry({ banks: [] }, process.cwd());

function sessionOf(questionId: string): SessionEvent[] {
  const questions = planSession(
    registry.questions.filter((q) => q.id === questionId),
    { count: 1, seed: 1, followUps: 0 },
  );
  return [
    {
      type: 'start',
      version: 1,
      id: 'tenets',
      startedAt: '2026-12-03T09:00:00.000Z',
      options: { seed: 1, overtime: false, scoreAtEnd: false, scorer: 'offline', filters: {} },
      questions,
    },
    { type: 'end', at: '' },
  ];
}

describe('a transcript of a principal question', () => {
  it('names the tenets it tests beside its principles, in Markdown and in text', () => {
    const md = transcriptMarkdown(sessionOf('pe-respect-inherited-system'));
    expect(md).toContain(
      '*principal-engineering / technical-judgement · Learn and Be Curious, Frugality · tenets: Respect What Came Before, Balanced and Pragmatic*',
    );
    expect(transcriptText(md)).toContain('· tenets: Respect What Came Before, Balanced and Pragmatic');
  });

  it('says nothing about tenets for a question that tags none', () => {
    const untagged = registry.questions.find((q) => !q.tenets?.length)!;
    expect(transcriptMarkdown(sessionOf(untagged.id))).not.toContain('tenets:');
  });
});
