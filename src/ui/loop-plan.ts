import type { ChalkInstance } from 'chalk';
import type { BankQuestion } from '../banks/registry.js';
import { type LoopPlan, questionSeconds, ROUND_KIND_LABELS } from '../loop/plan.js';
import { findPrinciple } from '../schema/principles.js';
import { stripControl } from './sanitize.js';
import { formatDuration, truncate, wrap } from './text.js';

/**
 * A loop plan for people: each round with its interviewer, kind and minutes, the principles it owns
 * and its questions (prompts shortened), then which posting terms steered it and where the minutes
 * come from. A question no longer in the banks is listed by its id alone.
 */
export function renderLoopPlan(
  plan: LoopPlan,
  questions: ReadonlyMap<string, BankQuestion>,
  color: ChalkInstance,
  width: number,
): string {
  const totalSeconds = plan.rounds.reduce((sum, r) => sum + Math.round(r.minutes * 60), 0);
  const lines = [
    color.bold(
      `Loop for ${plan.level}, seed ${plan.seed}: ${plan.rounds.length} round${plan.rounds.length === 1 ? '' : 's'}, ${formatDuration(totalSeconds)} of main answers`,
    ),
  ];
  if (plan.job) {
    const terms = plan.job.terms.map(stripControl);
    lines.push(
      wrap(
        terms.length > 0
          ? `Tailored to ${stripControl(plan.job.file)}: steered most by ${terms.join(', ')}`
          : `Tailored to ${stripControl(plan.job.file)}: none of its terms matched a question`,
        width,
      ),
    );
  }
  for (const round of plan.rounds) {
    lines.push('');
    const perQuestion = round.questions.length > 1 ? `, ${formatDuration(questionSeconds(round))} each` : '';
    lines.push(
      `${color.bold(`${round.id}  ${ROUND_KIND_LABELS[round.kind]}`)}  ${stripControl(round.interviewer)}  ${color.dim(
        `${formatDuration(Math.round(round.minutes * 60))}${perQuestion}`,
      )}`,
    );
    round.questions.forEach((id, i) => {
      const principle = round.principles[i];
      const label = principle ? `${findPrinciple(principle)?.name ?? stripControl(principle)}: ` : '';
      const prompt = questions.get(id)?.prompt ?? '(not in the banks)';
      lines.push(truncate(`    ${label}${stripControl(id)}  ${color.dim(stripControl(prompt))}`, width));
    });
  }
  lines.push('');
  lines.push(
    color.dim(
      wrap(
        "Minutes are each round's main answers: the banks' time limits, or --time per question; each probe adds its own shorter timer. The bar raiser comes last and asks for a second example. --json prints the plan for `coach interview --peer --plan FILE`.",
        width,
      ),
    ),
  );
  return lines.join('\n');
}
