import {
  createPrompt,
  isBackspaceKey,
  isEnterKey,
  useEffect,
  useKeypress,
  useRef,
  useState,
} from '@inquirer/core';
import type { ChalkInstance } from 'chalk';
import type { AnswerStatus } from '../session/engine.js';
import { formatClock, timerState } from '../session/timer.js';
import { countWords } from '../text/tokens.js';
import { visibleLength, wrapLine } from './text.js';

export interface AnswerPromptConfig {
  /** Lines shown above the answer: question number, category, principles, the prompt. */
  header: string;
  limitSeconds: number;
  /** A draft being resumed: its text and the time already spent on it. */
  initialText: string;
  initialElapsedMs: number;
  /** Keep going past the limit (showing the overtime) instead of submitting at zero. */
  overtime: boolean;
  /** Milliseconds; injected so tests can drive time. */
  clock: () => number;
  color: ChalkInstance;
  /**
   * Called with the text so far on every new line and every `draftEveryMs`, typed or not: the time
   * spent thinking counts too, so a resumed answer does not get idle time back.
   */
  onDraft: (text: string, elapsedMs: number) => void;
  /** Called on every key with the text on screen (kept in memory, for saving on a signal). */
  onChange?: (text: string, elapsedMs: number) => void;
  draftEveryMs?: number;
  /** Terminal rows, to show only the tail of a long answer. */
  rows?: number;
  /** Terminal columns, to wrap finished lines at word boundaries (default 80). */
  columns?: number;
}

export interface AnswerValue {
  text: string;
  status: AnswerStatus;
  elapsedMs: number;
}

const NO_BREAK_SPACE = '\u00a0';

const KEYS_HELP = 'Enter new line · Ctrl-D submit · Ctrl-N skip · Ctrl-C pause/quit';

/**
 * A multi-line answer box with a countdown that keeps ticking while the candidate types.
 * readline owns the line being typed (so cursor keys, backspace and word deletion work as in any
 * shell); finished lines are kept here. The countdown turns yellow at a quarter of the time left and
 * red at zero, where the answer is submitted unless overtime is allowed.
 */
export const answerPrompt = createPrompt<AnswerValue, AnswerPromptConfig>((config, done) => {
  const { color } = config;
  const initial = config.initialText.split('\n');
  const startedAt = useRef(config.clock() - config.initialElapsedMs);
  const [lines, setLines] = useState<string[]>(initial.slice(0, -1));
  const [current, setCurrent] = useState<string>(initial.at(-1) ?? '');
  const [now, setNow] = useState<number>(config.clock());
  const [finished, setFinished] = useState<AnswerValue | null>(null);
  // When the last draft was saved; a draft is saved every draftEveryMs whether the text changed or not.
  const lastDraftAt = useRef(config.clock());

  const elapsedMs = now - startedAt.current;
  const text = [...lines, current].join('\n');
  const finish = (status: AnswerStatus) => {
    const value = { text: text.replace(/\s+$/, ''), status, elapsedMs: config.clock() - startedAt.current };
    setFinished(value);
    done(value);
  };

  useEffect((rl) => {
    // Continue a resumed last line inside readline, so editing it works.
    if (current) rl.write(current);
    // readline closes itself on Ctrl-D when its line is empty; Ctrl-D is our submit key, so give it a
    // non-empty line first. This listener is prepended to run before readline's own.
    const guard = (_input: string, key?: { ctrl?: boolean; name?: string }) => {
      if (key?.ctrl && key.name === 'd' && rl.line.length === 0) {
        (rl as unknown as { line: string; cursor: number }).line = ' ';
        (rl as unknown as { line: string; cursor: number }).cursor = 1;
      }
    };
    rl.input.prependListener('keypress', guard);
    const tick = setInterval(() => setNow(config.clock()), 200);
    return () => {
      clearInterval(tick);
      rl.input.removeListener('keypress', guard);
    };
  }, []);

  useEffect(() => {
    if (finished) return;
    const state = timerState(config.limitSeconds, elapsedMs);
    if (state.expired && !config.overtime) {
      finish('timeout');
      return;
    }
    const every = config.draftEveryMs ?? 2000;
    if (now - lastDraftAt.current >= every) {
      lastDraftAt.current = now;
      config.onDraft(text, elapsedMs);
    }
  }, [now]);

  useKeypress((key, rl) => {
    if (finished) return;
    if (key.ctrl && key.name === 'd') return finish('submitted');
    if (key.ctrl && key.name === 'n') return finish('skipped');
    if (isEnterKey(key)) {
      const nextLines = [...lines, current];
      setLines(nextLines);
      setCurrent('');
      const draft = nextLines.join('\n');
      lastDraftAt.current = config.clock();
      config.onDraft(`${draft}\n`, config.clock() - startedAt.current);
      return;
    }
    if (isBackspaceKey(key) && current === '' && lines.length > 0) {
      // Backspace at the start of a line joins it to the previous one.
      const previous = lines.at(-1)!;
      setLines(lines.slice(0, -1));
      setCurrent(previous);
      rl.clearLine(0);
      rl.write(previous);
      return;
    }
    setCurrent(rl.line);
  });

  useEffect(() => {
    config.onChange?.(text, config.clock() - startedAt.current);
  }, [text]);

  const state = timerState(config.limitSeconds, elapsedMs);
  const words = countWords(text);
  if (finished) {
    const how = { submitted: 'submitted', timeout: "time's up, submitted", skipped: 'skipped' }[
      finished.status
    ];
    return `${config.header}\n${color.dim(`  ${how}: ${words} words in ${formatClock(finished.elapsedMs).replace('+', '')}`)}`;
  }
  const paint = state.expired ? color.red : state.low ? color.yellow : color.green;
  const clock = state.expired
    ? `${formatClock(state.remainingMs)} overtime`
    : `${formatClock(state.remainingMs)} left`;
  // Finished lines wrap at word boundaries here; the line being typed is drawn by typingLine.
  const columns = config.columns ?? 80;
  const rows = lines.flatMap((line, index) => wrapLine(line, columns - 2).map((row) => ({ index, row })));
  // Only the tail of a long answer fits under the question, counted in screen rows.
  const room = Math.max(3, (config.rows ?? 40) - config.header.split('\n').length - 4);
  const shown = rows.slice(-(room - 1));
  const hidden = shown[0]?.index ?? lines.length;
  const body = [
    ...(hidden > 0 ? [color.dim(`  … ${hidden} earlier line${hidden === 1 ? '' : 's'}`)] : []),
    ...shown.map(({ row }) => `  ${row}`),
    typingLine(current, columns, color),
  ];
  const status = `${paint(`⏱ ${clock}`)}  ${color.dim(`${words} words · ${KEYS_HELP}`)}`;
  return [`${config.header}\n${body.join('\n')}`, status];
});

/**
 * The line being typed, after its marker. When it is longer than the terminal is wide it must break
 * at the edge, column by column, because that is how readline counts where the cursor is, but
 * @inquirer/core 10 word-wraps what a prompt draws: a word moved to the next row would leave the
 * cursor behind it (Inquirer.js #1818). Drawn with no-break spaces (one column each, like a space),
 * the line is one word to that wrapping, which breaks an over-long word exactly at the edge. A line
 * that fits keeps its ordinary spaces.
 */
function typingLine(current: string, columns: number, color: ChalkInstance): string {
  const line = `› ${current}`;
  const drawn = visibleLength(line) <= columns ? line : line.replaceAll(' ', NO_BREAK_SPACE);
  return color.cyan('›') + drawn.slice(1);
}
