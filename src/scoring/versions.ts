import { createHash } from 'node:crypto';
import type { Rubric } from '../schema/index.js';

/**
 * What produced a score, recorded with every result so a change of scorer, prompt or rubric shows up in
 * `coach stats` instead of silently moving the averages.
 */

/**
 * The offline scorer's version, recorded as its promptVersion. Bump it by hand whenever a change to
 * src/scoring/offline would move the score of an answer that scored before (new cues, new caps,
 * different thresholds): stats can then tell old offline scores from new ones.
 */
export const OFFLINE_SCORER_VERSION = 'offline-1';

/** The first 10 hex digits of a SHA-256: short enough for a table, long enough never to collide here. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

const rubricVersions = new WeakMap<Rubric, string>();

/** A hash of the rubric as loaded (criteria, weights, descriptors, hints): any edit changes it. */
export function rubricVersion(rubric: Rubric): string {
  let version = rubricVersions.get(rubric);
  if (!version) {
    version = shortHash(JSON.stringify(rubric));
    rubricVersions.set(rubric, version);
  }
  return version;
}
