import { verdictFor } from '../scoring/result.js';
import { VERDICT_BANDS, verdictLabel } from './bands.js';
import { escapeHtml as h } from './escape.js';
import type { Report, ReportAttempt } from './model.js';
import { barChart, lineChart } from './svg-chart.js';
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
 * The report as one self-contained HTML page: inline CSS and SVG, no script, no font, image or
 * request from anywhere, a print stylesheet and a dark colour scheme. Pure: model in, page out.
 * Every piece of user text passes `h` (escapeHtml).
 */
export function renderHtml(report: Report): string {
  const body = report.empty ? emptyBody(report) : fullBody(report);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Interview practice report</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>Interview practice report</h1>
<p class="meta">Generated ${h(report.generatedAt)} by <code>coach report</code>${report.since ? ` · attempts since ${h(report.since)}` : ''}</p>
</header>
${body}
</main>
</body>
</html>
`;
}

function emptyBody(report: Report): string {
  return `<section id="start">
<h2>No attempts yet</h2>
<p>${report.since ? `History has no attempts since ${h(report.since)}.` : 'Your history is empty.'} Answer a few questions and run <code>coach report</code> again:</p>
<pre>${h(HOW_TO_START.join('\n'))}</pre>
</section>`;
}

function fullBody(r: Report): string {
  return [summary(r), trend(r), averages(r), weakest(r), stories(r), time(r), recent(r), cost(r)].join('\n');
}

function table(caption: string, head: string[], rows: string[][], numeric: readonly number[] = []): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  return `<table><caption>${caption}</caption><thead><tr>${head
    .map((c, i) => `<th scope="col"${cls(i)}>${c}</th>`)
    .join('')}</tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${cls(i)}>${c}</td>`)).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

const source = (text: string) => `<p class="source">Source: ${h(text)}</p>`;
const num = (x: number | null, suffix = '') => (x === null ? '–' : `${x}${suffix}`);

function summary(r: Report): string {
  const t = r.totals;
  return `<section id="summary">
<h2>Summary</h2>
<dl class="figures">
<div><dt>Attempts</dt><dd>${t.attempts}</dd></div>
<div><dt>Average overall</dt><dd>${num(t.averageOverall, '/100')}</dd></div>
<div><dt>Days practised</dt><dd>${t.daysPractised}</dd></div>
<div><dt>Streak</dt><dd>${t.streak} day${t.streak === 1 ? '' : 's'}</dd></div>
<div><dt>LLM cost</dt><dd>${usd(r.cost.totalUsd)}</dd></div>
</dl>
<p>${h(scopeLine(r))}${t.unscored ? ` ${unscoredNote(t.unscored, ' (interrupted, or a batch not collected)')}` : ''}</p>
${source(sourcesLine(r))}
</section>`;
}

function trend(r: Report): string {
  const day0 = r.trend[0] ? Date.parse(r.trend[0].date) : 0;
  const points = r.trend.map((p) => ({
    label: p.date,
    x: (Date.parse(p.date) - day0) / 86_400_000,
    value: p.average,
    note: `${p.attempts} attempt${p.attempts === 1 ? '' : 's'}; ${p.judges.join(', ')}`,
  }));
  const scored = r.trend.filter((p) => p.average !== null);
  const desc =
    scored.length === 0
      ? 'No day has a scored attempt yet.'
      : `Daily average overall score over ${scored.length} day${scored.length === 1 ? '' : 's'}, from ${scored[0]!.average} on ${scored[0]!.date} to ${scored.at(-1)!.average} on ${scored.at(-1)!.date}, drawn over the four verdict bands. The table below gives every point.`;
  return `<section id="trend">
<h2>Score trend</h2>
<figure>${lineChart({ id: 'trend-chart', title: 'Average overall score per day practised', desc, points, max: 100, bands: VERDICT_BANDS })}</figure>
${table(
  'Daily average overall score',
  ['Date', 'Attempts', 'Average', 'Verdict band', 'Scored by'],
  r.trend.map((p) => [
    h(p.date),
    String(p.attempts),
    num(p.average),
    p.average === null ? '–' : h(verdictLabel(verdictFor(p.average))),
    h(p.judges.join(', ') || '–'),
  ]),
  [1, 2],
)}
${source(SOURCES.trend)}
</section>`;
}

function averages(r: Report): string {
  const bars = r.byCriterion.map((c) => ({
    label: `${c.rubric} · ${c.name}`,
    value: c.average ?? 0,
    text: `${num(c.average)}/4 (${c.attempts})`,
    tone: c.average !== null && c.average < 2.5 ? 'weak' : 'ok',
  }));
  const group = (title: string, g: Report['byBank']) =>
    table(
      title,
      ['Name', 'Attempts', 'Average'],
      Object.entries(g).map(([k, v]) => [h(k), String(v.attempts), num(v.average, '/100')]),
      [1, 2],
    );
  return `<section id="averages">
<h2>Averages by criterion, bank and category</h2>
${
  bars.length
    ? `<figure>${barChart({
        id: 'criteria-chart',
        title: 'Average level per rubric criterion (1-4)',
        desc: `Mean level of ${bars.length} criteria; bars under 2.5 are marked weak. The table below gives every value.`,
        bars,
        max: 4,
      })}</figure>`
    : ''
}
${table(
  'Average level per criterion (1-4)',
  ['Rubric', 'Criterion', 'Attempts', 'Average'],
  r.byCriterion.map((c) => [h(c.rubric), h(c.name), String(c.attempts), num(c.average, '/4')]),
  [2, 3],
)}
${source(SOURCES.criterion)}
<div class="pair">${group('By bank', r.byBank)}${group('By category', r.byCategory)}</div>
${source(SOURCES.group)}
</section>`;
}

function weakest(r: Report): string {
  return `<section id="weakest">
<h2>Weakest criteria, and questions to practise</h2>
<p>Practise one with <code>coach show ID</code> and <code>coach score -q ID --save</code>, or <code>coach drill</code>, which brings weak areas up more often.</p>
${
  r.weakest.length
    ? `<ol>${r.weakest
        .map(
          (w) =>
            `<li><strong>${h(w.rubric)} / ${h(w.criterion)}</strong>: ${w.average}/4 over ${w.attempts} attempt${w.attempts === 1 ? '' : 's'}. Practise: ${
              w.questions.length
                ? w.questions.map((q) => `<code>coach practice</code> on <code>${h(q)}</code>`).join(', ')
                : 'no question in the loaded banks judges it'
            }</li>`,
        )
        .join('')}</ol>`
    : '<p>No criterion has been scored yet.</p>'
}
${source(SOURCES.weakest)}
</section>`;
}

function stories(r: Report): string {
  if (!r.stories) {
    return `<section id="stories">
<h2>Principles by stories</h2>
<p>No stories file was found. <code>coach stories init</code> writes a starter; the report then shows which Leadership Principles your stories cover.</p>
</section>`;
  }
  const s = r.stories;
  // The symbol for the eye, the words for a screen reader (aria-label on a plain span is not read).
  const mark = {
    shown: '<span class="yes" aria-hidden="true">●</span><span class="sr">claimed and shown</span>',
    weak: '<span class="weak" aria-hidden="true">○</span><span class="sr">claimed, hardly shown</span>',
    none: '<span class="no" aria-hidden="true">·</span><span class="sr">not claimed</span>',
  } as const;
  const head = [
    'Principle',
    ...s.stories.map((story) => `<span title="${h(story.title)}">${h(story.id)}</span>`),
    'Stories',
  ];
  const rows = s.rows.map((row) => [
    h(row.name),
    ...row.cells.map((cell) => mark[cell]),
    `${row.count}${row.thin ? ' <span class="thin">(fewer than 2)</span>' : ''}`,
  ]);
  return `<section id="stories">
<h2>Principles by stories</h2>
<p>${s.stories.length} stor${s.stories.length === 1 ? 'y' : 'ies'} in <code>${h(s.file)}</code>. ● claimed and shown, ○ claimed but hardly shown, · not claimed.</p>
<div class="wide">${table('Leadership Principles against your stories', head, rows)}</div>
${source(SOURCES.stories)}
</section>`;
}

function time(r: Report): string {
  const t = r.time;
  if (t.timed === 0) {
    return `<section id="time">
<h2>Time used against limits</h2>
<p>${timeLine(t)}</p>
</section>`;
  }
  const shown = t.attempts.slice(-20);
  const max = Math.min(200, Math.max(100, ...shown.map((a) => a.percent)));
  return `<section id="time">
<h2>Time used against limits</h2>
<p>${timeLine(t)}</p>
<figure>${barChart({
    id: 'time-chart',
    title: 'Time used as a share of the limit, latest timed attempts',
    desc: `${shown.length} latest timed attempts; the line marks the limit. Median ${t.medianPercent}% of the limit, ${t.overLimit} over. The table below gives every value.`,
    bars: shown.map((a) => ({
      label: a.questionId ?? 'own prompt',
      value: a.percent,
      text: `${a.date.slice(5)}: ${seconds(a.elapsedSeconds)} of ${seconds(a.limitSeconds)}, ${a.percent}%`,
      tone: a.percent > 100 ? 'weak' : 'ok',
    })),
    max,
    marker: { value: 100, label: 'limit' },
  })}</figure>
${table(
  'Time used per timed attempt',
  ['Date', 'Question', 'Used', 'Limit', 'Share'],
  shown.map((a) => [
    h(a.date),
    h(a.questionId ?? 'own prompt'),
    seconds(a.elapsedSeconds),
    seconds(a.limitSeconds),
    `${a.percent}%`,
  ]),
  [2, 3, 4],
)}
${source(SOURCES.time)}
</section>`;
}

function recent(r: Report): string {
  const rows = r.recent.map((a) => [
    `<a href="#attempt-${a.n}">${h(a.date)}</a>`,
    `<code>${h(a.id)}</code>`,
    h(a.questionId ?? 'own prompt'),
    a.scored ? num(a.overall, '/100') : 'unscored',
    a.scored ? h(verdictLabel(a.verdict)) : '–',
    h(a.judge),
  ]);
  return `<section id="recent">
<h2>Recent attempts</h2>
${table('Latest attempts, newest first (the date links to the transcript below)', ['Date', 'Attempt', 'Question', 'Score', 'Verdict', 'Scored by'], rows, [3])}
<p>Compare two attempts at the same question with <code>coach compare ID [ID]</code>.</p>
${r.recent.map(transcript).join('\n')}
</section>`;
}

function transcript(a: ReportAttempt): string {
  const criteria = a.criteria.length
    ? `<ul class="criteria">${a.criteria
        .map(
          (c) =>
            `<li><strong>${h(c.name)}</strong>: ${num(c.score, '/4')}${c.note ? ` (note: ${h(c.note)})` : ''}${
              c.evidence.length ? `<ul>${c.evidence.map((q) => `<li><q>${h(q)}</q></li>`).join('')}</ul>` : ''
            }</li>`,
        )
        .join('')}</ul>`
    : '';
  return `<article class="attempt" id="attempt-${a.n}">
<h3>${h(a.date)} · ${h(a.questionId ?? 'own prompt')}</h3>
<p class="meta">Attempt <code>${h(a.id)}</code> · ${h(a.source)} · ${a.scored ? `${num(a.overall, '/100')}, ${h(verdictLabel(a.verdict))}` : 'unscored'} · scored by ${h(a.judge)}${a.elapsedSeconds !== null ? ` · ${seconds(a.elapsedSeconds)}${a.limitSeconds ? ` of ${seconds(a.limitSeconds)}` : ''}` : ''}${a.costUsd ? ` · ${usd(a.costUsd)}` : ''}</p>
${a.prompt ? `<blockquote class="prompt">${h(a.prompt)}</blockquote>` : ''}
${a.answer || a.source !== 'peer' ? `<pre class="answer">${h(a.answer)}</pre>` : `<p class="meta">${NO_TRANSCRIPT}</p>`}
${a.note ? `<p>Interviewer’s note: ${h(a.note)}</p>` : ''}
${criteria}
${a.session ? `<p class="meta">Full transcript with follow-ups: <code>coach sessions show ${h(a.session)}</code></p>` : ''}
</article>`;
}

function cost(r: Report): string {
  return `<section id="cost">
<h2>LLM cost</h2>
<p>${usd(r.cost.totalUsd)} in all${r.since ? ` since ${h(r.since)}` : ''}.</p>
${table(
  'Cost by judge',
  ['Judge', 'Attempts', 'Cost'],
  r.cost.byJudge.map((c) => [h(c.judge), String(c.attempts), usd(c.usd)]),
  [1, 2],
)}
${source(SOURCES.cost)}
</section>`;
}

const CSS = `
:root{--bg:#fff;--fg:#1d2330;--muted:#5b6473;--line:#d5dae3;--accent:#1f5fbf;--ok:#2f7d4f;--weak:#b5521b;
--b0:#f6dcdc;--b1:#f7ead3;--b2:#e0eedc;--b3:#cfe6d6;--track:#eef1f5;--code:#f3f5f8}
@media (prefers-color-scheme: dark){:root{--bg:#14171c;--fg:#e4e8ef;--muted:#9aa4b4;--line:#353c48;--accent:#7fb0ff;
--ok:#6fcf97;--weak:#f2a365;--b0:#3d2326;--b1:#3a3222;--b2:#24352a;--b3:#1f3a2c;--track:#232833;--code:#1d222b}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{margin:0 0 4px}h2{margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.meta,.source{color:var(--muted);font-size:14px}
.source{font-style:italic}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:14px}
code{background:var(--code);padding:0 3px;border-radius:3px}
pre{background:var(--code);padding:12px;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}
blockquote{margin:8px 0;padding:4px 12px;border-left:4px solid var(--line);color:var(--muted)}
table{border-collapse:collapse;margin:8px 0;font-size:14px}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums}
.wide{overflow-x:auto}
.pair{display:flex;gap:24px;flex-wrap:wrap}
.figures{display:flex;gap:24px;flex-wrap:wrap;margin:8px 0}
.figures div{border:1px solid var(--line);border-radius:6px;padding:8px 16px}
.figures dt{color:var(--muted);font-size:13px}.figures dd{margin:0;font-size:24px;font-weight:600}
figure{margin:8px 0}
.chart{max-width:100%;height:auto;font-size:12px}
.chart text{fill:var(--fg)}.chart .band-label{fill:var(--muted)}
.band-strong-no-hire{fill:var(--b0)}.band-no-hire{fill:var(--b1)}.band-hire{fill:var(--b2)}.band-strong-hire{fill:var(--b3)}
.grid{stroke:var(--line);stroke-dasharray:2 3}.axis{stroke:var(--muted)}
.series{fill:none;stroke:var(--accent);stroke-width:2.5}
.point{fill:var(--accent);stroke:var(--bg);stroke-width:1.5}
.bar-track{fill:var(--track)}.bar{fill:var(--accent)}.bar-ok{fill:var(--ok)}.bar-weak{fill:var(--weak)}
.marker{stroke:var(--fg);stroke-dasharray:4 3}
.yes{color:var(--ok)}.weak,.thin{color:var(--weak)}.no{color:var(--muted)}
.attempt{border-top:1px solid var(--line);margin-top:16px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.criteria{font-size:14px}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#444;--line:#999;--code:#fff;--track:#eee}
body{font-size:11pt}main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
section,figure,table,.attempt{break-inside:avoid}
h2{break-after:avoid}
pre{border:1px solid #999}
}
`;
