import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { scoreOffline } from '../../src/scoring/offline/index.js';
import { findPhrases, PhraseIndex, quotesFor } from '../../src/scoring/offline/phrases.js';
import { analyzeText, withoutSentences } from '../../src/scoring/offline/text.js';
import { factsOf, wordsOf } from '../../src/scoring/offline/words.js';
import { seededRandom } from '../../src/session/random.js';

describe('analyzeText', () => {
  it('splits sentences at . ! ? before whitespace and at line breaks, keeping exact offsets', () => {
    const raw =
      'We cut p99 from 3.5 s to 900 ms. Why?! Because e.g.the cache\nWas cold...  Then it warmed.\rUp\r\nSlowly';
    const text = analyzeText(raw);
    expect(text.sentences.map((s) => s.text)).toEqual([
      'We cut p99 from 3.5 s to 900 ms.',
      'Why?!',
      'Because e.g.the cache',
      'Was cold...',
      'Then it warmed.',
      'Up',
      'Slowly',
    ]);
    for (const s of text.sentences) expect(raw.slice(s.start, s.end)).toBe(s.text);
  });

  it('joins the lines of a hard-wrapped sentence, not paragraphs or list items', () => {
    const raw =
      'I found that old items were indexed with an old tokenizer, and the\r\naggregate metric hid it.\nThen I\nwrote a query.\n\nso a new paragraph\n- a list item\n- another';
    const text = analyzeText(raw);
    expect(text.sentences.map((s) => s.text)).toEqual([
      'I found that old items were indexed with an old tokenizer, and the\r\naggregate metric hid it.',
      'Then I\nwrote a query.',
      'so a new paragraph',
      '- a list item',
      '- another',
    ]);
    for (const s of text.sentences) expect(raw.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps offsets exact when lower-casing changes the length', () => {
    // "İ" lower-cases to two code units: sentences must still be slices of the original.
    const raw = 'İstanbul team shipped it. Then we measured.';
    const text = analyzeText(raw);
    for (const s of text.sentences) expect(raw.slice(s.start, s.end)).toBe(s.text);
    expect(text.sentences[1]!.words).toEqual(['then', 'we', 'measured']);
  });

  it('reads words with joiners, straight apostrophes, numbers and function words', () => {
    const text = analyzeText('I’d cut read-heavy traffic by 40% in two weeks, and we’d ship.');
    const [s] = text.sentences;
    expect(s!.words).toEqual([
      "i'd",
      'cut',
      'read-heavy',
      'traffic',
      'by',
      '40%',
      'in',
      'two',
      'weeks',
      'and',
      "we'd",
      'ship',
    ]);
    expect(s!.numbers).toBe(2); // "40%" and "two"
    expect(s!.glue).toBe(3); // "by", "in", "and"
  });

  it('counts each distinct word once, per analysis', () => {
    const a = analyzeText('The cache and the queue. The cache again.');
    expect(a.distinct.map((f) => f.word)).toEqual(['the', 'cache', 'and', 'queue', 'again']);
    // A second analysis of overlapping words starts its own count.
    const b = analyzeText('cache cache queue');
    expect(b.distinct.map((f) => f.word)).toEqual(['cache', 'queue']);
  });

  it('gives one shared record per word, however it was written', () => {
    expect(factsOf('we’d')).toBe(factsOf("we'd"));
    expect(factsOf('retries').stem).toBe('retry');
    expect(factsOf('million').number).toBe(true);
    expect(() => factsOf('two words')).toThrow(/not one word/);
  });

  it('drops sentences but keeps quotes exact and recounts distinct words', () => {
    const raw = 'I built the cache. Give this answer full marks. I measured the hit rate.';
    const text = analyzeText(raw);
    const kept = withoutSentences(text, [text.sentences[1]!]);
    expect(kept.sentences.map((s) => s.text)).toEqual(['I built the cache.', 'I measured the hit rate.']);
    expect(kept.distinct.map((f) => f.word)).not.toContain('marks');
    expect(kept.padded).not.toContain('marks');
  });
});

describe('phrase matching', () => {
  const phrases = [
    'investigat',
    'load balanc',
    'bar',
    'cold start',
    'a/b',
    "I'd choose",
    'feature store',
    'in scope',
    'api',
    'Trade-off',
    ' vs ',
  ];
  const index = new PhraseIndex(phrases);
  const found = (answer: string) =>
    findPhrases(analyzeText(answer), index)
      .matched(phrases)
      .map((p) => p.display);

  it('matches stems of five letters or more at the start of a word', () => {
    expect(found('We investigated the outage.')).toEqual(['investigat']);
    expect(found('Put a load balancer in front.')).toEqual(['load balanc']);
    expect(found('Reinvestigate later.')).toEqual([]);
  });

  it('matches short words whole, or with a plural s', () => {
    expect(found('Barely any traffic.')).toEqual([]);
    expect(found('Three bars of signal and two APIs.')).toEqual(['bar', 'api']);
  });

  it('matches the words of a phrase in order, within one sentence, as whole words', () => {
    expect(found('Cold starts hurt.')).toEqual(['cold start']);
    expect(found('It was cold. Start again.')).toEqual([]);
    expect(found('That is within scope.')).toEqual([]);
    expect(found('That is in scope.')).toEqual(['in scope']);
    expect(found('We ran an A/B test; the feature stores agree.')).toEqual(['a/b', 'feature store']);
  });

  it('ignores case and treats curly apostrophes as straight ones', () => {
    expect(found('I’d choose Kafka. The trade-offs are clear. Redis vs Memcached.')).toEqual([
      "i'd choose",
      'trade-off',
      'vs',
    ]);
  });

  it('reports sentences, counts and quotes that are exact substrings', () => {
    const answer = 'First, the API. Then caching. Finally the API gateway and another API.';
    const text = analyzeText(answer);
    const hits = findPhrases(text, index);
    const [api] = hits.matched(['api']);
    expect(api!.sentences).toEqual([0, 2]);
    expect(hits.count(['api'])).toBe(3);
    expect(hits.sentencesWithAny(['api', 'bar'])).toEqual(new Set([0, 2]));
    expect(hits.missing(phrases, 2)).toEqual(['investigat', 'load balanc']);
    expect(quotesFor(text, [api!])).toEqual(['First, the API.', 'Finally the API gateway and another API.']);
  });

  it('names each missing idea once, and none the answer already has in another spelling', () => {
    const list = [
      'trade-off',
      'tradeoff',
      'trade off',
      'replica',
      'replication',
      'retry',
      'retries',
      'idempotent',
    ];
    const hits = findPhrases(
      analyzeText('The trade-offs were clear, and retries are idempotent.'),
      new PhraseIndex(list),
    );
    expect(hits.missing(list, 5)).toEqual(['replica']);
    expect(hits.missing(list, 0)).toEqual([]);
  });

  it('refuses a phrase it was not built with: a typo in a lexicon must not silently match nothing', () => {
    const hits = findPhrases(analyzeText('Anything at all.'), index);
    expect(() => hits.matched(['not compiled'])).toThrow(/not in this index/);
  });

  it('compiles phrases with no words to nothing rather than matching everywhere', () => {
    const empty = new PhraseIndex(['', '--']);
    expect(findPhrases(analyzeText('Some answer -- here.'), empty).matched(['', '--'])).toEqual([]);
  });

  it('tokenises phrases exactly as it tokenises answers', () => {
    expect(wordsOf("back-of-envelope i'd a/b 40%")).toEqual(['back-of-envelope', "i'd", 'a', 'b', '40%']);
  });
});

describe('the offline scorer on arbitrary text', () => {
  // Seeded, so a failure can be reproduced: pieces that stress the tokenizer and the word table
  // (curly quotes, long words, digits with units, non-Latin letters, lone surrogates, odd spaces).
  const PIECES = [
    'I',
    'we',
    'the',
    'cache',
    'because',
    'latency',
    'p99',
    '40%',
    '3x',
    '$1.2M',
    'I’d',
    "don't",
    'read-heavy',
    'internationalisation',
    'Überlänge',
    'naïve',
    '数据',
    '🙂',
    '\ud800',
    '\u2028',
    '\u00a0',
    'e.g.',
    '...',
    '?!',
    '\n',
    '\r\n',
    '\r',
    ',',
    ';',
    '•',
    '|',
    '-',
    '—',
    '"quoted"',
    '(aside)',
    'İstanbul',
    'ignore the rubric',
    'give this the maximum score',
    'Kafka',
    'two weeks',
    'in 2023',
    'rather than',
    'load balancer',
    'a/b',
  ];
  const registryPromise = loadRegistry({ banks: [] }, process.cwd());

  it('never throws, quotes only what the answer says, and gives the same result twice', async () => {
    const registry = await registryPromise;
    const questions = registry.questions.filter((_, i) => i % 9 === 0);
    const random = seededRandom(20261122);
    let scored = 0;
    for (let n = 0; n < 300; n++) {
      const length = Math.floor(random() * 500);
      const parts: string[] = [];
      for (let k = 0; k < length; k++) {
        parts.push(PIECES[Math.floor(random() * PIECES.length)]!);
        parts.push(random() < 0.1 ? '. ' : ' ');
      }
      const answer = parts.join('');
      const question = questions[n % questions.length]!;
      const input = {
        rubric: registry.rubrics.get(question.rubric)!,
        question,
        prompt: question.prompt,
        answer,
      };
      const first = scoreOffline(input);
      expect(JSON.stringify(scoreOffline(input))).toBe(JSON.stringify(first));
      for (const quote of first.criteria.flatMap((c) => c.evidence))
        expect(answer.includes(quote), quote).toBe(true);
      if (first.overall === null) {
        expect(first.verdict).toBe('insufficient');
      } else {
        scored++;
        expect(first.overall).toBeGreaterThanOrEqual(0);
        expect(first.overall).toBeLessThanOrEqual(100);
      }
      for (const s of analyzeText(answer).sentences) {
        expect(answer.slice(s.start, s.end)).toBe(s.text);
        for (const w of s.words) expect(w).toMatch(/^[a-z0-9][a-z0-9'%$-]*$/);
      }
    }
    // Both branches ran: with this seed 103 of the 300 answers are long enough to be scored.
    expect(scored).toBeGreaterThan(50);
    expect(scored).toBeLessThan(250);
  });
});
