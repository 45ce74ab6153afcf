import type OpenAI from 'openai';
import { costUsd, type ModelInfo, type RawUsage } from '../anthropic/models.js';
import { type JudgePrompt, judgePrompt } from '../judge-prompt.js';
import { judgedResult } from '../judged-result.js';
import { UnusableReply } from '../llm-failure.js';
import { fallBackOrThrow, graderWarnings, judgeWithRepair, notSentToModel, type Turn } from '../llm-judge.js';
import { scoreOffline } from '../offline/index.js';
import type { ScoreResult, TokenUsage } from '../result.js';
import type { ScoreInput, Scorer } from '../scorer.js';

export interface OpenAICompatibleJudgeOptions {
  client: OpenAI;
  model: string;
  /** Configured prices; none means a cost of zero (a model on your own machine). */
  prices?: ModelInfo | undefined;
  secrets: readonly string[];
  /** One overall deadline per answer in ms: retries and the repair call share it. */
  timeoutMs: number;
  /** false (--no-fallback): a failure that would fall back to offline throws instead (exit 2). */
  fallback?: boolean;
}

/**
 * The judge through an OpenAI-compatible chat completions server. The prompt, the quote checks and the
 * overall are the Anthropic judge's (judge-prompt.ts, judged-result.ts, llm-judge.ts); only the wire
 * format differs: one system message with the rules and the rubric, structured output through
 * `response_format` json_schema (which servers honour to varying degrees, so zod validates the reply
 * as for Anthropic), and temperature 0, because local servers sample by default and a judge should
 * give one answer the same score twice. Failures fall back to offline exactly as Anthropic's do.
 */
export class OpenAICompatibleScorer implements Scorer {
  readonly name = 'openai-compatible' as const;

  constructor(private readonly options: OpenAICompatibleJudgeOptions) {}

  async score(input: ScoreInput): Promise<ScoreResult> {
    const offline = scoreOffline(input);
    if (offline.verdict === 'insufficient') return notSentToModel(offline);
    const prompt = judgePrompt(input);
    const usage: RawUsage = {};
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const judgement = await judgeWithRepair(input, prompt, (turns) =>
        this.ask(prompt, turns, deadline, usage),
      );
      return judgedResult(input, judgement, {
        scorer: this.name,
        model: this.options.model,
        promptVersion: prompt.promptVersion,
        rubricVersion: prompt.rubricVersion,
        usage: this.tokenUsage(usage),
        warnings: graderWarnings(offline),
      });
    } catch (error) {
      return fallBackOrThrow(error, offline, {
        scorer: this.name,
        model: this.options.model,
        secrets: this.options.secrets,
        timeoutMs: this.options.timeoutMs,
        fallback: this.options.fallback !== false,
        ...(usage.input_tokens !== undefined ? { usage: this.tokenUsage(usage) } : {}),
        fatalHint: 'check --base-url, --model and OPENAI_API_KEY',
      });
    }
  }

  /** One chat completion; its usage added whatever the outcome; the text of a reply that finished. */
  private async ask(
    prompt: JudgePrompt,
    turns: Turn[],
    signal: AbortSignal,
    usage: RawUsage,
  ): Promise<string> {
    signal.throwIfAborted();
    let completion: OpenAI.ChatCompletion;
    try {
      completion = await this.options.client.chat.completions.create(
        {
          model: this.options.model,
          messages: [
            { role: 'system', content: `${prompt.system.rules}\n\n${prompt.system.rubric}` },
            ...turns,
          ],
          temperature: 0,
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'judgement', schema: prompt.jsonSchema, strict: true },
          },
        },
        { signal },
      );
    } catch (error) {
      // The deadline's abort surfaces as the client's abort error: report it as the deadline it is.
      if (signal.aborted) throw signal.reason;
      const { APIConnectionError } = this.options.client.constructor as typeof OpenAI;
      if (error instanceof APIConnectionError)
        throw new Error(`could not connect to ${this.options.client.baseURL}: is the server running?`);
      throw error;
    }
    const reported = completion.usage;
    if (reported) {
      const cached = reported.prompt_tokens_details?.cached_tokens ?? 0;
      usage.input_tokens = (usage.input_tokens ?? 0) + reported.prompt_tokens - cached;
      usage.output_tokens = (usage.output_tokens ?? 0) + reported.completion_tokens;
      usage.cache_read_input_tokens = (usage.cache_read_input_tokens ?? 0) + cached;
    }
    const choice = completion.choices?.[0];
    if (!choice) throw new UnusableReply('the server returned no reply');
    if (choice.finish_reason === 'length')
      throw new UnusableReply(
        'the reply was cut off at the maximum length before the judgement was complete',
      );
    if (choice.finish_reason === 'content_filter' || choice.message.refusal)
      throw new UnusableReply('the model refused to judge this answer');
    return choice.message.content ?? '';
  }

  private tokenUsage(usage: RawUsage): TokenUsage {
    return {
      inputTokens: usage.input_tokens ?? 0,
      outputTokens: usage.output_tokens ?? 0,
      cacheReadTokens: usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: 0,
      costUsd: this.options.prices ? costUsd(this.options.prices, usage) : 0,
    };
  }
}
