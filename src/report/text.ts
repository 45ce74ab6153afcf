import { type Report, scorerName } from './model.js';

/**
 * Sentences both renderers share, so the HTML page and the Markdown file say the same thing about
 * where each number came from.
 */

export const HOW_TO_START = [
  'coach practice            # a timed mock interview in the terminal, scored offline',
  'coach drill --json        # or today\u2019s questions for a script; answer them with coach drill --answers FILE',
  'coach score -q ID --save < answer.txt   # or score one answer and keep it',
];

export function scopeLine(report: Report): string {
  const t = report.totals;
  const range = t.first ? (t.first === t.last ? `on ${t.first}` : `from ${t.first} to ${t.last}`) : '';
  return `${t.attempts} attempt${t.attempts === 1 ? '' : 's'} ${range}${report.since ? ` (since ${report.since})` : ''}, ${t.scored} scored, over ${t.daysPractised} day${t.daysPractised === 1 ? '' : 's'}; current streak ${t.streak} day${t.streak === 1 ? '' : 's'}.`;
}

export function sourcesLine(report: Report): string {
  if (report.sources.length === 0) return 'No attempt has been scored yet.';
  const list = report.sources
    .map((s) => {
      const who = scorerName(s);
      if (s.scorer === 'human') return `${who}: ${s.attempts}`;
      const version = s.promptVersion
        ? s.promptVersion.startsWith(s.scorer)
          ? s.promptVersion
          : `prompt version ${s.promptVersion}`
        : 'version unrecorded';
      return `${who} (${version}): ${s.attempts}`;
    })
    .join('; ');
  return `Scores by ${list}. Scores are comparable when scorer, model and prompt version match.`;
}

const TREND_SOURCE =
  'The average overall (0-100) of each day\u2019s scored attempts, as recorded in history; bands are the verdict quartiles of the scorers (below 25 strong no hire, 25-49 no hire, 50-74 hire, 75 and up strong hire).';
const CRITERION_SOURCE =
  'The mean 1-4 level per rubric criterion over scored attempts that judged it (history, criteria scores).';
const GROUP_SOURCE = 'The mean overall (0-100) of scored attempts per bank and category (history).';
const WEAKEST_SOURCE =
  'The three criteria with the lowest mean level; questions that judge them, least practised or lowest best score first (as `coach stats`).';
const STORIES_SOURCE =
  'Which principles each story claims (your stories file); a weak claim is one whose text hardly shows the principle (as `coach stories coverage`).';
const TIME_SOURCE =
  'Time used on the main answer against the question\u2019s limit, for attempts that recorded both (practice and timed drills).';
const COST_SOURCE =
  'The sum of the LLM cost recorded with each attempt: tokens used for its scoring and follow-ups, priced at the time from the model price table; offline scoring costs nothing.';

/** Where an attempt a person scored in peer mode has no answer text (no --transcript was given). */
export const NO_TRANSCRIPT =
  'No transcript: a person interviewed and scored this answer (coach interview --peer).';

/** Under each section of the report: where its numbers came from. */
export const SOURCES = {
  trend: TREND_SOURCE,
  criterion: CRITERION_SOURCE,
  group: GROUP_SOURCE,
  weakest: WEAKEST_SOURCE,
  stories: STORIES_SOURCE,
  time: TIME_SOURCE,
  cost: COST_SOURCE,
} as const;

export function usd(x: number): string {
  // Single answers cost fractions of a cent: four decimals below a dollar, as recorded.
  return x === 0 ? '$0' : x < 1 ? `$${x.toFixed(4)}` : `$${x.toFixed(2)}`;
}

export function seconds(s: number): string {
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** The time section's one sentence: how many attempts were timed, the median share of the limit, how many ran over. */
export function timeLine(t: Report['time']): string {
  if (t.timed === 0)
    return 'No attempt recorded both its time and its limit (scored answers from files have no timer).';
  return `${t.timed} timed attempt${t.timed === 1 ? '' : 's'}; median ${t.medianPercent}% of the limit; ${t.overLimit} over it.`;
}

/** "1 unscored attempt is listed but not averaged.", in the right number. */
export function unscoredNote(count: number, why = ''): string {
  const one = count === 1;
  return `${count} unscored ${one ? 'attempt' : 'attempts'}${why} ${one ? 'is' : 'are'} listed but not averaged.`;
}
