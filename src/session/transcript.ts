import { findPrinciple } from '../schema/principles.js';
import { findTenet } from '../schema/tenets.js';
import { answerOf, followUpsOf, type SessionEvent, scoreOf, startEvent, summarize } from './engine.js';
import { roundPosition } from './loop.js';
import { formatClock } from './timer.js';

/**
 * A session as Markdown a candidate can keep or share: questions, answers, follow-ups, scores, timings.
 * `preface` (Markdown, such as a loop's debrief) goes between the session's details and its questions.
 */
export function transcriptMarkdown(events: readonly SessionEvent[], preface?: string): string {
  const start = startEvent(events);
  const summary = summarize(events);
  const out: string[] = [
    `# ${start.loop ? 'Interview loop' : 'Mock interview'} ${start.id}`,
    '',
    `- Started: ${start.startedAt}`,
    `- Status: ${summary.status}`,
    `- Questions: ${summary.questions} (${summary.answered} answered)`,
    ...(summary.averageOverall !== null ? [`- Average score: ${summary.averageOverall}/100`] : []),
    ...(start.options.level ? [`- Level: ${start.options.level}`] : []),
    `- Seed: ${start.options.seed}`,
    '',
    ...(preface ? [preface.trimEnd(), ''] : []),
  ];
  start.questions.forEach((q, i) => {
    const principles = q.principles.map((p) => findPrinciple(p)?.name ?? p).join(', ');
    const tenets = (q.tenets ?? []).map((t) => findTenet(t)?.name ?? t).join(', ');
    // In a loop, which round asked it and who: the debrief above reads by round.
    const position = roundPosition(events, i);
    const round = position ? `Round ${position.number}, ${position.round.interviewer} · ` : '';
    out.push(
      `## ${i + 1}. ${q.id}`,
      '',
      `*${round}${q.bank} / ${q.category}${principles ? ` · ${principles}` : ''}${tenets ? ` · tenets: ${tenets}` : ''}*`,
      '',
      quoted(q.prompt),
      '',
    );
    // The follow-ups actually asked: those written from the answer when the LLM scorer wrote them.
    const parts = [
      { prompt: q.prompt, limit: q.timeLimitSeconds, kind: undefined },
      ...followUpsOf(events, i).map((f) => ({ prompt: f.prompt, limit: f.timeLimitSeconds, kind: f.kind })),
    ];
    parts.forEach((part, p) => {
      const answer = answerOf(events, i, p);
      if (p > 0)
        out.push(`### Follow-up ${p}${part.kind ? ` (${part.kind})` : ''}`, '', quoted(part.prompt), '');
      if (!answer) {
        out.push('*Not answered.*', '');
        return;
      }
      out.push(
        `*${answer.status} after ${formatClock(answer.elapsedMs).replace('+', '')} of ${formatClock(part.limit * 1000)}*`,
        '',
        answer.text ? fenced(answer.text) : '*(empty)*',
        '',
      );
    });
    const result = scoreOf(events, i);
    if (result) {
      out.push(
        `### Score: ${result.overall ?? '-'}/100, ${result.verdict} (${result.scorer} scorer, rubric ${result.rubric}${result.focusCriteria ? `, judged on ${result.focusCriteria.join(', ')} only` : ''})`,
        '',
        '| Criterion | Score | Feedback |',
        '|---|---|---|',
        ...result.criteria.map(
          (c) => `| ${c.name} | ${c.score ?? '-'}/${c.max} | ${c.feedback.replace(/\|/g, '\\|')} |`,
        ),
        '',
      );
      if (result.suggestions.length)
        out.push('Suggestions:', '', ...result.suggestions.slice(0, 3).map((s) => `- ${s}`), '');
      if (result.warnings.length) out.push('Warnings:', '', ...result.warnings.map((w) => `- ${w}`), '');
    }
  });
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * An answer as a fenced block: nothing in it (a line "### Score: 100/100", a link, HTML) can render
 * as the transcript's own headings or links. The fence is longer than any run of backticks inside.
 */
export function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/** A prompt as a blockquote, every line of it, so a multi-line prompt cannot step out of the quote. */
export function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * The transcript as plain text: headings and emphasis marks dropped, answers (fenced blocks)
 * indented and left exactly as typed.
 */
export function transcriptText(markdown: string): string {
  let fence: string | undefined;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (fence) {
      if (line === fence) fence = undefined;
      else out.push(`    ${line}`);
      continue;
    }
    const open = line.match(/^(`{3,})text$/);
    if (open) {
      fence = open[1];
      continue;
    }
    out.push(line.replace(/^#+ /, '').replace(/^\*(.*)\*$/, '$1'));
  }
  return out.join('\n');
}
