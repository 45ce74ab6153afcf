import { escapeMarkdownInline } from '../report/escape.js';
import { type Debrief, type Evidence, RECOMMENDATION_RULE } from './debrief.js';
import {
  evidenceParts,
  judgesLine,
  practiceLine,
  questionLines,
  recommendationLine,
  roundHeadline,
} from './debrief-text.js';

/**
 * The debrief as Markdown, for `coach sessions show ID --format md` (and, through transcriptText,
 * the text format). Everything from the plan file or the answers is escaped inline: a quote cannot
 * become a heading, a link or HTML.
 */
export function debriefMarkdown(debrief: Debrief): string {
  const e = escapeMarkdownInline;
  const out = [
    '## Debrief',
    '',
    `**Recommendation: ${e(recommendationLine(debrief))}**`,
    '',
    `*Rule: ${e(RECOMMENDATION_RULE)}*`,
    '',
    '### Votes',
    '',
  ];
  for (const round of debrief.rounds) {
    out.push(`- **${e(roundHeadline(round))}**`);
    for (const line of questionLines(round)) out.push(`  - ${e(line)}`);
    for (const ev of round.evidence) out.push(`  - ${quote(ev)}`);
  }
  out.push('');
  if (debrief.principles.length) {
    out.push(
      '### Principles',
      '',
      '| Principle | Round | Score | Strongest evidence | Weakest evidence |',
      '|---|---|---|---|---|',
    );
    for (const p of debrief.principles)
      out.push(
        `| ${e(p.name)} | ${e(p.roundId)} | ${p.overall === null ? 'not scored' : `${p.overall}/100`} | ${p.strongest ? quote(p.strongest) : '-'} | ${p.weakest ? quote(p.weakest) : '-'} |`,
      );
    out.push('');
  }
  if (debrief.barRaiser) out.push("### The bar raiser's summary", '', e(debrief.barRaiser.summary), '');
  out.push('### Practise next', '');
  if (debrief.practice.length === 0) out.push('Nothing scored below hire.');
  out.push(...debrief.practice.map((item, i) => `${i + 1}. ${e(practiceLine(item))}`));
  out.push('', `*${e(judgesLine(debrief))}*`, '');
  return out.join('\n');
}

function quote(ev: Evidence): string {
  const { label, quote } = evidenceParts(ev);
  return `${escapeMarkdownInline(label)}: “${escapeMarkdownInline(quote)}”`;
}
