import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeOutputFile } from '../fsx/write-whole.js';
import { localDate } from '../history/attempt.js';
import { dataDir } from '../paths.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { buildReport } from '../report/model.js';
import { SessionJournal } from '../session/journal.js';
import { loadStories, storiesFile } from '../stories/load.js';
import type { CommandContext } from './context.js';
import { readHistory } from './support/history.js';
import { registryFor } from './support/registry.js';

export interface ReportFlags {
  output?: string;
  /** YYYY-MM-DD, a day that exists (src/cli/parsers.ts). */
  since?: string;
  format?: 'html' | 'md';
  stories?: string;
  banks?: string[];
}

const DEFAULT_FILE = { html: 'coach-report.html', md: 'coach-report.md' } as const;

/**
 * `coach report`: the progress report as one self-contained HTML page (or Markdown), written to a
 * file whose path is printed (`-o -` writes it to stdout instead). An empty history still gives a
 * page, one that says how to start.
 */
export async function reportCommand(options: ReportFlags, ctx: CommandContext): Promise<number> {
  // Without --format, a .md output name asks for Markdown (HTML under a .md name helps nobody).
  const format = options.format ?? (/\.(md|markdown)$/i.test(options.output ?? '') ? 'md' : 'html');
  const { since } = options;
  const attempts = readHistory(ctx);
  const registry = await registryFor(ctx, options.banks);
  const now = new Date();
  const report = buildReport({
    attempts,
    questions: registry.questions,
    rubrics: registry.rubrics,
    stories: storiesFor(options.stories, ctx),
    since,
    today: localDate(now),
    generatedAt: `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    sessions: new Set(SessionJournal.list(dataDir(ctx.env))),
  });
  const text = format === 'md' ? renderMarkdown(report) : renderHtml(report);
  const target = options.output ?? DEFAULT_FILE[format];
  if (target === '-') {
    ctx.stdout.write(text);
    return 0;
  }
  const file = resolve(ctx.cwd, target);
  writeOutputFile(file, text, target);
  ctx.stdout.write(`${file}\n`);
  return 0;
}

/** The stories file named with --stories (it must exist), else the default one when there is one. */
function storiesFor(flag: string | undefined, ctx: CommandContext) {
  const { path, explicit } = storiesFile(flag, ctx);
  return explicit || existsSync(path) ? loadStories(path, { cwd: ctx.cwd, explicit }) : undefined;
}
