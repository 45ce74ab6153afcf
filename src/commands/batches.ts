import { averageOf, storedBatchAttempts, storedBatchInputs } from '../answers/score-answers.js';
import { CoachError, UsageError } from '../errors.js';
import { BatchStore, type StoredBatch } from '../history/batch-store.js';
import { HistoryStore } from '../history/store.js';
import { dataDir } from '../paths.js';
import type { AnthropicScorer } from '../scoring/anthropic/judge.js';
import { describeFailure } from '../scoring/llm-failure.js';
import type { ScoreResult } from '../scoring/result.js';
import { colorFor } from '../ui/color.js';
import { table } from '../ui/text.js';
import { terminalWidth } from '../ui/width.js';
import type { CommandContext } from './context.js';
import { printResults } from './support/answers-file.js';
import { writeJson } from './support/output.js';
import { registryFor } from './support/registry.js';
import { createAnthropicScorer } from './support/scorer-choice.js';

/**
 * `coach batches`: the Message Batches sent by `score --batch` and `drill --answers --batch`, kept in
 * the data directory from the moment they exist, so a batch left by Ctrl-C is never lost or unpaid.
 */

function storeFor(ctx: CommandContext): BatchStore {
  return new BatchStore(dataDir(ctx.env));
}

function findStored(store: BatchStore, id: string): StoredBatch {
  const batch = store.get(id);
  if (!batch) {
    const known = store.list().batches.map((b) => b.id);
    throw new UsageError(
      `no stored batch "${id}"${known.length ? `; known: ${known.join(', ')}` : '; none stored'}`,
    );
  }
  return batch;
}

/** A scorer with the batch's own model (the key and endpoint from the environment, as for scoring). */
function scorerFor(batch: StoredBatch, ctx: CommandContext): Promise<AnthropicScorer> {
  return createAnthropicScorer({ scorer: 'anthropic', model: batch.model }, ctx);
}

/** An API call about a batch; a failure becomes one line naming the batch (exit 2), never the key. */
async function aboutBatch<T>(id: string, ctx: CommandContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CoachError) throw error;
    const secrets = [ctx.env.ANTHROPIC_API_KEY ?? '', ctx.env.ANTHROPIC_AUTH_TOKEN ?? ''];
    throw new CoachError(`batch ${id}: ${describeFailure(error, secrets).reason}`);
  }
}

/** `coach batches [--json]`: every stored batch with its state, and for batches not yet collected the API's status. */
export async function batchesCommand(options: { json?: boolean }, ctx: CommandContext): Promise<number> {
  const store = storeFor(ctx);
  const { batches, damaged } = store.list();
  if (damaged > 0) ctx.stderr.write(`coach: skipped ${damaged} unreadable file(s) in ${store.dir}\n`);
  const rows = [];
  for (const b of batches) {
    let status: string = b.state;
    if (b.state === 'sent') {
      try {
        const scorer = await scorerFor(b, ctx);
        const api = await aboutBatch(b.id, ctx, () => scorer.batchStatus(b.id));
        const c = api.request_counts;
        status =
          api.processing_status === 'ended'
            ? `ended: ${c.succeeded} succeeded, ${c.errored + c.expired + c.canceled} failed; collect it`
            : `${api.processing_status}: ${c.succeeded + c.errored} of ${b.items.length} done`;
      } catch (error) {
        status = `sent (status unknown: ${(error as Error).message.split('\n')[0]})`;
      }
    }
    rows.push({
      id: b.id,
      createdAt: b.createdAt,
      source: b.source,
      model: b.model,
      answers: b.items.length,
      state: b.state,
      status,
      estimatedCostUsd: b.estimatedCostUsd,
    });
  }
  if (options.json) {
    writeJson(ctx, rows);
    return 0;
  }
  if (rows.length === 0) {
    ctx.stderr.write(
      'coach: no stored batches; `coach score --batch` and `coach drill --answers --batch` send them\n',
    );
    return 0;
  }
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  ctx.stdout.write(
    table(
      ['BATCH', 'SENT', 'SOURCE', 'ANSWERS', 'EST. COST', 'STATUS'].map((h) => c.dim(h)),
      rows.map((r) => [
        r.id,
        r.createdAt.slice(0, 16).replace('T', ' '),
        r.source,
        String(r.answers),
        `$${r.estimatedCostUsd.toFixed(4)}`,
        r.status,
      ]),
      terminalWidth(ctx.stdout),
    ),
  );
  return 0;
}

/**
 * `coach batches collect [ID] [--json]`: fetches the results of ended batches (the one named, else
 * every one not yet collected), completes their unscored history records, and prints the scores.
 */
export async function batchesCollectCommand(
  id: string | undefined,
  options: { json?: boolean; banks?: string[] },
  ctx: CommandContext,
): Promise<number> {
  const store = storeFor(ctx);
  const targets = id ? [findStored(store, id)] : store.list().batches.filter((b) => b.state === 'sent');
  if (id && targets[0]!.state !== 'sent') throw new UsageError(`batch ${id} is already ${targets[0]!.state}`);
  const registry = await registryFor(ctx, options.banks);
  const out: { id: string; state: 'collected' | 'in_progress'; results: ScoreResult[] }[] = [];
  for (const batch of targets) {
    const inputs = storedBatchInputs(batch, registry);
    const scorer = await scorerFor(batch, ctx);
    const outcome = await aboutBatch(batch.id, ctx, () =>
      scorer.collectBatch(
        batch.id,
        inputs,
        batch.items.map((i) => i.customId),
      ),
    );
    if (!outcome.ended) {
      ctx.stderr.write(
        `coach: batch ${batch.id} is still in progress (${outcome.done} of ${outcome.total} done); collect it later\n`,
      );
      out.push({ id: batch.id, state: 'in_progress', results: [] });
      continue;
    }
    if (batch.save) {
      new HistoryStore(dataDir(ctx.env)).append(storedBatchAttempts(batch, outcome.results, registry));
    }
    store.save({ ...batch, state: 'collected', collectedAt: new Date().toISOString() });
    out.push({ id: batch.id, state: 'collected', results: outcome.results });
  }
  if (options.json) writeJson(ctx, { batches: out });
  else if (out.length === 0) ctx.stderr.write('coach: no batches to collect\n');
  else
    for (const b of out.filter((b) => b.state === 'collected')) {
      ctx.stdout.write(`Batch ${b.id}\n`);
      printResults(b.results, averageOf(b.results), ctx);
    }
  return 0;
}

/** `coach batches cancel ID`: asks the API to cancel; the answers stay in history, unscored. */
export async function batchesCancelCommand(id: string, ctx: CommandContext): Promise<number> {
  const store = storeFor(ctx);
  const batch = findStored(store, id);
  if (batch.state !== 'sent') throw new UsageError(`batch ${id} is already ${batch.state}`);
  const scorer = await scorerFor(batch, ctx);
  const status = await aboutBatch(id, ctx, () => scorer.cancelBatch(id));
  if (status.processing_status === 'ended') {
    ctx.stderr.write(
      `coach: batch ${id} had already ended; collect it with \`coach batches collect ${id}\`\n`,
    );
    return 0;
  }
  store.save({ ...batch, state: 'canceled' });
  ctx.stderr.write(`coach: batch ${id} is canceling; its answers stay in history, unscored\n`);
  return 0;
}
