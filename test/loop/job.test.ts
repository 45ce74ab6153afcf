import { describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../src/banks/registry.js';
import { JobMatcher, jobProfile, termsOf } from '../../src/loop/job.js';

describe('jobProfile', () => {
  const posting = `# Staff Engineer, Video Storage

We are seeking a candidate with 10+ years of experience. You will own video storage and transcoding
for billions of videos, and bring ML to thumbnail selection. Competitive salary and benefits; we are an
equal opportunity employer. Apply on LinkedIn. Storage, storage, storage.`;
  const job = jobProfile(posting, 'video.md');

  it('keeps the words about the work, counted, and drops boilerplate, function words and numbers', () => {
    expect(job.file).toBe('video.md');
    expect(job.counts.get('video')).toBe(3);
    expect(job.counts.get(termsOf('storage')[0]!.term)).toBe(5);
    expect(job.counts.get('transcod')).toBe(1);
    for (const word of [
      'salary',
      'benefits',
      'equal',
      'opportunity',
      'employer',
      'experience',
      'years',
      'the',
      '10',
    ])
      expect(
        [...job.counts.keys()].some((t) => t === word || word.startsWith(t)),
        word,
      ).toBe(false);
  });

  it('keeps short acronyms written in capitals and reads ML as machine learning models', () => {
    expect(job.counts.get('ml')).toBe(1);
    expect(job.counts.get('machin')).toBe(1);
    expect(job.counts.get('model')).toBe(1);
    expect(job.shown.get('ml')).toBe('ML');
    // Lower-case two-letter words are not acronyms.
    expect(termsOf('we go on ml').map((t) => t.term)).toEqual([]);
  });

  it('shows each term as the posting most often writes it', () => {
    expect(job.shown.get('video')).toBe('video');
    expect(job.shown.get('transcod')).toBe('transcoding');
    expect(job.shown.get(termsOf('storage')[0]!.term)).toBe('storage');
  });

  it('is deterministic', () => {
    expect(jobProfile(posting, 'video.md')).toEqual(job);
  });
});

describe('JobMatcher', () => {
  const question = (id: string, prompt: string, signals: string[], category = 'misc'): BankQuestion =>
    ({
      id,
      prompt,
      signals,
      category,
      bank: 'b',
      levels: ['L6'],
      principles: [],
      rubric: 'system-design',
    }) as never;
  const questions = [
    question('video', 'Design storage for a video platform.', ['tiers videos by access']),
    question('chat', 'Design a chat service.', ['fan-out of messages'], 'messaging'),
    question('search', 'Design search for a shop.', ['ranking of products']),
    ...Array.from({ length: 7 }, (_, i) => question(`filler-${i}`, `Design thing ${i}.`, ['a design'])),
  ];

  it('scores questions by the posting terms in their prompt, signals and category, rare terms more', () => {
    const matcher = new JobMatcher(jobProfile('Video storage and messaging. Video, video.', 'p'), questions);
    expect([...matcher.matches('video').keys()].sort()).toEqual(['storag', 'video']);
    expect([...matcher.matches('chat').keys()]).toEqual(['messag']);
    expect(matcher.score('search')).toBe(0);
    // "video" is used three times: its weight is sqrt(3) times that of "messaging", equally rare.
    expect(matcher.weight('video') / matcher.weight('messag')).toBeCloseTo(Math.sqrt(3));
    expect(matcher.score('video')).toBeGreaterThan(matcher.score('chat'));
  });

  it('a term in more than a fifth of the questions does not steer', () => {
    const matcher = new JobMatcher(jobProfile('design design design', 'p'), questions);
    expect(matcher.weight('design')).toBe(0);
    expect(matcher.score('filler-0')).toBe(0);
  });
});
