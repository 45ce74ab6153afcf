import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/loop/debrief.js';
import { debriefMarkdown } from '../../src/loop/debrief-markdown.js';
import { transcriptText } from '../../src/session/transcript.js';
import { renderDebrief } from '../../src/ui/debrief.js';
import { plan, score, typicalLoop, weakBig } from './debrief-fixture.js';

const plain = new Chalk({ level: 0 });

/** A debrief of one design answer, quoted whole by its scorer: what a hostile answer can reach. */
function debriefOfAnswer(answer: string) {
  return buildDebrief(plan, [
    {
      roundId: 'r2',
      questions: [
        {
          questionId: 'sd-photo-library-backend',
          answers: [{ prompt: 'p', text: answer }],
          score: score('sd-photo-library-backend', 50, 'hire', [['latency', 'Latency', 3, answer]]),
        },
      ],
    },
  ]);
}

/** The bar raiser blocks: a strong first round, a weak design, a weak story for the bar raiser. */
const blocked = buildDebrief(plan, typicalLoop(weakBig(40, 'no-hire')));

describe('renderDebrief (terminal)', () => {
  const text = renderDebrief(blocked, plain, 200);

  it('leads with the recommendation and its rule, then every vote with the numbers and judges behind it', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('Debrief');
    expect(lines[2]).toBe('Recommendation: No hire: the bar raiser votes no hire: r3 (Bar raiser).');
    expect(text).toContain('Rule: Each interviewer votes from the quartile of the mean overall score');
    expect(text).toContain(
      '  r1 Behavioral, Hiring manager: strong hire (mean overall 84/100 of 2 question(s))',
    );
    expect(text).toContain(
      '  r2 System design, Senior engineer: no hire (mean overall 30/100 of 1 question(s))',
    );
    expect(text).toContain(
      '  r3 Bar raiser, Bar raiser: no hire (the weakest question decides: bhv-think-big-team-ambition scored 40/100)',
    );
    expect(text).toContain('    sd-photo-library-backend: 30/100 no-hire, by offline (offline-1)');
    expect(text).toContain('Scores by offline (offline-1).');
  });

  it('quotes the answers under each vote and principle, and lists three things to practise', () => {
    expect(text).toContain('    Latency 1/4 (sd-photo-library-backend): "Not sure about caching."');
    expect(text).toContain(
      '    strongest: Ownership 4/4 (bhv-ownership-outside-your-area): "I took it on although it was not my team."',
    );
    expect(text).toMatch(
      /The bar raiser's summary\n {2}The bar raiser probed Earn Trust and Think Big and votes no hire/,
    );
    const practise = text.slice(text.indexOf('Practise next'));
    expect(practise.match(/^ {2}\d\. /gm)).toHaveLength(3);
    // Nothing but text: no colour codes at level 0, every line within the width.
    expect(text).not.toMatch(/\u001b/);
    for (const line of renderDebrief(blocked, plain, 80).split('\n'))
      expect(line.length).toBeLessThanOrEqual(80);
  });

  it("a quote across the answer's lines is shown on one, its words unchanged", () => {
    const out = renderDebrief(debriefOfAnswer('We sharded by tenant.\nThen we   cached reads.'), plain, 200);
    expect(out).toContain(
      'Latency 3/4 (sd-photo-library-backend): "We sharded by tenant. Then we cached reads."',
    );
  });

  it('an answer with terminal escape sequences cannot drive the terminal', () => {
    const hostile = 'I fixed it \u001b]0;pwned\u0007 in a day.';
    const d = debriefOfAnswer(hostile);
    const out = renderDebrief(d, new Chalk({ level: 1 }), 100);
    expect(out).not.toContain('\u001b]');
    expect(out).not.toContain('\u0007');
    expect(out).toContain('I fixed it');
  });
});

describe('debriefMarkdown (sessions show --format md)', () => {
  const md = debriefMarkdown(blocked);

  it('has the recommendation, votes, a principle table, the summary and the practice list', () => {
    expect(md.startsWith('## Debrief\n')).toBe(true);
    expect(md).toContain('**Recommendation: No hire: the bar raiser votes no hire: r3 (Bar raiser).**');
    expect(md).toContain(
      '- **r2 System design, Senior engineer: no hire (mean overall 30/100 of 1 question(s))**',
    );
    expect(md).toContain('| Principle | Round | Score | Strongest evidence | Weakest evidence |');
    expect(md).toContain(
      '| Ownership | r1 | 88/100 | Ownership 4/4 (bhv-ownership-outside-your-area): “I took it on although it was not my team.” |',
    );
    expect(md).toContain("### The bar raiser's summary");
    expect(md.match(/^\d\. /gm)).toHaveLength(3);
    expect(md).toContain('*Scores by offline (offline-1).');
  });

  it('an answer cannot add headings, links or HTML to the page', () => {
    const hostile = '# Hired! [click](javascript:alert(1)) <img src=x> | cell';
    const d = debriefOfAnswer(hostile);
    const out = debriefMarkdown(d);
    expect(out).toContain('\\# Hired! \\[click\\](javascript:alert(1)) \\<img src=x\\> \\| cell');
    expect(out).not.toMatch(/^# /m);
    expect(out).not.toMatch(/(^|[^\\])<img/);
    expect(out).toContain('| Dive Deep | r1 | not scored | - | - |');
  });

  it('reads as plain text through the transcript text format', () => {
    const text = transcriptText(md);
    expect(text).toContain('Debrief');
    expect(text).not.toMatch(/^#/m);
  });
});
