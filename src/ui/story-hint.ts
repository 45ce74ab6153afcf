import type { ChalkInstance } from 'chalk';
import type { Suggestion } from '../stories/suggest.js';

/** The line practice shows above a behavioral question: the stories that fit it, or where to find the gaps. */
export function storyHintLine(fits: readonly Suggestion[], color: ChalkInstance): string {
  if (fits.length === 0) {
    return `${color.cyan('Your stories:')} ${color.dim('none fits this question; `coach stories coverage` shows the gaps')}`;
  }
  return `${color.cyan('Your stories:')} ${fits.map((s) => `${color.bold(s.id)} ${color.dim(`(${s.title})`)}`).join(' · ')}`;
}
