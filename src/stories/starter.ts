/**
 * The file `coach stories init` writes: two strong example stories, one as free text and one in
 * STAR parts, with comments that explain every field. It must lint clean and pass the fast-path
 * gate (test/stories/init.test.ts), and its stories should score well: they are the model to copy.
 */
export function starterStories(schemaPath?: string): string {
  const modeline = schemaPath ? `# yaml-language-server: $schema=${schemaPath}\n` : '';
  return `${modeline}${STARTER}`;
}

const STARTER = `# Your story bank for interview-coach: the stories you tell in behavioral interviews.
#
# Aim for two or more stories per Leadership Principle you expect to be asked about, each a real
# event you can tell in about three minutes (300-420 words): a line or two of situation, what you
# were on the hook for, what YOU did (most of the story), and the result with numbers.
#
#   coach stories check               score every story and list what to improve
#   coach stories coverage            which principles have fewer than two stories
#   coach stories suggest <question>  which story to tell for a question
#   coach practice --stories          see the best story before each behavioral question
#   coach lint <this file>            check the file itself
#
# Replace the two examples below with your own stories.
kind: stories
stories:
  # A story as free text. Fields:
  #   id          lower-case words joined by hyphens, unique in this file
  #   title       a short line to recognise the story by
  #   principles  Leadership Principle ids (see \`coach principles\`), strongest first
  #   text        the story as you would tell it, in the first person
  #   metrics     optional: the numbers to remember
  #   level       optional: the level it is pitched at, L5 to L8
  #   scope       optional: team, multi-team or organisation
  - id: billing-migration
    title: Migrated billing to a new database without downtime
    principles: [ownership, dive-deep]
    level: L6
    scope: multi-team
    metrics:
      - 1.2 billion rows moved, 0 minutes of downtime
      - p99 write latency 900 ms to 120 ms
      - storage bill down $14,000 a month
    text: >-
      In 2023 I was a senior engineer on the billing team at a subscription company. Our billing
      database, a single MySQL instance that four teams wrote to, was at 85% of its disk and its
      vendor support ended in nine months. Nobody owned the migration because each team assumed
      another would do it, so I took ownership of it and told my manager I would bring a plan
      within two weeks.

      First, I traced every write path. I read the query logs for a week and found 37 distinct
      writers, six of them in services nobody on my team knew about. I wrote a two-page plan with
      a dual-write phase, a backfill and a per-table cutover, and I reviewed it with the four tech
      leads before asking anyone for time.

      Then I built the dual-write library myself and rolled it out one team at a time. When the
      backfill showed 0.3% of invoices differing between the two stores, I dug into the rows and
      found a timezone bug in our old rounding code that had been overcharging some customers by a
      cent. I fixed it, wrote a reconciliation job that compared both stores every hour, and cut
      over the last table in week eleven.

      As a result, we moved 1.2 billion rows with 0 minutes of downtime, p99 write latency went
      from 900 ms to 120 ms, and the storage bill fell by $14,000 a month. The reconciliation job
      became the standard for two later migrations. Looking back, I would publish the plan to all
      four teams on day one instead of after my own review. Since then I share every migration
      plan as a draft in its first week, and I still own the reconciliation job today.

  # The same kind of story in STAR parts: situation, task, action, result, told in that order.
  - id: pushed-back-on-kafka
    title: Disagreed with a Kafka mandate, then committed to the decision
    principles: [have-backbone-disagree-and-commit, earn-trust]
    level: L6
    scope: multi-team
    metrics:
      - 2 queues migrated instead of 23
      - about 12 engineer-months saved
    star:
      situation: >-
        In 2022 our principal engineer decided that all seven payments teams would move their
        queues from SQS to a new self-managed Kafka cluster by the end of the quarter.
      task: >-
        I led the ledger team, one of the seven, and I disagreed: I believed the plan would cost
        far more than it saved. My job was to make that case with data before teams committed
        people to it, without losing the trust of an engineer whose judgement I respected.
      action: >-
        I pulled a year of queue metrics: 19 of our 23 queues peaked below 300 messages per
        second, and only 2 needed replay, the main reason given for Kafka. I estimated the
        migration at 14 engineer-months. I met the principal engineer one to one first, so she
        heard my objection from me before anyone else did, and I pushed back with the numbers. I
        proposed a smaller plan: Kafka for the two workloads that needed replay, SQS for the rest.
        She challenged my cost estimate, so I listened, asked which numbers would change my mind,
        and reran the estimate with her figures. When the director decided on my smaller plan for
        most teams but kept her full plan for the fraud team, I committed to that decision fully
        and wrote the migration runbook that the fraud team used.
      result: >-
        As a result, the organisation migrated 2 queues instead of 23, which saved about 12
        engineer-months, and the fraud team met its replay deadline a month early. Looking back,
        I learned to take a disagreement to the decision maker privately first. Since then I
        write down the numbers that would change my mind in every design review I challenge.
`;
