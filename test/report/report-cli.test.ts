import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/history/attempt.js';
import { VERDICT_BANDS } from '../../src/report/bands.js';
import { verdictFor } from '../../src/scoring/result.js';
import { assertBuilt, runCoach, stackLines } from '../helpers/exec.js';
import { useTempDir } from '../helpers/fs.js';
import { repoRoot } from '../helpers/paths.js';
import { HOSTILE_ANSWER, HOSTILE_ID, LLM_COST, writeKnownHistory } from './history-fixture.js';

beforeAll(assertBuilt);
const tmp = useTempDir('coach-report-');

function report(args: string[], home: string, cwd = home) {
  return runCoach(['report', ...args], { cwd, env: { COACH_HOME: home } });
}

const mean = (xs: number[]) => Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10;

describe('coach report (HTML)', () => {
  it('writes one page with every section, the numbers from history and where they came from', async () => {
    const attempts = await writeKnownHistory(tmp(), { stories: true });
    const run = report([], tmp());
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const file = join(tmp(), 'coach-report.html');
    expect(run.stdout.trim()).toBe(file);
    const page = readFileSync(file, 'utf8');

    for (const id of ['summary', 'trend', 'averages', 'weakest', 'stories', 'time', 'recent', 'cost']) {
      expect(page).toContain(`<section id="${id}">`);
    }
    // The headline numbers, computed here from the fixture independently of the report code: 17
    // attempts, of which one is unscored and one scored 'insufficient' (no overall); the mean is
    // over the other 15 overalls the fixture recorded.
    const scored = attempts.filter((a) => a.status !== 'unscored' && a.overall !== null);
    expect(attempts).toHaveLength(17);
    expect(scored).toHaveLength(15);
    expect(page).toContain('<dd>17</dd>');
    expect(page).toContain(`<dd>${mean(scored.map((a) => a.overall!))}/100</dd>`);
    expect(page).toContain(`$${LLM_COST.toFixed(4)}`);
    // Every number says where it came from: the scorers and versions, and a source under each section.
    // 16 scored attempts: 14 labelled answers and the hostile one by the offline scorer, one by the LLM.
    expect(page).toContain('offline (offline-1): 15');
    expect(page).toContain('anthropic claude-sonnet-5-5 (prompt version 1a2b3c4d5e): 1');
    expect(page.match(/<p class="source">Source: /g)?.length).toBeGreaterThanOrEqual(7);

    // The trend: one chart point and one table row per day, with the verdict bands behind the line.
    // One attempt a day: the 15 days with an overall (11-08 scored insufficient, 11-22 is unscored).
    const trend = page.slice(page.indexOf('<section id="trend">'), page.indexOf('<section id="averages">'));
    expect(trend.match(/<circle class="point"/g)?.length).toBe(15);
    for (const band of ['strong-no-hire', 'no-hire', 'hire', 'strong-hire'])
      expect(trend).toContain(`band band-${band}`);
    expect(trend).toMatch(
      /<title id="trend-chart-title">[^<]+<\/title><desc id="trend-chart-desc">[^<]+<\/desc>/,
    );
    expect(trend).toContain(
      '<th scope="row">2026-11-20</th><td class="num">1</td><td class="num">81</td><td>strong hire</td>',
    );

    // A criterion average, recomputed from the fixture.
    const structure = scored.flatMap((a) =>
      a.criteria.filter((c) => c.id === 'structure').map((c) => c.score!),
    );
    const avg = Math.round((structure.reduce((s, x) => s + x, 0) / structure.length) * 100) / 100;
    expect(page).toContain(
      `<td>Structure</td><td class="num">${structure.length}</td><td class="num">${avg}/4</td>`,
    );

    // Stories: the grid from the stories file, with a thin principle flagged.
    expect(page).toContain('6 stories in <code>stories.yaml</code>');
    expect(page).toMatch(/<th scope="row">Are Right, A Lot<\/th>(<td>.*?<\/td>){6}<td>0 <span class="thin">/);

    // Time: four of the fixture's timed attempts ran over their limit (days 3, 6, 9 and 12 of the 14
    // labelled answers take 110% of it; the LLM record is untimed; the two copies of day 1 take 70%).
    expect(page).toContain('; 4 over it.');

    // Recent attempts link to their transcripts in the page; the unscored one says so.
    expect(page).toContain('<a href="#attempt-1">2026-11-22</a>');
    expect(page).toContain('<article class="attempt" id="attempt-1">');
    expect(page).toMatch(/drill-never-scored<\/code><\/td><td>[^<]+<\/td><td class="num">unscored/);
    expect(page).toContain(
      '1 unscored attempt (interrupted, or a batch not collected) is listed but not averaged.',
    );
  });

  it('escapes every piece of user text, and loads nothing: no script, no external URL', async () => {
    await writeKnownHistory(tmp());
    expect(report([], tmp()).status).toBe(0);
    const page = readFileSync(join(tmp(), 'coach-report.html'), 'utf8');
    expect(page).not.toMatch(/<script|<img|<h2>Fake|href="javascript/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('&lt;/pre&gt;&lt;/article&gt;&lt;h2&gt;Fake&lt;/h2&gt;');
    expect(page).toContain('drill-hostile&lt;b&gt;&amp;&quot;&#39;');
    expect(page).not.toContain(HOSTILE_ID);
    // No control character reaches the page: the escape sequences are dropped whole.
    expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(page).toContain('then red text');
    // Nothing to fetch: no tag with a source or a URL, links only to anchors in the page, no CSS
    // import or url(), and a policy that forbids loading anything.
    const tags = page.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(100);
    expect(tags.filter((t) => /\ssrc=|:\/\/|\sxmlns/i.test(t))).toEqual([]);
    expect([...page.matchAll(/href="([^"]*)"/g)].every((m) => m[1]!.startsWith('#attempt-'))).toBe(true);
    const css = page.slice(page.indexOf('<style>'), page.indexOf('</style>'));
    expect(css).not.toMatch(/url\(|@import|@font-face/i);
    expect(page).toContain("default-src 'none'");
    expect(page).toContain('@media (prefers-color-scheme: dark)');
    expect(page).toContain('@media print');
  });

  it('an empty history gives a page that says how to start, exit 0', () => {
    const run = report(['-o', 'out.html'], tmp());
    expect(run.status).toBe(0);
    const page = readFileSync(join(tmp(), 'out.html'), 'utf8');
    expect(page).toContain('<h2>No attempts yet</h2>');
    expect(page).toContain('coach practice');
    expect(page).not.toContain('<svg');
  });

  it('--since keeps the attempts from that day on; a day that does not exist is one line, exit 2', async () => {
    await writeKnownHistory(tmp());
    expect(report(['--since', '2026-11-20', '-o', 'since.html'], tmp()).status).toBe(0);
    const page = readFileSync(join(tmp(), 'since.html'), 'utf8');
    expect(page).toContain('<dd>3</dd>');
    expect(page).toContain('attempts since 2026-11-20');
    expect(page).not.toContain('2026-11-19');

    for (const [since, message] of [
      ['2024-02-30', 'coach: --since needs a day that is on the calendar (YYYY-MM-DD), got "2024-02-30"\n'],
      ['2023-02-29', 'coach: --since needs a day that is on the calendar (YYYY-MM-DD), got "2023-02-29"\n'],
      ['2024-2-1', 'coach: --since needs a date as YYYY-MM-DD (such as 2024-02-29), got "2024-2-1"\n'],
    ] as const) {
      const run = report(['--since', since], tmp());
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(message);
      expect(run.stdout).toBe('');
    }
    expect(report(['--since', '2024-02-29', '-o', 'leap.html'], tmp()).status).toBe(0);
  });

  it('-o errors are one line naming the file, exit 2, and nothing is left behind', async () => {
    await writeKnownHistory(tmp());
    mkdirSync(join(tmp(), 'a-dir'));
    for (const [target, reason] of [
      ['a-dir', 'is a directory'],
      ['missing/dir/r.html', 'no such file or directory'],
    ] as const) {
      const run = report(['-o', target], tmp());
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`cannot write ${target}: ${reason}`);
      expect(stackLines(run.stderr)).toEqual([]);
    }
    expect(readdirSync(join(tmp(), 'a-dir'))).toEqual([]);
    const format = report(['--format', 'pdf'], tmp());
    expect(format.status).toBe(2);
    expect(format.stderr).toContain("argument 'pdf' is invalid");
  });
});

describe('coach report --format md', () => {
  it('the same sections as Markdown, charts as tables, answers fenced and user text escaped', async () => {
    const attempts = await writeKnownHistory(tmp(), { stories: true });
    const run = report(['--format', 'md'], tmp());
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(join(tmp(), 'coach-report.md'));
    const text = readFileSync(join(tmp(), 'coach-report.md'), 'utf8');
    for (const heading of [
      '## Summary',
      '## Score trend',
      '## Averages by criterion, bank and category',
      '## Weakest criteria, and questions to practise',
      '## Principles by stories',
      '## Time used against limits',
      '## Recent attempts',
      '## LLM cost',
    ])
      expect(text).toContain(`\n${heading}\n`);
    expect(text).toContain('| 2026-11-20 | 1 | 81 | strong hire |');
    expect(text).toContain(`- Attempts: ${attempts.length}`);
    // The hostile answer sits inside a fence longer than the backtick run it contains, whole.
    // Its control characters are dropped: the window title (OSC 0) whole, the colour codes, the NUL.
    const shown = HOSTILE_ANSWER.replace(
      'then \u001b]0;pwned\u0007\u001b[31mred\u001b[0m\u0000 text',
      'then red text',
    );
    expect(shown).not.toBe(HOSTILE_ANSWER);
    expect(text).toContain(`\`\`\`\`text\n${shown}\n\`\`\`\``);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(text.split('\n')).not.toContain('## Fake');
    // Its id, in a table cell, cannot open a tag or break the table.
    expect(text).toContain('drill-hostile\\<b\\>\\&"\'');
    // Prompts are quoted line by line.
    expect(text).toMatch(/\n> Tell me about a time/);
  });

  it('-o - writes the report to stdout', async () => {
    await writeKnownHistory(tmp());
    const run = report(['--format', 'md', '-o', '-'], tmp());
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('# Interview practice report\n')).toBe(true);
  });

  it('-o FILE.md without --format writes Markdown, not HTML under a .md name; --format still wins', async () => {
    await writeKnownHistory(tmp());
    const run = report(['-o', 'progress.md'], tmp());
    expect(run.status).toBe(0);
    expect(readFileSync(join(tmp(), 'progress.md'), 'utf8').startsWith('# Interview practice report\n')).toBe(
      true,
    );
    expect(report(['-o', 'page.md', '--format', 'html'], tmp()).status).toBe(0);
    expect(readFileSync(join(tmp(), 'page.md'), 'utf8').startsWith('<!doctype html>')).toBe(true);
  });
});

describe('report internals that must agree with the scorers', () => {
  it('the verdict bands are the quartiles verdictFor uses', () => {
    for (const band of VERDICT_BANDS) {
      expect(verdictFor(band.from)).toBe(band.key);
      expect(verdictFor(band.to - 1)).toBe(band.key);
    }
  });

  it('coach history shows attempt ids', async () => {
    const attempts: Attempt[] = await writeKnownHistory(tmp());
    const run = runCoach(['history'], { cwd: tmp(), env: { COACH_HOME: tmp() } });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^DATE\s+ID\s+SOURCE/);
    for (const a of attempts.slice(0, 3)) expect(run.stdout).toContain(a.id);
  });
});

describe('start-up', () => {
  it('the CLI entry and what it imports statically hold none of the report or compare code', () => {
    const dist = join(repoRoot, 'dist');
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const code = readFileSync(join(dist, file), 'utf8');
      for (const m of code.matchAll(/^(?:import|export)\b[^;]*?from "\.\/([^"]+)"/gms)) visit(m[1]!);
      for (const m of code.matchAll(/^import "\.\/([^"]+)"/gm)) visit(m[1]!);
    };
    visit('cli.js');
    expect(loaded.size).toBeGreaterThan(1);
    const startup = [...loaded].map((f) => readFileSync(join(dist, f), 'utf8')).join('\n');
    expect(startup).toContain('import("./report-');
    expect(startup).toContain('import("./compare-');
    for (const marker of [
      'Interview practice report',
      'function renderHtml',
      'function wordDiff',
      'function lineChart',
    ])
      expect(startup).not.toContain(marker);
  });
});
