import { afterEach, beforeEach } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { repoRoot } from './paths.js';

/**
 * A local stand-in server (Messages API, chat completions) started fresh before each test of the calling
 * file or describe block and closed after it; the getter returns the current one.
 */
export function useLocalServer<S extends { close(): Promise<void> }>(start: () => Promise<S>): () => S {
  let server: S | undefined;
  beforeEach(async () => {
    server = await start();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return () => {
    if (!server) throw new Error('useLocalServer(): the server runs only inside a test');
    return server;
  };
}

/** The shipped star rubric's criterion ids, in rubric order. */
export const STAR_CRITERIA = (await loadRegistry({ banks: [] }, repoRoot)).rubrics
  .get('star')!
  .criteria.map((c) => c.id);

/**
 * A judgement as a model returns it for the star rubric: every criterion at `level`, keyed by criterion
 * id as the output schema asks, `evidence` quoted under the first criterion.
 */
export function starJudgement(level: number, evidence: string[] = []): string {
  return JSON.stringify({
    criteria: Object.fromEntries(
      STAR_CRITERIA.map((id, i) => [
        id,
        { evidence: i === 0 ? evidence : [], level, feedback: `About ${id}.` },
      ]),
    ),
    warnings: [],
  });
}
