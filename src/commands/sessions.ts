import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { IoError } from '../fsx/io-error.js';
import { writeOutputFile } from '../fsx/write-whole.js';
import { debriefMarkdown } from '../loop/debrief-markdown.js';
import { dataDir } from '../paths.js';
import { summarize } from '../session/engine.js';
import { SessionJournal } from '../session/journal.js';
import { loopDebrief, loopOf, withCheckedLoopPlan } from '../session/loop.js';
import { transcriptMarkdown, transcriptText } from '../session/transcript.js';
import { colorFor } from '../ui/color.js';
import { table } from '../ui/text.js';
import type { CommandContext } from './context.js';
import { writeJson } from './support/output.js';
import { registryFor } from './support/registry.js';

/** `coach sessions`: past sessions, newest first. */
export async function sessionsCommand(options: { json?: boolean }, ctx: CommandContext): Promise<number> {
  const data = dataDir(ctx.env);
  const rows = SessionJournal.list(data)
    .reverse()
    .flatMap((id) => {
      const journal = SessionJournal.open(data, id);
      if (!journal) return [];
      const { events, problem } = journal.read();
      if (problem) {
        ctx.stderr.write(`coach: warning: skipped ${journal.file}: ${problem}\n`);
        return [];
      }
      return [summarize(events)];
    });
  if (options.json) {
    writeJson(ctx, rows);
    return 0;
  }
  if (rows.length === 0) {
    ctx.stderr.write('coach: no sessions yet; start one with `coach practice`\n');
    return 0;
  }
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  ctx.stdout.write(
    table(
      ['ID', 'STARTED', 'KIND', 'STATUS', 'QUESTIONS', 'AVERAGE'].map((h) => c.dim(h)),
      rows.map((r) => [
        r.id,
        r.startedAt.slice(0, 16).replace('T', ' '),
        r.kind,
        r.status === 'complete' ? r.status : c.yellow(r.status),
        `${r.answered}/${r.questions}`,
        r.averageOverall === null ? '-' : String(r.averageOverall),
      ]),
    ),
  );
  return 0;
}

/** `coach sessions show <id>`: the transcript, as text on screen or Markdown (--format md, --output FILE). */
export async function sessionShowCommand(
  id: string,
  options: { format?: 'md' | 'text'; output?: string; json?: boolean },
  ctx: CommandContext,
): Promise<number> {
  const journal = SessionJournal.open(dataDir(ctx.env), id);
  if (!journal) throw new UsageError(`no session "${id}"; list them with \`coach sessions\``);
  const { events: read, problem } = journal.read();
  if (problem) throw new IoError(journal.file, problem, 'cannot show session');
  if (options.json) {
    // The journal as it is on disk, a damaged plan included: scripts see what was written.
    writeJson(ctx, read);
    return 0;
  }
  const events = await withCheckedLoopPlan(read);
  const format = options.format ?? 'md';
  // Markdown reads well as plain text too; "text" drops the heading and emphasis marks and indents answers.
  // A loop's page opens with its debrief (votes, evidence, recommendation), then every answer.
  const debrief = loopOf(events) ? loopDebrief(events, (await registryFor(ctx)).questions) : undefined;
  const markdown = transcriptMarkdown(events, debrief && debriefMarkdown(debrief));
  const out = format === 'md' ? markdown : transcriptText(markdown);
  if (options.output) {
    writeOutputFile(resolve(ctx.cwd, options.output), out, options.output);
    ctx.stderr.write(`wrote ${options.output}\n`);
  } else {
    ctx.stdout.write(out);
  }
  return 0;
}
