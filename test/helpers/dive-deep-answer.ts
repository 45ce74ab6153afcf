/**
 * A strong STAR answer to `bhv-dive-deep-anecdote-vs-data`, long enough that the offline guards send it
 * to the LLM judge: the tests that drive the judge against a local Messages API share it.
 */
export const DIVE_DEEP_QUESTION = 'bhv-dive-deep-anecdote-vs-data';

export const DIVE_DEEP_ANSWER = `Last year a single enterprise customer told us that search had stopped finding their older photos, while
our dashboard showed search success steady at 97%. I traced three of their queries end to end through the logs and
found that items uploaded before 2019 were indexed with an old tokenizer. I sized it with a query over the index:
4 million items across 12,000 accounts. I proposed a backfill, wrote the runbook and ran it over two weekends.
As a result search success for old items went from 61% to 96%. I learned that an average can hide a segment.`;
