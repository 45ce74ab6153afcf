import { verdictFor } from '../scoring/result.js';
import { fenced, quoted } from '../session/transcript.js';
import { stripControl } from '../text/control.js';
import { verdictLabel } from './bands.js';
import { escapeMarkdownInline as md } from './escape.js';
import type { Report, ReportAttempt } from './model.js';
import {
  HOW_TO_START,
  NO_TRANSCRIPT,
  SOURCES,
  scopeLine,
  seconds,
  sourcesLine,
  timeLine,
  unscoredNote,
  usd,
} from './text.js';

/**
 * The report as Markdown, the same sections as the page with the charts as tables. User text in
 * tables and headings is escaped inline; answers are fenced and prompts quoted (as session
 * transcripts do), so nothing in an answer renders as the report's own headings or links.
 */
export function renderMarkdown(report: Report): string {
  const out = [
    '# Interview practice report',
    '',
    `Generated ${md(report.generatedAt)} by \`coach report\`${report.since ? `; attempts since ${report.since}` : ''}.`,
    '',
  ];
  if (report.empty) {
    out.push(
      '## No attempts yet',
      '',
      `${report.since ? `History has no attempts since ${report.since}.` : 'Your history is empty.'} Answer a few questions and run \`coach report\` again:`,
      '',
      '```sh',
      ...HOW_TO_START,
      '```',
    );
    return `${out.join('\n')}\n`;
  }
  const r = report;
  const t = r.totals;
  out.push(
    '## Summary',
    '',
    `- Attempts: ${t.attempts}`,
    `- Average overall: ${num(t.averageOverall, '/100')}`,
    `- Days practised: ${t.daysPractised}; streak ${t.streak} day${t.streak === 1 ? '' : 's'}`,
    `- LLM cost: ${usd(r.cost.totalUsd)}`,
    '',
    scopeLine(r) + (t.unscored ? ` ${unscoredNote(t.unscored)}` : ''),
    '',
    source(sourcesLine(r)),
    '',
    '## Score trend',
    '',
    table(
      ['Date', 'Attempts', 'Average', 'Verdict band', 'Scored by'],
      r.trend.map((p) => [
        p.date,
        String(p.attempts),
        num(p.average),
        p.average === null ? '–' : verdictLabel(verdictFor(p.average)),
        p.judges.join(', ') || '–',
      ]),
    ),
    '',
    source(SOURCES.trend),
    '',
    '## Averages by criterion, bank and category',
    '',
    table(
      ['Rubric', 'Criterion', 'Attempts', 'Average'],
      r.byCriterion.map((c) => [c.rubric, c.name, String(c.attempts), num(c.average, '/4')]),
    ),
    '',
    source(SOURCES.criterion),
    '',
    table(
      ['Bank', 'Attempts', 'Average'],
      Object.entries(r.byBank).map(([k, v]) => [k, String(v.attempts), num(v.average, '/100')]),
    ),
    '',
    table(
      ['Category', 'Attempts', 'Average'],
      Object.entries(r.byCategory).map(([k, v]) => [k, String(v.attempts), num(v.average, '/100')]),
    ),
    '',
    source(SOURCES.group),
    '',
    '## Weakest criteria, and questions to practise',
    '',
    'Practise one with `coach show ID` and `coach score -q ID --save`, or `coach drill`, which brings weak areas up more often.',
    '',
    ...(r.weakest.length
      ? r.weakest.map(
          (w, i) =>
            `${i + 1}. **${md(w.rubric)} / ${md(w.criterion)}**: ${w.average}/4 over ${w.attempts} attempt${w.attempts === 1 ? '' : 's'}. Practise: ${w.questions.length ? w.questions.map((q) => md(q)).join(', ') : 'no question in the loaded banks judges it'}`,
        )
      : ['No criterion has been scored yet.']),
    '',
    source(SOURCES.weakest),
    '',
    ...stories(r),
    ...time(r),
    '## Recent attempts',
    '',
    table(
      ['Date', 'Attempt', 'Question', 'Score', 'Verdict', 'Scored by'],
      r.recent.map((a) => [
        a.date,
        a.id,
        a.questionId ?? 'own prompt',
        a.scored ? num(a.overall, '/100') : 'unscored',
        a.scored ? verdictLabel(a.verdict) : '–',
        a.judge,
      ]),
    ),
    '',
    'Compare two attempts at the same question with `coach compare ID [ID]`.',
    '',
    ...r.recent.flatMap(transcript),
    '## LLM cost',
    '',
    `${usd(r.cost.totalUsd)} in all${r.since ? ` since ${r.since}` : ''}.`,
    '',
    table(
      ['Judge', 'Attempts', 'Cost'],
      r.cost.byJudge.map((c) => [c.judge, String(c.attempts), usd(c.usd)]),
    ),
    '',
    source(SOURCES.cost),
  );
  return `${out.join('\n')}\n`;
}

const num = (x: number | null, suffix = '') => (x === null ? '–' : `${x}${suffix}`);
const source = (text: string) => `*Source: ${md(text)}*`;

/** A table whose every cell is escaped: ids and names may come from a user's own bank. */
function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(md).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function stories(r: Report): string[] {
  if (!r.stories) {
    return [
      '## Principles by stories',
      '',
      'No stories file was found. `coach stories init` writes a starter; the report then shows which Leadership Principles your stories cover.',
      '',
    ];
  }
  const s = r.stories;
  const mark = { shown: '●', weak: '○', none: '·' } as const;
  return [
    '## Principles by stories',
    '',
    `${s.stories.length} stor${s.stories.length === 1 ? 'y' : 'ies'} in \`${stripControl(s.file).replace(/`/g, '')}\`. ● claimed and shown, ○ claimed but hardly shown, · not claimed.`,
    '',
    table(
      ['Principle', ...s.stories.map((story) => story.id), 'Stories'],
      s.rows.map((row) => [
        row.name,
        ...row.cells.map((cell) => mark[cell]),
        `${row.count}${row.thin ? ' (fewer than 2)' : ''}`,
      ]),
    ),
    '',
    source(SOURCES.stories),
    '',
  ];
}

function time(r: Report): string[] {
  const t = r.time;
  if (t.timed === 0) {
    return ['## Time used against limits', '', timeLine(t), ''];
  }
  return [
    '## Time used against limits',
    '',
    timeLine(t),
    '',
    table(
      ['Date', 'Question', 'Used', 'Limit', 'Share'],
      t.attempts
        .slice(-20)
        .map((a) => [
          a.date,
          a.questionId ?? 'own prompt',
          seconds(a.elapsedSeconds),
          seconds(a.limitSeconds),
          `${a.percent}%`,
        ]),
    ),
    '',
    source(SOURCES.time),
    '',
  ];
}

function transcript(a: ReportAttempt): string[] {
  return [
    `### ${md(a.date)} · ${md(a.questionId ?? 'own prompt')}`,
    '',
    `Attempt \`${stripControl(a.id).replace(/`/g, '')}\` · ${a.source} · ${a.scored ? `${num(a.overall, '/100')}, ${verdictLabel(a.verdict)}` : 'unscored'} · scored by ${md(a.judge)}${a.elapsedSeconds !== null ? ` · ${seconds(a.elapsedSeconds)}${a.limitSeconds ? ` of ${seconds(a.limitSeconds)}` : ''}` : ''}${a.costUsd ? ` · ${usd(a.costUsd)}` : ''}`,
    '',
    ...(a.prompt ? [quoted(stripControl(a.prompt)), ''] : []),
    ...(a.answer || a.source !== 'peer' ? [fenced(stripControl(a.answer)), ''] : [`*${NO_TRANSCRIPT}*`, '']),
    ...(a.note ? [`Interviewer’s note: ${md(a.note)}`, ''] : []),
    ...a.criteria.flatMap((c) => [
      `- **${md(c.name)}**: ${num(c.score, '/4')}${c.note ? ` (note: ${md(c.note)})` : ''}`,
      ...c.evidence.map((q) => `  - ${md(q)}`),
    ]),
    ...(a.criteria.length ? [''] : []),
    ...(a.session ? [`Full transcript with follow-ups: \`coach sessions show ${a.session}\``, ''] : []),
  ];
}
