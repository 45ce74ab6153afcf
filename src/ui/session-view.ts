import type { ChalkInstance } from 'chalk';
import { findPrinciple } from '../schema/principles.js';
import { findTenet } from '../schema/tenets.js';
import type { ScoreResult } from '../scoring/result.js';
import type { AnswerOutcome, AnswerRequest, SessionView } from '../session/runner.js';
import { stripControl, terminalSafe, type WritableText } from './sanitize.js';
import { renderScore } from './score-report.js';
import { sessionSummaryTable } from './session-summary.js';
import { formatDuration, truncate, wrap } from './text.js';

export interface TerminalViewOptions {
  /** Where the answer box and the pause question read keys (the command's stdin). */
  stdin: NodeJS.ReadableStream;
  stdout: WritableText;
  stderr: WritableText;
  color: ChalkInstance;
  width: number;
  /** An extra line under a main question's prompt, such as the candidate's stories that fit it. */
  extraLine?: (request: AnswerRequest) => string | undefined;
}

/**
 * The practice screen: the session header, the answer box with its countdown, scores and the summary.
 * The prompts read keys from the command's stdin; they draw on the process's stdout, because
 * @inquirer/core needs a real stream there (cursor moves), which the filtered ctx.stdout is not. Spinners and rescuing an unsaved answer belong to the
 * command (they need its streams and files), so they are left out here.
 */
export function terminalSessionView(options: TerminalViewOptions): Omit<SessionView, 'busy' | 'answerLost'> {
  const { stdout, stderr, color, width } = options;
  return {
    started({ journalId, questions }) {
      stdout.write(
        `${color.bold('Mock interview')} ${color.dim(`· ${questions.length} question${questions.length === 1 ? '' : 's'} · session ${journalId}`)}\n`,
      );
    },

    async ask(request): Promise<AnswerOutcome> {
      const [{ answerPrompt }, { ExitPromptError }] = await Promise.all([
        import('./answer-prompt.js'),
        import('@inquirer/core'),
      ]);
      const header = questionHeader(
        request,
        color,
        width,
        request.part === 0 ? options.extraLine?.(request) : undefined,
      );
      try {
        const value = await answerPrompt(
          {
            header,
            limitSeconds: request.limitSeconds,
            initialText: request.initialText,
            initialElapsedMs: request.initialElapsedMs,
            overtime: request.overtime,
            clock: () => performance.now(),
            color,
            rows: stdout.rows ?? 40,
            columns: stdout.columns,
            onDraft: request.onDraft,
            onChange: request.onChange,
          },
          { input: options.stdin, signal: request.signal },
        );
        return { kind: 'answer', ...value };
      } catch (error) {
        if (error instanceof ExitPromptError) return { kind: 'cancelled' };
        throw error;
      }
    },

    async confirmPause() {
      const { default: confirm } = await import('@inquirer/confirm');
      // A second Ctrl-C, at this question, quits too.
      return confirm(
        { message: 'Pause here? Your answer so far is saved.', default: true },
        { input: options.stdin },
      ).catch(() => true);
    },

    paused(journalId) {
      stderr.write(`Paused. Continue with: coach resume ${journalId}\n`);
    },

    score(result: ScoreResult, atEnd) {
      if (atEnd) {
        stdout.write(
          `\n${color.bold(`Question ${atEnd.question + 1}: ${atEnd.id}`)}\n${renderScore(result, color, width)}`,
        );
      } else {
        stdout.write(`\n${renderScore(result, color, width)}\n`);
      }
    },

    finished(events, journalId) {
      stdout.write(`\n${sessionSummaryTable(events, color, width)}`);
      stdout.write(color.dim(`\nTranscript: coach sessions show ${journalId} --format md\n`));
    },
  };
}

/** The lines above the answer box: which question or follow-up, its category, principles and time. */
function questionHeader(
  request: AnswerRequest,
  color: ChalkInstance,
  width: number,
  /** An extra line under the prompt, such as the stories that fit the question. */
  extra?: string,
): string {
  const { planned, followUps, part, question, total } = request;
  // Bank text and model-written follow-ups reach the answer screen directly (not through ctx.stdout).
  const principles = planned.principles.map((p) => stripControl(findPrinciple(p)?.name ?? p));
  const tenets = (planned.tenets ?? []).map((t) => stripControl(findTenet(t)?.name ?? t));
  const title =
    part === 0
      ? `Question ${question + 1} of ${total}`
      : `Follow-up ${part} of ${followUps.length} (question ${question + 1})`;
  // What the probe is for (its kind), when the bank or the model said.
  const kind = part > 0 ? followUps[part - 1]?.kind : undefined;
  const meta = [
    ...(kind ? [stripControl(kind)] : []),
    stripControl(planned.category),
    ...(principles.length ? [principles.join(', ')] : []),
    ...(tenets.length ? [`tenets: ${tenets.join(', ')}`] : []),
    formatDuration(request.limitSeconds),
  ];
  return `\n${color.bold(title)}  ${color.dim(meta.join(' · '))}\n${wrap(stripControl(request.prompt), width)}\n${extra ? `${truncate(terminalSafe(extra), width)}\n` : ''}`;
}
