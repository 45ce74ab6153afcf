import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { scoreOffline } from '../../src/scoring/offline/index.js';
import type { ScoreResult } from '../../src/scoring/result.js';
import type { ScoreInput } from '../../src/scoring/scorer.js';

// Feedback that contradicted its own score, or asked for what the answer already said, found by a QA
// pass over fresh answers (issue 12). Each test uses the answer whose sentence showed it.
const registry = await loadRegistry({ banks: [] }, process.cwd());
const star = registry.rubrics.get('star')!;
const question = (id: string) => registry.questions.find((q) => q.id === id)!;

const scoreFor = (id: string, answer: string, extra: Partial<ScoreInput> = {}): ScoreResult => {
  const q = question(id);
  return scoreOffline({ rubric: star, question: q, prompt: q.prompt, answer, ...extra });
};
const criterion = (result: ScoreResult, id: string) => result.criteria.find((c) => c.id === id)!;

// Strong L6 Ownership story; it closes with "I learned to measure before fixing, and I now start every
// inherited system with an incident census."
const INHERITED = `Two years ago I took over the billing reconciliation service when its previous owner moved teams. It had paged the on-call forty times in the prior quarter and two month-end closes had slipped because jobs died halfway. My manager gave me the service and one other engineer, and my goal was to get month-end close back on schedule within one quarter without freezing feature work.
In the first two weeks I read every incident ticket from the last six months and tagged each by cause. I found that three causes explained seventy percent of the pages: a job that was not idempotent, a missing timeout on a partner API, and alerts on symptoms nobody could act on. I ranked fixes by pages removed per engineer-week, and I wrote that ranking down so the team could argue with it. I made the reconciliation job idempotent first, because a rerun after a crash was what corrupted the ledger. Then I added timeouts and a circuit breaker, and I deleted eleven alerts and rewrote four with runbooks.
By the end of the quarter pages dropped from forty to six, and the next three month-end closes finished a day early. Finance stopped keeping a manual spreadsheet as a backup. I learned to measure before fixing, and I now start every inherited system with an incident census.`;

// Strong L7 story; its last sentence, "Since then I require a numbers-grounding check...", also reports
// an outcome ("three other product lines have adopted it").
const BLOCKED_LAUNCH = `In 2024 our VP wanted a generative summary feature for support tickets launched before the holiday peak, and three org directors had already announced it to their teams. I was the principal engineer accountable for the support platform across five teams. Two weeks before launch, I ran the evaluation set myself and discovered that the summaries invented refund amounts in about four percent of tickets with several currencies. My task was to decide whether a launch that leadership wanted was safe for customers, and to make that call in a way the directors could accept.
I wrote a two-page memo that quantified the risk: at our volume, four percent meant roughly nine thousand wrong refund statements a week. I proposed a narrower launch rather than a flat no: summaries only for single-currency tickets, which covered eighty percent of volume, with the amount fields copied from the ledger instead of generated. I met each director one to one before the review so nobody was surprised, and I offered two of my engineers to build the ledger lookup in ten days.
We launched on the original date for eighty percent of tickets with zero wrong amounts in the first month, and agents cut handling time by eighteen percent. The multi-currency path shipped six weeks later. Since then I require a numbers-grounding check in every GenAI launch review across the org, and three other product lines have adopted it.`;

// Strong answer to a typed prompt; it opens "Last spring my manager decided...".
const DISAGREED = `Last spring my manager decided we would rewrite our search indexer in Rust, and he had already put it on the quarterly plan. I was the tech lead for the indexer, and I disagreed: the latency problem customers complained about came from the ranking service, not the indexer. I owed him either a better plan or my commitment to his.
I pulled two weeks of traces and showed that the indexer accounted for nine milliseconds of a 410 millisecond p99, while ranking accounted for 300. I wrote a one-page comparison of the rewrite against caching ranking features, with cost and risk for each, and I asked him for thirty minutes to walk through it rather than arguing in the planning meeting. He challenged my sampling, so I reran it on peak-day traffic and got the same split. He agreed to try the cache first, on the condition that we would revisit the rewrite if p99 stayed above 250.
The feature cache took three weeks and cut p99 from 410 to 190 milliseconds. The rewrite was dropped, which saved about two engineer-quarters. What I took from it is to bring data to a disagreement early and in private, and I now write the comparison before the plan is set.`;
const DISAGREED_PROMPT = `Tell me about a time you disagreed with your manager about a technical decision and what happened.`;

// Weak ML design answer to a content-moderation question (ml-system-design, which is not a recommender).
const MODERATION_WEAK = `Content moderation is a really hard problem and there is a lot of content to go through, so automation is important. I would build a machine learning model that looks at each piece of content and decides whether it is okay or not. If the model is confident it can make the decision by itself, and if it is not sure it can send the content to a human reviewer who will make the final call.
The human reviewers will make decisions, and we can use those decisions to train the model so it gets better over time. This creates a nice loop where the model and the humans work together. We would need a good tool for the reviewers so that they can work efficiently, and we would need to make sure they are trained on the policies so that their decisions are consistent with each other.
The model would be deployed as a service that the rest of the system calls. We would monitor it to make sure it is working well and retrain it regularly. We should also think about fairness because we do not want the model to be biased against certain groups. There are trade-offs between automation and accuracy, and we would need to find the right balance that works for the business and for users overall.`;

// Strong and weak L6 answers to ood-event-scheduler: the strong one puts its extension points behind
// interfaces ("a TaskStore interface with an in-memory and a file-backed implementation").
const SCHEDULER = `The callers are services that embed the library, so the API is small: schedule once at an instant, schedule a recurring task with a cron expression and a time zone, and cancel by handle. A Task interface has one method, run, and a TaskHandle carries the id and a cancel method.
The core classes are Trigger, with OnceTrigger and CronTrigger implementing nextFireTime after a given instant; a ScheduledTask that pairs a task, its trigger and its misfire policy; a TaskStore interface with an in-memory and a file-backed implementation; and a Scheduler that owns a priority queue ordered by next fire time. CronTrigger computes times in the user's zone with ZonedDateTime, so daylight saving changes skip or repeat local times deliberately: a 02:30 run on the spring-forward day runs at 03:00.
The loop takes the earliest task, waits on a condition until its time or until a new earlier task is added, then hands it to an executor pool so a slow task never blocks the loop. Cancellation marks the task and removes it from the queue under the same lock. On restart the store is read back, and each task's misfire policy decides: fire once now, fire every missed run, or skip to the next. Clock is an interface, so tests use a fake clock instead of sleeping.`;
const SCHEDULER_WEAK = `I would design a scheduler class that lets people schedule tasks to run later. It would be a singleton so that there is only one scheduler in the application, and it would have methods for adding tasks and removing tasks. Tasks would be stored in a list inside the scheduler, and there would be a background thread that checks the list every second to see if anything needs to run.
For recurring tasks we could use cron expressions, since most people are familiar with those, and we would parse them with a library. Time zones are tricky so we would need to handle them carefully, probably by converting everything to UTC. If the process was down, we would probably just run the tasks when it comes back up, or maybe skip them, depending on what the user wants.
Cancellation would work by removing the task from the list. We would need to think about thread safety because several threads might be adding and removing tasks at the same time, so we might add some locking. We should also write tests for the scheduler to make sure it works correctly, and use good object-oriented principles like encapsulation and single responsibility so that the code is easy to maintain and extend over time.`;

// Strong L5 Customer Obsession story with two measured results ("fell from eleven seconds to under three",
// "abandoned carts dropped by a third").
const SLOW_CHECKOUT = `Last autumn a small bakery chain that used our ordering app told their account manager that online orders felt slow. The dashboards showed p50 checkout latency at 300 milliseconds, which looked fine, so nobody owned the complaint. I was the engineer on the checkout team that week, and I wanted to know what the customer actually saw.
I asked for their store IDs and pulled the client traces for their orders. I found that their stores used old tablets on shared Wi-Fi, and the checkout page loaded 2.1 MB of JavaScript before the pay button worked, which took eleven seconds on those devices. I built a test on a throttled profile that matched their tablets, split the bundle so the pay button loaded first, and I deferred the analytics scripts.
Time to an active pay button on their tablets fell from eleven seconds to under three, and their abandoned carts dropped by a third in the next month. I added the throttled profile to our release checks, and since then I look at the slowest customer segment before I trust a median.`;

describe('feedback that agrees with the answer and its score', () => {
  it('quotes the words that fit as the bound "Fits" and "Too long" are judged against', () => {
    const concision = criterion(scoreFor('bhv-ownership-inherited-fragile-system', INHERITED), 'concision');
    // 222 words: it fits, so the figure quoted as fitting is not below it ("about 160 fit" was).
    expect(concision.feedback).toMatch(/^Fits a 4-minute typed answer \(222 words; up to about 240 fit\)/);
    const longer = `${INHERITED}
Before any of that, I spent a week shadowing the finance analysts who ran the close, and I wrote down every manual
step they took when a job failed. I also met the previous owner twice to hear which fixes he had tried and why
they had not stuck, and I kept a log of each page that month with the time it took to resolve. Those notes became
the first page of the runbook and the list of questions I asked in every design review that quarter.`;
    const long = criterion(scoreFor('bhv-ownership-inherited-fragile-system', longer), 'concision');
    const [, words, fit] = long.feedback.match(/^Too long .*\((\d+) words, up to about (\d+) fit\)/) ?? [];
    expect(Number(words)).toBeGreaterThan(Number(fit));
  });

  it('counts one sentence with the lesson and the practice it changed as a full reflection', () => {
    const reflection = criterion(scoreFor('bhv-ownership-inherited-fragile-system', INHERITED), 'reflection');
    expect(reflection.score).toBe(4);
    expect(reflection.feedback).not.toMatch(/what you have done since/);
  });

  it('does not ask for a changed practice the answer already states', () => {
    const reflection = criterion(
      scoreFor('aiml-block-risky-launch', BLOCKED_LAUNCH, { level: 'L7' }),
      'reflection',
    );
    // "Since then I require..." is the changed practice, though the sentence also reports an adoption.
    expect(reflection.score).toBe(3);
    expect(reflection.feedback).not.toMatch(/Close with what you learned|what you have done since/);
    expect(reflection.feedback).toMatch(/name the lesson/);
  });

  it('reads "Last spring ..." as setting the scene', () => {
    const result = scoreOffline({ rubric: star, prompt: DISAGREED_PROMPT, answer: DISAGREED });
    const structure = criterion(result, 'structure');
    expect(structure.feedback).not.toMatch(/no clear situation/);
    expect(structure.score).toBe(4);
    // "What I took from it is ..." names the lesson of the "I now ..." practice in the same sentence.
    expect(criterion(result, 'reflection').score).toBe(4);
  });

  it('does not suggest recommender stages to a generic ML design answer', () => {
    const q = question('aiml-human-review-loop');
    const rubric = registry.rubrics.get(q.rubric)!;
    expect(rubric.id).toBe('ml-system-design');
    const result = scoreOffline({
      rubric,
      question: q,
      prompt: q.prompt,
      answer: MODERATION_WEAK,
      level: 'L6',
    });
    const modelling = criterion(result, 'modelling');
    expect(modelling.feedback).not.toMatch(/two-tower|retrieval|ranking|candidate generation/);
    expect(modelling.feedback).toMatch(/baseline/);
  });

  it('reads a spelled-out figure ("ninety days") as a number, so it is not told to put a number on it', () => {
    const q = question('aiml-drift-response');
    const rubric = registry.rubrics.get(q.rubric)!;
    const answer =
      'I would watch the drift in the input data every hour with a population stability index per feature, and the drift of the concept through the delayed fraud labels each week. When either crosses its threshold the model is retrained on the last ninety days and validated before promotion.';
    const monitoring = criterion(
      scoreOffline({ rubric, question: q, prompt: q.prompt, answer }),
      'monitoring-and-retraining',
    );
    expect(monitoring.feedback).not.toMatch(/only in words/);
    expect(monitoring.score).toBe(4);
  });

  it('credits a second implementation behind an interface as extensibility, as its advice asks', () => {
    const q = question('ood-event-scheduler');
    const rubric = registry.rubrics.get(q.rubric)!;
    const run = (answer: string) =>
      scoreOffline({ rubric, question: q, prompt: q.prompt, answer, level: 'L6' });
    const strong = run(SCHEDULER);
    expect(criterion(strong, 'extensibility').score).toBeGreaterThanOrEqual(2);
    expect(['hire', 'strong-hire']).toContain(strong.verdict);
    expect(criterion(run(SCHEDULER_WEAK), 'extensibility').score).toBe(1);
  });

  it('does not ask for "a second measure" of a result measured twice', () => {
    const results = criterion(
      scoreFor('bhv-customer-pain-before-complaints', SLOW_CHECKOUT, { level: 'L5' }),
      'results',
    );
    expect(results.feedback).toMatch(/^Results: 2 sentences measure the outcome/);
    expect(results.feedback).not.toMatch(/second measure/);
  });
});
