import type { ChalkInstance } from 'chalk';
import type { BankQuestion } from '../banks/registry.js';
import type { Story } from '../schema/index.js';
import { findPrinciple } from '../schema/principles.js';
import type { StoryCheck } from '../stories/check.js';
import { type Coverage, MIN_STORIES } from '../stories/coverage.js';
import { WEAK_RELEVANCE } from '../stories/relevance.js';
import { FIT_SCORE, type Suggestion } from '../stories/suggest.js';
import { bar, verdictText } from './score-report.js';
import { padToWidth, table, visibleLength, wrap } from './text.js';
import { proseWidth } from './width.js';

/** What `coach stories check`, `coverage` and `suggest` print for a person (--json prints the data). */

/** `coach stories check`: each story with its score, verdict and weakest criteria, best first, then the average. */
export function renderChecks(
  checks: StoryCheck[],
  file: string,
  color: ChalkInstance,
  width: number,
): string {
  const blocks = checks.map((c) => {
    const r = c.result;
    const overall = r.overall === null ? '-/100' : `${r.overall}/100`;
    const principles = c.principles.map((p) => findPrinciple(p)?.name ?? p).join(', ');
    const lines = [
      `${color.bold(c.id)}  ${c.title}`,
      `  ${color.bold(overall)}  ${verdictText(r, color)}  ${color.dim(`· ${c.words} words · ${principles}${r.level ? ` · judged at ${r.level}` : ''}`)}`,
    ];
    if (r.verdict === 'insufficient') {
      for (const w of r.warnings) lines.push(color.dim(wrap(w, width, '    ')));
    } else if (c.weakest.length === 0) {
      lines.push(`  ${color.green('✔')} every criterion at the top score`);
    } else {
      const nameWidth = Math.max(...c.weakest.map((k) => visibleLength(k.name)));
      for (const k of c.weakest) {
        lines.push(`  ${padToWidth(k.name, nameWidth)}  ${bar(k.score, k.max, color)} ${k.score}/${k.max}`);
        lines.push(color.dim(wrap(k.feedback, width, '    ')));
      }
    }
    for (const note of c.notes)
      lines.push(wrap(note, width, '    ').replace(/^ {4}/, `  ${color.yellow('!')} `));
    return lines.join('\n');
  });
  const scored = checks.filter((c) => c.result.overall !== null);
  const average = scored.length
    ? Math.round(scored.reduce((n, c) => n + c.result.overall!, 0) / scored.length)
    : null;
  const summary = `${checks.length} ${checks.length === 1 ? 'story' : 'stories'} in ${file}${average === null ? '' : `, average ${average}/100`}; best first`;
  return `${blocks.join('\n\n')}\n\n${color.dim(summary)}\n`;
}

/**
 * `coach stories coverage`: a matrix of the 16 principles against the stories (or, when that is too
 * wide for the terminal, the story ids per principle), then the weak claims and the stories that show
 * a thin principle without claiming it.
 */
export function renderCoverage(
  result: Coverage,
  stories: readonly Story[],
  file: string,
  color: ChalkInstance,
  width: number | undefined,
): string {
  const weakClaims = new Set(
    result.claims.filter((c) => c.weak).map((c) => `${c.story}\u0000${c.principle}`),
  );
  const numbers = stories.map((_, i) => String(i + 1));
  const cell = Math.max(1, ...numbers.map((n) => n.length));
  const mark = (story: Story, principle: string) => {
    if (!story.principles.includes(principle)) return color.dim('·'.padStart(cell));
    return weakClaims.has(`${story.id}\u0000${principle}`)
      ? color.yellow('○'.padStart(cell))
      : color.green('●'.padStart(cell));
  };
  const flag = (thin: boolean) => (thin ? color.yellow('!') : ' ');
  const header = ['', 'PRINCIPLE', numbers.map((n) => n.padStart(cell)).join(' '), 'COUNT'].map((h) =>
    color.dim(h),
  );
  const rows = result.principles.map((p) => [
    flag(p.thin),
    p.name,
    stories.map((s) => mark(s, p.principle)).join(' '),
    String(p.count),
  ]);
  let matrix = table(header, rows);
  const tooWide = width !== undefined && Math.max(...matrix.split('\n').map(visibleLength)) > width;
  if (tooWide) {
    // Too many stories for a column each: list the ids instead.
    matrix = table(
      ['', 'PRINCIPLE', 'COUNT', 'STORIES'].map((h) => color.dim(h)),
      result.principles.map((p) => [
        flag(p.thin),
        p.name,
        String(p.count),
        p.stories.map((id) => (p.weak.includes(id) ? `${id} (weak)` : id)).join(', ') || '-',
      ]),
      width,
    );
  }
  const lines = [
    color.bold(`Story coverage: ${stories.length} ${stories.length === 1 ? 'story' : 'stories'} in ${file}`),
    '',
    matrix.trimEnd(),
    '',
  ];
  if (!tooWide) {
    stories.forEach((s, i) => {
      lines.push(`${color.dim(String(i + 1).padStart(cell + 2))}  ${s.id}  ${color.dim(s.title)}`);
    });
    lines.push(
      '',
      color.dim(
        `${color.green('●')} claims and shows it   ${color.yellow('○')} claims it, weakly shown   · not claimed`,
      ),
    );
  }
  const thin = result.principles.filter((p) => p.thin);
  lines.push(
    thin.length === 0
      ? `${color.green('✔')} every principle has at least ${MIN_STORIES} stories`
      : `${color.yellow('!')} ${thin.length} of 16 principles ${thin.length === 1 ? 'has' : 'have'} fewer than ${MIN_STORIES} stories`,
  );
  const wrapWidth = proseWidth(width);
  const weak = result.claims.filter((c) => c.weak);
  if (weak.length > 0) {
    lines.push('', color.bold('Weak claims: the story hardly shows the principle'));
    for (const c of weak) {
      const name = findPrinciple(c.principle)?.name ?? c.principle;
      lines.push(
        wrap(
          `${c.story} → ${name} (relevance ${c.relevance.toFixed(2)}, under ${WEAK_RELEVANCE}): show it in what you did, or drop it from the story's principles`,
          wrapWidth,
          '    ',
        ).replace(/^ {4}/, '  '),
      );
    }
  }
  const fillable = result.principles.filter((p) => p.shownBy.length > 0);
  if (fillable.length > 0) {
    lines.push('', color.bold('Stories that show a thin principle without claiming it'));
    for (const p of fillable) {
      const by = p.shownBy.map((s) => `${s.story} (${s.cues.slice(0, 3).join(', ')})`).join(', ');
      lines.push(wrap(`${p.name} ← ${by}`, wrapWidth, '    ').replace(/^ {4}/, '  '));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `coach stories suggest`: the question, then the stories that fit it, each with why. */
export function renderSuggestions(
  question: BankQuestion,
  ranked: Suggestion[],
  count: number,
  color: ChalkInstance,
  width: number,
): string {
  const principles = question.principles.map(
    (p, i) => `${findPrinciple(p)?.name ?? p}${i === 0 ? ' (main)' : ''}`,
  );
  const lines = [
    `${color.bold(question.id)}  ${color.dim(principles.join(', '))}`,
    wrap(question.prompt, width),
    '',
  ];
  const fits = ranked.filter((s) => s.score >= FIT_SCORE);
  if (fits.length === 0) {
    const main = question.principles[0];
    lines.push(
      wrap(
        `None of your stories fits this question well${ranked[0] ? `; the closest is ${ranked[0].id} (${ranked[0].score}/100)` : ''}.${main ? ` Write a story that shows ${findPrinciple(main)?.name ?? main}; \`coach stories coverage\` lists the gaps.` : ''}`,
        width,
      ),
    );
    return `${lines.join('\n')}\n`;
  }
  fits.slice(0, count).forEach((s, i) => {
    lines.push(`${color.bold(`${i + 1}. ${s.id}`)}  ${s.title}  ${color.dim(`${s.score}/100`)}`);
    for (const reason of s.reasons)
      lines.push(color.dim(wrap(reason, width, '     ').replace(/^ {5}/, '   - ')));
  });
  const more = fits.length - Math.min(count, fits.length);
  if (more > 0)
    lines.push(
      '',
      color.dim(
        `${more} more ${more === 1 ? 'story fits' : 'stories fit'}; show them with --count ${fits.length}`,
      ),
    );
  return `${lines.join('\n')}\n`;
}
